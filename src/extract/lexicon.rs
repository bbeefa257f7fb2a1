/*!
The skills lexicon: canonical names, their aliases, optional taxonomy ids
and the case and context rules for ambiguous names.

The built-in lexicon is `data/skills.tsv`, compiled into the binary. Users
can load their own with `--skills FILE`, instead of or in addition to it.

# File format

One skill per line, tab-separated (`.tsv`, or any line with a tab) or
comma-separated with CSV quoting (`.csv`):

```text
canonical<TAB>aliases<TAB>id<TAB>flags
ChatGPT<TAB>Chat GPT|chatGPT<TAB><TAB>
Go<TAB>Golang|Go language<TAB><TAB>cs,ctx
```

- `canonical`: the name reported as the mention's value; also a surface
  form.
- `aliases`: other surface forms, separated by `|` (or `;`).
- `id`: a taxonomy id reported as the mention's `unit` (may be empty).
- `flags`: `cs` (case-sensitive) and `ctx` (needs context: a skill-context
  word such as "skills" or "developers" nearby, or other skills in the same
  list). With `cs`, the flags apply to the line's *ambiguous* forms only —
  single plain words like `Go` or `Excel` and short acronyms — so that
  `Golang` and `Go language` match freely. `ctx` alone applies to every
  form of the line (generic phrases such as "customer service").

Lines starting with `#` and blank lines are ignored; a first line whose
first field is `canonical` or `name` is a header. Whatever the flags say,
one- and two-letter forms and a short list of ordinary English words
(`go`, `excel`, `rust`, `swift`, ...) always need the exact case and
context.
*/

use std::fmt;
use std::path::Path;

/// One surface form of a skill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// The text to match.
    pub text: String,
    /// Match only this exact casing.
    pub case_sensitive: bool,
    /// Report only with skill context nearby.
    pub needs_context: bool,
}

/// One skill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The canonical name.
    pub canonical: String,
    /// The taxonomy id, if any.
    pub id: Option<String>,
    /// Every surface form, canonical first.
    pub forms: Vec<Form>,
}

/// A skills lexicon.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lexicon {
    entries: Vec<Entry>,
}

/// An error while reading a lexicon.
#[derive(Debug)]
#[non_exhaustive]
pub struct LexiconError {
    /// Where (file or "built-in").
    pub source: String,
    /// Line number, 1-based, when the error is on a line.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(
                f,
                "skills lexicon error: {}:{}: {}",
                self.source, l, self.message
            ),
            None => write!(
                f,
                "skills lexicon error: {}: {}",
                self.source, self.message
            ),
        }
    }
}

impl std::error::Error for LexiconError {}

const BUILTIN: &str = include_str!("../../data/skills.tsv");

