/*!
Sentence → tokens → clauses.

A sentence becomes a flat list of [`Tok`]s: words (lower-cased), figures
(the percent, money and count mentions), dates, and punctuation. The
tokens are then cut into clauses at coordination: `;`, `,`, `and`,
`while`, `whereas`, `but`, `as well as`, `with`, `alongside`, a relative
`which`, and parentheses. A piece without a figure is not a clause of its
own: it goes back to the clause it belongs to (the first piece goes
forward), so "Segment A and segment B sales of ..." stays one subject.

Everything here is one pass over the sentence: linear in its length.
*/

use crate::record::{Kind, Mention};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// A word: ASCII letters and digits, with inner `-`, `'`, `/`, `&`,
    /// and any non-ASCII letters.
    Word,
    /// A percent, money or count mention (its index in the document's
    /// mentions).
    Fig(usize),
    /// A date mention (its index).
    Date(usize),
    /// One punctuation character (`,` `;` `:` `(` `)` `.` or a dash).
    Punct(u8),
}

/// A token with its byte span in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    /// Start (bytes, into the document text).
    pub start: usize,
    /// End.
    pub end: usize,
    /// Kind.
    pub kind: TokKind,
}

/// A tokenized sentence.
pub struct Sentence<'a> {
    /// Byte offset of the sentence in the document.
    pub base: usize,
    /// The sentence, lower-cased (ASCII only, so offsets are unchanged).
    pub lower: String,
    /// The original text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: Vec<Tok>,
}

impl Sentence<'_> {
    /// The lower-cased text of a word token (empty for other tokens).
    pub fn word(&self, i: usize) -> &str {
        let Some(t) = self.toks.get(i) else { return "" };
        match t.kind {
            TokKind::Word => {
                &self.lower[t.start - self.base..t.end - self.base]
            }
            _ => "",
        }
    }

    /// The original text of tokens `a..b`.
    pub fn span_text(&self, a: usize, b: usize) -> &str {
        if a >= b {
            return "";
        }
        let s = self.toks[a].start - self.base;
        let e = self.toks[b - 1].end - self.base;
        &self.text[s..e]
    }

    /// True when token `i` is the punctuation `c`.
    pub fn is_punct(&self, i: usize, c: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Punct(c))
    }

    /// The index of the first token starting at or after byte `p`.
    pub fn tok_at(&self, p: usize) -> usize {
        self.toks.partition_point(|t| t.start < p)
    }

    /// The token of the figure of mention `mi`, which starts at byte
    /// `start` (a binary search, not a walk over the sentence).
    pub fn fig_tok(&self, start: usize, mi: usize) -> Option<usize> {
        let j = self.tok_at(start);
        (self.toks.get(j)?.kind == TokKind::Fig(mi)).then_some(j)
    }

    /// The index of the token holding byte `p` (or the first after it).
    pub fn tok_holding(&self, p: usize) -> usize {
        self.toks.partition_point(|t| t.end <= p)
    }
}

/// Tokenizes the sentence `text[s..e]`; `ms` are the indices of the
/// mentions inside it, in order.
pub fn tokenize<'a>(
    text: &'a str,
    s: usize,
    e: usize,
    mentions: &[Mention],
    ms: &[usize],
) -> Sentence<'a> {
    let sent = &text[s..e];
    let lower = sent.to_ascii_lowercase();
    let b = sent.as_bytes();
    let mut toks = Vec::with_capacity(b.len() / 5 + 4);
    let mut mi = ms
        .iter()
        .copied()
        .filter(|&i| {
            mentions[i].kind != Kind::Skill && !mentions[i].is_vague_date()
        })
        .peekable();
    let mut i = 0;
    while i < b.len() {
        // Skip mentions that started before this point (overlaps).
        while mi.peek().is_some_and(|&k| mentions[k].start < s + i) {
            mi.next();
        }
        if let Some(&k) = mi.peek()
            && mentions[k].start == s + i
        {
            let m = &mentions[k];
            let kind = if m.kind == Kind::Date {
                TokKind::Date(k)
            } else {
                TokKind::Fig(k)
            };
            toks.push(Tok { start: m.start, end: m.end.min(e), kind });
            i = m.end.min(e) - s;
            mi.next();
            continue;
        }
        let c = b[i];
        if c.is_ascii_alphanumeric() || c >= 0x80 && is_letter_at(sent, i) {
            let st = i;
            while i < b.len() {
                let c = b[i];
                if c.is_ascii_alphanumeric() {
                    i += 1;
                } else if c >= 0x80 {
                    if is_letter_at(sent, i) {
                        i += utf8_len(c);
                    } else if sent[i..].starts_with('’')
                        && i > st
                        && b.get(i + 3).is_some_and(u8::is_ascii_alphanumeric)
                    {
                        // "Talent’s": a curly apostrophe inside a word.
                        i += 3;
                    } else {
                        break;
                    }
                } else if matches!(c, b'-' | b'\'' | b'/' | b'&')
                    && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
                    && i > st
                {
                    i += 1;
                } else if c == b'.'
                    && i - st <= 3
                    && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
                    && b.get(i + 2) == Some(&b'.')
                {
                    // "U.S." and "vs." stay one word.
                    i += 1;
                } else {
                    break;
                }
                // A mention may start inside a run ("Q3" is a date).
                if mi.peek().is_some_and(|&k| mentions[k].start == s + i) {
                    break;
                }
            }
            // "vs." keeps its period.
            if i < b.len()
                && b[i] == b'.'
                && matches!(&lower[st..i], "vs" | "u.s" | "u.k")
            {
                i += 1;
            }
            toks.push(Tok { start: s + st, end: s + i, kind: TokKind::Word });
            continue;
        }
        if c >= 0x80 {
            // A non-letter character: a dash or quote.
            let n = utf8_len(c);
            let ch = sent[i..].chars().next().unwrap_or(' ');
            if matches!(ch, '—' | '–') {
                toks.push(Tok {
                    start: s + i,
                    end: s + i + n,
                    kind: TokKind::Punct(b'-'),
                });
            }
            i += n;
            continue;
        }
        if matches!(c, b',' | b';' | b':' | b'(' | b')' | b'.' | b'-') {
            toks.push(Tok {
                start: s + i,
                end: s + i + 1,
                kind: TokKind::Punct(c),
            });
        }
        i += 1;
    }
    Sentence { base: s, lower, text: sent, toks }
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

