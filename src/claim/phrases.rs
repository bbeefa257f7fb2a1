/*!
Every word and phrase list of the claim stage, one table each, in one
place.

Single words are classified by [`word`] (a `match`, compiled to a jump
table); multi-word phrases (basis, guidance, comparison and period phrases)
are found by one Aho-Corasick automaton over the lower-cased sentence
([`phrases`]). To teach the claim stage a new wording, add it here and a
row to the table tests in `tests.rs`.
*/

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::Direction;

/// What a single word does in a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    /// A change verb, adverb or adjective: rose, fell, up, lower.
    Change(Direction),
    /// A change noun: increase, decline, growth ("a 7% increase in X").
    ChangeNoun(Direction),
    /// A level verb: was, totaled, reached; the figure after it is a level.
    Level,
    /// A verb whose object is a figure of the metric named after it:
    /// "generated $142 million of operating cash flow".
    Object,
    /// A word after which a figure is the earlier level: vs, versus.
    Compare,
    /// Words that end a metric phrase when scanning back from an anchor:
    /// finite verbs of reporting, pronouns, relative words.
    Stop,
    /// Determiners and possessives dropped from the front of a metric.
    Determiner,
    /// Words that join clauses: and, while, but, whereas.
    Conjunction,
    /// Hedges before a figure, dropped: approximately, about, nearly.
    Hedge,
    /// Anything else.
    Other,
}

/// Classifies one lower-case word.
pub fn word(w: &str) -> Word {
    use Direction::*;
    use Word::*;
    match w {
        // Change verbs and adverbs, up.
        "rose" | "rise" | "rises" | "rising" | "risen" | "grew" | "grow"
        | "grows" | "growing" | "grown" | "increased" | "increases"
        | "increasing" | "jumped" | "jumps" | "jumping" | "climbed"
        | "climbs" | "climbing" | "gained" | "gaining" | "advanced"
        | "advancing" | "surged" | "surging" | "soared" | "expanded"
        | "expanding" | "expands" | "improved" | "improving" | "improves"
        | "up" | "higher" | "doubled" | "tripled" | "accelerated"
        | "boosted" | "widened" | "strengthened" | "outpaced" | "upped"
        | "raised" | "increase" | "grow," => Change(Up),
        // Change verbs and adverbs, down.
        "fell" | "fall" | "falls" | "falling" | "fallen" | "declined"
        | "declines" | "declining" | "decreased" | "decreases"
        | "decreasing" | "dropped" | "drops" | "dropping" | "slipped"
        | "slid" | "sank" | "tumbled" | "plunged" | "plummeted"
        | "contracted" | "contracting" | "shrank" | "down" | "lower"
        | "eased" | "slowed" | "narrowed" | "lowered" | "reduced"
        | "weakened" | "deteriorated" | "compressed" | "softened"
        | "decline" | "decrease" => Change(Down),
        "flat" | "unchanged" | "steady" | "stable" | "flattish" => {
            Change(Flat)
        }
        // Change nouns.
        "growth" | "gain" | "gains" | "jump" | "improvement" | "expansion"
        | "uptick" | "increases," | "upside" => ChangeNoun(Up),
        "drop" | "contraction" | "reduction" | "decline," | "downturn"
        | "deterioration" | "compression" => ChangeNoun(Down),
        // Level verbs and prepositions.
        "was" | "were" | "is" | "are" | "be" | "been" | "being"
        | "totaled" | "totalled" | "totaling" | "totalling" | "reached"
        | "reaching" | "reaches" | "hit" | "came" | "stood" | "stands"
        | "amounted" | "amounting" | "ended" | "of" | "at" | "represented"
        | "represents" | "representing" | "equaled" | "equalled"
        | "approximated" => Level,
        // "Acme reported a net loss of $8 million": the metric is the
        // object.
        "reported" | "posted" | "recorded" | "generated" | "generating"
        | "generates" | "operates" | "operated" | "employs" | "employed"
        | "shipped" | "ships" | "served" | "serves" | "installed"
        | "delivered" | "paid" | "sold" | "hired" | "added" | "adding"
        | "opened" | "closed" | "signed" | "booked" | "processed"
        | "handled" | "earned" | "produced" | "returned" | "repurchased"
        | "invested" | "spent" | "incurred" | "achieved" | "had" | "have"
        | "has" | "saw" | "see" | "expect" | "expects" | "anticipate"
        | "anticipates" | "bought" | "raising" | "ending" | "acquired"
        | "own" | "owns" | "owned" | "control" | "controls" | "controlled"
        | "employ" | "operate" | "serve" => Object,
        "vs" | "versus" | "against" | "than" => Compare,
        // Ends of a metric phrase.
        "we" | "i" | "they" | "it" | "this" | "that" | "these" | "those"
        | "we've" | "we're" | "we'll" | "i'm" | "i've" | "they've"
        | "they're" | "you're" | "you've" | "there's" | "it's" | "that's"
        | "which" | "who" | "where" | "when" | "said" | "says" | "say"
        | "noted" | "note" | "reports" | "posts" | "announced"
        | "announces" | "delivering" | "recording" | "saying" | "if"
        | "because" | "as" | "so" | "since" | "after" | "before" | "there"
        | "here" | "also" | "both" | "respectively" | "sees" | "expected"
        | "will" | "would" | "should" | "could" | "may" | "might" | "can"
        | "to" | "with" | "without" | "by" | "excluding" | "including"
        | "driven" | "due" | "thanks" | "resulting" | "reflecting"
        | "compared" | "from" | "over" | "while" | "and" | "but" | "or"
        | "whereas" | "alongside" | "not" | "just" | "only" | "again"
        | "once" | "still" | "even" | "then" | "now" | "today"
        | "yesterday" | "overall" | "meanwhile" | "additionally"
        | "further" | "furthermore" | "moreover" | "finally" | "lastly"
        | "first" | "second" | "third" | "fourth" | "next" | "turning"
        | "looking" | "guidance" | "outlook" | "forecast" | "forecasts"
        | "do" | "did" | "does" | "make" | "made" | "makes" => Stop,
        "the" | "a" | "an" | "our" | "its" | "their" | "his" | "her"
        | "your" | "my" | "company's" | "companies'" | "record"
        | "another" | "such" => Determiner,
        "approximately" | "about" | "around" | "roughly" | "nearly"
        | "almost" | "some" | "circa" | "approx" | "close" | "least"
        | "more" | "less" | "under" | "above" | "below" | "upwards"
        | "additional" | "slightly" | "modestly" | "sharply"
        | "significantly" | "strongly" | "nicely" | "substantially"
        | "materially" | "meaningfully" => Hedge,
        _ => Other,
    }
}

