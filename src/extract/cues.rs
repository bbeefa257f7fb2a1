/*!
Context rules for ambiguous skill names: the table `data/skill-cues.tsv`.

Some skill names are also ordinary words, places or companies: "Java" the
island, "Oracle" the company, "Salesforce" as a partner, "Lean" the
adjective, "Windows" in a house. The lexicon's flags say only *whether* a
name needs context; this table says *which* context, per surface form, in
a file a reader can check: cues that accept the match, cues that reject
it (reject wins), and what to do when neither is there.

A cue is a phrase matched ignoring ASCII case at word boundaries:
`phrase` anywhere on the same line within [`WINDOW`] bytes of the match,
`phrase _` right before it, `_ phrase` right after it (only spaces
between).
*/

use super::text::{word_end, word_start};
use std::collections::HashMap;

/// How far (bytes) around a match an anywhere-cue may stand.
pub const WINDOW: usize = 80;

const BUILTIN: &str = include_str!("../../data/skill-cues.tsv");

/// Where a cue must stand relative to the match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum At {
    Anywhere,
    Before,
    After,
}

#[derive(Clone, Debug)]
struct Cue {
    at: At,
    phrase: String,
}

/// What a rule says when no cue is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Otherwise {
    /// A skill.
    Yes,
    /// Not a skill.
    No,
    /// The lexicon's flags decide (context words, other skills nearby).
    Context,
}

/// The verdict of a rule on one match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// An accept cue is there (and no reject cue).
    Accept,
    /// A reject cue is there.
    Reject,
    /// Neither: the rule's `otherwise`.
    Otherwise(Otherwise),
}

/// The rule for one surface form.
#[derive(Clone, Debug)]
pub struct Rule {
    accept: Vec<Cue>,
    reject: Vec<Cue>,
    otherwise: Otherwise,
}

/// The table: surface form (lower case) → rule.
#[derive(Clone, Debug, Default)]
pub struct CueTable {
    rules: HashMap<String, Rule>,
}

fn parse_cue(s: &str) -> Option<Cue> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let (at, phrase) = if let Some(p) = s.strip_suffix(" _") {
        (At::Before, p)
    } else if let Some(p) = s.strip_prefix("_ ") {
        (At::After, p)
    } else {
        (At::Anywhere, s)
    };
    Some(Cue { at, phrase: phrase.trim().to_ascii_lowercase() })
}

fn cues(field: &str) -> Vec<Cue> {
    field.split('|').filter_map(parse_cue).collect()
}

impl CueTable {
    /// The built-in table (`data/skill-cues.tsv`).
    pub fn builtin() -> CueTable {
        CueTable::parse(BUILTIN).expect("built-in cue table parses")
    }

    /// Parses a table; an error names the line.
    pub fn parse(text: &str) -> Result<CueTable, String> {
        let mut rules = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let form = f[0].trim();
            let otherwise = match f.get(3).map(|s| s.trim()) {
                Some("yes") => Otherwise::Yes,
                Some("no") => Otherwise::No,
                Some("ctx") | Some("") | None => Otherwise::Context,
                Some(o) => {
                    return Err(format!(
                        "skill cues: line {}: unknown otherwise {o:?} (yes, no, ctx)",
                        n + 1
                    ));
                }
            };
            let rule = Rule {
                accept: cues(f.get(1).copied().unwrap_or("")),
                reject: cues(f.get(2).copied().unwrap_or("")),
                otherwise,
            };
            if rules.insert(form.to_ascii_lowercase(), rule).is_some() {
                return Err(format!(
                    "skill cues: line {}: {form:?} has two rows",
                    n + 1
                ));
            }
        }
        Ok(CueTable { rules })
    }

    /// The rule for a surface form, if the table has one.
    pub fn rule(&self, form: &str) -> Option<&Rule> {
        self.rules.get(&form.to_ascii_lowercase())
    }

    /// The forms the table has rules for (lower case).
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.rules.keys().map(String::as_str)
    }
}

impl Rule {
    /// Judges the match `text[s..e]`.
    pub fn judge(&self, text: &str, s: usize, e: usize) -> Verdict {
        if self.reject.iter().any(|c| c.found(text, s, e)) {
            Verdict::Reject
        } else if self.accept.iter().any(|c| c.found(text, s, e)) {
            Verdict::Accept
        } else {
            Verdict::Otherwise(self.otherwise)
        }
    }
}

/// The same line within [`WINDOW`] bytes of `s..e`, on char boundaries.
pub fn window(text: &str, s: usize, e: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let mut lo = s.saturating_sub(WINDOW);
    let mut hi = (e + WINDOW).min(b.len());
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    if let Some(nl) = memchr::memrchr(b'\n', &b[lo..s]) {
        lo += nl + 1;
    }
    if let Some(nl) = memchr::memchr(b'\n', &b[e..hi]) {
        hi = e + nl;
    }
    (lo, hi)
}

/// True when `p` (lower case) stands at byte `i` of `text`, ignoring
/// ASCII case, on word boundaries.
fn at(text: &str, i: usize, p: &str) -> bool {
    let end = i + p.len();
    text.get(i..end).is_some_and(|t| t.eq_ignore_ascii_case(p))
        && (!p.starts_with(|c: char| c.is_alphanumeric())
            || word_start(text, i))
        && (!p.ends_with(|c: char| c.is_alphanumeric()) || word_end(text, end))
}

