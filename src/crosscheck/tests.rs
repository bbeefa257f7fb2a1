use super::*;
use crate::config::ConfigBuilder;

fn analyzed(id: &str, text: &str) -> Analyzed {
    let config = ConfigBuilder::new().build();
    // One file per call: tests run in parallel and reuse ids.
    static N: std::sync::atomic::AtomicUsize =
        std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "claimscan-xc-{}-{n}-{}",
        std::process::id(),
        id.replace('/', "_")
    ));
    std::fs::write(&dir, text).unwrap();
    let mut docs = crate::pipeline::analyze_path(&config, &dir);
    std::fs::remove_file(&dir).ok();
    let mut a = docs.remove(0).unwrap();
    a.doc.id = id.to_string();
    a
}

/// (source, coverage) → the coverage claims' labels, in order.
fn labels(source: &str, coverage: &str) -> Vec<&'static str> {
    let s = analyzed("call", source);
    let c = analyzed("story", coverage);
    let (ss, cs) = (Side::source(&s), Side::coverage(&c));
    judge(&ss, &cs).iter().map(|v| v.label.as_str()).collect()
}

const CALL: &str = "Third quarter revenue was $452.2 million, up 2.5% from last year.\n\
Adjusted EPS was $0.83, compared to $0.75 last year.\n\
GAAP EPS was $0.61.\n\
For fiscal 2022, we expect revenue of $1.82 billion to $1.83 billion.\n\
Operating income was $61.4 million.\n";

#[test]
fn the_same_figures_are_supported() {
    assert_eq!(
        labels(CALL, "q3 revenue rose 2.5 percent to $452.2 million.\n"),
        ["supported"]
    );
    assert_eq!(
        labels(CALL, "q3 adjusted earnings per share 83 cents.\n"),
        ["supported"]
    );
    assert_eq!(
        labels(CALL, "sees fy 2022 revenue $1.82 billion to $1.83 billion.\n"),
        ["supported"]
    );
}

#[test]
fn planted_errors_are_contradicted() {
    // Decimal shift, transposed digits, wrong range end, flipped direction.
    assert_eq!(labels(CALL, "q3 revenue $45.22 million.\n"), ["contradicted"]);
    assert_eq!(labels(CALL, "q3 revenue $425.2 million.\n"), ["contradicted"]);
    assert_eq!(
        labels(CALL, "sees fy 2022 revenue $1.82 billion to $1.86 billion.\n"),
        ["contradicted"]
    );
    assert_eq!(
        labels(CALL, "q3 revenue fell 2.5 percent.\n"),
        ["contradicted"]
    );
    // A neighbouring measure's figure given for revenue.
    assert_eq!(labels(CALL, "q3 revenue $61.4 million.\n"), ["contradicted"]);
}

#[test]
fn neighbouring_measures_neither_support_nor_contradict() {
    // Guidance is not the quarter's actual figure.
    assert_eq!(labels(CALL, "q3 revenue $1.82 billion.\n"), ["contradicted"]);
    assert_eq!(
        labels(CALL, "q3 free cash flow $452.2 million.\n"),
        ["absent"]
    );
    // Actual against guidance.
    assert_eq!(labels(CALL, "fy revenue was $1.82 billion.\n"), ["absent"]);
}

/// (source, coverage) → each verdict's `why`.
fn whys(source: &str, coverage: &str) -> Vec<String> {
    let s = analyzed("call", source);
    let c = analyzed("story", coverage);
    let (ss, cs) = (Side::source(&s), Side::coverage(&c));
    judge(&ss, &cs).into_iter().map(|v| v.why).collect()
}

