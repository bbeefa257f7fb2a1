/*!
Word-gated Aho-Corasick: many patterns, matched only where a word starts.

Every pattern we look for (skills, months, number words) starts at the
start of a word. Running an unanchored automaton over every byte wastes
most of its work on positions inside words — and one-letter patterns such
as the skills `C` and `R` match at every `c` and `r` of the text. Instead
we walk the text word by word (runs of ASCII letters and digits), reject
most words with a table lookup on (first byte, length), confirm the rest
in a hash set of the patterns' first words, and only then run the
automaton *anchored* at that word. The automaton keeps its
leftmost-longest semantics ("Stable Diffusion" over "Stable"), and the scan
costs a few instructions per byte.

A big pattern list (the skills lexicon, some 14,000 forms) needs no
automaton at all: when no pattern runs on into letters, the patterns are
kept in a table from the hash of their first word to their indices,
longest first, and a candidate word is confirmed by comparing those
patterns' bytes. That table builds in a millisecond, where an
Aho-Corasick automaton of that size takes a few hundred (most of it in
failure transitions an anchored search never uses).
*/

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input,
    MatchKind, StartKind,
};
use std::cmp::Reverse;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already hashes (the first-word table's
/// `u64`s): it passes them through, where SipHash would cost more than
/// the lookup it serves.
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used for our keys; this is for completeness.
        for &b in bytes {
            self.0 = step(self.0, b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        // Our hashes end in a multiplication, so their low bits (which
        // pick the bucket) are weak: fold the high bits down.
        self.0 = n ^ (n >> 29) ^ (n >> 47);
    }
}

/// First-word hash → a range of `WordMatcher::list`.
type HashTable = HashMap<u64, (u32, u32), BuildHasherDefault<PassThrough>>;

/// Where a pattern's bytes are in `WordMatcher::buf`, and how many of
/// them are leading punctuation (".NET").
#[derive(Clone, Copy, Debug)]
struct Span {
    start: u32,
    end: u32,
    lead: u32,
}

/// Longest first word we index; longer words cannot start a pattern.
const MAX_WORD: usize = 32;

/// A match: byte span and pattern index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordMatch {
    /// Start of the match.
    pub start: usize,
    /// End of the match.
    pub end: usize,
    /// Index of the pattern in the list given to [`WordMatcher::new`].
    pub pattern: usize,
}

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Bits in the first-word filter (a Bloom filter with one hash).
const FILTER_BITS: usize = 1 << 17;

