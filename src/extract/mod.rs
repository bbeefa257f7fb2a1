/*!
Stage 4: text → [`Mention`]s.

An [`ExtractorSet`] is built once (it owns the compiled automata) and is
shared by reference across worker threads. [`ExtractorSet::extract`] runs
every enabled extractor over one text and returns its mentions sorted by
position, with overlaps resolved:

1. `skill` — Aho-Corasick over the skills lexicon ([`skill`]).
2. `date` — dates and fiscal periods, triggered by month names, quarter and
   half markers, `fiscal`/`FY` and digit patterns ([`date`]).
3. `money`, `percent`, `count` — one scan over every number in digits or
   words ([`quantity`]); what follows and precedes a number decides its kind
   ([`money`], [`percent`], [`count`]).

Dates win over quantities where they overlap ("Nov. 5" is a date, not the
count 5), and a number inside a skill name ("GPT-4") is not a count.

All spans are byte offsets while extracting; [`CharIndex`] turns them into
the code-point offsets of the output contract.
*/

pub mod count;
pub mod date;
pub mod keyword;
pub mod lexicon;
pub mod money;
pub mod number;
pub mod percent;
pub mod quantity;
pub mod skill;
#[cfg(test)]
#[path = "tests.rs"]
mod tests_table;
pub mod text;
pub mod words;

use std::fmt;

pub use lexicon::{Lexicon, LexiconError};

/// The kinds of mention we extract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Percentages, percentage points and basis points.
    Percent,
    /// Plain counts ("855,000 clients").
    Count,
    /// Money amounts.
    Money,
    /// Dates and fiscal periods.
    Date,
    /// Skills from the lexicon.
    Skill,
}

impl Kind {
    /// Every kind, in output order of precedence.
    pub const ALL: [Kind; 5] =
        [Kind::Percent, Kind::Count, Kind::Money, Kind::Date, Kind::Skill];

    /// The name used in the output contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Percent => "percent",
            Kind::Count => "count",
            Kind::Money => "money",
            Kind::Date => "date",
            Kind::Skill => "skill",
        }
    }

    /// Parses a contract name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Index into per-kind arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A normalized value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Percent, count and money values.
    Number(f64),
    /// Date values (TIMEX3-style) and canonical skill names.
    Text(String),
}

impl Value {
    /// The number, for numeric kinds.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Value::Number(n) => Some(n),
            Value::Text(_) => None,
        }
    }

    /// The text, for dates and skills.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Number(_) => None,
            Value::Text(s) => Some(s),
        }
    }
}

/// One typed value found in a text. Offsets are bytes into the text that
/// was extracted from.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// What it is.
    pub kind: Kind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// The normalized value.
    pub value: Value,
    /// The unit (ISO currency, `%`/`pp`/`bp`, counted noun, taxonomy id).
    pub unit: Option<String>,
}

impl Mention {
    /// A date that names no period: TIMEX3's `PRESENT_REF`, `PAST_REF`,
    /// `FUTURE_REF` ("now", "recently"). Claims do not take these as
    /// periods.
    pub fn is_vague_date(&self) -> bool {
        self.kind == Kind::Date
            && self.value.as_text().is_some_and(|v| v.ends_with("_REF"))
    }
}

/// What the extractors may know about the document beyond its text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DocContext {
    /// The document's date (year, month, day), used to anchor dates that
    /// leave the year out and to resolve relative dates.
    pub date: Option<(i32, u32, u32)>,
}

/// Which kinds an [`ExtractorSet`] runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindSet([bool; 5]);

impl KindSet {
    /// Every kind.
    pub fn all() -> KindSet {
        KindSet([true; 5])
    }

    /// No kind.
    pub fn none() -> KindSet {
        KindSet([false; 5])
    }

    /// Turns one kind on or off.
    pub fn set(&mut self, kind: Kind, on: bool) {
        self.0[kind.index()] = on;
    }

    /// True when the kind is on.
    pub fn has(&self, kind: Kind) -> bool {
        self.0[kind.index()]
    }
}

impl Default for KindSet {
    fn default() -> KindSet {
        KindSet::all()
    }
}

