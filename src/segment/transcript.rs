/*!
Call transcripts: speaker turns.

A transcript is recognized by its speaker lines:

- `Name -- Title` or `Name - Title` (also with an en or em dash) alone on a
  line, the turn's text following on the next lines (Motley Fool and most
  transcript services);
- `Name: text`, the text on the same line;
- `Operator` alone (or `Operator:`).

A turn runs from its speaker line to the next one. The participants list
at the top of a call (`Erica Lindqvist - Chief Financial Officer`) gives
the titles of speakers who later appear as `Erica Lindqvist: ...`.
Documents with fewer than two speaker lines are not transcripts.
*/

use std::collections::HashMap;

// A speaker turn is a record the claim stage reads (speakers of claims):
// it lives in `crate::record`, re-exported here for the old path.
pub use crate::record::Turn;

/// Words that start a `Word: text` line without naming a speaker.
const NOT_SPEAKERS: &[&str] = &[
    "date",
    "time",
    "note",
    "notes",
    "source",
    "subject",
    "re",
    "title",
    "participants",
    "company",
    "revenue",
    "q",
    "net",
    "total",
    "ticker",
    "call",
    "conference",
    "location",
    "attendees",
    "agenda",
    "summary",
    "update",
    "outlook",
    "guidance",
    "highlights",
    "disclaimer",
    "event",
    "results",
    "analysts",
    "executives",
    "transcript",
    "prepared remarks",
    "questions and answers",
    "question",
    "answer",
    "duration",
];

fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || s.len() > 60 {
        return false;
    }
    if NOT_SPEAKERS.iter().any(|n| n.eq_ignore_ascii_case(s)) {
        return false;
    }
    words.iter().all(|w| {
        let mut cs = w.chars();
        let first = cs.next().unwrap_or(' ');
        (first.is_uppercase()
            || w.len() <= 3
                && w.chars().all(|c| c.is_lowercase())
                && words.len() > 2)
            && w.chars().all(|c| c.is_alphabetic() || "'’.-".contains(c))
    })
}

/// A speaker line: (name, role, offset where the turn text starts within
/// the line, or None when the text starts on the next line).
fn speaker_line(
    line: &str,
) -> Option<(String, Option<String>, Option<usize>)> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    // Every speaker line has a separator or is "Operator": reject the rest
    // with one scan.
    let b = t.as_bytes();
    let has_sep = memchr::memchr2(b':', b'-', b).is_some()
        // An em or en dash (E2 80 94, E2 80 93): one byte scan.
        || memchr::memchr_iter(0xE2, b).any(|i| {
            b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x93 | 0x94))
        });
    if !has_sep && !t.eq_ignore_ascii_case("operator") {
        return None;
    }
    if t.eq_ignore_ascii_case("operator")
        || t.eq_ignore_ascii_case("operator:")
    {
        return Some(("Operator".to_string(), None, None));
    }
    for sep in
        [" -- ", " — ", " – ", " - "].into_iter().filter(|_| t.len() <= 160)
    {
        if let Some((name, role)) = t.split_once(sep) {
            let role = role.trim();
            if is_name(name.trim())
                && !role.is_empty()
                && role.len() <= 100
                && !role.ends_with(['.', '?', '!'])
                && role.chars().next().is_some_and(|c| c.is_uppercase())
            {
                return Some((
                    name.trim().to_string(),
                    Some(role.to_string()),
                    None,
                ));
            }
        }
    }
    if let Some((name, rest)) =
        t.split_once(':').filter(|(n, _)| n.len() <= 60)
    {
        let name = name.trim();
        let two_words = name.split_whitespace().count() >= 2
            || name.eq_ignore_ascii_case("operator");
        if two_words && is_name(name) && !rest.trim().is_empty() {
            let lead = line.len() - line.trim_start().len();
            let after = lead + t.find(':').unwrap_or(0) + 1;
            let skip = line[after..].len() - line[after..].trim_start().len();
            let name = if name.eq_ignore_ascii_case("operator") {
                "Operator".to_string()
            } else {
                name.to_string()
            };
            return Some((name, None, Some(after + skip)));
        }
    }
    None
}

/// A speaker line's span, name, role and inline text offset.
type SpeakerLine = (usize, usize, String, Option<String>, Option<usize>);

/// The speaker turns of `text`; empty when it is not a transcript.
pub fn turns(text: &str) -> Vec<Turn> {
    let mut lines: Vec<SpeakerLine> = Vec::new();
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if let Some((name, role, inline)) = speaker_line(body) {
            lines.push((off, off + line.len(), name, role, inline));
        }
        off += line.len();
    }
    if lines.len() < 2 {
        return Vec::new();
    }
    let roster: HashMap<String, String> = lines
        .iter()
        .filter_map(|l| l.3.clone().map(|r| (l.2.clone(), r)))
        .collect();
    let mut out = Vec::with_capacity(lines.len());
    for (i, (ls, le, name, role, inline)) in lines.iter().enumerate() {
        let start = match inline {
            Some(k) => ls + k,
            None => *le,
        };
        let end = lines.get(i + 1).map_or(text.len(), |n| n.0);
        let role = role.clone().or_else(|| roster.get(name).cloned());
        out.push(Turn {
            start,
            end: end.max(start),
            name: name.clone(),
            role,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_styles() {
        let t = "Participants\nErica Lindqvist - Chief Financial Officer\n\nOperator\nWelcome.\n\nErica Lindqvist -- Chief Financial Officer\nRevenue rose 5%.\n\nJane Roe: What about margins?\nErica Lindqvist: Up 150 basis points.\n";
        let ts = turns(t);
        let names: Vec<String> = ts.iter().map(Turn::speaker).collect();
        assert_eq!(
            names,
            [
                "Erica Lindqvist, Chief Financial Officer",
                "Operator",
                "Erica Lindqvist, Chief Financial Officer",
                "Jane Roe",
                "Erica Lindqvist, Chief Financial Officer"
            ]
        );
        assert_eq!(&t[ts[2].start..ts[2].end].trim(), &"Revenue rose 5%.");
        assert_eq!(&t[ts[4].start..ts[4].end].trim(), &"Up 150 basis points.");
    }

    #[test]
    fn news_is_not_a_transcript() {
        assert!(turns("Date: Nov. 5, 2025\nRevenue: up 5%.\nShares fell - analysts said.\n").is_empty());
    }
}
