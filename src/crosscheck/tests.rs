use super::*;
use crate::config::ConfigBuilder;

fn analyzed(id: &str, text: &str) -> Analyzed {
    let config = ConfigBuilder::new().build();
    let dir = std::env::temp_dir().join(format!(
        "claimscan-xc-{}-{}",
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
    let (ss, cs) = (Side::new(&s), Side::new(&c));
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