#[test]
fn estimates_days_and_years_are_not_judged() {
    // An analysts' estimate quoted beside the figure is no claim of the
    // story; nor is a day of a month or a year read as a count.
    assert_eq!(
        labels(
            CALL,
            "q3 revenue $452.2 million versus the consensus estimate of \
             $440 million.\n"
        ),
        ["supported"]
    );
    let rows: &[(&str, &str, Option<&str>)] = &[
        ("versus analysts' estimate of ", "$7 billion", Some("estimate")),
        ("plus or minus ", "$0.05", Some("tolerance")),
        ("on october ", "28", Some("day")),
        ("sees ", "2021", Some("year")),
        ("shipped ", "28,000", None),
        ("revenue of ", "$7 billion", None),
    ];
    for &(before, fig, want) in rows {
        let text = format!("{before}{fig} units");
        let start = before.len();
        let f = Figure {
            field: "value",
            role: Field::Level,
            value: fig
                .trim_start_matches('$')
                .split(' ')
                .next()
                .unwrap()
                .replace(',', "")
                .parse()
                .unwrap(),
            unit: None,
            kind: if fig.starts_with('$') { Kind::Money } else { Kind::Count },
            half_ulp: 0.5,
            text: fig.into(),
            direction: None,
            span: Some((start, start + fig.len())),
            high: false,
        };
        let got = figure::aside(&text, &f);
        match want {
            Some(w) => {
                assert!(got.is_some_and(|g| g.contains(w)), "{text}: {got:?}")
            }
            None => assert_eq!(got, None, "{text}"),
        }
    }
}

const FISCAL_CALL: &str = "Welcome to the fiscal fourth quarter 2021 call.\n\
Fourth quarter net sales were $410.5 million, up 9% from last year.\n\
On a GAAP basis, we reported earnings per share of $1.46.\n\
On an adjusted basis, we reported earnings per share of $1.31.\n";

#[test]
fn the_story_quarter_is_the_call_quarter() {
    // The call's fiscal fourth quarter is the story's q3: a sentence
    // that names no quarter is about it, and contradicts the story's
    // unqualified figure with its GAAP one.
    assert_eq!(
        labels(
            FISCAL_CALL,
            "q3 net sales $410.5 million.\nq3 earnings per share $1.31.\n"
        ),
        ["supported", "contradicted"]
    );
    assert_eq!(
        labels(
            FISCAL_CALL,
            "q3 net sales $410.5 million.\nq3 adjusted earnings per share $1.31.\n"
        ),
        ["supported", "supported"]
    );
}

const OUTLOOK_CALL: &str = "Third quarter revenue was $96.1 million.\n\
Turning to our outlook.\n\
For the fourth quarter, we expect revenue of $101 million to $103 million.\n\
Adjusted EBITDA to be between $20 million and $21 million, and earnings per share to be $0.38.\n\
The full year range of 2021 is $2.10 to $2.14 per FFO share.\n";

#[test]
fn guidance_carries_to_the_sentences_under_it() {
    // "earnings per share to be $0.38" goes on from the fourth quarter's
    // guidance before it.
    assert_eq!(
        labels(OUTLOOK_CALL, "sees q4 earnings per share $0.38.\n"),
        ["supported"]
    );
    // It is not the third quarter's actual figure.
    assert_eq!(
        labels(OUTLOOK_CALL, "q3 earnings per share $0.38.\n"),
        ["absent"]
    );
}

#[test]
fn unlisted_measures_are_found_by_their_head_word() {
    assert_eq!(
        labels(OUTLOOK_CALL, "sees fy ffo per share $2.10 to $2.14.\n"),
        ["supported"]
    );
    // Another measure's head word finds nothing.
    assert_eq!(
        labels(OUTLOOK_CALL, "sees fy affo per share $2.10 to $2.14.\n"),
        ["absent"]
    );
}

#[test]
fn loose_readings_never_contradict() {
    let call = "We booked $203.8 million of new business in the quarter.\n\
Net inflows were $10 billion in the quarter.\n";
    // "new business" is not sales: no contradiction.
    assert_eq!(labels(call, "q3 sales $181 million.\n"), ["absent"]);
    // A comparison point is an earlier period's figure: never
    // contradicted, and (the call not stating it) the claim it is
    // compared with is absent too.
    assert_eq!(
        labels(
            CALL,
            "q3 revenue $452.2 million, compared to revenue of $300 million \
             in q3 2020.\n"
        ),
        ["absent", "absent"]
    );
}

