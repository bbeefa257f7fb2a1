//! Table tests of the claim stage: one row per phenomenon of the claims
//! guidelines. Each row is a sentence and the claims it must give, written
//! compactly as
//! `metric | value | change | direction | from -> to | basis | forward`
//! (`-` for null). The sentences are made up.

use super::{Claim, analyze};
use crate::extract::{DocContext, ExtractorSet};

fn num(v: f64) -> String {
    let s = format!("{v}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

fn compact(c: &Claim) -> String {
    let lv = |l: &Option<super::Level>| {
        l.as_ref().map_or("-".to_string(), |l| num(l.value))
    };
    let change = c.change.as_ref().map_or("-".to_string(), |k| {
        format!("{}{}", num(k.value), k.unit.as_deref().unwrap_or(""))
    });
    let ft = if c.from.is_some() || c.to.is_some() {
        format!("{} -> {}", lv(&c.from), lv(&c.to))
    } else {
        "-".into()
    };
    format!(
        "{} | {} | {} | {} | {} | {} | {}",
        c.metric,
        lv(&c.value),
        change,
        c.direction.map_or("-", |d| d.as_str()),
        ft,
        c.basis.unwrap_or("-"),
        c.forward
    )
}

fn claims(text: &str) -> Vec<String> {
    let set = ExtractorSet::builtin();
    let ms = set.extract(text, &DocContext::default());
    analyze(text, &ms, &DocContext::default())
        .claims
        .iter()
        .map(compact)
        .collect()
}

/// (sentence, expected claims).
const TABLE: &[(&str, &[&str])] = &[
    // Two comparisons in one sentence share the level.
    (
        "Revenue was $412.5 million, down 3% from the prior year and up 12% sequentially.",
        &[
            "Revenue | 412500000 | 3% | down | - | yoy | false",
            "Revenue | 412500000 | 12% | up | - | sequential | false",
        ],
    ),
    // Levels compared without a direction word.
    (
        "Gross margin was 38.1% compared to 36.9%.",
        &["Gross margin | 38.1 | - | up | 36.9 -> 38.1 | - | false"],
    ),
    (
        "Adjusted EBITDA margin was 14.6% versus 15.0%.",
        &["Adjusted EBITDA margin | 14.6 | - | down | 15 -> 14.6 | - | false"],
    ),
    (
        "Churn was 2.1% vs 2.1%.",
        &["Churn | 2.1 | - | flat | 2.1 -> 2.1 | - | false"],
    ),
    // Basis phrases.
    (
        "Net sales rose 4% from the year-ago period.",
        &["Net sales | - | 4% | up | - | yoy | false"],
    ),
    (
        "Bookings fell 9% in the corresponding period last year.",
        &["Bookings | - | 9% | down | - | yoy | false"],
    ),
    (
        "Service revenue grew 6% over the prior year.",
        &["Service revenue | - | 6% | up | - | yoy | false"],
    ),
    (
        "Deposits increased 3% sequentially.",
        &["Deposits | - | 3% | up | - | sequential | false"],
    ),
    (
        "Net interest income declined 2% from last quarter.",
        &["Net interest income | - | 2% | down | - | qoq | false"],
    ),
    // Basis points and percentage points.
    (
        "Operating margin was 18.2% compared to 17.6% last year, up 60 basis points, and up 140 basis points from the prior quarter.",
        &[
            "Operating margin | 18.2 | 60bp | up | 17.6 -> 18.2 | yoy | false",
            "Operating margin | 18.2 | 140bp | up | - | qoq | false",
        ],
    ),
    (
        "Gross margin expanded 110 bps to 36.4%.",
        &["Gross margin | 36.4 | 110bp | up | - | - | false"],
    ),
    // A second comparison with only a level.
    (
        "EPS of $1.12 rose 8% from $1.04 a year ago and from $0.97 last quarter.",
        &[
            "EPS | 1.12 | 8% | up | 1.04 -> 1.12 | yoy | false",
            "EPS | 1.12 | - | up | 0.97 -> 1.12 | qoq | false",
        ],
    ),
    // "N% growth in X", coordinated with "alongside".
    (
        "Bookings saw a 7% decline alongside 7% growth in services revenue.",
        &[
            "Bookings | - | 7% | down | - | - | false",
            "services revenue | - | 7% | up | - | - | false",
        ],
    ),
    // A shared subject across "and".
    (
        "EBITDA grew 21% to $300 million and EBITDA margin expanded 90 basis points to 31.5%.",
        &[
            "EBITDA | 300000000 | 21% | up | - | - | false",
            "EBITDA margin | 31.5 | 90bp | up | - | - | false",
        ],
    ),
    // "respectively".
    (
        "Americas and EMEA sales of $80 million and $45 million rose 9% and 4%, respectively.",
        &[
            "Americas sales | 80000000 | 9% | up | - | - | false",
            "EMEA sales | 45000000 | 4% | up | - | - | false",
        ],
    ),
    (
        "GAAP and adjusted operating income were $476 million and $532 million, respectively.",
        &[
            "GAAP operating income | 476000000 | - | - | - | - | false",
            "adjusted operating income | 532000000 | - | - | - | - | false",
        ],
    ),
    // A basis stated once governs a coordinated clause saying "same".
    (
        "Product revenue declined 6% from the year-ago period, while service revenue decreased 7% over the same timeframe.",
        &[
            "Product revenue | - | 6% | down | - | yoy | false",
            "service revenue | - | 7% | down | - | yoy | false",
        ],
    ),
    // Forward only for guidance cues; a reported result never.
    (
        "Clients engaged in AI work increase 43% year-over-year.",
        &["Clients engaged in AI work | - | 43% | up | - | yoy | false"],
    ),
    (
        "We expect revenue of $1.82 billion to $1.83 billion.",
        &["revenue | 1820000000 | - | - | - | - | true"],
    ),
    (
        "Revenue grew 12% to $50 million, ahead of our outlook.",
        &["Revenue | 50000000 | 12% | up | - | - | false"],
    ),
    // A metric without leading clutter.
    (
        "The platform saw clients engaged in AI work increase 43% year-over-year.",
        &["clients engaged in AI work | - | 43% | up | - | yoy | false"],
    ),
    // The per-share amount is a claim of its own.
    (
        "Net income of 12.1 mln dlrs, or 85 cts a share.",
        &[
            "Net income | 12100000 | - | - | - | - | false",
            "Net income per share | 0.85 | - | - | - | - | false",
        ],
    ),
    // "from X to Y" and a change.
    (
        "Active clients fell 7% from 855,000 to 794,000.",
        &[
            "Active clients | 794000 | 7% | down | 855000 -> 794000 | - | false",
        ],
    ),
    // "X as a percentage of Y" keeps X.
    (
        "Income tax expense as a percentage of pretax income was 33.8% compared to 37.3%.",
        &["Income tax expense | 33.8 | - | down | 37.3 -> 33.8 | - | false"],
    ),
    // "a drop in X of N".
    (
        "With a drop in net income of $17 million, conversion jumped to 216%.",
        &[
            "net income | - | 17000000USD | down | - | - | false",
            "conversion | 216 | - | up | - | - | false",
        ],
    ),
];

#[test]
fn phenomena() {
    let mut bad = Vec::new();
    for (text, want) in TABLE {
        let got = claims(text);
        if got != *want {
            bad.push(format!("{text}\n  want {want:#?}\n  got  {got:#?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} rows differ:\n{}",
        bad.len(),
        TABLE.len(),
        bad.join("\n")
    );
}

/// A sentence wrapped by a line break inside its paragraph stays one
/// sentence (and one claim); wire table lines stay apart.
#[test]
fn wrapped_sentences_and_wire_tables() {
    let got =
        claims("The company said net income rose\n12 pct to 4.5 mln dlrs.\n");
    assert_eq!(got, ["net income | 4500000 | 12% | up | - | - | false"]);
    let got = claims("Shr 68 cts vs 78 cts\n    Net 2,432,179 vs 2,236,471\n");
    assert_eq!(
        got,
        [
            "Shr | 0.68 | - | down | 0.78 -> 0.68 | - | false",
            "Net | 2432179 | - | up | 2236471 -> 2432179 | - | false",
        ]
    );
}

/// Sentences past the bound are cut, not walked whole.
#[test]
fn long_sentences_are_cut() {
    let text = "Revenue rose 5% and ".repeat(400);
    let set = ExtractorSet::builtin();
    let ms = set.extract(&text, &DocContext::default());
    let a = analyze(&text, &ms, &DocContext::default());
    assert!(a.cut_sentences >= 1);
    assert!(a.claims.len() >= 300, "{}", a.claims.len());
}
