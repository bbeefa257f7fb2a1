/*!
Keyword triggers: the words at which a date or a written number can start.

One Aho-Corasick automaton finds month names, number words, quarter and
half markers (`Q3`, `H1`, `third`), `FY`, `fiscal` and the relative date
words in a single pass. The date and quantity extractors then parse
forward from each trigger with small hand-written parsers. Finding the
triggers first keeps the hot loop to one automaton scan, instead of one
regex per form.
*/

use super::number;
use super::text::{word_end, word_start};
use super::words::{WordMatch, WordMatcher};

/// What a keyword means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// A month name or abbreviation, 1 to 12.
    Month(u32),
    /// A number word ("three", "forty").
    NumberWord,
    /// An ordinal that can name a quarter or half ("third", "3rd").
    Ordinal(u32),
    /// `Q1` to `Q4`.
    Quarter(u32),
    /// `H1`, `H2`.
    Half(u32),
    /// `quarter` followed by its number: "quarter 3, 2019", "quarter two
    /// FY15".
    QuarterWord,
    /// `FY`.
    FiscalYear,
    /// `fiscal`.
    Fiscal,
    /// `yesterday` (-1), `today` (0), `tomorrow` (1).
    Day(i32),
    /// `last` (-1), `this` (0), `next` (1): relative when followed by a
    /// period word.
    Relative(i32),
    /// `year-ago`, `prior-year`.
    YearAgo,
    /// A day of the week, 0 = Monday.
    Weekday(u32),
    /// A period referred to without a date: "the quarter", "the prior
    /// year", "a year ago" (see [`GENERIC_PERIODS`]).
    Generic(u32),
    /// A time named only relative to the present: "now", "recently" (see
    /// [`REFS`]).
    Ref(u32),
    /// A season: 0 spring, 1 summer, 2 fall, 3 winter.
    Season(u32),
    /// `ago`: "four years ago", "10 days ago".
    Ago,
    /// `century`: "the 20th century".
    Century,
    /// A decade in words: "the nineties" (see [`DECADES`]).
    Decade(u32),
}

/// Times named only relative to the present, with TIMEX3's values for
/// them. We keep the ones that news text uses as dates most of the time
/// (on TimeBank and AQUAINT, at least two in three occurrences are tagged):
/// "current" (also "current assets") and "soon" ("as soon as") are left
/// out.
pub const REFS: &[(&str, &str)] = &[
    ("now", "PRESENT_REF"),
    ("right now", "PRESENT_REF"),
    ("currently", "PRESENT_REF"),
    ("these days", "PRESENT_REF"),
    ("recently", "PAST_REF"),
    ("the past", "PAST_REF"),
    ("recent years", "PAST_REF"),
    ("recent days", "PAST_REF"),
    ("the future", "FUTURE_REF"),
    ("the near future", "FUTURE_REF"),
    ("the near term", "FUTURE_REF"),
    ("the short term", "FUTURE_REF"),
    ("coming months", "FUTURE_REF"),
    ("the coming months", "FUTURE_REF"),
];

/// What a period named without a date is counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The document date: "the quarter", "last week".
    Doc,
    /// The period the text is about, a year before: "a year earlier" after
    /// "the third quarter of 1989" is 1988's third quarter. Without a named
    /// period, the document date's (as [`Anchor::Doc`]).
    YearBefore,
    /// The period the text named last: "that year", "the following
    /// month". Without one, the value is underspecified (`XXXX`).
    Named,
    /// The quarter the text is about (the last one named with its year,
    /// not as a comparison's side): "the latest period" after "the fourth
    /// quarter of 1989" is that quarter. Without one, the document date's
    /// (as [`Anchor::Doc`]).
    Discussed,
}

