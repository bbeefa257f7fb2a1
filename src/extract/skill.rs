/*!
Skills: Aho-Corasick over every surface form of the lexicon, ASCII
case-insensitive, leftmost-longest, on word boundaries.

After the automaton, these rules keep ambiguous names honest, in order:

- case: a case-sensitive form (`Go`, `R`, `Excel`) must match exactly, so
  "we will go further" and "teams that excel" are not skills;
- cues: a form with a row in `data/skill-cues.tsv` ([`super::cues`]) is
  accepted or rejected by the cues around it ("Oracle Database" vs "our
  partnership with Oracle", "Java developers" vs "East Java"); when no cue
  is there the row says yes, no, or "let the flags decide";
- common words: a form the lexicon marks as an ordinary word of financial
  prose ("financial markets", "bargaining") is kept only with a strong
  skill cue nearby ([`STRONG`]: "skills", "expertise", "training", ...);
- context: a form that needs context is kept only when a skill-context word
  ("skills", "developers", "programming", "demand", ...) stands within the
  same line nearby, or another skill that needs no context does (a list:
  "Python, R and Go"). "Series C funding" and "Rust Belt" have neither.

The first-word table over the whole lexicon (about 15,500 forms) is built
the first time a text is searched, not when the matcher is made, so a run
that reads nothing (or no skills) does not pay for it. The built-in
lexicon is read straight from its text for that: its strings are borrowed
from the binary, and no `Entry` is built.
*/

use super::cues::{self, CueTable, Otherwise, Rule, Verdict};
use super::lexicon::{self, Lexicon};
use super::text::{word_end, word_start};
use super::words::{PassThrough, WordMatch, WordMatcher};
use crate::record::{Kind, Mention, Value};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

#[derive(Clone, Debug, PartialEq, Eq)]
struct Pattern {
    entry: usize,
    case_sensitive: bool,
    needs_context: bool,
    common: bool,
    /// Index into `rules`: the cue-table row for this form.
    rule: Option<usize>,
}

/// The skills matcher. The lexicon is compiled on first use.
#[derive(Debug)]
pub struct SkillMatcher {
    lexicon: Lexicon,
    table: CueTable,
    lazy: OnceLock<Compiled>,
}

/// The compiled lexicon. The built-in lexicon's strings are borrowed
/// from the binary; a loaded one's are owned.
#[derive(Debug)]
struct Compiled {
    matcher: WordMatcher,
    patterns: Vec<Pattern>,
    texts: Vec<Cow<'static, str>>,
    canonical: Vec<Cow<'static, str>>,
    ids: Vec<Option<Cow<'static, str>>>,
    rules: Vec<Rule>,
    context: AhoCorasick,
    strong: AhoCorasick,
    heads: AhoCorasick,
    fields: AhoCorasick,
    vendors: AhoCorasick,
}

/// The patterns, strings and seen forms while a lexicon is compiled.
#[derive(Default)]
struct Builder {
    patterns: Vec<Pattern>,
    texts: Vec<Cow<'static, str>>,
    canonical: Vec<Cow<'static, str>>,
    ids: Vec<Option<Cow<'static, str>>>,
    /// Forms seen, by their ASCII-case-blind hash, to their pattern.
    seen: HashMap<u64, u32, BuildHasherDefault<PassThrough>>,
}

impl Builder {
    fn entry(
        &mut self,
        canonical: Cow<'static, str>,
        id: Option<Cow<'static, str>>,
    ) {
        self.canonical.push(canonical);
        self.ids.push(id);
    }

    /// Adds a form of the last entry; a form seen before (ignoring
    /// ASCII case) keeps its first entry.
    fn form(&mut self, text: Cow<'static, str>, f: &lexicon::FormRef<'_>) {
        if text.is_empty() {
            return;
        }
        let h = super::words::hash_word(text.as_bytes());
        let pid = self.patterns.len() as u32;
        if let std::collections::hash_map::Entry::Vacant(e) =
            self.seen.entry(h)
        {
            e.insert(pid);
            self.texts.push(text);
            self.patterns.push(Pattern {
                entry: self.canonical.len() - 1,
                case_sensitive: f.case_sensitive,
                needs_context: f.needs_context,
                common: f.common,
                rule: None,
            });
        }
    }
}

/// Strong skill cues: what makes an ordinary word ("design", "financial
/// markets") a skill. Narrower than the context words, which also have
/// "platform", "demand" and "project", words of any earnings call.
pub const STRONG: &[&str] = &[
    "skill",
    "expertise",
    "proficien",
    "certif",
    "training in",
    "trained in",
    "courses in",
    "degree in",
    "knowledge of",
    "experience in",
    "experience with",
    "specialist",
    "hiring",
    "talent",
];

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

impl SkillMatcher {
    /// Prepares the lexicon with the built-in cue table. Surface forms
    /// that repeat (ignoring ASCII case) keep their first entry.
    pub fn new(lex: &Lexicon) -> SkillMatcher {
        SkillMatcher::with_cues(lex, &CueTable::builtin())
    }

    /// Prepares the lexicon with the given cue table.
    pub fn with_cues(lex: &Lexicon, table: &CueTable) -> SkillMatcher {
        SkillMatcher {
            lexicon: lex.clone(),
            table: table.clone(),
            lazy: OnceLock::new(),
        }
    }

