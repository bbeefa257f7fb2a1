/*!
Sentence boundaries.

We take the Unicode sentence boundaries of UAX #29 (unicode-segmentation)
within each line, then undo the breaks that news text does not mean:
after abbreviations ("Nov.", "Inc.", "U.S.", "approx.", "vs."), after
single-letter initials ("J. Smith"), and inside decimals and numbered
lists. A line break always ends a sentence: transcripts and most archives
put one paragraph (often one sentence) per line. The exception is a
sentence wrapped inside its paragraph, as newswires wrap at 65 columns: a
line that ends without a terminator joins the next line when that line
starts in lower case, or when it ends on a word that cannot end a sentence
("of", "the", "said"). A wire table's lines ("Shr 68 cts vs 78 cts" over
"Net 2,432,179 vs 2,236,471") stay apart.
*/

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "inc", "corp", "co", "ltd", "plc", "llc", "bros", "no",
    "nos", "vs", "approx", "est", "mr", "mrs", "ms", "dr", "prof", "sr", "jr",
    "st", "mt", "ft", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "etc", "fig",
    "figs", "vol", "dept", "gov", "sen", "rep", "gen", "col", "lt", "sgt",
    "capt", "cmdr", "adm", "ave", "blvd", "rd", "q", "fy", "a.m", "p.m",
    "mln", "bln", "pct", "avg", "yr", "yrs", "mo", "mos", "wk", "wks",
    "int'l", "natl", "assn", "cos", "dlrs", "cts",
];

pub(crate) fn is_abbreviation(word: &str) -> bool {
    let w = word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    if w.len() == 1 && w.chars().all(|c| c.is_ascii_alphabetic()) {
        // An initial ("J.") or a list letter ("a.").
        return true;
    }
    ABBREVIATIONS.contains(&w.as_str())
}

/// Words that cannot end a sentence: a line ending on one continues.
fn continues(word: &str) -> bool {
    // Every listed word has at most six letters: lower-case on the stack.
    if word.len() > 6 {
        return false;
    }
    let mut buf = [0u8; 6];
    buf[..word.len()].copy_from_slice(word.as_bytes());
    buf.make_ascii_lowercase();
    matches!(
        std::str::from_utf8(&buf[..word.len()]).unwrap_or(""),
        "a" | "an"
            | "the"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "and"
            | "or"
            | "but"
            | "its"
            | "their"
            | "our"
            | "his"
            | "her"
            | "said"
            | "says"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "that"
            | "which"
            | "as"
            | "than"
            | "vs"
            | "per"
            | "into"
            | "about"
            | "after"
            | "before"
            | "over"
            | "under"
            | "will"
            | "would"
            | "could"
            | "should"
            | "had"
            | "has"
            | "have"
            | "up"
            | "down"
            | "this"
            | "these"
            | "those"
            | "it"
            | "not"
    )
}

/// Whether the sentence `a` (ending a line) and `b` (starting the next)
/// are one sentence wrapped across the line break.
fn wrapped(text: &str, a: (usize, usize), b: (usize, usize)) -> bool {
    let between = &text[a.1..b.0];
    if between.bytes().filter(|&c| c == b'\n').count() != 1
        || !between.bytes().all(|c| c.is_ascii_whitespace())
    {
        return false;
    }
    let first = &text[a.0..a.1];
    if first.ends_with(['.', '!', '?', ':', ';', '"', '”']) {
        return false;
    }
    let next = &text[b.0..b.1];
    // A line without a figure continued by one that opens with a figure
    // ("said net income rose" over "12 pct to ...") is prose, not a table.
    let lower_start = next.chars().next().is_some_and(|c| {
        c.is_lowercase()
            || ((c.is_ascii_digit() || c == '$')
                && !first.bytes().any(|b| b.is_ascii_digit()))
    });
    let last = first.rsplit(char::is_whitespace).next().unwrap_or("");
    lower_start || continues(last)
}

/// Splits `text` into sentences, as byte spans without surrounding white
/// space. Empty lines produce nothing.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let raw = line_sentences(text);
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
    for s in raw {
        match out.last_mut() {
            Some(last) if wrapped(text, *last, s) => last.1 = s.1,
            _ => out.push(s),
        }
    }
    out
}