/// A hedge may precede a figure ("up approximately 5%"); a few words are
/// both hedges and other classes, so the figure rules ask this directly.
pub fn is_hedge(w: &str) -> bool {
    matches!(
        w,
        "approximately"
            | "about"
            | "around"
            | "roughly"
            | "nearly"
            | "almost"
            | "some"
            | "circa"
            | "approx"
            | "close"
            | "least"
            | "more"
            | "less"
            | "just"
            | "over"
            | "under"
            | "above"
            | "below"
            | "upwards"
            | "only"
            | "an"
            | "a"
            | "than"
            | "another"
            | "additional"
            | "record"
            | "slightly"
            | "modestly"
            | "sharply"
            | "significantly"
            | "strongly"
            | "nicely"
            | "substantially"
            | "materially"
            | "meaningfully"
            | "to"
            | "by"
            | "of"
            | "nearly,"
            | "still"
            | "even"
            | "the"
            | "and"
            | "or"
            | "new"
            | "all-time"
            | "high"
            | "alltime"
            | "quarterly"
            | "annual"
            | "respective"
    )
}

/// The class of a multi-word phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phrase {
    /// Year-over-year basis.
    Yoy,
    /// The previous quarter named.
    Qoq,
    /// "sequential(ly)".
    Sequential,
    /// "over the same timeframe": the basis of the clause before.
    SameBasis,
    /// A guidance cue: the claim is forward.
    Forward,
    /// "compared to/with", "in comparison to": the figure after it is the
    /// earlier level.
    Compare,
    /// "in line with", "unchanged from": no change.
    Flat,
    /// "year to date", "trailing twelve months": a period the contract
    /// has no value for.
    NoPeriod,
    /// "full year", "full-year": the document's (fiscal) year, when the
    /// clause names no period of its own.
    FullYear,
}