    fn compiled(&self) -> &Compiled {
        self.lazy.get_or_init(|| Compiled::new(&self.lexicon, &self.table))
    }
}

impl Compiled {
    fn new(lex: &Lexicon, table: &CueTable) -> Compiled {
        let mut b = Builder::default();
        if let Some(text) = lex.builtin_text() {
            // The built-in lexicon, read straight from its text: no
            // entries built, no strings copied.
            let forms = text.len() / 48;
            b.patterns.reserve(forms);
            b.texts.reserve(forms);
            b.seen.reserve(forms);
            for (canonical, aliases, id, flags) in lexicon::builtin_lines(text)
            {
                let aliases: Vec<&str> =
                    lexicon::split_aliases(aliases).collect();
                b.entry(Cow::Borrowed(canonical), id.map(Cow::Borrowed));
                lexicon::for_each_form(canonical, &aliases, flags, |f| {
                    b.form(Cow::Borrowed(f.text), &f)
                });
            }
        } else {
            for e in lex.entries() {
                b.entry(
                    Cow::Owned(e.canonical.clone()),
                    e.id.clone().map(Cow::Owned),
                );
                for f in &e.forms {
                    let r = lexicon::FormRef {
                        text: &f.text,
                        case_sensitive: f.case_sensitive,
                        needs_context: f.needs_context,
                        common: f.common,
                    };
                    b.form(Cow::Owned(f.text.clone()), &r);
                }
            }
        }
        let Builder { mut patterns, texts, canonical, ids, seen } = b;
        // Each row of the cue table goes to the one pattern of its form
        // (forms are unique ignoring ASCII case).
        let mut rules = Vec::new();
        for form in table.forms() {
            let h = super::words::hash_word(form.as_bytes());
            let Some(&pid) = seen.get(&h) else { continue };
            let pid = pid as usize;
            if texts[pid].eq_ignore_ascii_case(form)
                && let Some(r) = table.rule(form)
            {
                rules.push(r.clone());
                patterns[pid].rule = Some(rules.len() - 1);
            }
        }
        let words = |w: &[&str]| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostFirst)
                .build(w)
                .expect("context automaton builds")
        };
        let matcher = WordMatcher::new(&texts, &[]);
        Compiled {
            matcher,
            patterns,
            texts,
            canonical,
            ids,
            rules,
            context: words(CONTEXT),
            strong: words(STRONG),
            vendors: AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(VENDORS)
                .expect("vendor automaton builds"),
            fields: AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(FIELD_HEADS)
                .expect("field head automaton builds"),
            heads: AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(HEADS)
                .expect("head automaton builds"),
        }
    }
}

