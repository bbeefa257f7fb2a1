//! Scoring tested against hand-computed expectations.

use super::*;

fn recs(lines: &[&str]) -> Records {
    Records::parse(&lines.join("\n"), "t").unwrap()
}

fn m(doc: &str, kind: &str, start: usize, end: usize, value: &str) -> String {
    format!(
        r#"{{"type":"mention","doc":"{doc}","kind":"{kind}","text":"x","start":{start},"end":{end},"value":{value},"unit":null}}"#
    )
}

#[test]
fn exact_and_overlap_with_values() {
    // Gold: three percents; pred: one exact (right value), one overlapping
    // (wrong value), one spurious. Hand-computed: exact P=1/3 R=1/3;
    // overlap P=2/3 R=2/3; value accuracy 1/2.
    let gold = recs(&[
        &m("a", "percent", 0, 3, "43"),
        &m("a", "percent", 10, 14, "7"),
        &m("a", "percent", 20, 22, "5"),
    ]);
    let pred = recs(&[
        &m("a", "percent", 0, 3, "43"),
        &m("a", "percent", 9, 14, "8"),
        &m("a", "percent", 30, 33, "1"),
    ]);
    let r = evaluate(&gold, &pred, &Options::default());
    let k = &r.kinds["percent"];
    assert_eq!((k.gold, k.pred, k.exact.tp, k.overlap.tp), (3, 3, 1, 2));
    assert!((k.exact.f1 - 1.0 / 3.0).abs() < 1e-12);
    assert!((k.overlap.precision - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!((k.value.correct, k.value.total), (1, 2));
    assert_eq!(r.diff.iter().filter(|d| d.what == "missed").count(), 1);
    assert_eq!(r.diff.iter().filter(|d| d.what == "spurious").count(), 1);
    assert_eq!(r.diff.iter().filter(|d| d.what == "value").count(), 1);
}

#[test]
fn overlap_is_one_to_one_by_largest_overlap() {
    // One predicted span covers two gold spans: it matches only the one it
    // overlaps most (5..9 by 4 chars), the other gold span is missed.
    let gold =
        recs(&[&m("a", "date", 0, 4, "null"), &m("a", "date", 5, 9, "null")]);
    let pred = recs(&[&m("a", "date", 2, 9, "null")]);
    let r = evaluate(&gold, &pred, &Options::default());
    let k = &r.kinds["date"];
    assert_eq!(k.overlap.tp, 1);
    assert_eq!(r.diff.iter().find(|d| d.what == "missed").unwrap().start, 0);
}

#[test]
fn ties_prefer_earlier_gold_then_earlier_pred() {
    // Two predictions overlap one gold span by the same amount: the earlier
    // prediction is matched, the later is spurious.
    let gold = recs(&[&m("a", "count", 4, 8, "1")]);
    let pred =
        recs(&[&m("a", "count", 2, 6, "1"), &m("a", "count", 6, 10, "2")]);
    let r = evaluate(&gold, &pred, &Options::default());
    assert_eq!(r.kinds["count"].value.correct, 1);
    assert_eq!(r.diff.iter().find(|d| d.what == "spurious").unwrap().start, 6);
}

#[test]
fn duplicates_count_as_often_as_they_appear() {
    let gold = recs(&[&m("a", "skill", 0, 6, "\"Python\"")]);
    let pred = recs(&[
        &m("a", "skill", 0, 6, "\"Python\""),
        &m("a", "skill", 0, 6, "\"Python\""),
    ]);
    let r = evaluate(&gold, &pred, &Options::default());
    let k = &r.kinds["skill"];
    assert_eq!((k.exact.tp, k.pred), (1, 2));
    assert!((k.exact.precision - 0.5).abs() < 1e-12);
    assert_eq!(k.exact.recall, 1.0);
}

#[test]
fn other_docs_and_kinds_are_ignored() {
    let gold = recs(&[
        &m("a", "date", 0, 4, "\"2025\""),
        r#"{"type":"doc","doc":"b"}"#,
    ]);
    let pred = recs(&[
        &m("a", "date", 0, 4, "\"2025\""),
        &m("a", "money", 5, 8, "3"),
        &m("c", "date", 0, 4, "\"2024\""),
    ]);
    let r = evaluate(&gold, &pred, &Options::default());
    assert_eq!(r.documents, 2);
    assert_eq!(r.ignored, 2);
    assert_eq!(r.overall.exact.f1, 1.0);
    // Asking for money scores it although the gold has none.
    let r = evaluate(&gold, &pred, &Options { kinds: vec![Kind::Money] });
    assert_eq!(r.kinds["money"].exact.precision, 0.0);
}

#[test]
fn empty_files() {
    let r = evaluate(
        &Records::default(),
        &Records::default(),
        &Options::default(),
    );
    assert_eq!(r.documents, 0);
    assert!(r.kinds.is_empty());
    assert_eq!(r.overall.exact.f1, 1.0, "nothing to find and nothing found");
    let gold = recs(&[&m("a", "money", 0, 3, "5")]);
    let r = evaluate(&gold, &Records::default(), &Options::default());
    assert_eq!(r.kinds["money"].exact.recall, 0.0);
    assert_eq!(r.kinds["money"].exact.f1, 0.0);
}

#[test]
fn malformed_lines_name_the_line() {
    let e = Records::parse(
        "{\"type\":\"doc\",\"doc\":\"a\"}\n\nnot json\n",
        "gold.jsonl",
    )
    .unwrap_err();
    assert_eq!(e.line, 3);
    assert!(e.to_string().starts_with("gold.jsonl:3: not JSON"));
    let e = Records::parse(
        r#"{"type":"mention","doc":"a","kind":"date","start":5,"end":2}"#,
        "g",
    )
    .unwrap_err();
    assert!(e.message.contains("before start"), "{e}");
    let e = Records::parse(
        r#"{"type":"mention","doc":"a","kind":"date","start":5}"#,
        "g",
    )
    .unwrap_err();
    assert!(e.message.contains("missing field \"end\""), "{e}");
}

#[test]
fn claims_fields() {
    let g = r#"{"type":"claim","doc":"a","start":0,"end":40,"text":"t","metric":"Active clients","direction":"down","change":{"value":7,"unit":"%"},"basis":null,"forward":false}"#;
    let p = r#"{"type":"claim","doc":"a","start":0,"end":38,"text":"t","metric":"active  clients","direction":"down","change":{"value":7.0,"unit":"%"},"basis":"yoy","forward":false}"#;
    let r = evaluate(&recs(&[g]), &recs(&[p]), &Options::default());
    let c = r.claims.unwrap();
    assert_eq!(c.matched.tp, 1);
    assert_eq!(c.fields["metric"].correct, 1);
    assert_eq!(c.fields["change"].correct, 1);
    assert_eq!(c.fields["direction"].correct, 1);
    assert_eq!(c.fields["basis"].correct, 0);
    assert_eq!(c.fields["speaker"].correct, 1, "both null");
}

#[test]
fn concept_fields_only_where_gold_has_them() {
    let g = r#"{"type":"claim","doc":"a","start":0,"end":40,"text":"t","metric":"segment revenue","change":{"value":7,"unit":"%"},"concept":"revenue","qualifiers":["adjusted","segment:north america"]}"#;
    let p = r#"{"type":"claim","doc":"a","start":0,"end":40,"text":"t","metric":"segment revenue","change":{"value":7,"unit":"%"},"concept":"revenue","qualifiers":["segment:americas","adjusted"]}"#;
    let r = evaluate(&recs(&[g]), &recs(&[p]), &Options::default());
    let c = r.claims.unwrap();
    assert_eq!(c.fields["concept"].correct, 1);
    assert_eq!(c.fields["qualifiers"].correct, 0, "segment named otherwise");
    assert_eq!(c.fields["qualifier_kinds"].correct, 1, "order ignored");
    // A gold set without concepts reports none.
    let g = r#"{"type":"claim","doc":"a","start":0,"end":40,"text":"t","metric":"revenue","change":{"value":7,"unit":"%"}}"#;
    let r = evaluate(&recs(&[g]), &recs(&[p]), &Options::default());
    assert!(!r.claims.unwrap().fields.contains_key("concept"));
}

#[test]
fn thresholds() {
    let gold = recs(&[
        &m("a", "percent", 0, 3, "43"),
        &m("a", "percent", 10, 14, "7"),
    ]);
    let pred = recs(&[&m("a", "percent", 0, 3, "43")]);
    let r = evaluate(&gold, &pred, &Options::default());
    let f1 = |s: &str| {
        Threshold::parse(s, |kind, min| Threshold::F1 { kind, min }).unwrap()
    };
    // exact F1 = 2 * 1 * 0.5 / 1.5 = 0.6667
    assert!(f1("percent=0.66").check(&r).is_ok());
    let err = f1("percent=0.7").check(&r).unwrap_err();
    assert!(err.contains("0.6667, below 0.7000"), "{err}");
    assert!(
        f1("date=0.5").check(&r).unwrap_err().contains("nothing to score")
    );
    assert!(
        Threshold::parse("weather=0.5", |kind, min| Threshold::F1 {
            kind,
            min
        })
        .is_err()
    );
    assert!(
        Threshold::parse("date=1.5", |kind, min| Threshold::F1 { kind, min })
            .is_err()
    );
    let va = Threshold::parse("0.99", |kind, min| Threshold::ValueAccuracy {
        kind,
        min,
    })
    .unwrap();
    assert!(va.check(&r).is_ok(), "1/1 values right");
}