impl Cue {
    fn found(&self, text: &str, s: usize, e: usize) -> bool {
        let p = self.phrase.as_str();
        match self.at {
            At::Before => {
                let head = text[..s].trim_end_matches(' ');
                head.len() >= p.len() && at(text, head.len() - p.len(), p)
            }
            At::After => {
                let tail = text[e..].trim_start_matches(' ');
                at(text, text.len() - tail.len(), p)
            }
            At::Anywhere => {
                let (lo, hi) = window(text, s, e);
                let w = &text.as_bytes()[lo..hi];
                let first = p.as_bytes()[0];
                // Occurrences overlapping the match itself do not count.
                (0..w.len().saturating_sub(p.len() - 1)).any(|k| {
                    let (cs, ce) = (lo + k, lo + k + p.len());
                    w[k].eq_ignore_ascii_case(&first)
                        && (ce <= s || cs >= e)
                        && at(text, cs, p)
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (form, sentence, expected verdict). Sentences are made up.
    const CASES: &[(&str, &str, Verdict)] = &[
        ("AI", "Shares of the maker (NYSE: AI) fell", Verdict::Reject),
        ("AI", "We are investing in AI across the business", OTHER_YES),
        ("Java", "We hired Java developers in Pune", Verdict::Accept),
        ("Java", "A new plant in East Java, Indonesia", Verdict::Reject),
        ("Java", "Java sales were flat", OTHER_CTX),
        (
            "Oracle",
            "We moved the ledger to Oracle Database 19c",
            Verdict::Accept,
        ),
        ("Oracle", "Our partnership with Oracle expanded", Verdict::Reject),
        ("Oracle", "Oracle Corp reported revenue", Verdict::Reject),
        ("Salesforce", "Sellers work in the Salesforce CRM", Verdict::Accept),
        (
            "Salesforce",
            "Customers include Salesforce and Adobe",
            Verdict::Reject,
        ),
        ("Salesforce", "A new alliance with Salesforce", Verdict::Reject),
        ("SAP", "The SAP S/4HANA migration is done", Verdict::Accept),
        ("SAP", "SAP SE raised its outlook", Verdict::Reject),
        ("Workday", "We went live on Workday HCM", Verdict::Accept),
        ("Workday", "Output per workday rose", Verdict::Reject),
        (
            "Snowflake",
            "Analysts query the Snowflake warehouse",
            Verdict::Accept,
        ),
        ("Snowflake", "Snowflake Inc reported results", Verdict::Reject),
        (
            "security",
            "Strong security technology in our platform",
            Verdict::Accept,
        ),
        (
            "security",
            "Analytics, mobility, security and apps",
            Verdict::Accept,
        ),
        (
            "security",
            "Firms with long experience in security won the bid",
            Verdict::Accept,
        ),
        ("security", "Social Security payments rose", Verdict::Reject),
        ("security", "Home security and alarm monitoring", Verdict::Reject),
        ("security", "The security of supply is good", OTHER_NO),
        ("data", "Our data and analytics business grew", Verdict::Accept),
        ("data", "Apps built on cloud and data", Verdict::Accept),
        ("data", "Technology and data expertise", Verdict::Accept),
        ("data", "The data show a recovery", OTHER_NO),
        ("Windows", "Support for Windows 11 PCs", Verdict::Accept),
        ("Windows", "Andersen Windows and doors revenue", Verdict::Reject),
        (
            "Lean",
            "We adopted Lean manufacturing at two plants",
            Verdict::Accept,
        ),
        ("Lean", "It was a lean quarter for orders", Verdict::Reject),
        ("Lean", "Lean is how we run", OTHER_CTX),
        ("design", "Strong design skills are scarce", Verdict::Accept),
        ("design", "The chip won a design win at a carmaker", Verdict::Reject),
        ("design", "Safe by design", Verdict::Reject),
        (
            "communication",
            "Good written and verbal communication",
            Verdict::Accept,
        ),
        (
            "communications",
            "Communications services revenue rose",
            Verdict::Reject,
        ),
        ("Square", "Sellers use Square POS terminals", Verdict::Accept),
        ("Square", "A 40,000 square feet store", Verdict::Reject),
        ("Square", "A square table", Verdict::Otherwise(Otherwise::No)),
    ];
    const OTHER_YES: Verdict = Verdict::Otherwise(Otherwise::Yes);
    const OTHER_CTX: Verdict = Verdict::Otherwise(Otherwise::Context);
    const OTHER_NO: Verdict = Verdict::Otherwise(Otherwise::No);

    fn locate(text: &str, form: &str) -> (usize, usize) {
        let lower = text.to_ascii_lowercase();
        let f = form.to_ascii_lowercase();
        let mut from = 0;
        while let Some(k) = lower[from..].find(&f) {
            let s = from + k;
            if word_start(text, s) && word_end(text, s + f.len()) {
                return (s, s + f.len());
            }
            from = s + 1;
        }
        panic!("{form:?} not in {text:?}")
    }

    #[test]
    fn every_cue_row_judges_its_cases() {
        let t = CueTable::builtin();
        for &(form, text, want) in CASES {
            let (s, e) = locate(text, form);
            let rule =
                t.rule(form).unwrap_or_else(|| panic!("no rule {form}"));
            assert_eq!(rule.judge(text, s, e), want, "{form} in {text:?}");
        }
    }

    #[test]
    fn every_row_has_a_case() {
        let t = CueTable::builtin();
        for f in t.forms() {
            assert!(
                CASES.iter().any(|c| c.0.eq_ignore_ascii_case(f)),
                "cue row {f:?} has no test case"
            );
        }
    }

    #[test]
    fn bad_otherwise_is_an_error() {
        assert!(CueTable::parse("X\t\t\tmaybe\n").is_err());
        assert!(CueTable::parse("X\t\t\tyes\nx\t\t\tno\n").is_err());
    }
}