impl SkillMatcher {
    /// Finds every skill mention in `text`.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut found = Vec::new();
        self.matcher().for_each(text, |m| self.accept(text, m, &mut found));
        self.finish(text, &found)
    }

    /// The word matcher, to share a tokenization pass with other matchers.
    /// Compiled on the first call.
    pub(crate) fn matcher(&self) -> &WordMatcher {
        &self.compiled().matcher
    }

    /// Number of surface forms.
    pub fn forms(&self) -> usize {
        self.compiled().texts.len()
    }

    /// Keeps a raw match that passes the boundary and case rules.
    pub(crate) fn accept(
        &self,
        text: &str,
        m: WordMatch,
        found: &mut Vec<RawSkill>,
    ) -> bool {
        let c = self.compiled();
        let b = text.as_bytes();
        let pid = m.pattern;
        let pat = &c.patterns[pid];
        let form = c.texts[pid].as_bytes();
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
        // A one-letter name followed by a dot and a letter is an initial
        // ("R.J. O'Brien"), not the language.
        if form.len() == 1
            && b.get(e) == Some(&b'.')
            && b.get(e + 1).is_some_and(|c| c.is_ascii_alphabetic())
        {
            return false;
        }
        if pat.needs_context && pat.rule.is_none() {
            // "R&D", "C-suite", "Go-to-market", "Excel's". Forms with a
            // cue-table row ("AI-driven") are judged by their row.
            let next = b.get(e).copied();
            let after = b.get(e + 1).copied();
            if matches!(next, Some(b'&') | Some(b'\''))
                || (next == Some(b'-')
                    && after.is_some_and(|c| c.is_ascii_alphabetic())
                    && !(form.len() > 1 && tech_suffix(&b[e + 1..])))
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
        let c = self.compiled();
        let anchors: Vec<usize> = found
            .iter()
            .filter(|r| !c.patterns[r.pattern].needs_context)
            .map(|r| r.start)
            .collect();

        let mut out = Vec::with_capacity(found.len());
        for r in found {
            let pat = &c.patterns[r.pattern];
            let verdict = pat
                .rule
                .map(|k| c.rules[k].judge(text, r.start, r.end))
                .unwrap_or(Verdict::Otherwise(Otherwise::Context));
            let keep = match verdict {
                Verdict::Accept | Verdict::Otherwise(Otherwise::Yes) => true,
                Verdict::Reject | Verdict::Otherwise(Otherwise::No) => false,
                Verdict::Otherwise(Otherwise::Context) if pat.common => {
                    self.has_strong(text, r.start, r.end)
                        || head_after(text, r.end)
                }
                Verdict::Otherwise(Otherwise::Context) => {
                    !pat.needs_context
                        || self.has_context(text, r.start, r.end, &anchors)
                        || head_after(text, r.end)
                }
            };
            if !keep {
                continue;
            }
            out.push(Mention {
                kind: Kind::Skill,
                start: r.start,
                end: r.end,
                value: Value::Text(c.canonical[pat.entry].to_string()),
                unit: c.ids[pat.entry].as_ref().map(|u| u.to_string()),
            });
        }
        self.compound_fields(text, &mut out);
        vendor_products(text, &c.vendors, &mut out);
        self.product_names(text, found, &mut out);
        acronyms(text, &mut out);
        out
    }

    /// Adds the names no lexicon has of products and platforms that stand
    /// before a technology head ([`HEADS`]) in the middle of a sentence:
    /// "our RADAR platform", "the OpenBlue platform", "its eClose
    /// solution", "the Ignite analytics platform" (GUIDELINES rule 5: the
    /// name is the mention, value as written, no id). The name is one to
    /// three tokens written with capitals (an initial capital, all
    /// capitals, or a capital inside: "eClose"), none of them an ordinary
    /// capitalised word ([`NOT_NAMES`]: places, "IT", "Company"), after a
    /// word in lower case or a determiner ("Our Tanzu portfolio"), so
    /// that headings and sentence starts do not count; at a sentence
    /// start only one token with a capital inside ("FogHorn software")
    /// reads as a name. Spans any lexicon match touches, accepted or
    /// not, are left to the lexicon ("our partnership with the Oracle
    /// platform").
    ///
    /// A head written with a capital (the last [`HEADS`]: "the Tanzu
    /// Application Platform", "our VMware Cloud services") is part of
    /// the name: the span runs to the head's end, and the lexicon's
    /// matches inside it ("Cloud" as cloud computing, the vendor
    /// "VMware") give way to the one product name.
    fn product_names(
        &self,
        text: &str,
        found: &[RawSkill],
        out: &mut Vec<Mention>,
    ) {
        let c = self.compiled();
        let b = text.as_bytes();
        let mut changed = false;
        for h in c.heads.find_iter(b) {
            let hs = h.start();
            if !word_start(text, hs) || !word_end(text, h.end()) {
                continue;
            }
            let capital = b[hs].is_ascii_uppercase()
                && b[hs + 1..h.end()].iter().any(u8::is_ascii_lowercase);
            let Some((s, mut e)) = name_before(b, hs, capital) else {
                continue;
            };
            if capital {
                // The name runs over its head; lexicon matches inside
                // the span give way, one that runs out of it does not.
                e = h.end();
                if found.iter().any(|r| {
                    r.start < e && s < r.end && (r.start < s || r.end > e)
                }) {
                    continue;
                }
                out.retain(|m| m.end <= s || e <= m.start);
            } else {
                let taken = |x: usize, y: usize| x < e && s < y;
                if found.iter().any(|r| taken(r.start, r.end))
                    || out.iter().any(|m| taken(m.start, m.end))
                {
                    continue;
                }
            }
            out.push(Mention {
                kind: Kind::Skill,
                start: s,
                end: e,
                value: Value::Text(text[s..e].to_string()),
                unit: None,
            });
            changed = true;
        }
        if changed {
            out.sort_by_key(|m| (m.start, m.end));
        }
    }

    /// Adds the compound fields of [`FIELD_MODIFIERS`] and
    /// [`FIELD_HEADS`]: "digital commerce", "precision marketing", "edge
    /// intelligence", "warehouse automation", one mention each, value in
    /// lower case as written, no id (GUIDELINES rule 2: a compound that
    /// names a skill is one mention). The modifier stands one space
    /// before the head, in lower case or with a capital first letter
    /// ("We view Edge intelligence as ..."). A lexicon mention inside the
    /// compound ("automation") gives way to it; one that runs out of it
    /// ("digital marketing" is in the lexicon as a whole) keeps its span.
    fn compound_fields(&self, text: &str, out: &mut Vec<Mention>) {
        let c = self.compiled();
        let b = text.as_bytes();
        let mut changed = false;
        for h in c.fields.find_iter(b) {
            let (hs, he) = (h.start(), h.end());
            if !word_start(text, hs) || !word_end(text, he) || hs < 2 {
                continue;
            }
            if b[hs - 1] != b' ' || b.get(he) == Some(&b'-') {
                continue;
            }
            let j = hs - 1;
            let mut k = j;
            while k > 0 && b[k - 1].is_ascii_alphanumeric() {
                k -= 1;
            }
            let m = &b[k..j];
            if m.is_empty()
                || !word_start(text, k)
                || (k > 0 && b[k - 1] == b'-')
                || !m[1..].iter().all(u8::is_ascii_lowercase)
            {
                continue;
            }
            let lower = m[0].to_ascii_lowercase();
            if !FIELD_MODIFIERS.iter().any(|f| {
                f.as_bytes()[0] == lower && f.as_bytes()[1..] == m[1..]
            }) {
                continue;
            }
            let (s, e) = (k, he);
            // Only mentions strictly inside the compound give way; one
            // with its very span ("cloud computing") or a longer one
            // stays as the lexicon found it.
            let inside = |x: &Mention| {
                s <= x.start && x.end <= e && (x.start, x.end) != (s, e)
            };
            if out.iter().any(|x| x.start < e && s < x.end && !inside(x)) {
                continue;
            }
            out.retain(|x| x.end <= s || e <= x.start);
            out.push(Mention {
                kind: Kind::Skill,
                start: s,
                end: e,
                value: Value::Text(text[s..e].to_ascii_lowercase()),
                unit: None,
            });
            changed = true;
        }
        if changed {
            out.sort_by_key(|m| (m.start, m.end));
        }
    }

    /// True when a strong skill cue ([`STRONG`]) stands on the same line
    /// within [`cues::WINDOW`] bytes of `s..e`.
    fn has_strong(&self, text: &str, s: usize, e: usize) -> bool {
        let c = self.compiled();
        let (lo, hi) = cues::window(text, s, e);
        let window = aho_corasick::Input::new(text.as_bytes()).range(lo..hi);
        c.strong.find(window).is_some()
    }

    /// True when a context word or an unambiguous skill stands on the
    /// same line within [`cues::WINDOW`] bytes of `s..e`.
    fn has_context(
        &self,
        text: &str,
        s: usize,
        e: usize,
        anchors: &[usize],
    ) -> bool {
        let c = self.compiled();
        let b = text.as_bytes();
        let (lo, hi) = cues::window(text, s, e);
        let k = anchors.partition_point(|&a| a < lo);
        if anchors[k..].iter().take_while(|&&a| a < hi).any(|&a| a != s) {
            return true;
        }
        let window = aho_corasick::Input::new(b).range(lo..hi);
        c.context.find(window).is_some()
    }
}