fn line_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let base = line_start;
        line_start += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            continue;
        }
        // Most lines in transcripts and archives hold one sentence: only a
        // line with a terminator followed by white space inside it needs
        // UAX #29.
        let t = body.trim_end();
        let inner =
            t.trim_end_matches(['.', '!', '?', '"', '”', '’', '\'', ')']);
        if !inner_break(inner) {
            push_trimmed(text, (base, base + body.len()), &mut out);
            continue;
        }
        let mut pending: Option<(usize, usize)> = None;
        for (off, piece) in body.split_sentence_bound_indices() {
            let (s, e) = (base + off, base + off + piece.len());
            let joined = match pending {
                Some((ps, pe)) => {
                    let prev = text[ps..pe].trim_end();
                    let last_word =
                        prev.rsplit(char::is_whitespace).next().unwrap_or("");
                    let ends_abbrev = prev.ends_with('.')
                        && is_abbreviation(last_word.trim_end_matches('.'));
                    if ends_abbrev { Some((ps, e)) } else { None }
                }
                None => None,
            };
            match joined {
                Some(span) => pending = Some(span),
                None => {
                    if let Some(p) = pending.take() {
                        push_trimmed(text, p, &mut out);
                    }
                    pending = Some((s, e));
                }
            }
        }
        if let Some(p) = pending {
            push_trimmed(text, p, &mut out);
        }
    }
    out
}

/// Whether `inner` holds ". ", "? ", "! " or a period before a no-break
/// space: one byte scan per line (most lines have none).
fn inner_break(inner: &str) -> bool {
    let b = inner.as_bytes();
    memchr::memchr3_iter(b'.', b'?', b'!', b).any(|i| match b.get(i + 1) {
        Some(b' ') => true,
        Some(0xC2) => b[i] == b'.' && b.get(i + 2) == Some(&0xA0),
        _ => false,
    })
}

fn push_trimmed(
    text: &str,
    (s, e): (usize, usize),
    out: &mut Vec<(usize, usize)>,
) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if e - trail > s + lead {
        out.push((s + lead, e - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn abbreviations_and_decimals_do_not_split() {
        assert_eq!(
            split(
                "On Nov. 5 Brightlane Inc. said U.S. revenue rose 4.5% to $1.2 billion. Shares fell."
            ),
            [
                "On Nov. 5 Brightlane Inc. said U.S. revenue rose 4.5% to $1.2 billion.",
                "Shares fell."
            ]
        );
        assert_eq!(
            split("CEO J. Smith spoke. It was approx. 5%."),
            ["CEO J. Smith spoke.", "It was approx. 5%."]
        );
    }

    #[test]
    fn wrapped_lines_stay_one_sentence() {
        assert_eq!(
            split(
                "Champion Products Inc said its\nboard approved a split.\nShr 68 cts vs 78 cts\n    Net 2,432,179 vs 2,236,471\n"
            ),
            [
                "Champion Products Inc said its\nboard approved a split.",
                "Shr 68 cts vs 78 cts",
                "Net 2,432,179 vs 2,236,471"
            ]
        );
        assert_eq!(
            split(
                "gains on sale of real\nestate of 470,778 dlrs.\n\nNext paragraph"
            ),
            [
                "gains on sale of real\nestate of 470,778 dlrs.",
                "Next paragraph"
            ]
        );
    }

    #[test]
    fn inner_breaks_and_continuing_words() {
        assert!(inner_break("Revenue rose. Shares fell"));
        assert!(inner_break("Why? Costs"));
        assert!(inner_break("Up! Then"));
        assert!(inner_break("It rose.\u{a0}Then"));
        assert!(!inner_break("Revenue rose 4.5% to $1.2 billion"));
        assert!(!inner_break("U.S. sales"[..4].trim()));
        assert!(continues("The") && continues("BEFORE") && continues("vs"));
        assert!(!continues("revenue") && !continues("é") && !continues(""));
    }

    #[test]
    fn lines_end_sentences() {
        assert_eq!(
            split("Operator\nThank you. Go ahead\n\nNext one."),
            ["Operator", "Thank you.", "Go ahead", "Next one."]
        );
    }
}