#[inline]
fn step(h: u64, b: u8) -> u64 {
    (h.rotate_left(5) ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(K)
}

#[inline]
fn slot(h: u64) -> usize {
    (h >> 40) as usize & (FILTER_BITS - 1)
}

pub(crate) fn hash_word(w: &[u8]) -> u64 {
    w.iter().fold(0, |h, &b| step(h, b))
}

/// Patterns matched at word starts.
#[derive(Debug)]
pub struct WordMatcher {
    ac: Option<AhoCorasick>,
    /// Without run-on patterns: first-word hash → a range of `list`.
    table: Option<HashTable>,
    /// Pattern indices by first word, those starting earliest (leading
    /// punctuation) and longest first.
    list: Box<[u32]>,
    /// The patterns' bytes, one after the other, for `table`.
    buf: Box<[u8]>,
    /// Each pattern's place in `buf`.
    spans: Box<[Span]>,
    /// One bit per hash slot of the patterns' first words (lower case).
    /// A set bit may be a false positive; the anchored automaton decides.
    firsts: Box<[u64]>,
    /// The same for the first words of patterns that may run on into
    /// letters or digits ("Q3" in "Q3FY24"): checked on word prefixes.
    run_on: Box<[u64]>,
    /// Bit `n` is set when some run-on first word has length `n`.
    run_on_lens: u64,
    /// First bytes (lower case) of the run-on first words.
    run_on_first: [bool; 256],
    /// True when some pattern starts with punctuation (".NET").
    leading_punct: bool,
}

fn first_word(p: &str) -> &[u8] {
    let p = p.as_bytes();
    let lead = p.iter().take_while(|b| !b.is_ascii_alphanumeric()).count();
    let n = p[lead..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    &p[lead..lead + n]
}

fn set_bit(bits: &mut [u64], h: u64) {
    let k = slot(h);
    bits[k / 64] |= 1 << (k % 64);
}

#[inline]
fn has_bit(bits: &[u64], h: u64) -> bool {
    let k = slot(h);
    bits[k / 64] & (1 << (k % 64)) != 0
}

impl WordMatcher {
    /// Compiles the patterns (ASCII case-insensitive). `run_on[i]` says
    /// whether pattern `i` may be followed directly by letters or digits
    /// and still match (it is then also found as a word prefix).
    pub fn new<S: AsRef<str>>(patterns: &[S], run_on: &[bool]) -> WordMatcher {
        let mut firsts = vec![0u64; FILTER_BITS / 64].into_boxed_slice();
        let mut runs = vec![0u64; FILTER_BITS / 64].into_boxed_slice();
        let mut run_on_lens = 0u64;
        let mut run_on_first = [false; 256];
        let mut leading_punct = false;
        for (i, p) in patterns.iter().enumerate() {
            let p = p.as_ref();
            let w = first_word(p);
            if w.is_empty() || w.len() > MAX_WORD {
                continue;
            }
            if !p.as_bytes()[0].is_ascii_alphanumeric() {
                leading_punct = true;
            }
            set_bit(&mut firsts, hash_word(w));
            if run_on.get(i).copied().unwrap_or(false) {
                set_bit(&mut runs, hash_word(w));
                run_on_lens |= 1 << w.len().min(63);
                run_on_first[usize::from(w[0].to_ascii_lowercase())] = true;
            }
        }
        if !run_on.iter().any(|&r| r) {
            // One buffer for the patterns' bytes, and the table's lists
            // in one array: a few allocations for any number of patterns.
            let mut buf = Vec::new();
            let mut spans = Vec::with_capacity(patterns.len());
            let mut keyed: Vec<(u64, Reverse<usize>, Reverse<usize>, u32)> =
                Vec::with_capacity(patterns.len());
            for (i, p) in patterns.iter().enumerate() {
                let p = p.as_ref().as_bytes();
                let lead = p
                    .iter()
                    .take_while(|b| !b.is_ascii_alphanumeric())
                    .count();
                let start = buf.len() as u32;
                buf.extend_from_slice(p);
                spans.push(Span {
                    start,
                    end: buf.len() as u32,
                    lead: lead as u32,
                });
                let w = &p[lead..];
                let n =
                    w.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
                if n > 0 && n <= MAX_WORD {
                    keyed.push((
                        hash_word(&w[..n]),
                        Reverse(lead),
                        Reverse(p.len()),
                        i as u32,
                    ));
                }
            }
            keyed.sort_unstable();
            let mut list = Vec::with_capacity(keyed.len());
            let mut table = HashTable::default();
            table.reserve(keyed.len());
            for run in keyed.chunk_by(|x, y| x.0 == y.0) {
                let from = list.len() as u32;
                list.extend(run.iter().map(|x| x.3));
                table.insert(run[0].0, (from, list.len() as u32));
            }
            return WordMatcher {
                ac: None,
                table: Some(table),
                list: list.into_boxed_slice(),
                buf: buf.into_boxed_slice(),
                spans: spans.into_boxed_slice(),
                firsts,
                run_on: runs,
                run_on_lens,
                run_on_first,
                leading_punct,
            };
        }
        let ac = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(StartKind::Anchored)
                    .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                    .build(patterns.iter().map(|p| p.as_ref()))
                    .expect("word patterns compile"),
            )
        };
        WordMatcher {
            ac,
            table: None,
            list: Box::new([]),
            buf: Box::new([]),
            spans: Box::new([]),
            firsts,
            run_on: runs,
            run_on_lens,
            run_on_first,
            leading_punct,
        }
    }

    /// True when the word `b[st..end]` (with hash `h`) may start a
    /// pattern: its hash is in the filter, or a run-on prefix's is.
    #[inline]
    fn candidate(&self, b: &[u8], st: usize, end: usize, h: u64) -> bool {
        let len = end - st;
        if len <= MAX_WORD && has_bit(&self.firsts, h) {
            return true;
        }
        if !self.run_on_first[usize::from(b[st].to_ascii_lowercase())] {
            return false;
        }
        let mut ph = 0u64;
        for (k, &c) in b[st..end].iter().enumerate().take(8) {
            ph = step(ph, c);
            if (self.run_on_lens >> (k + 1)) & 1 != 0
                && k + 1 < len
                && has_bit(&self.run_on, ph)
            {
                return true;
            }
        }
        false
    }

    /// Runs the automaton anchored at the word starting at `st` (and at
    /// the punctuation before it, for patterns like ".NET"). Returns the
    /// end of the accepted match.
    #[inline]
    fn try_at(
        &self,
        text: &str,
        st: usize,
        h: u64,
        f: &mut impl FnMut(WordMatch) -> bool,
    ) -> Option<usize> {
        if let Some(table) = &self.table {
            return self.try_table(table, text, st, h, f);
        }
        let ac = self.ac.as_ref()?;
        let b = text.as_bytes();
        let mut starts = [st, usize::MAX];
        if self.leading_punct && st > 0 && b[st - 1].is_ascii_punctuation() {
            starts = [st - 1, st];
        }
        for s in starts {
            if s == usize::MAX {
                break;
            }
            // The longest match first; when `f` rejects it (".NET
            // developer" before "developers"), the next longest.
            let mut limit = text.len();
            while let Some(m) = ac
                .find(Input::new(text).range(s..limit).anchored(Anchored::Yes))
            {
                if f(WordMatch {
                    start: m.start(),
                    end: m.end(),
                    pattern: m.pattern().as_usize(),
                }) {
                    return Some(m.end());
                }
                if m.end() <= s + 1 {
                    break;
                }
                limit = m.end() - 1;
            }
        }
        None
    }

    /// [`WordMatcher::try_at`] over the first-word table: the patterns
    /// whose first word hashes like this word's, earliest start and
    /// longest first, confirmed byte by byte (ASCII case ignored).
    #[inline]
    fn try_table(
        &self,
        table: &HashTable,
        text: &str,
        st: usize,
        h: u64,
        f: &mut impl FnMut(WordMatch) -> bool,
    ) -> Option<usize> {
        let b = text.as_bytes();
        let &(from, to) = table.get(&h)?;
        for &i in &self.list[from as usize..to as usize] {
            let sp = self.spans[i as usize];
            let p = &self.buf[sp.start as usize..sp.end as usize];
            let Some(s) = st.checked_sub(sp.lead as usize) else { continue };
            let e = s + p.len();
            if e > b.len()
                || !text.is_char_boundary(e)
                || !b[s..e].eq_ignore_ascii_case(p)
            {
                continue;
            }
            if f(WordMatch { start: s, end: e, pattern: i as usize }) {
                return Some(e);
            }
        }
        None
    }

    /// Calls `f` for each leftmost-longest match that starts at a word
    /// start. `f` returns true to accept the match (the scan then resumes
    /// after it) or false to reject it (a shorter match at the same start
    /// is tried, then the scan resumes at the next word).
    pub fn for_each(&self, text: &str, mut f: impl FnMut(WordMatch) -> bool) {
        let b = text.as_bytes();
        let mut resume = 0;
        scan(b, |st, end, h| {
            if st >= resume
                && self.candidate(b, st, end, h)
                && let Some(e) = self.try_at(text, st, h, &mut f)
            {
                resume = e;
            }
        });
    }
}