/// Heads that make the field right before them a technology: "voice
/// biometrics technology", "data center software", "mixed-signal
/// technologies". A form that needs context is kept when one follows it.
const TECH_AFTER: &[&str] = &[
    "technology",
    "technologies",
    "software",
    "solution",
    "solutions",
    "tools",
    "platform",
    "platforms",
    "capabilities",
    "applications",
];

/// What a technology is written before with a hyphen: "Java-based",
/// "Excel-based reports", "VR-enabled", "Salesforce-powered". The name
/// before it is used as a technology, as it is before [`TECH_AFTER`].
const TECH_SUFFIXES: &[&str] = &[
    "based",
    "driven",
    "powered",
    "enabled",
    "native",
    "centric",
    "certified",
    "compatible",
];

/// True when `rest` starts with a [`TECH_SUFFIXES`] word.
fn tech_suffix(rest: &[u8]) -> bool {
    TECH_SUFFIXES.iter().any(|h| {
        rest.starts_with(h.as_bytes())
            && rest.get(h.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

/// True when a [`TECH_AFTER`] head follows `e` after one space, or a
/// [`TECH_SUFFIXES`] word after a hyphen ("Java-based").
fn head_after(text: &str, e: usize) -> bool {
    let rest = &text.as_bytes()[e..];
    if rest.first() == Some(&b'-') {
        return e - word_back_start(text, e) > 1 && tech_suffix(&rest[1..]);
    }
    if rest.first() != Some(&b' ') {
        return false;
    }
    let rest = &rest[1..];
    TECH_AFTER.iter().any(|h| {
        rest.starts_with(h.as_bytes())
            && rest.get(h.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

/// Technology vendors whose name opens their products' names: "Dolby
/// Atmos", "VMware Tanzu", "IBM Watson", "Cisco Webex" (see
/// [`vendor_products`]). Written as the vendor writes it.
const VENDORS: &[&str] = &[
    "Adobe",
    "Autodesk",
    "Cisco",
    "Citrix",
    "Dolby",
    "Google",
    "IBM",
    "Intel",
    "Microsoft",
    "NVIDIA",
    "Nvidia",
    "Oracle",
    "Qualcomm",
    "Salesforce",
    "SAP",
    "ServiceNow",
    "VMware",
];

/// Capitalised words after a vendor that name the company, a person's
/// title or a unit, not a product: "Oracle Corp", "Microsoft Chief
/// Executive", "Intel Capital".
const NOT_PRODUCTS: &[&str] = &[
    "Corp",
    "Corporation",
    "Inc",
    "Incorporated",
    "Co",
    "Ltd",
    "LLC",
    "PLC",
    "AG",
    "SE",
    "NV",
    "Group",
    "Holdings",
    "Labs",
    "Laboratories",
    "Research",
    "Capital",
    "Ventures",
    "Foundation",
    "Chief",
    "Executive",
    "President",
    "Chairman",
    "Vice",
    "Senior",
    "Director",
    "Partner",
    "Partners",
    "Stock",
    "Shares",
    "Investor",
    "Systems",
];

/// Product names of a [`VENDORS`] vendor: the vendor and one or two
/// capitalised words after it ("Dolby Atmos", "VMware Tanzu", "VMware
/// Horizon"), none of them a company word, title or place
/// ([`NOT_PRODUCTS`], [`NOT_NAMES`]). A product names a technology
/// people use or build on (GUIDELINES rule 3), so the vendor's name
/// needs no other context there; value as written, no id. Lexicon
/// mentions inside give way ("VMware" alone); a longer one stays
/// ("Microsoft Excel", "Google Cloud Platform"). `vendors` finds the
/// [`VENDORS`] in one pass.
fn vendor_products(text: &str, vendors: &AhoCorasick, out: &mut Vec<Mention>) {
    let b = text.as_bytes();
    let mut changed = false;
    for m in vendors.find_iter(b) {
        let s = m.start();
        let mut e = m.end();
        if !word_start(text, s) || b.get(e) != Some(&b' ') {
            continue;
        }
        let mut words = 0;
        while words < 2 && b.get(e) == Some(&b' ') {
            let k = e + 1;
            let n = b[k..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            let tok = &text[k..k + n];
            // A capital first and a lower-case letter after it: a
            // headline's capitals ("NVIDIA BETS BIG") are no name.
            if n < 2
                || !tok.as_bytes()[0].is_ascii_uppercase()
                || !tok.bytes().any(|c| c.is_ascii_lowercase())
                || !word_end(text, k + n)
                || b.get(k + n) == Some(&b'\'')
                || NOT_PRODUCTS.contains(&tok)
                || NOT_NAMES.contains(&tok)
                || VENDORS.contains(&tok)
            {
                break;
            }
            e = k + n;
            words += 1;
        }
        // "Oracle Systems Corp": the run names the company.
        let next = &b[e..];
        let corp = next.first() == Some(&b' ')
            && NOT_PRODUCTS.iter().any(|w| {
                next[1..].starts_with(w.as_bytes())
                    && next
                        .get(1 + w.len())
                        .is_none_or(|c| !c.is_ascii_alphanumeric())
            });
        if words == 0 || corp {
            continue;
        }
        let inside = |x: &Mention| s <= x.start && x.end <= e;
        if out.iter().any(|x| x.start < e && s < x.end && !inside(x)) {
            continue;
        }
        if out.iter().any(|x| x.start == s && x.end == e) {
            continue;
        }
        out.retain(|x| x.end <= s || e <= x.start);
        out.push(Mention {
            kind: Kind::Skill,
            start: s,
            end: e,
            value: Value::Text(text[s..e].to_string()),
            unit: None,
        });
        changed = true;
    }
    if changed {
        out.sort_by_key(|m| (m.start, m.end));
    }
}

/// Acronyms the text defines for a skill it found: "distributed ledger
/// technology (DLT)" makes "DLT" in the parentheses and everywhere else
/// in the text (whole word, same case) a mention of that skill, with its
/// value and id, as a reader takes it. The acronym is 2 to 6 letters or
/// digits opening with a capital, and its capitals are the initials of
/// the name's words ("robotic process automation (RPA)", "Internet of
/// Things (IoT)" with "of" left out). A mention already at the
/// acronym's place takes the name's value and id.
fn acronyms(text: &str, out: &mut Vec<Mention>) {
    let b = text.as_bytes();
    let mut defs: Vec<(&str, Value, Option<String>)> = Vec::new();
    for m in out.iter() {
        let rest = &b[m.end..];
        if !rest.starts_with(b" (") {
            continue;
        }
        let n =
            rest[2..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if !(2..=6).contains(&n) || rest.get(2 + n) != Some(&b')') {
            continue;
        }
        let acr = &text[m.end + 2..m.end + 2 + n];
        if !acr.as_bytes()[0].is_ascii_uppercase() {
            continue;
        }
        let caps: Vec<u8> =
            acr.bytes().filter(u8::is_ascii_uppercase).collect();
        let initials: Vec<u8> = text[m.start..m.end]
            .split([' ', '-'])
            .filter(|w| !w.is_empty() && !matches!(*w, "of" | "and" | "for"))
            .map(|w| w.as_bytes()[0].to_ascii_uppercase())
            .collect();
        if caps.len() >= 2 && caps == initials {
            defs.push((acr, m.value.clone(), m.unit.clone()));
        }
    }
    if defs.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for (acr, value, unit) in &defs {
        for (k, _) in text.match_indices(acr) {
            let e = k + acr.len();
            if !word_start(text, k) || !word_end(text, e) {
                continue;
            }
            if let Some(m) =
                out.iter_mut().find(|m| m.start == k && m.end == e)
            {
                m.value = value.clone();
                m.unit = unit.clone();
                continue;
            }
            if out.iter().any(|m| m.start < e && k < m.end) {
                continue;
            }
            added.push(Mention {
                kind: Kind::Skill,
                start: k,
                end: e,
                value: value.clone(),
                unit: unit.clone(),
            });
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| (m.start, m.end));
        out.dedup_by_key(|m| (m.start, m.end));
    }
}

/// The start of the word that ends at `e`.
fn word_back_start(text: &str, e: usize) -> usize {
    let b = text.as_bytes();
    let mut k = e;
    while k > 0 && b[k - 1].is_ascii_alphanumeric() {
        k -= 1;
    }
    k
}

/// Heads of compound fields ([`FIELD_MODIFIERS`]): general words that a
/// technology modifier makes a field people learn and hire for.
const FIELD_HEADS: &[&str] = &[
    "commerce",
    "intelligence",
    "marketing",
    "analytics",
    "automation",
    "imaging",
    "sensing",
    "biometrics",
    "computing",
];

/// Modifiers that make a [`FIELD_HEADS`] word a field: "digital
/// commerce", "precision marketing", "edge intelligence", "computational
/// imaging", "voice biometrics", "warehouse automation", "customer
/// analytics". Words of every kind of business ("new", "strong",
/// "global") are not here.
const FIELD_MODIFIERS: &[&str] = &[
    "digital",
    "mobile",
    "social",
    "conversational",
    "precision",
    "programmatic",
    "predictive",
    "prescriptive",
    "edge",
    "cloud",
    "quantum",
    "computational",
    "voice",
    "video",
    "speech",
    "warehouse",
    "industrial",
    "network",
    "process",
    "customer",
    "portfolio",
    "risk",
    "fraud",
    "location",
    "workforce",
    "marketing",
];

/// Technology heads after which a capitalised name is a product or
/// platform (see `SkillMatcher::product_names`).
const HEADS: &[&str] = &[
    "platform",
    "platforms",
    "software",
    "solution",
    "solutions",
    "suite",
    "app",
    "apps",
    "application",
    "applications",
    "engine",
    "API",
    "APIs",
    "SDK",
    "language",
    "toolkit",
    "framework",
    "operating system",
    "technology",
    "technologies",
    "capabilities",
    "portfolio",
    "Platform",
    "Cloud",
    "Suite",
    "Engine",
    "Studio",
];

/// A word of lower case between a name and its head: "the Ignite
/// analytics platform".
const MODIFIERS: &[&str] = &[
    "analytics",
    "data",
    "cloud",
    "digital",
    "software",
    "mobile",
    "web",
    "payments",
    "commerce",
    "automation",
    "security",
    "development",
    "management",
];

/// Capitalised words that are no product's name: places, departments,
/// titles, the company and its units.
const NOT_NAMES: &[&str] = &[
    "IT",
    "HR",
    "US",
    "U.S.",
    "UK",
    "EU",
    "USA",
    "Company",
    "Group",
    "Bank",
    "North",
    "South",
    "East",
    "West",
    "America",
    "Americas",
    "American",
    "Europe",
    "European",
    "Asia",
    "Asian",
    "Pacific",
    "China",
    "Chinese",
    "India",
    "Japan",
    "Canada",
    "Latin",
    "Global",
    "International",
    "National",
    "Digital",
    "Internet",
    "Web",
    "Cloud",
    "Enterprise",
    "Business",
    "Consumer",
    "Commercial",
    "Retail",
    "Services",
    "Service",
    "Technology",
    "Technologies",
    "Solutions",
    "Products",
    "Software",
    "Platform",
    "New",
    "The",
    "Our",
    "I",
    "We",
    "CEO",
    "CFO",
    "CTO",
    "COO",
    "COVID",
    "Covid",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "GAAP",
    "Street",
    "Wall",
];

/// Words before a name at a sentence start that still make it a name in
/// running text ("Our Tanzu portfolio", "The Equifax Cloud").
const DETERMINERS: &[&str] = &["Our", "The", "Its", "Their", "This", "These"];

/// True for a token with a capital right after a lower-case letter
/// ("FogHorn", "eClose", "OpenBlue"): a coined name, not a word that
/// opens a sentence.
fn camel(tok: &[u8]) -> bool {
    tok.windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
}

/// The name of one to three capitalised tokens that ends one space (and
/// at most one [`MODIFIERS`] word, not before a `capital` head) before
/// `hs`, after a lower-case word or a [`DETERMINERS`] word; or one
/// [`camel`] token that opens a sentence.
fn name_before(b: &[u8], hs: usize, capital: bool) -> Option<(usize, usize)> {
    let word_back = |end: usize| -> usize {
        let mut k = end;
        while k > 0
            && (b[k - 1].is_ascii_alphanumeric()
                || (b[k - 1] == b'.'
                    && k < end
                    && k >= 2
                    && b[k - 2].is_ascii_alphanumeric()))
        {
            k -= 1;
        }
        k
    };
    let space_back = |end: usize| -> Option<usize> {
        (end > 0 && b[end - 1] == b' ').then(|| end - 1)
    };
    let mut j = space_back(hs)?;
    let k = word_back(j);
    if !capital && MODIFIERS.iter().any(|m| m.as_bytes() == &b[k..j]) {
        j = space_back(k)?;
    }
    let e = j;
    let is_name = |tok: &[u8]| {
        tok.len() >= 2
            && (tok[0].is_ascii_uppercase()
                || (tok[0].is_ascii_lowercase()
                    && tok[1..].iter().any(u8::is_ascii_uppercase)))
            && !tok.iter().all(u8::is_ascii_digit)
            && !NOT_NAMES.iter().any(|n| n.as_bytes() == tok)
    };
    // A sentence opens at `s`: the text's or a line's start, or after
    // ". ", "? ", "! ".
    let opens = |s: usize| {
        s == 0
            || b[s - 1] == b'\n'
            || (b[s - 1] == b' '
                && s >= 2
                && matches!(b[s - 2], b'.' | b'?' | b'!' | b'\n'))
    };
    let mut s = e;
    for n in 0..3 {
        let k = word_back(s);
        if k == s || !is_name(&b[k..s]) {
            return None;
        }
        s = k;
        if n == 0 && !capital && opens(s) && camel(&b[s..e]) {
            return Some((s, e));
        }
        let p = space_back(s)?;
        let w = word_back(p);
        let prev = &b[w..p];
        if prev.is_empty() {
            return None;
        }
        if prev.iter().all(u8::is_ascii_lowercase)
            || (DETERMINERS.iter().any(|d| d.as_bytes() == prev) && opens(w))
        {
            return Some((s, e));
        }
        // Another capitalised token: part of the name when it qualifies.
        s = p;
    }
    None
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

    /// Asserts the skill names found in each row's text.
    fn check(rows: &[(&str, &[&str])]) {
        for &(text, want) in rows {
            assert_eq!(names(text), want, "{text:?}");
        }
    }

    /// The built-in lexicon read straight from its text compiles to the
    /// same patterns as the same text parsed into entries.
    #[test]
    fn builtin_fast_path_matches_parsed_entries() {
        let builtin = Lexicon::builtin();
        let text = builtin.builtin_text().expect("the built-in text");
        let parsed = Lexicon::parse(text, "built-in", '\t').unwrap();
        assert!(parsed.builtin_text().is_none());
        let table = CueTable::builtin();
        let fast = Compiled::new(&builtin, &table);
        let slow = Compiled::new(&parsed, &table);
        assert!(fast.texts.len() > 15_000, "{} forms", fast.texts.len());
        assert_eq!(fast.texts, slow.texts);
        assert_eq!(fast.patterns, slow.patterns);
        assert_eq!(fast.canonical, slow.canonical);
        assert_eq!(fast.ids, slow.ids);
        assert_eq!(fast.rules.len(), slow.rules.len());
        assert!(fast.patterns.iter().any(|p| p.rule.is_some()));
        assert!(matches!(fast.texts[0], Cow::Borrowed(_)));
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

    fn units(text: &str) -> Vec<(String, Option<String>)> {
        let m = SkillMatcher::new(&Lexicon::builtin());
        m.find(text)
            .into_iter()
            .map(|m| (m.value.as_text().unwrap().to_string(), m.unit))
            .collect()
    }

    /// Spelling variants that scripts/skills-lexicon.py generates: hyphen
    /// and space swaps, the hyphen left out, the other number of a
    /// countable last word. (text, the names found)
    const VARIANTS: &[(&str, &[&str])] = &[
        ("We invest in machine-learning models", &["machine learning"]),
        ("Our data-analytics team grew", &["data analytics"]),
        ("Sales through e commerce rose", &["e-commerce"]),
        ("We moved to cloud-computing", &["cloud computing"]),
        ("Training in cyber-security grew", &["cybersecurity"]),
        ("We built a recommender system", &["recommender systems"]),
        // "-ic" for a field's "-ics" before a head (ICS_AS_IC).
        ("We sharpened our data analytic skills", &["data analytics"]),
        ("Her predictive analytic tools help", &["predictive analytics"]),
    ];

    #[test]
    fn spelling_variants() {
        check(VARIANTS);
    }

    /// Occupations are not skills (GUIDELINES rule 6): the curated
    /// aliases naming one were dropped; the field inside stays.
    const OCCUPATIONS: &[(&str, &[&str])] = &[
        ("We hired more data scientists", &[]),
        ("Product managers joined the team", &[]),
        ("We hired machine learning engineers", &["machine learning"]),
    ];

    #[test]
    fn occupations_are_not_skills() {
        check(OCCUPATIONS);
    }

    /// New cue rows and flags: "security" in an IT setting, "data"
    /// coordinated with a field, "sales" only with a strong cue.
    const CUED: &[(&str, &[&str])] = &[
        (
            "analytics, mobility, security and apps",
            &["analytics", "cybersecurity"],
        ),
        ("Social Security benefits rose", &[]),
        ("Our data and analytics business", &["data", "analytics"]),
        ("The data show a recovery", &[]),
        ("Software sales declined 3%", &[]),
        ("our voice biometrics technology", &["voice biometrics"]),
        ("they license biometrics technology", &["biometrics"]),
        ("on-boarding R.J. O'Brien on the platform", &[]),
    ];

    #[test]
    fn cued_words() {
        check(CUED);
    }

    /// Product and platform names before a technology head.
    const PRODUCTS: &[(&str, &[&str])] = &[
        ("We continue to leverage our RADAR platform", &["RADAR"]),
        ("integrated throughout the entire OpenBlue platform", &["OpenBlue"]),
        ("the rollout of our eClose solution", &["eClose"]),
        (
            "customers use our Ignite analytics platform",
            &["Ignite", "analytics"],
        ),
        (
            "we sell the Tanzu Mission Control suite",
            &["Tanzu Mission Control"],
        ),
        ("Ignite platform sales grew", &[]),
        ("Strong Platform growth", &[]),
        // A coined name (a capital inside) opens a sentence; a
        // determiner opens one before a name.
        ("It ships. FogHorn software runs on site", &["FogHorn"]),
        ("Our Tanzu portfolio grew", &["Tanzu"]),
        ("Our Retail platform grew", &[]),
        // A head with a capital belongs to the name, and the lexicon's
        // "Cloud" and "VMware" inside give way.
        (
            "we launched the Tanzu Application Platform this year",
            &["Tanzu Application Platform"],
        ),
        ("apps run on our VMware Cloud services", &["VMware Cloud"]),
        ("The Acme Cloud will deliver uptime", &["Acme Cloud"]),
        ("customers moved to the Cloud", &["cloud computing"]),
        ("Data Moves To Cloud", &["cloud computing"]),
        ("our North America platform grew", &[]),
        ("our IT platform is old", &[]),
        ("our data platform is old", &[]),
    ];

    #[test]
    fn product_names() {
        check(PRODUCTS);
    }

    /// Compound fields: a modifier of FIELD_MODIFIERS before a head of
    /// FIELD_HEADS is one mention, and takes over a lexicon match inside.
    const COMPOUNDS: &[(&str, &[&str])] = &[
        ("we lead in digital commerce for shoes", &["digital commerce"]),
        ("our precision marketing unit grew", &["precision marketing"]),
        ("We see Edge intelligence as key", &["edge intelligence"]),
        ("they sell warehouse automation software", &["warehouse automation"]),
        ("our customer analytics tools", &["customer analytics"]),
        // Not a compound: no modifier of the list, or a heading.
        ("our strong commerce business", &[]),
        ("national intelligence agencies", &[]),
        ("Digital Commerce Summit", &[]),
        // The lexicon's longer name keeps its span.
        ("we do digital marketing", &["digital marketing"]),
        ("we moved to cloud computing", &["cloud computing"]),
    ];

    #[test]
    fn compound_fields() {
        check(COMPOUNDS);
    }

    /// A vendor and the capitalised product name after it.
    const VENDOR_PRODUCTS: &[(&str, &[&str])] = &[
        ("mixed in Dolby Atmos for phones", &["Dolby Atmos"]),
        ("Leveraging VMware Tanzu, the bank", &["VMware Tanzu"]),
        ("clerks on VMware Horizon desktops", &["VMware Horizon"]),
        // The company, a title, a possessive: no product.
        ("Oracle Corp said sales rose", &[]),
        ("Microsoft Chief Executive spoke", &[]),
        ("Oracle Systems Corp said it filed", &[]),
        ("NVIDIA BETS BIG ON AI", &["artificial intelligence"]),
        ("we met Dolby to talk", &[]),
        // A longer lexicon name stays.
        ("reports in Microsoft Excel", &["Microsoft Excel"]),
    ];

    #[test]
    fn vendor_products() {
        check(VENDOR_PRODUCTS);
    }

    /// Acronyms the text defines for a skill it found.
    const ACRONYMS: &[(&str, &[&str])] = &[
        (
            "We study distributed ledger technology (DLT). DLT grew.",
            &[
                "distributed ledger technology",
                "distributed ledger technology",
                "distributed ledger technology",
            ],
        ),
        // Initials that do not fit, or no definition: nothing added.
        (
            "We study machine learning (AI). AI grew.",
            &[
                "machine learning",
                "artificial intelligence",
                "artificial intelligence",
            ],
        ),
        ("Our ZQX unit grew.", &[]),
    ];

    #[test]
    fn acronyms_defined_in_the_text() {
        check(ACRONYMS);
    }

    /// A name before "-based", "-driven", "-powered", ... is used as a
    /// technology (TECH_SUFFIXES): kept where it would need context.
    const SUFFIXED: &[(&str, &[&str])] = &[
        ("Our Java-based billing engine is fast", &["Java"]),
        ("Clerks still use Excel-based forms", &["Microsoft Excel"]),
        ("a Salesforce-powered portal for dealers", &["Salesforce"]),
        ("we sell SaaS-based tools", &["SaaS"]),
        // Not a technology suffix, or a one-letter name.
        ("the Go-to-market plan", &[]),
        ("an R-based metric", &[]),
        ("Java-style coffee", &[]),
    ];

    #[test]
    fn technology_suffixes() {
        check(SUFFIXED);
    }

    /// Technology fields the guidelines name, found without a context
    /// word (the curated block "Technology fields, standards and
    /// platforms" and the flags taken off robotics, ERP, CRM, ...).
    const FIELDS: &[(&str, &[&str])] = &[
        ("we continued to invest in 5G", &["5G"]),
        ("we continued to invest in robotics", &["robotics"]),
        ("we continued to invest in 3D printing", &["3D printing"]),
        ("we continued to invest in GPS", &["GPS"]),
        ("the move to SaaS continued", &["SaaS"]),
        ("we finished our ERP rollout", &["ERP"]),
        (
            "it sells word processing and UNIX systems",
            &["word processing", "UNIX"],
        ),
        ("built on a zero trust model", &["zero trust"]),
    ];

    #[test]
    fn technology_fields() {
        check(FIELDS);
    }

    #[test]
    fn curated_names_get_taxonomy_ids() {
        let esco =
            |u: &str| Some(format!("http://data.europa.eu/esco/skill/{u}"));
        for (text, name, unit) in [
            (
                "e-commerce",
                "e-commerce",
                esco("b1272de4-1f5f-408b-8b26-061f2550fc72"),
            ),
            (
                "automation",
                "automation",
                esco("f4a6e9f7-5cff-46c0-894c-59c20bb78694"),
            ),
            (
                "analytics",
                "analytics",
                esco("97bd1c21-66b2-4b7e-ad0f-e3cda590e378"),
            ),
            ("demand for AWS skills", "AWS", Some("43232306".to_string())),
        ] {
            assert_eq!(
                units(text),
                vec![(name.to_string(), unit)],
                "{text:?}"
            );
        }
    }
}
