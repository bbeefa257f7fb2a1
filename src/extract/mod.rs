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

All spans are byte offsets while extracting; [`crate::record::CharIndex`]
turns them into the code-point offsets of the output records.
*/

pub mod count;
pub mod cues;
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

pub use lexicon::{Lexicon, LexiconError};

// The records this stage produces live in `crate::record`; they are
// re-exported here so that `claimscan::extract::Mention` and the other old
// paths of the public API keep working.
pub use crate::record::{
    CharIndex, DocContext, Kind, Mention, Value, count_chars,
};

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
        // A text with no letter or digit has no mention; the skills
        // lexicon is not compiled for it.
        if !text.bytes().any(|b| b.is_ascii_alphanumeric()) && text.is_ascii()
        {
            return out;
        }
        let want_skills =
            self.kinds.has(Kind::Skill) || self.kinds.has(Kind::Count);
        let mut hits = Vec::new();
        let mut raw_skills = Vec::new();
        let skills = if want_skills {
            // One tokenization pass feeds both word matchers.
            words::for_each2(
                text,
                self.keywords.matcher(),
                |m| self.keywords.accept(text, m, &mut hits),
                self.skills.matcher(),
                |m| self.skills.accept(text, m, &mut raw_skills),
            );
            self.skills.finish(text, &raw_skills)
        } else {
            // Without skills and counts (which look at skills), the
            // lexicon is never compiled.
            self.keywords
                .matcher()
                .for_each(text, |m| self.keywords.accept(text, m, &mut hits));
            Vec::new()
        };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_types_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<ExtractorSet>();
        assert_send_sync::<crate::record::Mention>();
        assert_send_sync::<Lexicon>();
    }
}
