//! A speaker turn of a call transcript, found by the segment stage and
//! read by the claim stage (a claim's `speaker`).

/// One speaker turn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    /// Byte offset where the turn's text starts.
    pub start: usize,
    /// Byte offset where it ends (the next speaker line).
    pub end: usize,
    /// The speaker's name ("Operator" for the operator).
    pub name: String,
    /// Title and company, when given.
    pub role: Option<String>,
}

impl Turn {
    /// "Name, Title", or the name alone.
    pub fn speaker(&self) -> String {
        match &self.role {
            Some(r) => format!("{}, {}", self.name, r),
            None => self.name.clone(),
        }
    }
}