#[test]
fn why_names_the_figures_and_the_evidence() {
    let w = whys(CALL, "q3 revenue $425.2 million.\n");
    assert_eq!(w.len(), 1);
    assert!(w[0].contains("$425.2 million here"), "{}", w[0]);
    assert!(w[0].contains("$452.2 million in the source"), "{}", w[0]);
}

#[test]
fn figures_without_a_claim_still_get_a_verdict() {
    let call = "Third quarter revenue was $452.2 million.\n\
For the full year, we now expect local currency sales growth of 3% to 4%.\n";
    let s = analyzed("call", call);
    let c = analyzed(
        "story",
        "anticipates that local currency sales growth in 2021 will be \
         approximately 3% to 4%.\n\
         $452.2 million in revenue for the quarter, up 5%.\n",
    );
    let (ss, cs) = (Side::source(&s), Side::coverage(&c));
    let verdicts = judge(&ss, &cs);
    let got: Vec<(usize, &str)> =
        verdicts.iter().map(|v| (v.figures.len(), v.label.as_str())).collect();
    // The range is one claim; the change joins its level (and is not in
    // the call, so the claim is absent). Neither is contradicted.
    assert!(got.iter().all(|&(_, l)| l != "contradicted"), "{got:?}");
    assert!(
        verdicts.iter().any(|v| v.figures.len() == 2
            && v.figures.iter().any(|f| f.stated.text == "$452.2 million")
            && v.figures.iter().any(|f| f.stated.text == "5%")),
        "{:?}",
        verdicts.iter().map(|v| &v.why).collect::<Vec<_>>()
    );
}

/// (source, coverage) → the labels of `--claimed-only` (the claim stage's
/// claims only, with the figures it left beside them).
fn labels_claimed_only(source: &str, coverage: &str) -> Vec<&'static str> {
    let s = analyzed("call", source);
    let c = analyzed("story", coverage);
    let (ss, cs) = (Side::source(&s), Side::new(&c, true, false));
    judge(&ss, &cs).iter().map(|v| v.label.as_str()).collect()
}

/// One row per rule: (rule, call, story, labels in both modes).
const RULES: &[(&str, &str, &str, &[&str])] = &[
    (
        "a sentence naming its own year keeps it: no quarter from the \
         sentence before",
        "With respect to results, our second quarter consolidated earnings \
         were in line with expectations and we are on track to meet our \
         2020 earnings guidance.\nAs such, we are confirming our 2020 \
         consolidated earnings guidance, a range of $1.75 to $1.95 per \
         diluted share.\n",
        "q2 earnings per share $0.26.\nreaffirms fy earnings per share view \
         $1.75 to $1.95.\n",
        &["absent", "supported"],
    ),
    (
        "a sentence naming no measure goes on with the one before it; a \
         range's low end joins its claim, so its other end may contradict",
        "Now with respect to capital expenditures, we invested $361 million \
         in 2020.\nWe expect to spend between $450 million and $475 million \
         2021.\n",
        "in 2021, expects to spend between $450 million and $475 million on \
         capital expenditures.\nin 2021, expects to spend between $450 \
         million and $495 million on capital expenditures.\n",
        &["supported", "contradicted"],
    ),
    (
        "a change's direction noun and measure may follow its figure",
        "The Board also approved a 10% increase in the quarterly dividend to \
         $0.17 per share.\n",
        "quarterly dividend increase of 10% to $0.17 per common share.\n",
        &["supported"],
    ),
    (
        "a ratio's level in basis points is the same level in percent",
        "For the third quarter, net charge-offs were $29 million or 11 basis \
         points of average loans.\n",
        "q3 net charge-offs were $29 million, or 0.11% of average loans.\n",
        &["supported", "supported"],
    ),
    (
        "a comparison point is the earlier level of the claim it compares \
         with: absent when the call does not state it",
        "In the first quarter, net long-term inflows were $24.5 billion.\n",
        "net long-term inflows were $24.5 billion for q1 of 2021, compared \
         to inflows of $9.8 billion in q4 of 2020.\n",
        &["absent", "absent"],
    ),
    (
        "words the story names before a measure the call names with fewer \
         of them are a qualifier only the story names: they may support, \
         never contradict",
        "Welcome to our first quarter call.\nNew railcar backlog of 28,000 \
         units provides strong visibility.\n",
        "diversified new railcar backlog was 28,000 units.\ndiversified new \
         railcar backlog was 26,000 units.\n",
        &["supported", "absent"],
    ),
    (
        "a range of changes ('increase of 2 to 4 percent') is judged end by \
         end as changes, so a wrong upper end contradicts; an unlisted \
         measure's head word may be plural in the call ('prices')",
        "For 2021, we expect freight-adjusted average selling prices to \
         increase by 2% to 4%.\nWe expect sales to grow 5% to 7% in 2021.\n",
        "sees 2021 freight-adjusted price increase of 2 to 4 percent.\nsees \
         2021 freight-adjusted price increase of 2 to 5 percent.\nsees fy \
         2021 sales up 5 to 7 percent.\n",
        &["supported", "contradicted", "supported"],
    ),
    (
        "segment words compare regardless of case",
        "Q3 Diversified railcar backlog was 28,000 units.\n",
        "diversified railcar backlog was 28,000 units.\n",
        &["supported"],
    ),
];