/// Periods named without a date, with what they refer to: the period unit
/// (`Q` quarter, `Y` year, `F` fiscal year, `X` decade, `M` month, `W`
/// week, `D` day, `E` weekend, `L` the year's last day), the offset from the anchor's period (0 = the same
/// one, -1 = the one before) and the anchor.
pub const GENERIC_PERIODS: &[(&str, char, i32, Anchor)] = &[
    ("the quarter", 'Q', 0, Anchor::Discussed),
    ("the latest quarter", 'Q', 0, Anchor::Discussed),
    ("the latest period", 'Q', 0, Anchor::Discussed),
    // The quarter under way at the document date, not the last one
    // completed (offsets count from that one).
    ("the current quarter", 'Q', 1, Anchor::Doc),
    ("the prior quarter", 'Q', -1, Anchor::Doc),
    ("the previous quarter", 'Q', -1, Anchor::Doc),
    ("the end of the quarter", 'Q', 0, Anchor::Doc),
    ("the year-earlier quarter", 'Q', -4, Anchor::YearBefore),
    ("the year-ago quarter", 'Q', -4, Anchor::YearBefore),
    ("the comparable year-ago quarter", 'Q', -4, Anchor::YearBefore),
    ("the prior year quarter", 'Q', -4, Anchor::YearBefore),
    ("the prior-year quarter", 'Q', -4, Anchor::YearBefore),
    ("the same quarter last year", 'Q', -4, Anchor::YearBefore),
    ("the quarter a year ago", 'Q', -4, Anchor::YearBefore),
    ("last year's quarter", 'Q', -4, Anchor::YearBefore),
    ("the corresponding period last year", 'Q', -4, Anchor::YearBefore),
    ("the year", 'Y', 0, Anchor::Doc),
    ("the full year", 'Y', 0, Anchor::Doc),
    ("the current year", 'Y', 0, Anchor::Doc),
    ("the end of the year", 'Y', 0, Anchor::Doc),
    ("year end", 'Y', 0, Anchor::Doc),
    ("year's end", 'Y', 0, Anchor::Doc),
    ("year-end", 'L', 0, Anchor::Doc),
    ("year-to-date", 'Y', 0, Anchor::Doc),
    ("the prior year", 'Y', -1, Anchor::Doc),
    ("the prior-year", 'Y', -1, Anchor::Doc),
    ("the previous year", 'Y', -1, Anchor::Doc),
    ("the past year", 'Y', -1, Anchor::Doc),
    ("a year ago", 'Y', -1, Anchor::YearBefore),
    ("a year earlier", 'Y', -1, Anchor::YearBefore),
    ("year-earlier", 'Y', -1, Anchor::YearBefore),
    ("year-ago", 'Y', -1, Anchor::YearBefore),
    ("the year-earlier period", 'Q', -4, Anchor::YearBefore),
    ("the year-ago period", 'Q', -4, Anchor::YearBefore),
    ("the fiscal year", 'F', 0, Anchor::Doc),
    ("the current fiscal year", 'F', 0, Anchor::Doc),
    ("the latest fiscal year", 'F', -1, Anchor::Doc),
    ("the last decade", 'X', -1, Anchor::Doc),
    ("the past decade", 'X', -1, Anchor::Doc),
    ("the month", 'M', 0, Anchor::Doc),
    ("the end of the month", 'M', 0, Anchor::Doc),
    ("the day", 'D', 0, Anchor::Doc),
    ("the day before", 'D', -1, Anchor::Doc),
    ("the previous day", 'D', -1, Anchor::Doc),
    ("the week", 'W', 0, Anchor::Doc),
    ("this week", 'W', 0, Anchor::Doc),
    ("last week", 'W', -1, Anchor::Doc),
    ("the last week", 'W', -1, Anchor::Doc),
    ("next week", 'W', 1, Anchor::Doc),
    ("the weekend", 'E', 0, Anchor::Doc),
    ("that year", 'Y', 0, Anchor::Named),
    ("the same year", 'Y', 0, Anchor::Named),
    ("the following year", 'Y', 1, Anchor::Named),
    ("that quarter", 'Q', 0, Anchor::Named),
    ("that month", 'M', 0, Anchor::Named),
    ("the following month", 'M', 1, Anchor::Named),
];

/// Decades named in words, with the decade's digit: "the nineties" →
/// `199`.
pub const DECADES: &[(&str, u32)] = &[
    ("the twenties", 2),
    ("the thirties", 3),
    ("the forties", 4),
    ("the fifties", 5),
    ("the sixties", 6),
    ("the seventies", 7),
    ("the eighties", 8),
    ("the nineties", 9),
];

/// One trigger found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset of the keyword.
    pub start: usize,
    /// Byte offset after the keyword.
    pub end: usize,
    /// What it is.
    pub trigger: Trigger,
}

/// The compiled keyword automaton.
#[derive(Debug)]
pub struct Keywords {
    matcher: WordMatcher,
    triggers: Vec<Trigger>,
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Month number for a full or abbreviated month name (any case).
pub fn month_number(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(m, _)| m.eq_ignore_ascii_case(word)).map(|&(_, n)| n)
}