/// (phrase, class). Matched on word boundaries, leftmost-longest.
pub const PHRASES: &[(&str, Phrase)] = &[
    // Year over year.
    ("year-over-year", Phrase::Yoy),
    ("year over year", Phrase::Yoy),
    ("year-on-year", Phrase::Yoy),
    ("year on year", Phrase::Yoy),
    ("yoy", Phrase::Yoy),
    ("y/y", Phrase::Yoy),
    ("from last year", Phrase::Yoy),
    ("last year", Phrase::Yoy),
    ("in the prior year", Phrase::Yoy),
    ("over last year", Phrase::Yoy),
    ("over ly", Phrase::Yoy),
    ("versus ly", Phrase::Yoy),
    ("vs ly", Phrase::Yoy),
    ("vs. ly", Phrase::Yoy),
    ("compared to ly", Phrase::Yoy),
    ("compared with ly", Phrase::Yoy),
    ("versus last year", Phrase::Yoy),
    ("vs. last year", Phrase::Yoy),
    ("compared to last year", Phrase::Yoy),
    ("compared with last year", Phrase::Yoy),
    ("than last year", Phrase::Yoy),
    ("last year's", Phrase::Yoy),
    ("prior year", Phrase::Yoy),
    ("prior-year", Phrase::Yoy),
    ("previous year", Phrase::Yoy),
    ("a year ago", Phrase::Yoy),
    ("a year earlier", Phrase::Yoy),
    ("the year before", Phrase::Yoy),
    ("a year before", Phrase::Yoy),
    ("year-ago", Phrase::Yoy),
    ("year ago", Phrase::Yoy),
    ("same period last year", Phrase::Yoy),
    ("same period of last year", Phrase::Yoy),
    ("same period a year ago", Phrase::Yoy),
    ("same period in", Phrase::Yoy),
    ("same quarter last year", Phrase::Yoy),
    ("same quarter of last year", Phrase::Yoy),
    ("same quarter a year ago", Phrase::Yoy),
    ("same quarter in", Phrase::Yoy),
    ("same quarter of", Phrase::Yoy),
    ("comparable quarter", Phrase::Yoy),
    ("comparable period", Phrase::Yoy),
    ("corresponding period", Phrase::Yoy),
    ("corresponding quarter", Phrase::Yoy),
    ("same month last year", Phrase::Yoy),
    ("over 2019", Phrase::Yoy),
    ("annual growth", Phrase::Yoy),
    ("quarter of last year", Phrase::Yoy),
    ("quarter last year", Phrase::Yoy),
    ("in the year-earlier", Phrase::Yoy),
    ("year-earlier", Phrase::Yoy),
    ("last year's first", Phrase::Yoy),
    // The previous quarter.
    ("quarter-over-quarter", Phrase::Qoq),
    ("quarter over quarter", Phrase::Qoq),
    ("quarter-on-quarter", Phrase::Qoq),
    ("qoq", Phrase::Qoq),
    ("q/q", Phrase::Qoq),
    ("prior quarter", Phrase::Qoq),
    ("previous quarter", Phrase::Qoq),
    ("last quarter", Phrase::Qoq),
    ("preceding quarter", Phrase::Qoq),
    ("linked quarter", Phrase::Qoq),
    ("linked-quarter", Phrase::Qoq),
    ("end of last quarter", Phrase::Qoq),
    // Sequential.
    ("sequential", Phrase::Sequential),
    ("sequentially", Phrase::Sequential),
    // The same basis as the clause before.
    ("same timeframe", Phrase::SameBasis),
    ("same time frame", Phrase::SameBasis),
    ("same period", Phrase::SameBasis),
    ("same comparison", Phrase::SameBasis),
    // Guidance.
    ("we expect", Phrase::Forward),
    ("we now expect", Phrase::Forward),
    ("we continue to expect", Phrase::Forward),
    ("we still expect", Phrase::Forward),
    ("we are expecting", Phrase::Forward),
    ("we're expecting", Phrase::Forward),
    ("we anticipate", Phrase::Forward),
    ("we project", Phrase::Forward),
    ("we forecast", Phrase::Forward),
    ("we estimate", Phrase::Forward),
    ("we believe", Phrase::Forward),
    ("we see", Phrase::Forward),
    ("we now see", Phrase::Forward),
    ("we are targeting", Phrase::Forward),
    ("we're targeting", Phrase::Forward),
    ("we target", Phrase::Forward),
    ("we plan", Phrase::Forward),
    ("we are planning", Phrase::Forward),
    ("we are guiding", Phrase::Forward),
    ("we're guiding", Phrase::Forward),
    ("we are raising", Phrase::Forward),
    ("we're raising", Phrase::Forward),
    ("we are increasing our", Phrase::Forward),
    ("we are reaffirming", Phrase::Forward),
    ("we're reaffirming", Phrase::Forward),
    ("we are reiterating", Phrase::Forward),
    ("we are maintaining", Phrase::Forward),
    ("we are updating", Phrase::Forward),
    ("we are lowering", Phrase::Forward),
    ("we are narrowing", Phrase::Forward),
    ("expects", Phrase::Forward),
    ("expected to", Phrase::Forward),
    ("is expected", Phrase::Forward),
    ("are expected", Phrase::Forward),
    ("anticipates", Phrase::Forward),
    ("anticipated to", Phrase::Forward),
    ("projected to", Phrase::Forward),
    ("projects", Phrase::Forward),
    ("forecasts", Phrase::Forward),
    ("forecast to", Phrase::Forward),
    ("sees", Phrase::Forward),
    ("guidance", Phrase::Forward),
    ("guiding", Phrase::Forward),
    ("guidance range", Phrase::Forward),
    ("outlook", Phrase::Forward),
    ("target", Phrase::Forward),
    ("targets", Phrase::Forward),
    ("will be", Phrase::Forward),
    ("will grow", Phrase::Forward),
    ("will increase", Phrase::Forward),
    ("will decline", Phrase::Forward),
    ("will decrease", Phrase::Forward),
    ("will range", Phrase::Forward),
    ("will come in", Phrase::Forward),
    ("will approximate", Phrase::Forward),
    ("should be", Phrase::Forward),
    ("should grow", Phrase::Forward),
    ("to be in the range", Phrase::Forward),
    ("to be between", Phrase::Forward),
    ("to be approximately", Phrase::Forward),
    ("to be about", Phrase::Forward),
    ("to range from", Phrase::Forward),
    ("to come in", Phrase::Forward),
    ("on track to", Phrase::Forward),
    ("is forecast", Phrase::Forward),
    ("are forecast", Phrase::Forward),
    ("next year", Phrase::Forward),
    ("going forward", Phrase::Forward),
    // Comparisons.
    ("compared to", Phrase::Compare),
    ("compared with", Phrase::Compare),
    ("as compared to", Phrase::Compare),
    ("as compared with", Phrase::Compare),
    ("in comparison to", Phrase::Compare),
    ("in comparison with", Phrase::Compare),
    ("relative to", Phrase::Compare),
    ("vs.", Phrase::Compare),
    ("up from", Phrase::Compare),
    ("down from", Phrase::Compare),
    ("compare to", Phrase::Compare),
    ("compares to", Phrase::Compare),
    ("compares with", Phrase::Compare),
    ("compare with", Phrase::Compare),
    // No change.
    ("in line with", Phrase::Flat),
    ("unchanged from", Phrase::Flat),
    ("the same as", Phrase::Flat),
    ("flat with", Phrase::Flat),
    ("flat compared", Phrase::Flat),
    ("flat year-over-year", Phrase::Flat),
    ("consistent with", Phrase::Flat),
    ("on par with", Phrase::Flat),
    ("in both", Phrase::Flat),
    // Periods the contract cannot state.
    ("year to date", Phrase::NoPeriod),
    ("year-to-date", Phrase::NoPeriod),
    ("trailing twelve months", Phrase::NoPeriod),
    ("trailing 12 months", Phrase::NoPeriod),
    ("trailing-twelve-month", Phrase::NoPeriod),
    ("last twelve months", Phrase::NoPeriod),
    ("last 12 months", Phrase::NoPeriod),
    ("ttm", Phrase::NoPeriod),
    // The whole year: "Full year catastrophes totaled ...", "full-year
    // revenue", "for the full fiscal year".
    ("full year", Phrase::FullYear),
    ("full-year", Phrase::FullYear),
    ("full fiscal year", Phrase::FullYear),
    ("full fiscal", Phrase::FullYear),
    // Nine months: no quarter, half or year of the contract.
    ("first nine months", Phrase::NoPeriod),
    ("nine-month period", Phrase::NoPeriod),
    ("nine months", Phrase::NoPeriod),
];

static AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // A DFA: one transition per byte, for a pass over every sentence.
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(PHRASES.iter().map(|p| p.0))
        .expect("phrase automaton")
});

/// The phrases in a lower-cased text, on word boundaries: `(start, end,
/// class)` in byte offsets.
pub fn phrases(lower: &str) -> Vec<(usize, usize, Phrase)> {
    let b = lower.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric();
    AUTOMATON
        .find_iter(lower)
        .filter(|m| {
            let (s, e) = (m.start(), m.end());
            let left_ok = s == 0 || !word(b[s - 1]);
            let right_ok = e == b.len() || !word(b[e]) || !word(b[e - 1]);
            left_ok && right_ok
        })
        .map(|m| (m.start(), m.end(), PHRASES[m.pattern().as_usize()].1))
        .collect()
}

/// Words that name a period (a trailing "in the first quarter" is cut from
/// a metric because of these).
pub fn is_period_word(w: &str) -> bool {
    matches!(
        w,
        "quarter"
            | "quarters"
            | "qtr"
            | "year"
            | "years"
            | "yr"
            | "month"
            | "months"
            | "mths"
            | "mos"
            | "week"
            | "weeks"
            | "period"
            | "half"
            | "fiscal"
            | "fy"
            | "q1"
            | "q2"
            | "q3"
            | "q4"
            | "h1"
            | "h2"
            | "1q"
            | "2q"
            | "3q"
            | "4q"
            | "ytd"
            | "today"
            | "date"
            | "basis"
            | "time"
            | "timeframe"
            | "prior"
            | "last"
            | "sequentially"
            | "sequential"
            | "year-over-year"
            | "year-ago"
            | "yoy"
    )
}