/// Ordinary English words that are also skill names.
const COMMON_WORDS: &[&str] = &[
    "go",
    "excel",
    "rust",
    "swift",
    "ruby",
    "java",
    "julia",
    "dart",
    "word",
    "access",
    "teams",
    "make",
    "sketch",
    "spring",
    "notion",
    "slack",
    "unity",
    "bubble",
    "sage",
    "sales",
    "agile",
    "scrum",
    "flask",
    "react",
    "angular",
    "ionic",
    "electron",
    "bootstrap",
    "apex",
    "elm",
    "ada",
    "assembly",
    "pascal",
    "gemini",
    "claude",
    "jasper",
    "cursor",
    "runway",
    "whisper",
    "llama",
    "mistral",
    "perplexity",
    "looker",
    "express",
    "spark",
    "kafka",
    "airflow",
    "docker",
    "git",
    "snowflake",
    "workday",
    "confluence",
    "cypress",
    "selenium",
    "postman",
    "playwright",
    "blender",
    "houdini",
    "framer",
    "maya",
    "pandas",
    "groovy",
    "delphi",
    "lisp",
    "bash",
    "shell",
    "outlook",
    "canvas",
    "tableau",
    "grok",
    "cohere",
    "bard",
    "sora",
    "pinecone",
    "procreate",
    "audacity",
    "asana",
    "c",
    "r",
];

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Lexicon {
        Lexicon::parse(BUILTIN, "built-in", '\t')
            .expect("built-in lexicon parses")
    }

    /// An empty lexicon.
    pub fn empty() -> Lexicon {
        Lexicon::default()
    }

    /// Reads a lexicon file (TSV or CSV, by extension or content).
    pub fn from_path(path: &Path) -> Result<Lexicon, LexiconError> {
        let src = path.display().to_string();
        let text =
            std::fs::read_to_string(path).map_err(|e| LexiconError {
                source: src.clone(),
                line: None,
                message: e.to_string(),
            })?;
        let is_csv =
            path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))
                || !text.contains('\t');
        Lexicon::parse(&text, &src, if is_csv { ',' } else { '\t' })
    }

    /// Parses lexicon text with the given delimiter.
    pub fn parse(
        text: &str,
        source: &str,
        delim: char,
    ) -> Result<Lexicon, LexiconError> {
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(delim as u8)
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .quoting(delim == ',')
            .from_reader(text.as_bytes());
        let mut lex = Lexicon::default();
        for (n, rec) in rdr.records().enumerate() {
            let rec = rec.map_err(|e| LexiconError {
                source: source.to_string(),
                line: e.position().map(|p| p.line() as usize),
                message: e.to_string(),
            })?;
            let line =
                rec.position().map(|p| p.line() as usize).unwrap_or(n + 1);
            let field = |i: usize| rec.get(i).map(str::trim).unwrap_or("");
            let canonical = field(0);
            if canonical.is_empty() {
                if rec.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                return Err(LexiconError {
                    source: source.to_string(),
                    line: Some(line),
                    message: "the canonical name (first field) is empty"
                        .into(),
                });
            }
            if n == 0
                && (canonical.eq_ignore_ascii_case("canonical")
                    || canonical.eq_ignore_ascii_case("name"))
            {
                continue;
            }
            let aliases: Vec<&str> = field(1)
                .split(['|', ';'])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .collect();
            let id =
                Some(field(2)).filter(|s| !s.is_empty()).map(str::to_string);
            let flags = field(3);
            let mut cs = false;
            let mut ctx = false;
            for f in flags
                .split([',', ' '])
                .map(str::trim)
                .filter(|f| !f.is_empty())
            {
                match f {
                    "cs" => cs = true,
                    "ctx" => ctx = true,
                    other => {
                        return Err(LexiconError {
                            source: source.to_string(),
                            line: Some(line),
                            message: format!(
                                "unknown flag {other:?} (known: cs, ctx)"
                            ),
                        });
                    }
                }
            }
            let mut forms = Vec::new();
            for text in std::iter::once(canonical).chain(aliases) {
                let amb = ambiguous(text);
                let common = always_guarded(text);
                forms.push(Form {
                    text: text.to_string(),
                    case_sensitive: common || (cs && amb),
                    needs_context: common || (ctx && (amb || !cs)),
                });
            }
            lex.entries.push(Entry {
                canonical: canonical.to_string(),
                id,
                forms,
            });
        }
        Ok(lex)
    }

    /// Adds the entries of another lexicon after this one's. Where a
    /// surface form is in both, this lexicon's entry wins.
    pub fn extend(&mut self, other: Lexicon) {
        self.entries.extend(other.entries);
    }

    /// The entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of skills.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no skills.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A form is ambiguous when it is one plain word (letters only, no inner
/// capitals as in "PyTorch") or a short acronym: such words are often
/// ordinary English or other names.
fn ambiguous(text: &str) -> bool {
    if text.contains(char::is_whitespace) {
        return false;
    }
    let letters = text.chars().all(|c| c.is_ascii_alphabetic());
    if !letters {
        return text.chars().count() <= 2;
    }
    let all_caps = text.chars().all(|c| c.is_ascii_uppercase());
    if all_caps {
        return text.len() <= 4;
    }
    !text.chars().skip(1).any(|c| c.is_ascii_uppercase())
}

fn always_guarded(text: &str) -> bool {
    text.chars().count() <= 2 && text.chars().all(|c| c.is_ascii_alphabetic())
        || COMMON_WORDS.iter().any(|w| w.eq_ignore_ascii_case(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_is_large_and_well_formed() {
        let lex = Lexicon::builtin();
        assert!(lex.len() >= 400, "{} skills", lex.len());
        assert!(lex.entries().iter().all(|e| !e.forms.is_empty()));
    }

    #[test]
    fn flags_apply_to_ambiguous_forms() {
        let lex =
            Lexicon::parse("Go\tGolang|Go language\t\tcs,ctx\n", "t", '\t')
                .unwrap();
        let f = &lex.entries()[0].forms;
        assert!(f[0].case_sensitive && f[0].needs_context);
        assert!(
            f[1].case_sensitive && f[1].needs_context,
            "Golang is one plain word"
        );
        assert!(!f[2].case_sensitive && !f[2].needs_context);
    }

    #[test]
    fn csv_with_header_and_quotes() {
        let text = "canonical,aliases,id\n\"Video editing\",\"video editor|editing video\",S1\n";
        let lex = Lexicon::parse(text, "t", ',').unwrap();
        assert_eq!(lex.len(), 1);
        assert_eq!(lex.entries()[0].id.as_deref(), Some("S1"));
        assert_eq!(lex.entries()[0].forms.len(), 3);
    }

    #[test]
    fn bad_flag_is_reported_with_line() {
        let err = Lexicon::parse("A\t\t\tcs\nB\t\t\tloud\n", "f.tsv", '\t')
            .unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.to_string().contains("loud"));
    }
}