/// Runs two matchers over one tokenization of `text`: the same as
/// `a.for_each(text, fa)` and `b.for_each(text, fb)`, in one pass.
pub fn for_each2(
    text: &str,
    a: &WordMatcher,
    mut fa: impl FnMut(WordMatch) -> bool,
    b: &WordMatcher,
    mut fb: impl FnMut(WordMatch) -> bool,
) {
    let bytes = text.as_bytes();
    let (mut ra, mut rb) = (0, 0);
    scan(bytes, |st, end, h| {
        if st >= ra
            && a.candidate(bytes, st, end, h)
            && let Some(e) = a.try_at(text, st, h, &mut fa)
        {
            ra = e;
        }
        if st >= rb
            && b.candidate(bytes, st, end, h)
            && let Some(e) = b.try_at(text, st, h, &mut fb)
        {
            rb = e;
        }
    });
}

/// ASCII letters and digits folded to lower case; 0 for other bytes.
const FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        if c.is_ascii_alphanumeric() {
            t[i] = c.to_ascii_lowercase();
        }
        i += 1;
    }
    t
};

/// Calls `f(start, end, hash)` for every run of ASCII letters and digits.
#[inline]
fn scan(b: &[u8], mut f: impl FnMut(usize, usize, u64)) {
    let n = b.len();
    let mut i = 0;
    while i < n {
        while i < n && FOLD[usize::from(b[i])] == 0 {
            i += 1;
        }
        if i >= n {
            break;
        }
        let st = i;
        let mut h = 0u64;
        while i < n {
            let c = FOLD[usize::from(b[i])];
            if c == 0 {
                break;
            }
            h = (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(K);
            i += 1;
        }
        f(st, i, h);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(m: &WordMatcher, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        m.for_each(text, |x| {
            out.push((x.start, x.end, x.pattern));
            true
        });
        out
    }

    #[test]
    fn word_starts_only_and_longest() {
        let m = WordMatcher::new(
            &["stable", "Stable Diffusion", "c", ".NET", "q3"],
            &[false, false, false, false, true],
        );
        assert_eq!(all(&m, "stable diffusion"), vec![(0, 16, 1)]);
        assert_eq!(all(&m, "abc c"), vec![(4, 5, 2)]);
        assert_eq!(all(&m, "uses .NET"), vec![(5, 9, 3)]);
        assert_eq!(all(&m, "Q3FY24"), vec![(0, 2, 4)]);
        assert_eq!(all(&m, "unstable"), vec![]);
    }

    #[test]
    fn table_matches_like_the_automaton() {
        let pats = ["stable", "Stable Diffusion", "c", ".NET", "C++", "c#"];
        let m = WordMatcher::new(&pats, &[]);
        assert!(m.table.is_some());
        assert_eq!(all(&m, "stable diffusion"), vec![(0, 16, 1)]);
        assert_eq!(all(&m, "abc c"), vec![(4, 5, 2)]);
        assert_eq!(all(&m, "uses .NET"), vec![(5, 9, 3)]);
        assert_eq!(all(&m, "C++ and c#"), vec![(0, 3, 4), (8, 10, 5)]);
        assert_eq!(all(&m, "unstable"), vec![]);
        // A rejected longest match falls back to a shorter one.
        let mut got = Vec::new();
        m.for_each("Stable Diffusion", |x| {
            got.push(x.pattern);
            x.pattern == 0
        });
        assert_eq!(got, vec![1, 0]);
    }
}