/// Counted nouns that are durations or references, not metrics: "three
/// months", "slide 12", "two times".
pub fn is_non_metric_count(unit: &str) -> bool {
    matches!(
        unit,
        "month"
            | "months"
            | "year"
            | "years"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "quarter"
            | "quarters"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "slide"
            | "slides"
            | "page"
            | "pages"
            | "times"
            | "x"
            | "people"
            | "questions"
            | "question"
            | "points"
            | "point"
            | "things"
            | "reasons"
            | "ways"
            | "factors"
            | "priorities"
    )
}

/// Whether a word states a loss (`Some(true)`) or a profit (`Some(false)`):
/// "loss of", "vs profit", "net income of".
pub fn profit_or_loss(w: &str) -> Option<bool> {
    match w {
        "loss" | "losses" | "deficit" => Some(true),
        "profit" | "profits" | "income" | "earnings" => Some(false),
        _ => None,
    }
}

/// Metric head words whose plain-number levels are money ("Net 2,432,179
/// vs 2,236,471" on the wire is in dollars).
pub fn is_money_metric(head: &str) -> bool {
    matches!(
        head,
        "net"
            | "revs"
            | "revenue"
            | "revenues"
            | "sales"
            | "income"
            | "profit"
            | "loss"
            | "earnings"
            | "oper"
            | "backlog"
            | "assets"
            | "deposits"
            | "loans"
            | "shr"
            | "dividend"
            | "dividends"
            | "ebitda"
            | "expenses"
            | "costs"
    )
}

/// Words that, alone, are not a metric ("it", "which", a period word).
pub fn is_empty_metric(w: &str) -> bool {
    is_period_word(w)
        || matches!(
            w,
            "it" | "this"
                | "that's"
                | "it's"
                | "that’s"
                | "it’s"
                | "slide"
                | "slides"
                | "page"
                | "exhibit"
                | "chart"
                | "that"
                | "which"
                | "total"
                | "and"
                | "or"
                | "also"
                | "basis"
                | "points"
                | "percent"
                | "%"
                | "record"
                | "level"
                | "rate"
                | "range"
                | "figure"
                | "number"
                | "amount"
                | "results"
                | "result"
                | "guidance"
                | "outlook"
                | "we"
                | "i"
                | "company"
                | "group"
                | "business"
                | "share"
                | "shares"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_need_word_boundaries() {
        let p = phrases("sales rose sequentially and over last year; ttm");
        let kinds: Vec<Phrase> = p.iter().map(|x| x.2).collect();
        assert_eq!(kinds, [Phrase::Sequential, Phrase::Yoy, Phrase::NoPeriod]);
        assert!(phrases("nonsequentially").is_empty());
        assert_eq!(phrases("the year-ago quarter")[0].2, Phrase::Yoy);
    }

    #[test]
    fn words_have_one_class() {
        assert_eq!(word("rose"), Word::Change(Direction::Up));
        assert_eq!(word("declined"), Word::Change(Direction::Down));
        assert_eq!(word("growth"), Word::ChangeNoun(Direction::Up));
        assert_eq!(word("totaled"), Word::Level);
        assert_eq!(word("versus"), Word::Compare);
        assert_eq!(word("revenue"), Word::Other);
    }
}