impl Keywords {
    /// Compiles the automaton.
    pub fn new() -> Keywords {
        let mut pats: Vec<String> = Vec::new();
        let mut triggers = Vec::new();
        let mut add = |p: &str, t: Trigger| {
            pats.push(p.to_string());
            triggers.push(t);
        };
        for &(m, n) in MONTHS {
            add(m, Trigger::Month(n));
        }
        for w in number::number_words() {
            add(w, Trigger::NumberWord);
        }
        for (i, w) in ["first", "second", "third", "fourth"].iter().enumerate()
        {
            add(w, Trigger::Ordinal(i as u32 + 1));
        }
        for (i, w) in ["1st", "2nd", "3rd", "4th"].iter().enumerate() {
            add(w, Trigger::Ordinal(i as u32 + 1));
        }
        for q in 1..=4 {
            add(&format!("q{q}"), Trigger::Quarter(q));
        }
        for h in 1..=2 {
            add(&format!("h{h}"), Trigger::Half(h));
        }
        add("quarter", Trigger::QuarterWord);
        add("fy", Trigger::FiscalYear);
        add("fiscal", Trigger::Fiscal);
        add("yesterday", Trigger::Day(-1));
        add("today", Trigger::Day(0));
        add("tomorrow", Trigger::Day(1));
        add("last", Trigger::Relative(-1));
        add("this", Trigger::Relative(0));
        add("next", Trigger::Relative(1));
        for (i, &(p, _, _, _)) in GENERIC_PERIODS.iter().enumerate() {
            add(p, Trigger::Generic(i as u32));
        }
        for &(p, n) in DECADES {
            add(p, Trigger::Decade(n));
        }
        for (i, &(p, _)) in REFS.iter().enumerate() {
            add(p, Trigger::Ref(i as u32));
        }
        for (w, n) in [
            ("spring", 0),
            ("summer", 1),
            ("fall", 2),
            ("autumn", 2),
            ("winter", 3),
        ] {
            add(w, Trigger::Season(n));
        }
        add("ago", Trigger::Ago);
        add("century", Trigger::Century);
        add("year ago", Trigger::YearAgo);
        add("prior-year", Trigger::YearAgo);
        add("prior year", Trigger::YearAgo);
        for (i, d) in [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        .iter()
        .enumerate()
        {
            add(d, Trigger::Weekday(i as u32));
        }
        let run_on: Vec<bool> = triggers
            .iter()
            .map(|t| {
                matches!(
                    t,
                    Trigger::Quarter(_)
                        | Trigger::Half(_)
                        | Trigger::FiscalYear
                )
            })
            .collect();
        Keywords { matcher: WordMatcher::new(&pats, &run_on), triggers }
    }

    /// Finds every keyword that stands as a word (quarter, half and `FY`
    /// markers may run on into a year: `Q3FY24`, `FY25`).
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        self.matcher.for_each(text, |m| self.accept(text, m, &mut out));
        out
    }

    /// The word matcher, to share a tokenization pass with other matchers.
    pub(crate) fn matcher(&self) -> &WordMatcher {
        &self.matcher
    }

    /// Keeps a raw match that stands as a word.
    pub(crate) fn accept(
        &self,
        text: &str,
        m: WordMatch,
        out: &mut Vec<Hit>,
    ) -> bool {
        let trigger = self.triggers[m.pattern];
        if !word_start(text, m.start) {
            return false;
        }
        let runs_on = matches!(
            trigger,
            Trigger::Quarter(_) | Trigger::Half(_) | Trigger::FiscalYear
        );
        if !runs_on && !word_end(text, m.end) {
            return false;
        }
        // "the year-ago results": the phrase goes on, and the words inside
        // it may start another ("year-ago").
        if matches!(trigger, Trigger::Generic(_))
            && text.as_bytes().get(m.end) == Some(&b'-')
        {
            return false;
        }
        out.push(Hit { start: m.start, end: m.end, trigger });
        true
    }
}

impl Default for Keywords {
    fn default() -> Keywords {
        Keywords::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_words_only() {
        let k = Keywords::new();
        let hits = k.find("Mayor said in May that Q3FY24 and threefold three");
        let got: Vec<_> = hits.iter().map(|h| h.trigger).collect();
        assert_eq!(
            got,
            vec![Trigger::Month(5), Trigger::Quarter(3), Trigger::NumberWord]
        );
    }
}
