//! A problem with one input (the `error` record).

use std::fmt;
use std::path::PathBuf;

/// How bad an input problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The input was not extracted at all.
    Error,
    /// The input was extracted, but not exactly as written (e.g. invalid
    /// UTF-8 replaced with U+FFFD).
    Warning,
}

impl Severity {
    /// The name used in output records.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A problem with one input, reported and counted, never fatal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The document id, when the input got that far.
    pub doc: Option<String>,
    /// The file path, when there is one.
    pub path: Option<PathBuf>,
    /// Where in a container file: the line (JSON lines) or record number
    /// (WARC, Reuters SGML), 1-based.
    pub record: Option<u64>,
    /// What went wrong, for people.
    pub message: String,
    /// Whether the document was lost or only degraded.
    pub severity: Severity,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match (&self.path, &self.doc) {
            (Some(p), _) => p.display().to_string(),
            (None, Some(d)) => d.clone(),
            (None, None) => "<input>".to_string(),
        };
        match self.record {
            Some(r) if self.path.is_some() => write!(
                f,
                "{}: {what}:{r}: {}",
                self.severity.as_str(),
                self.message
            ),
            _ => write!(
                f,
                "{}: {what}: {}",
                self.severity.as_str(),
                self.message
            ),
        }
    }
}

impl InputError {
    /// A warning about document `doc`.
    pub fn warning(doc: &str, message: String) -> InputError {
        InputError {
            doc: Some(doc.to_string()),
            path: None,
            record: None,
            message,
            severity: Severity::Warning,
        }
    }
}