/// The compiled extractors, built once and shared by every worker.
#[derive(Debug)]
pub struct ExtractorSet {
    kinds: KindSet,
    keywords: keyword::Keywords,
    skills: skill::SkillMatcher,
}

impl ExtractorSet {
    /// Builds the extractors for the given kinds and skills lexicon.
    pub fn new(kinds: KindSet, lexicon: &Lexicon) -> ExtractorSet {
        ExtractorSet {
            kinds,
            keywords: keyword::Keywords::new(),
            skills: skill::SkillMatcher::new(lexicon),
        }
    }

    /// The extractors for every kind with the built-in lexicon.
    pub fn builtin() -> ExtractorSet {
        ExtractorSet::new(KindSet::all(), &Lexicon::builtin())
    }

    /// The kinds this set runs.
    pub fn kinds(&self) -> KindSet {
        self.kinds
    }

    /// Extracts every mention from `text`, sorted by start offset (then by
    /// end and kind), without overlaps between dates and quantities.
    pub fn extract(&self, text: &str, ctx: &DocContext) -> Vec<Mention> {
        let mut out = Vec::new();
        let want_skills =
            self.kinds.has(Kind::Skill) || self.kinds.has(Kind::Count);
        let mut hits = Vec::new();
        let mut raw_skills = Vec::new();
        // One tokenization pass feeds both word matchers.
        words::for_each2(
            text,
            self.keywords.matcher(),
            |m| self.keywords.accept(text, m, &mut hits),
            self.skills.matcher(),
            |m| want_skills && self.skills.accept(text, m, &mut raw_skills),
        );
        let skills = self.skills.finish(text, &raw_skills);
        let want_dates = self.kinds.has(Kind::Date);
        let want_quantities = self.kinds.has(Kind::Percent)
            || self.kinds.has(Kind::Money)
            || self.kinds.has(Kind::Count);
        if want_dates || want_quantities {
            let dates = date::find(text, &hits, ctx);
            let quantities = quantity::find(text, &hits, &dates, &skills);
            if want_dates {
                out.extend(dates);
            }
            out.extend(
                quantities.into_iter().filter(|m| self.kinds.has(m.kind)),
            );
        }
        if self.kinds.has(Kind::Skill) {
            out.extend(skills);
        }
        out.sort_by(|a, b| {
            (a.start, a.end, a.kind).cmp(&(b.start, b.end, b.kind))
        });
        out
    }
}

/// Converts byte offsets into code-point offsets for offsets visited in
/// non-decreasing order, in time linear in the text.
#[derive(Debug)]
pub struct CharIndex<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharIndex<'a> {
    /// Starts at the beginning of `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        CharIndex { text, byte: 0, chars: 0 }
    }

    /// The code-point offset of byte offset `to`. Offsets before the last
    /// one asked for are counted again from the start.
    pub fn char_offset(&mut self, to: usize) -> usize {
        if to < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += count_chars(&self.text.as_bytes()[self.byte..to]);
        self.byte = to;
        self.chars
    }
}

/// Counts the code points in valid UTF-8 bytes.
#[inline]
pub fn count_chars(b: &[u8]) -> usize {
    // Eight bytes at a time while they are ASCII (the common case).
    let mut n = 0;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        if w & 0x8080_8080_8080_8080 == 0 {
            n += 8;
        } else {
            n += c.iter().filter(|&&x| (x as i8) >= -0x40).count();
        }
    }
    n + chunks.remainder().iter().filter(|&&x| (x as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_code_points() {
        let t = "é€ 43%";
        let mut ix = CharIndex::new(t);
        assert_eq!(ix.char_offset(0), 0);
        assert_eq!(ix.char_offset(2), 1);
        assert_eq!(ix.char_offset(5), 2);
        assert_eq!(ix.char_offset(t.len()), 6);
        assert_eq!(ix.char_offset(2), 1);
    }

    #[test]
    fn public_types_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<ExtractorSet>();
        assert_send_sync::<Mention>();
        assert_send_sync::<Lexicon>();
    }
}
