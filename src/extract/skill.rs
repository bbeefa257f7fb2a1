/*!
Skills: Aho-Corasick over every surface form of the lexicon, ASCII
case-insensitive, leftmost-longest, on word boundaries.

After the automaton, two rules keep ambiguous names honest:

- case: a case-sensitive form (`Go`, `R`, `Excel`) must match exactly, so
  "we will go further" and "teams that excel" are not skills;
- context: a form that needs context is kept only when a skill-context word
  ("skills", "developers", "programming", "demand", ...) stands within the
  same line nearby, or another skill that needs no context does (a list:
  "Python, R and Go"). "Series C funding" and "Rust Belt" have neither.
*/

use super::lexicon::Lexicon;
use super::text::{word_end, word_start};
use super::words::{WordMatch, WordMatcher};
use crate::record::{Kind, Mention, Value};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

#[derive(Clone, Debug)]
struct Pattern {
    entry: usize,
    case_sensitive: bool,
    needs_context: bool,
}

/// The compiled skills automaton.
#[derive(Debug)]
pub struct SkillMatcher {
    matcher: WordMatcher,
    patterns: Vec<Pattern>,
    texts: Vec<String>,
    canonical: Vec<String>,
    ids: Vec<Option<String>>,
    context: AhoCorasick,
}

/// Words that make an ambiguous skill name a skill.
const CONTEXT: &[&str] = &[
    "skill",
    "program",
    "language",
    "developer",
    "engineer",
    "coding",
    "code",
    "proficien",
    "demand",
    "experience",
    "expertise",
    "project",
    "tool",
    "framework",
    "stack",
    "freelancer",
    "talent",
    "job",
    "certif",
    "course",
    "training",
    "learn",
    "software",
    "library",
    "libraries",
    "platform",
    "scripting",
    "data scien",
    "analyst",
    "hiring",
    "hire",
    "specialist",
    "expert",
    "know",
    "such as",
    "including",
    "like ",
];

/// How far (bytes) around a match we look for context.
const WINDOW: usize = 80;

impl SkillMatcher {
    /// Compiles the lexicon. Surface forms that repeat (ignoring ASCII
    /// case) keep their first entry.
    pub fn new(lex: &Lexicon) -> SkillMatcher {
        let mut seen = std::collections::HashSet::new();
        let mut patterns = Vec::new();
        let mut texts = Vec::new();
        let mut canonical = Vec::new();
        let mut ids = Vec::new();
        for (i, e) in lex.entries().iter().enumerate() {
            canonical.push(e.canonical.clone());
            ids.push(e.id.clone());
            for f in &e.forms {
                if f.text.is_empty()
                    || !seen.insert(f.text.to_ascii_lowercase())
                {
                    continue;
                }
                texts.push(f.text.clone());
                patterns.push(Pattern {
                    entry: i,
                    case_sensitive: f.case_sensitive,
                    needs_context: f.needs_context,
                });
            }
        }
        let matcher = WordMatcher::new(&texts, &[]);
        let context = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(CONTEXT)
            .expect("context automaton builds");
        SkillMatcher { matcher, patterns, texts, canonical, ids, context }
    }

    /// Finds every skill mention in `text`.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut found = Vec::new();
        self.matcher.for_each(text, |m| self.accept(text, m, &mut found));
        self.finish(text, &found)
    }

    /// The word matcher, to share a tokenization pass with other matchers.
    pub(crate) fn matcher(&self) -> &WordMatcher {
        &self.matcher
    }

    /// Keeps a raw match that passes the boundary and case rules.
    pub(crate) fn accept(
        &self,
        text: &str,
        m: WordMatch,
        found: &mut Vec<RawSkill>,
    ) -> bool {
        let b = text.as_bytes();
        let pid = m.pattern;
        let pat = &self.patterns[pid];
        let form = self.texts[pid].as_bytes();
        let (s, e) = (m.start, m.end);
        let last = form[form.len() - 1];
        if form[0].is_ascii_alphanumeric() && !word_start(text, s) {
            return false;
        }
        if last.is_ascii_alphanumeric() && !word_end(text, e) {
            return false;
        }
        if !last.is_ascii_alphanumeric()
            && b.get(e).is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return false;
        }
        if pat.case_sensitive && &b[s..e] != form {
            return false;
        }
        if pat.needs_context {
            // "R&D", "C-suite", "Go-to-market", "Excel's".
            let next = b.get(e).copied();
            let after = b.get(e + 1).copied();
            if matches!(next, Some(b'&') | Some(b'\''))
                || (next == Some(b'-')
                    && after.is_some_and(|c| c.is_ascii_alphabetic()))
                || (s > 0 && matches!(b[s - 1], b'-' | b'&' | b'.' | b'/'))
            {
                return false;
            }
        }
        found.push(RawSkill { start: s, end: e, pattern: pid });
        true
    }

    /// Applies the context rule and builds the mentions.
    pub(crate) fn finish(
        &self,
        text: &str,
        found: &[RawSkill],
    ) -> Vec<Mention> {
        let anchors: Vec<usize> = found
            .iter()
            .filter(|r| !self.patterns[r.pattern].needs_context)
            .map(|r| r.start)
            .collect();

        let mut out = Vec::with_capacity(found.len());
        for r in found {
            let pat = &self.patterns[r.pattern];
            if pat.needs_context
                && !self.has_context(text, r.start, r.end, &anchors)
            {
                continue;
            }
            out.push(Mention {
                kind: Kind::Skill,
                start: r.start,
                end: r.end,
                value: Value::Text(self.canonical[pat.entry].clone()),
                unit: self.ids[pat.entry].clone(),
            });
        }
        out
    }

    /// True when a context word or an unambiguous skill stands on the
    /// same line within [`WINDOW`] bytes of `s..e`.
    fn has_context(
        &self,
        text: &str,
        s: usize,
        e: usize,
        anchors: &[usize],
    ) -> bool {
        let b = text.as_bytes();
        let mut lo = s.saturating_sub(WINDOW);
        let mut hi = (e + WINDOW).min(b.len());
        if let Some(nl) = memchr::memrchr(b'\n', &b[lo..s]) {
            lo += nl + 1;
        }
        if let Some(nl) = memchr::memchr(b'\n', &b[e..hi]) {
            hi = e + nl;
        }
        let k = anchors.partition_point(|&a| a < lo);
        if anchors[k..].iter().take_while(|&&a| a < hi).any(|&a| a != s) {
            return true;
        }
        let window = aho_corasick::Input::new(b).range(lo..hi);
        self.context.find(window).is_some()
    }
}

/// A skill match before the context rule.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RawSkill {
    start: usize,
    end: usize,
    pattern: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let m = SkillMatcher::new(&Lexicon::builtin());
        m.find(text)
            .into_iter()
            .map(|m| m.value.as_text().unwrap().to_string())
            .collect()
    }

    #[test]
    fn case_and_context() {
        assert_eq!(names("we will go further"), Vec::<String>::new());
        assert_eq!(names("Series C funding"), Vec::<String>::new());
        assert!(
            names("demand for Python, R and Go developers")
                .contains(&"Go".to_string())
        );
        assert_eq!(names("ChatGPT and chat gpt"), vec!["ChatGPT", "ChatGPT"]);
    }
}