#[test]
fn the_rules_read_both_modes_alike() {
    for &(rule, call, story, want) in RULES {
        assert_eq!(labels(call, story), want, "{rule} (default)");
        assert_eq!(
            labels_claimed_only(call, story),
            want,
            "{rule} (--claimed-only)"
        );
    }
}

/// Rules whose story figures the claim stage makes no claim of: read
/// by default, not with `--claimed-only` (contradicted only by a flipped
/// direction).
const FIGURE_RULES: &[(&str, &str, &str, &[&str])] = &[
    (
        "a comma goes on with the same measure and its qualifiers (the \
         organic 'grew 4%' is no support of reported sales); 'reported' \
         before a measure is its GAAP figure",
        "Organic net sales were down 1%, primarily due to supply \
         constraints, but grew 4%, compared to fiscal 2020.\nAll in our \
         reported net sales declined 4% from the prior year.\n",
        "qtrly net sales as reported (gaap) down 4%.\nqtrly net sales as \
         reported (gaap) up 4%.\n",
        &["supported", "absent"],
    ),
    (
        "a qualifier after the figure qualifies the measure ('on an organic \
         basis'); the call's organic figure never stands for an \
         unqualified one",
        "We would expect our fiscal fourth quarter 2021 organic sales to \
         increase by 12% to 13% on a year-over-year basis.\n",
        "sees q4 sales to increase 12% to 13% year over year on an organic \
         basis.\nsees q4 sales to increase 12% to 13% year over year.\n",
        &["supported", "absent"],
    ),
    (
        "a figure no claim holds is contradicted by its measure's same \
         change the other way (a flipped direction), and by nothing else: \
         another size, or a level, stays absent",
        "Welcome to our second quarter call.\nAll in, our reported net \
         sales declined 4% from the prior year.\nGross margin was 38.6% \
         for the quarter.\n",
        "qtrly net sales as reported (gaap) $1,118 million, down 4%.\nqtrly \
         net sales as reported (gaap) $1,118 million, up 4%.\nqtrly net \
         sales as reported (gaap) $1,118 million, up 6%.\nqtrly gross \
         margin as reported 36.8%.\n",
        &["absent", "contradicted", "absent", "absent"],
    ),
];

#[test]
fn the_rules_read_figures_without_a_claim() {
    for &(rule, call, story, want) in FIGURE_RULES {
        assert_eq!(labels(call, story), want, "{rule}");
    }
}

