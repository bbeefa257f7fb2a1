//! Table tests of the claim stage: one row per phenomenon of the claims
//! guidelines. Each row is a sentence and the claims it must give, written
//! compactly as
//! `metric | value | change | direction | from -> to | basis | forward`
//! (`-` for null). The sentences are made up.

use super::analyze;
use crate::extract::ExtractorSet;
use crate::record::{Claim, DocContext};

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
    // A change verb with a determiner after it takes the metric as its
    // object; "representing" a share continues the frame.
    (
        "In January, our board raised the quarterly dividend by 7.1% to $0.68 a share.",
        &["quarterly dividend per share | 0.68 | 7.1% | up | - | - | false"],
    ),
    (
        "Adjusted EBITDA was $50 million, or 9% of sales.",
        &[
            "Adjusted EBITDA | 50000000 | - | - | - | - | false",
            "Adjusted EBITDA | 9 | - | - | - | - | false",
        ],
    ),
    (
        "Adjusted EBITDA for the quarter was $2.3 million, or 2.6% of revenue, versus $4.7 million, or 5.1% of revenue, last year.",
        &[
            "Adjusted EBITDA | 2300000 | - | down | 4700000 -> 2300000 | yoy | false",
            "Adjusted EBITDA | 2.6 | - | down | 5.1 -> 2.6 | yoy | false",
        ],
    ),
    (
        "Operating expenses were $201.3 million, or 63% of revenue, compared with 68% a year earlier.",
        &[
            "Operating expenses | 201300000 | - | - | - | - | false",
            "Operating expenses | 63 | - | down | 68 -> 63 | yoy | false",
        ],
    ),
    (
        "We generated free cash flow of $277 million, representing 186% of adjusted net income and up 70% from $162 million in the prior year.",
        &[
            "free cash flow | 277000000 | 70% | up | 162000000 -> 277000000 | yoy | false",
            "free cash flow | 186 | - | - | - | - | false",
        ],
    ),
    // Lines of figures only name no metric: no claim (and no clause
    // work); a word beside them does.
    ("$381\n\n95%\n\n184,995\n", &[]),
    (
        "Revenue $381 million\n",
        &["Revenue | 381000000 | - | - | - | - | false"],
    ),
    // A figure "higher/lower than" a level is the difference; "grew at
    // 6%" is the rate of the change.
    (
        "Refining cash operating expenses of $4.86 per barrel were $0.46 per barrel higher than the fourth quarter of 2020.",
        &[
            "Refining cash operating expenses | 4.86 | 0.46USD | up | - | yoy | false",
        ],
    ),
    (
        "Interest expense came in nearly $1 million less than forecast.",
        &["Interest expense | - | 1000000USD | down | - | - | false"],
    ),
    (
        "European sales grew at 6%.",
        &["European sales | - | 6% | up | - | - | false"],
    ),
    // A ratio's multiple is no amount; a ratio where lower is better
    // improves downwards.
    (
        "Net leverage stood at 2.3 times adjusted EBITDA. The underlying combined ratio improved by 3.7 points.",
        &[
            "Net leverage | 2.3 | - | - | - | - | false",
            "underlying combined ratio | - | 3.7pp | down | - | - | false",
        ],
    ),
    // Two comparisons in one sentence share the level.
    (
        "Revenue was $412.5 million, down 3% from the prior year and up 12% sequentially.",
        &[
            "Revenue | 412500000 | 3% | down | - | yoy | false",
            "Revenue | 412500000 | 12% | up | - | sequential | false",
        ],
    ),
    // A level right before its change ("$70.1 million up 2.58%"), and a
    // second change whose verb is elided keeps the first's direction.
    (
        "Segment EBITDA was $42.3 million up 4.5% year-over-year and 11% sequentially.",
        &[
            "Segment EBITDA | 42300000 | 4.5% | up | - | yoy | false",
            "Segment EBITDA | 42300000 | 11% | up | - | sequential | false",
        ],
    ),
    (
        "Freight revenue for the quarter was $96 million, that's down 3% sequentially and 8% year-over-year.",
        &[
            "Freight revenue | 96000000 | 3% | down | - | sequential | false",
            "Freight revenue | 96000000 | 8% | down | - | yoy | false",
        ],
    ),
    // Both levels stated: the numbers decide the direction, whatever the
    // verb says of it ("improved" for a ratio that fell).
    (
        "The loss ratio improved to 61.2% from 63.5% a year ago.",
        &["loss ratio | 61.2 | - | down | 63.5 -> 61.2 | yoy | false"],
    ),
    // A loss against a profit: signed levels; losses against losses stay
    // positive (wire tables and prose).
    (
        "Oper net profit 412,000 vs loss 97,000",
        &["Oper net profit | 412000 | - | up | -97000 -> 412000 | - | false"],
    ),
    (
        "Shr loss nine cts vs profit four cts",
        &["Shr loss | -0.09 | - | down | 0.04 -> -0.09 | - | false"],
    ),
    (
        "Net loss 2.5 mln vs loss 1.7 mln",
        &["Net loss | 2500000 | - | up | 1700000 -> 2500000 | - | false"],
    ),
    (
        "The company reported a net loss of $8 million compared to net income of $3 million in the prior year.",
        &[
            "net loss | -8000000 | - | down | 3000000 -> -8000000 | yoy | false",
        ],
    ),
    // "reported"/"posted" take the metric as their object; a clause that
    // opens with its comparison continues the frame before.
    (
        "Kestrel Mills posted a net loss of $6 million, compared to a loss of $2 million a year earlier.",
        &["net loss | 6000000 | - | up | 2000000 -> 6000000 | yoy | false"],
    ),
    (
        "Funds from operations increased to $0.64 per share, from $0.59 per share for the prior-year quarter.",
        &[
            "Funds from operations per share | 0.64 | - | up | 0.59 -> 0.64 | yoy | false",
        ],
    ),
    // An apposition that sizes the change of the level before; the percent
    // is the change, and a named quarter on the comparison side sets the
    // basis of its own comparison.
    (
        "Throughput for the quarter was 2.1 million barrels, an increase of 150,000 barrels or 8% sequentially, and an increase of 300,000 barrels or 17% compared to the second quarter of 2020.",
        &[
            "Throughput | 2100000 | 8% | up | - | sequential | false",
            "Throughput | 2100000 | 17% | up | - | yoy | false",
        ],
    ),
    // A change of the other direction is another comparison.
    (
        "Retail volume was 640 million gallons, flat sequentially, but up 9% year-over-year.",
        &[
            "Retail volume | 640000000 | - | flat | - | sequential | false",
            "Retail volume | 640000000 | 9% | up | - | yoy | false",
        ],
    ),
    // Points of a ratio that moved are percentage points.
    (
        "The underlying combined ratio improved by 2.9 points.",
        &["underlying combined ratio | - | 2.9pp | down | - | - | false"],
    ),
    (
        "Gross margin expanded 1 point.",
        &["Gross margin | - | 1pp | up | - | - | false"],
    ),
    // "X growth was N%" is a change of X; "more than" is a bound, not a
    // comparison.
    (
        "Comparable subscription growth for the quarter was 6.2%.",
        &["Comparable subscription growth | - | 6.2% | up | - | - | false"],
    ),
    (
        "Online bookings are up more than 40% on a two-year basis.",
        &["Online bookings | - | 40% | up | - | - | false"],
    ),
    // A bound inside the metric's phrase is no figure of the claim; levels
    // in other currencies are no comparison.
    (
        "Accounts spending more than $50,000 a year rose 14% to 2,310.",
        &["Accounts spending more | 2310 | 14% | up | - | - | false"],
    ),
    // Guidance: an object noun phrase that ends at a range; the metric of
    // "X guidance"; a negative level.
    (
        "For the full year, we expect adjusted EBITDA between $610 million and $640 million.",
        &["adjusted EBITDA | 610000000 | - | - | - | - | true"],
    ),
    (
        "Capital expenditure guidance is $90 million to $110 million.",
        &["Capital expenditure | 90000000 | - | - | - | - | true"],
    ),
    (
        "Adjusted EBITDA at Corporate for the quarter was negative $4.1 million.",
        &["Adjusted EBITDA at Corporate | -4100000 | - | - | - | - | false"],
    ),
    (
        "Interest expense will be about $60 million, plus or minus $5 million.",
        &["Interest expense | 60000000 | - | - | - | - | true"],
    ),
    // A verb of result or of yield puts the metric after it.
    (
        "Tighter collections resulted in free cash flow of $219 million.",
        &["free cash flow | 219000000 | - | - | - | - | false"],
    ),
    (
        "The marine segment contributed $88 million of gross profit in the second quarter.",
        &["gross profit | 88000000 | - | - | - | - | false"],
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
    // A level with its share of revenue, compared with an earlier pair:
    // two parallel claims.
    (
        "Adjusted operating income was $36.2 million or 16.3% of revenues compared to $41.7 million or 17.2% of revenues for the prior quarter.",
        &[
            "Adjusted operating income | 36200000 | - | down | 41700000 -> 36200000 | qoq | false",
            "Adjusted operating income | 16.3 | - | down | 17.2 -> 16.3 | qoq | false",
        ],
    ),
    // "adding $600 million or a 28% increase": a change of the level
    // before; "LY" is last year.
    (
        "Operating profit was $2.8 billion, adding $600 million or a 28% increase over LY.",
        &["Operating profit | 2800000000 | 28% | up | - | yoy | false"],
    ),
    // A date inside the reporting clause is no trailing period phrase of
    // the metric; a possessive name leads no metric.
    (
        "Brightlane Talent said on Wednesday that clients engaged in AI work rose 43% year-over-year.",
        &["clients engaged in AI work | - | 43% | up | - | yoy | false"],
    ),
    (
        "Brightlane Talent’s AI-linked demand jumps 43%.",
        &["AI-linked demand | - | 43% | up | - | - | false"],
    ),
    // Both levels stated: a direction word after them does not decide.
    (
        "The ratio of reserves to loans was 1.21%, compared to 1.28% a year ago, and reflects the continued improvement in credit.",
        &[
            "ratio of reserves to loans | 1.21 | - | down | 1.28 -> 1.21 | yoy | false",
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

/// A flattened table (labels and figures, no punctuation) is no sentence:
/// its label-figure pairs are cells, not claims; a comparison in it still is.
#[test]
fn flattened_tables_give_no_level_claims() {
    let mut text = "Revenue 412.5 398.2 Backlog 1,204 1,187 ".repeat(120);
    let ms = ExtractorSet::builtin().extract(&text, &DocContext::default());
    let a = analyze(&text, &ms, &DocContext::default());
    assert!(a.cut_sentences >= 1);
    assert!(a.claims.is_empty(), "{:?}", a.claims.first());
    text.push_str("Net income rose 12% to $4.5 million ");
    text.push_str(&"Backlog 1,204 1,187 ".repeat(10));
    let ms = ExtractorSet::builtin().extract(&text, &DocContext::default());
    let a = analyze(&text, &ms, &DocContext::default());
    assert_eq!(a.claims.len(), 1, "{:?}", a.claims);
    assert!(a.claims[0].change.is_some(), "{:?}", a.claims[0]);
    // The same rows as short lines are a table whose rows are sentences.
    let rows = "Revenue 412.5 vs 398.2\n".repeat(3);
    let ms = ExtractorSet::builtin().extract(&rows, &DocContext::default());
    assert_eq!(analyze(&rows, &ms, &DocContext::default()).claims.len(), 3);
}

/// Periods by the guidelines: each row is a document (with its date, if
/// any) and the period of each of its claims, in order. The documents are
/// made up.
/// (document, its date, the period of each claim).
type PeriodRow =
    (&'static str, Option<(i32, u32, u32)>, &'static [&'static str]);

const PERIODS: &[PeriodRow] = &[
    // A comparison with a named quarter fixes the claim's own period a
    // year later; the qoq comparison in the same sentence keeps it.
    (
        "Provision for loan losses decreased to $300,000 in the fourth quarter of 2017 compared to $550,000 in the third quarter of 2017 and $600,000 in the fourth quarter of 2016.",
        None,
        &["2017-Q4", "2017-Q4"],
    ),
    // Only the comparison names the quarter: the document is about the
    // same quarter a year later ("quarter 3, 2019", "2019's third
    // quarter").
    (
        "Revenues of $2.2 billion are down 3.8% from quarter 3, 2019.\nElectrical revenues of $508.9 million decreased 8.3% from 2019's third quarter.",
        None,
        &["2020-Q3", "2020-Q3"],
    ),
    // A fiscal comparison makes the current quarter fiscal; "the full
    // year" is the fiscal year of the document's quarter.
    (
        "Expenses for the quarter were 3.8% of net sales compared to 3.1% for the fourth quarter of fiscal 2016.\nFor the full year, expenses were 4.4% of sales.",
        Some((2018, 3, 16)),
        &["FY2017-Q4", "FY2017"],
    ),
    // A balance at the end of a month or quarter is at its last day: "we
    // ended June with", "at quarter end" (the document's quarter).
    (
        "Revenue for the second quarter was $80 million. We ended June with $214 million of cash on hand. Net debt stood at $1.3 billion at quarter end.",
        Some((2021, 7, 28)),
        &["2021-Q2", "2021-06-30", "2021-06-30"],
    ),
    // A quarter the figure is "in line with" is the comparison, not the
    // document's quarter (a call of October reports the third).
    (
        "EPS for the quarter was $0.59 per share. Net income was in line with second quarter at $46.7 million. Total loans at quarter-end were $16.1 billion.",
        Some((2016, 10, 19)),
        &["2016-Q3", "2016-Q3", "2016-09-30"],
    ),
    // A wire headline's quarter with its period end on the next line: a
    // quarter ended Feb 28 is a fiscal one.
    (
        "HOSPITAL STAFFING SERVICES INC 1ST QTR\n\nFeb 28\n    Oper shr six cts vs two cts\n    Revs 2,874,930 vs 2,594,574\n",
        Some((1987, 3, 17)),
        &["FY1987-Q1", "FY1987-Q1"],
    ),
    // What is held at a moment (a bank's loans, a builder's lots) is at
    // the quarter's last day; what was sold in it is the quarter's.
    (
        "Third quarter 2020 revenue was $80 million. We own 6,900 lots in our Northern region. Total loans at the end of the period were $16.1 billion. We sold 1,200 lots.",
        None,
        &["2020-Q3", "2020-09-30", "2020-09-30", "2020-Q3"],
    ),
    // A one-word plural the text also writes in lower case is no company
    // ("Homes delivered" in a call about homes).
    (
        "Homes delivered increased 7% year-over-year to 2,564 in the fourth quarter of 2020, driven by the number of homes in backlog.",
        None,
        &["2020-Q4"],
    ),
    // A quarter anticipated is ahead: the document reports the one a
    // comparison with the year before names.
    (
        "Homes delivered increased 7% year-over-year to 2,564. Backlog conversion was lower than the fourth quarter of 2019. We are anticipating home deliveries for the first quarter of 2021 to reach between 2,200 and 2,400 units.",
        None,
        &["2020-Q4", "2021-Q1"],
    ),
    // A month named without its year in an undated document takes the
    // year of the document's period; January after a fourth quarter is in
    // the next year.
    (
        "For fiscal 2020, free cash flow was $277 million. We ended June with $269 million of cash on hand.",
        None,
        &["FY2020", "2020-06-30"],
    ),
    (
        "Fourth quarter 2020 revenue was $80 million. In January, our board raised the quarterly dividend by 7.1% to $0.68 a share.",
        None,
        &["2020-Q4", "2021-01"],
    ),
    // A quarter named ahead ("likely to narrow during the first quarter")
    // is not the quarter the document reports.
    (
        "Spreads are likely to narrow during the first quarter. Gross profit fell $4 million sequentially. Fourth quarter shipments were lower.",
        None,
        &["XXXX-Q4"],
    ),
    // Guidance that names no period is for the one fiscal year the
    // document names.
    (
        "Our outlook assumes a tax rate for fiscal 2026 of 23.5%. Adjusted earnings per share is expected to be between $4.10 and $4.30.",
        None,
        &["FY2026", "FY2026"],
    ),
    // Balance-sheet dates keep their day; "the quarter ended" is the
    // quarter.
    (
        "Our land investment at September 30 was $762 million. Revenue for the quarter ended September 30 rose 5% to $80 million.",
        Some((2020, 10, 22)),
        &["2020-09-30", "2020-Q3"],
    ),
    // "Ended the quarter with" a balance: the quarter's last day.
    (
        "First quarter revenue rose 5% to $80 million. We ended the quarter with $48 million of cash.",
        Some((2016, 5, 3)),
        &["2016-Q1", "2016-03-31"],
    ),
    // "For the quarter" with no quarter named anywhere: no period.
    (
        "Operating income for the quarter was up $4.9 million to $31.1 million.",
        Some((2018, 3, 29)),
        &["-"],
    ),
    // A wire story whose quarter ends in January: a fiscal quarter named
    // by the year its fiscal year ends; the "Year" block is that fiscal
    // year.
    (
        "ACME CORP 4TH QTR NET\n\nQtr ended Jan 31\n    Shr 67 cts vs 69 cts\n    Year\n    Shr 1.75 dlrs vs 1.54 dlrs\n",
        Some((1987, 3, 20)),
        &["FY1987-Q4", "FY1987"],
    ),
    // No headline quarter: the block before "1st half" is the second
    // quarter.
    (
        "ACME TRUST\n\nOper shr 39 cts vs 47 cts\n    1st half\n    Oper shr 82 cts vs 93 cts\n    Period ended February 28.\n",
        Some((1987, 4, 13)),
        &["FY1987-Q2", "FY1987-H1"],
    ),
    // Nine months are no period of the contract.
    (
        "Third quarter revenue rose 5% to $80 million. Revenue for the first nine months was $2.2 billion, up 30% year-over-year.",
        Some((2020, 10, 22)),
        &["2020-Q3", "-"],
    ),
    // A document whose comparisons are two-year ones: the quarter named
    // only as the comparison is two years back.
    (
        "Sales rose 14% compared to the second quarter of 2019, our two-year comparison.",
        None,
        &["2021-Q2"],
    ),
    // A wire headline naming a year and no quarter: the fiscal year that
    // ended last.
    (
        "ACME CORP YEAR NET\n\nShr 1.10 dlrs vs 95 cts\n    Net 4,100,000 vs 3,500,000\n",
        Some((1987, 3, 12)),
        &["FY1986", "FY1986"],
    ),
    // A quarter reported long after the calendar one ended is a fiscal
    // quarter of an unknown year.
    (
        "ACME CORP 3RD QTR NET\n\nShr 15 cts vs 10 cts\n",
        Some((1987, 6, 19)),
        &["XXXX-Q3"],
    ),
    // A balance in a quarter's document is dated by the quarter's last
    // day; "ended June with" by June's.
    (
        "Third quarter revenue rose 5% to $80 million. Total debt was $300 million.",
        Some((2020, 10, 22)),
        &["2020-Q3", "2020-09-30"],
    ),
    (
        "Second quarter 2020 revenue rose 5% to $80 million. We ended June with $269 million of cash.",
        None,
        &["2020-Q2", "2020-06-30"],
    ),
    // A year on the comparison side is not the claim's period.
    (
        "BANK CORP 1ST QTR NET\n\nNet charge-offs were 10.9 mln dlrs, down from 12.8 mln dlrs in 1986.\n",
        Some((1987, 4, 13)),
        &["1987-Q1"],
    ),
    // "Full year" names the document's (fiscal) year, unless it is some
    // other year ("our first full year").
    (
        "Fourth quarter 2024 sales rose 6% to $90 million. Full year claims costs totaled $41 million. In its first full year, membership in the loyalty program grew 12%.",
        None,
        &["2024-Q4", "FY2024", "2024-Q4"],
    ),
    (
        "Third quarter sales rose 6% to $90 million. We now see full-year sales of about $350 million.",
        Some((2023, 10, 26)),
        &["2023-Q3", "FY2023"],
    ),
    // "The quarter ending September" is the third quarter.
    (
        "Orders declined 9% in the quarter ending September.",
        Some((2022, 11, 3)),
        &["2022-Q3"],
    ),
    // A quarter named without its year in a dated story takes the year of
    // the story's date, even against one note about the year before.
    (
        "HARBOR BANK 1ST QTR NET\n\nFirst quarter net rose to 12 mln dlrs from 10 mln dlrs.\n    The first quarter of 1986 excludes a gain of 1.1 mln dlrs.\n    Deposits grew 9 pct to 2.1 billion dlrs in the first quarter.\n",
        Some((1987, 4, 15)),
        &["1987-Q1", "1986-Q1", "1987-Q1"],
    ),
];

#[test]
fn periods() {
    let set = ExtractorSet::builtin();
    let mut bad = Vec::new();
    for (text, date, want) in PERIODS {
        let ctx = DocContext { date: *date };
        let ms = set.extract(text, &ctx);
        let got: Vec<String> = analyze(text, &ms, &ctx)
            .claims
            .iter()
            .map(|c| c.period.clone().unwrap_or_else(|| "-".into()))
            .collect();
        if got != *want {
            bad.push(format!("{text}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Concepts that need the sentence around the metric: (sentence, the
/// concept and qualifiers of each claim).
const CONCEPTS: &[(&str, &[&str])] = &[
    // The percent growth of a business line with no measure named is its
    // sales'; a named measure or a level stays what it is.
    ("Our industrial market grew 5%.", &["revenue"]),
    ("Services grew 10%.", &["revenue"]),
    ("Our industrial market had 40 customers.", &["other"]),
    ("Operating margin grew 5%.", &["operating_margin"]),
    // A range of per-share amounts is per share by its upper end's words.
    (
        "The company now expects full-year adjusted earnings of $2.10 to $2.25 per share.",
        &["eps adjusted"],
    ),
    (
        "Net earnings were $41 million, or $0.52 per diluted share.",
        &["net_income", "eps"],
    ),
    // The metric after a verb of yield.
    (
        "The marine segment contributed $88 million of gross profit in the second quarter.",
        &["gross_profit"],
    ),
];

#[test]
fn concepts_in_sentences() {
    let set = ExtractorSet::builtin();
    let mut bad = Vec::new();
    for (text, want) in CONCEPTS {
        let ctx = DocContext::default();
        let ms = set.extract(text, &ctx);
        let got: Vec<String> = analyze(text, &ms, &ctx)
            .claims
            .iter()
            .map(|c| {
                let mut v = vec![c.concept.unwrap_or("-").to_string()];
                v.extend(c.qualifiers.iter().cloned());
                v.join(" ")
            })
            .collect();
        if got != *want {
            bad.push(format!("{text}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