fn is_letter_at(s: &str, i: usize) -> bool {
    s.is_char_boundary(i)
        && s[i..].chars().next().is_some_and(|c| c.is_alphanumeric())
}

/// A clause: tokens `start..end` of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clause {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The boundary before it was hard (`;`, a sentence start): nothing
    /// is shared across it.
    pub hard: bool,
    /// It opened with a contrast (`while`, `but`, `whereas`): the basis of
    /// the clause before is not shared unless it says "same".
    pub contrast: bool,
}

/// True when token `i` starts a clause; returns (tokens the boundary
/// takes, hard, contrast).
fn boundary(s: &Sentence, i: usize) -> Option<(usize, bool, bool)> {
    let t = s.toks[i];
    match t.kind {
        TokKind::Punct(b';') => Some((1, true, false)),
        TokKind::Punct(b',') | TokKind::Punct(b'(') | TokKind::Punct(b')') => {
            // A comma before a conjunction: the conjunction is the
            // boundary; take both.
            let next = s.word(i + 1);
            let (n, contrast) = match next {
                "and" | "with" | "which" | "alongside" | "plus" => (2, false),
                "while" | "but" | "whereas" | "although" => (2, true),
                _ => (1, false),
            };
            Some((n, false, contrast))
        }
        TokKind::Punct(b'-') => {
            // A spaced dash ("revenue - up 5%") but not "3-for-1".
            Some((1, false, false))
        }
        TokKind::Word => match s.word(i) {
            "and" | "alongside" | "plus" => Some((1, false, false)),
            "while" | "but" | "whereas" | "although" => Some((1, false, true)),
            "as" if s.word(i + 1) == "well" && s.word(i + 2) == "as" => {
                Some((3, false, false))
            }
            _ => None,
        },
        _ => None,
    }
}

/// Cuts a sentence into clauses (see the module documentation).
pub fn clauses(s: &Sentence) -> Vec<Clause> {
    let n = s.toks.len();
    let mut raw: Vec<Clause> = Vec::new();
    let mut start = 0;
    let mut hard = true;
    let mut contrast = false;
    let mut i = 0;
    while i < n {
        if let Some((take, h, c)) = boundary(s, i) {
            if i > start {
                raw.push(Clause { start, end: i, hard, contrast });
            }
            hard = h || (hard && i == start);
            contrast = c;
            i += take;
            start = i;
            continue;
        }
        i += 1;
    }
    if start < n {
        raw.push(Clause { start, end: n, hard, contrast });
    }
    // A piece without a figure joins the clause it belongs to.
    let has_fig = |c: &Clause| {
        s.toks[c.start..c.end]
            .iter()
            .any(|t| matches!(t.kind, TokKind::Fig(_)))
    };
    let mut out: Vec<Clause> = Vec::with_capacity(raw.len());
    let mut carry: Option<Clause> = None;
    for c in raw {
        let c = match carry.take() {
            Some(p) => Clause {
                start: p.start,
                end: c.end,
                hard: p.hard,
                contrast: p.contrast,
            },
            None => c,
        };
        if has_fig(&c) {
            out.push(c);
        } else if out.is_empty() || c.hard {
            // Nothing before to join (or a hard break): join the next.
            carry = Some(c);
        } else if let Some(last) = out.last_mut() {
            last.end = c.end;
        }
    }
    if let Some(c) = carry {
        match out.last_mut() {
            Some(last) if !c.hard => last.end = c.end,
            _ => {}
        }
    }
    // A clause does not end on punctuation.
    for c in &mut out {
        while c.end > c.start + 1
            && matches!(s.toks[c.end - 1].kind, TokKind::Punct(_))
        {
            c.end -= 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ExtractorSet;
    use crate::record::DocContext;

    fn split(text: &str) -> Vec<String> {
        let set = ExtractorSet::builtin();
        let ms = set.extract(text, &DocContext::default());
        let idx: Vec<usize> = (0..ms.len()).collect();
        let s = tokenize(text, 0, text.len(), &ms, &idx);
        clauses(&s)
            .iter()
            .map(|c| s.span_text(c.start, c.end).to_string())
            .collect()
    }

    #[test]
    fn coordination_cuts_clauses() {
        assert_eq!(
            split(
                "Revenue was $412.5 million, down 3% from the prior year and up 12% sequentially."
            ),
            [
                "Revenue was $412.5 million",
                "down 3% from the prior year",
                "up 12% sequentially"
            ]
        );
        assert_eq!(
            split("Segment A and segment B sales of $80 million rose 9%."),
            ["Segment A and segment B sales of $80 million rose 9%"]
        );
        assert_eq!(
            split(
                "A declined 6% from the year-ago period, while B decreased 7% over the same timeframe."
            ),
            [
                "A declined 6% from the year-ago period",
                "B decreased 7% over the same timeframe"
            ]
        );
    }
}