#[test]
fn ratio_levels_agree_across_basis_points_changes_do_not() {
    let fig = |value: f64, unit: &str, role: Field| Figure {
        field: if role == Field::Change { "change" } else { "value" },
        role,
        value,
        unit: Some(unit.into()),
        kind: Kind::Percent,
        half_ulp: 0.005,
        text: String::new(),
        direction: None,
        span: None,
        high: false,
    };
    // (a, b, agree): basis points already read as points (11 bp = 0.11).
    let rows = [
        (fig(0.11, "%", Field::Level), fig(0.11, "bp", Field::Level), true),
        (fig(0.11, "%", Field::Level), fig(0.12, "bp", Field::Level), false),
        (fig(0.11, "%", Field::Change), fig(0.11, "bp", Field::Change), false),
        (fig(0.11, "%", Field::Level), fig(0.11, "pp", Field::Level), false),
    ];
    for (a, b, want) in rows {
        assert_eq!(figure::agree(&a, &b), want, "{a:?} {b:?}");
    }
}

#[test]
fn a_sentence_names_a_year_by_its_number() {
    for (text, want) in [
        ("we are confirming our 2020 guidance", true),
        ("in fiscal 2021, we expect", true),
        ("revenue of $2020 million", false),
        ("up 2021% from", false),
        ("we expect revenue of $1.2 billion", false),
        ("in 1850", false),
    ] {
        assert_eq!(names_year_number(text), want, "{text}");
    }
}

#[test]
fn qualifiers_after_the_figure_qualify_the_measure() {
    for (story, want) in [
        (
            "q1 net sales rose 20% in local currency.\n",
            Some("constant_currency"),
        ),
        ("q4 sales to increase 12% on an organic basis.\n", Some("organic")),
        ("q1 net sales rose 20% in the quarter.\n", None),
    ] {
        let c = analyzed("story", story);
        let cs = Side::coverage(&c);
        let got: Vec<&str> = cs
            .keys
            .iter()
            .flat_map(|k| k.concept.qualifiers.iter().map(String::as_str))
            .filter(|q| matches!(*q, "organic" | "constant_currency"))
            .collect();
        match want {
            Some(w) => assert!(got.contains(&w), "{story}: {got:?}"),
            None => assert!(got.is_empty(), "{story}: {got:?}"),
        }
    }
}

/// A call whose figures the stories of `PLANT_KINDS` misstate.
const PLANT_CALL: &str = "Welcome to our third quarter 2021 call.\n\
Third quarter revenue was $452.2 million, up 2.5% from last year.\n\
Adjusted EPS was $0.57, compared to $0.49 last year.\n\
Gross margin was 21.7% in the quarter.\n\
Operating income was $61.4 million.\n\
Organic sales increased 22% in the quarter.\n\
Free cash flow was $1.21 billion in the quarter.\n\
For fiscal 2022, we expect revenue of $1.82 billion to $1.83 billion.\n\
We expect capital expenditures of $435 million to $475 million for fiscal 2022.\n";

/// One row per kind of planted contradiction (the kinds stories really get
/// wrong), each next to the true figure: (kind, story, labels by default
/// and with `--claimed-only`), judged against `PLANT_CALL`.
const PLANT_KINDS: &[(&str, &str, &[&str])] = &[
    (
        "decimal shift: the true level",
        "q3 revenue $452.2 million.\n",
        &["supported"],
    ),
    (
        "decimal shift: an amount",
        "q3 revenue $45.22 million.\n",
        &["contradicted"],
    ),
    (
        "decimal shift: per share",
        "q3 adjusted earnings per share $5.70.\n",
        &["contradicted"],
    ),
    (
        "decimal shift: across a scale word",
        "q3 free cash flow $12.1 billion.\n",
        &["contradicted"],
    ),
    (
        "transposed digits: the true per-share amount",
        "q3 adjusted earnings per share $0.57.\n",
        &["supported"],
    ),
    (
        "transposed digits: per share",
        "q3 adjusted earnings per share $0.75.\n",
        &["contradicted"],
    ),
    (
        "transposed digits: a percent",
        "q3 gross margin 12.7%.\n",
        &["contradicted"],
    ),
    (
        "transposed digits: an amount",
        "q3 free cash flow $1.12 billion.\n",
        &["contradicted"],
    ),
    (
        "wrong range end: the true range",
        "sees fy 2022 revenue $1.82 billion to $1.83 billion.\n",
        &["supported"],
    ),
    (
        "wrong range end: the upper end",
        "sees fy 2022 revenue $1.82 billion to $1.86 billion.\n",
        &["contradicted"],
    ),
    (
        "wrong range end: the upper end, in a sentence",
        "sees fy 2022 capital expenditures of $435 million to $495 million.\n",
        &["contradicted"],
    ),
    (
        "wrong range end: the lower end",
        "sees fy 2022 capital expenditures between $455 million and $475 \
         million.\n",
        &["contradicted"],
    ),
    (
        "flipped direction: the true direction",
        "q3 revenue rose 2.5 percent.\n",
        &["supported"],
    ),
    (
        "flipped direction: a change",
        "q3 revenue fell 2.5 percent.\n",
        &["contradicted"],
    ),
    (
        "flipped direction: after its level",
        "q3 revenue $452.2 million, down 2.5%.\n",
        &["contradicted"],
    ),
    (
        "flipped direction: a qualified measure",
        "q3 organic sales decreased 22%.\n",
        &["contradicted"],
    ),
    (
        "neighbouring measure: operating income given as revenue",
        "q3 revenue $61.4 million.\n",
        &["contradicted"],
    ),
    (
        "neighbouring measure: revenue given as operating income",
        "q3 operating income $452.2 million.\n",
        &["contradicted"],
    ),
    (
        "neighbouring period: the year's guidance given as the quarter's \
         revenue (the quarter's own figure contradicts it)",
        "q3 revenue $1.83 billion.\n",
        &["contradicted"],
    ),
];

/// The same kinds written otherwise: a call's range with "between ... and"
/// against a story's dash range, cents against dollars, a neighbouring
/// measure's figure from the same guidance sentence.
const PLANT_CALL_2: &str = "For the fourth quarter, we expect adjusted \
EBITDA between $188 million and $190 million.\n\
Adjusted EPS was 57 cents in the quarter.\n\
For the full year, we now expect revenue of $4.8 billion and free cash \
flow of $2 billion.\n";

const PLANT_KINDS_2: &[(&str, &str, &[&str])] = &[
    (
        "wrong range end: the true dash range",
        "sees q4 adjusted ebitda $188-190 million.\n",
        &["supported"],
    ),
    (
        "wrong range end: a dash range's upper end",
        "sees q4 adjusted ebitda $188-196 million.\n",
        &["contradicted"],
    ),
    (
        "decimal shift: dollars against cents",
        "q3 adjusted earnings per share $5.70.\n",
        &["contradicted"],
    ),
    (
        "transposed digits: dollars against cents",
        "q3 adjusted earnings per share $0.75.\n",
        &["contradicted"],
    ),
    (
        "neighbouring measure: the true figure",
        "sees fy revenue $4.8 billion.\n",
        &["supported"],
    ),
    (
        "neighbouring measure: free cash flow's guidance given as revenue's",
        "sees fy revenue $2 billion.\n",
        &["contradicted"],
    ),
    (
        "decimal shift: guidance",
        "sees fy revenue $48 billion.\n",
        &["contradicted"],
    ),
];

#[test]
fn every_kind_of_planted_contradiction_is_found() {
    for (call, kinds) in
        [(PLANT_CALL_2, PLANT_KINDS_2), (PLANT_CALL, PLANT_KINDS)]
    {
        for &(kind, story, want) in kinds {
            assert_eq!(labels(call, story), want, "{kind} (default)");
            assert_eq!(
                labels_claimed_only(call, story),
                want,
                "{kind} (--claimed-only)"
            );
        }
    }
}
