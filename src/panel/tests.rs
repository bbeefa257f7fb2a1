//! Grouping, the majority value and `agree`, as tables.

use super::*;

/// A claim of `doc` stating `text` (one money, percent or count figure,
/// whose written form is `written`, at the start of the clause).
#[allow(clippy::too_many_arguments)]
fn claim(
    doc: &str,
    n: usize,
    subject: Option<&str>,
    concept: &str,
    written: &str,
    value: f64,
    unit: &str,
    kind: &str,
) -> ClaimIn {
    let start = 100 * n;
    let end = start + written.chars().count();
    ClaimIn {
        doc: doc.into(),
        id: format!("{doc}#claim@{start}-{end}"),
        text: written.into(),
        start,
        subject: subject.map(String::from),
        concept: Some(concept.into()),
        qualifiers: Vec::new(),
        period: Some("2026-Q2".into()),
        forward: false,
        value: Some(LevelIn {
            value,
            unit: Some(unit.into()),
            kind: Some(kind.into()),
        }),
        high: None,
        change: None,
        direction: None,
        basis: None,
        mentions: vec![format!("{doc}#{kind}@{start}-{end}")],
    }
}

fn usd(doc: &str, n: usize, written: &str, value: f64) -> ClaimIn {
    claim(
        doc,
        n,
        Some("Norrland Freight AB"),
        "revenue",
        written,
        value,
        "USD",
        "money",
    )
}

/// Builds the panel of `claims` and renders each record as
/// `subject|concept|period|forward value agree nclasses nsources`.
fn render(claims: Vec<ClaimIn>) -> Vec<String> {
    let mut b = PanelBuilder::new();
    for c in claims {
        b.add(c);
    }
    b.finish()
        .iter()
        .map(|p| {
            format!(
                "{}|{}|{}|{}|{} {} {} {} {}",
                p.key.0.as_deref().unwrap_or("-"),
                p.key.1,
                p.key.2.join(","),
                p.key.3.as_deref().unwrap_or("-"),
                p.key.4,
                p.value().value,
                p.agree(),
                p.classes.len(),
                p.sources.len()
            )
        })
        .collect()
}

#[test]
fn majority_and_agree() {
    // (name, claims, panel rows)
    type Row = (&'static str, Vec<ClaimIn>, Vec<&'static str>);
    let rows: Vec<Row> = vec![
        (
            "one source",
            vec![usd("a", 1, "$421.5 million", 421.5e6)],
            vec!["norrland freight|revenue||2026-Q2|false 421500000 true 1 1"],
        ),
        (
            "rounded figures agree; the most precise names the value",
            vec![
                usd("a", 1, "$421.5 million", 421.5e6),
                usd("b", 1, "$421.53 million", 421.53e6),
                usd("c", 1, "$0.42 billion", 0.42e9),
            ],
            vec!["norrland freight|revenue||2026-Q2|false 421530000 true 1 3"],
        ),
        (
            "two documents outvote one, however precise",
            vec![
                usd("a", 1, "$421.53 million", 421.53e6),
                usd("b", 1, "$425 million", 425e6),
                usd("c", 1, "$425.0 million", 425e6),
            ],
            vec![
                "norrland freight|revenue||2026-Q2|false 425000000 false 2 3",
            ],
        ),
        (
            "one document repeating a figure is one vote; tie → most precise",
            vec![
                usd("a", 1, "$425 million", 425e6),
                usd("a", 2, "$425 million", 425e6),
                usd("b", 1, "$421.5 million", 421.5e6),
            ],
            vec![
                "norrland freight|revenue||2026-Q2|false 421500000 false 2 3",
            ],
        ),
        (
            "precision comes from the written mention: $2 billion is $2.4 billion rounded",
            vec![
                usd("a", 1, "$2 billion", 2e9),
                usd("b", 1, "$2.4 billion", 2.4e9),
            ],
            vec![
                "norrland freight|revenue||2026-Q2|false 2400000000 true 1 2",
            ],
        ),
        (
            "... and $2.0 billion is not",
            vec![
                usd("a", 1, "$2.0 billion", 2e9),
                usd("b", 1, "$2.4 billion", 2.4e9),
            ],
            vec![
                "norrland freight|revenue||2026-Q2|false 2000000000 false 2 2",
            ],
        ),
        (
            "another currency never agrees",
            vec![
                usd("a", 1, "$421.5 million", 421.5e6),
                claim(
                    "b",
                    1,
                    Some("Norrland Freight"),
                    "revenue",
                    "421.5 million euros",
                    421.5e6,
                    "EUR",
                    "money",
                ),
            ],
            vec![
                "norrland freight|revenue||2026-Q2|false 421500000 false 2 2",
            ],
        ),
        (
            "subjects joined across suffixes; other concepts split",
            vec![
                usd("a", 1, "$421.5 million", 421.5e6),
                claim(
                    "b",
                    1,
                    Some("The Norrland Freight Co."),
                    "revenue",
                    "$421.5 million",
                    421.5e6,
                    "USD",
                    "money",
                ),
                claim(
                    "b",
                    2,
                    Some("Norrland Freight"),
                    "eps",
                    "$1.12",
                    1.12,
                    "USD",
                    "money",
                ),
                claim("b", 3, None, "eps", "$1.12", 1.12, "USD", "money"),
            ],
            vec![
                "-|eps||2026-Q2|false 1.12 true 1 1",
                "norrland freight|eps||2026-Q2|false 1.12 true 1 1",
                "norrland freight|revenue||2026-Q2|false 421500000 true 1 2",
            ],
        ),
        (
            "concept other and no concept are left out",
            vec![claim("a", 1, None, "other", "5%", 5.0, "%", "percent"), {
                let mut c = usd("a", 2, "$3 million", 3e6);
                c.concept = None;
                c
            }],
            vec![],
        ),
    ];
    for (name, claims, want) in rows {
        assert_eq!(render(claims), want, "{name}");
    }
}

#[test]
fn key_parts_split_groups() {
    let base = || usd("a", 1, "$421.5 million", 421.5e6);
    let mut adjusted = usd("b", 1, "$430 million", 430e6);
    adjusted.qualifiers = vec!["segment:nordics".into(), "adjusted".into()];
    let mut year = usd("c", 1, "$1.7 billion", 1.7e9);
    year.period = Some("FY2026".into());
    let mut guide = usd("d", 1, "$1.7 billion", 1.7e9);
    guide.period = Some("FY2026".into());
    guide.forward = true;
    let got = render(vec![base(), adjusted, year, guide]);
    assert_eq!(
        got,
        [
            "norrland freight|revenue||2026-Q2|false 421500000 true 1 1",
            "norrland freight|revenue||FY2026|false 1700000000 true 1 1",
            "norrland freight|revenue||FY2026|true 1700000000 true 1 1",
            "norrland freight|revenue|adjusted,segment:nordics|2026-Q2|false 430000000 true 1 1",
        ]
    );
}

#[test]
fn ranges_agree_end_by_end() {
    let range = |doc: &str, lo: f64, hi: f64, written: &str| {
        let mut c = usd(doc, 1, written, lo);
        c.forward = true;
        c.high = Some(LevelIn {
            value: hi,
            unit: Some("USD".into()),
            kind: Some("money".into()),
        });
        c
    };
    let mut b = PanelBuilder::new();
    b.add(range("a", 1.82e9, 1.83e9, "$1.82 billion to $1.83 billion"));
    b.add(range("b", 1.82e9, 1.83e9, "$1,820 million to $1,830 million"));
    b.add(range("c", 1.82e9, 1.85e9, "$1.82 billion to $1.85 billion"));
    let mut point = usd("d", 1, "$1.82 billion", 1.82e9);
    point.forward = true;
    b.add(point);
    let p = b.finish();
    assert_eq!(p.len(), 1);
    assert!(!p[0].agree());
    assert_eq!(p[0].classes.len(), 3);
    assert_eq!(p[0].value().high, Some(1.83e9));
    assert_eq!(p[0].classes[0].docs, 2);
}

#[test]
fn changes_join_their_key_and_change_only_keys_are_dropped() {
    let mut b = PanelBuilder::new();
    // A change-only claim before the level: still listed.
    let mut ch = usd("a", 1, "up 5%", 0.0);
    ch.value = None;
    ch.change = Some(ChangeIn { value: 5.0, unit: Some("%".into()) });
    ch.direction = Some("up".into());
    ch.basis = Some("yoy".into());
    b.add(ch.clone());
    b.add(usd("a", 2, "$421.5 million", 421.5e6));
    // A change for a key no claim gives a level for: no record.
    ch.concept = Some("ebitda".into());
    b.add(ch);
    let p = b.finish();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].changes.len(), 1);
    assert_eq!(p[0].changes[0].direction.as_deref(), Some("up"));
    let mut out = Vec::new();
    encode(&p[0], &mut out);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        v["changes"],
        serde_json::json!([{"value":5,"unit":"%","basis":"yoy","direction":"up","claim":"a#claim@100-105"}])
    );
    assert_eq!(v["values"], serde_json::json!([]));
    assert_eq!(
        v["sources"],
        serde_json::json!([{"claim":"a#claim@200-214","doc":"a"}])
    );
}

#[test]
fn lines_of_other_types_are_skipped() {
    let mut b = PanelBuilder::new();
    let mention = br#"{"type":"mention","doc":"a","id":"a#percent@0-2","kind":"percent","text":"5%","start":0,"end":2,"value":5,"unit":"%"}"#;
    assert!(!b.add_line(mention).unwrap());
    assert!(!b.add_line(b"").unwrap());
    let reordered = br#"{"doc":"a","id":"a#claim@0-9","type":"claim","concept":"eps","value":{"value":1.12,"unit":"USD","kind":"money"}}"#;
    assert!(b.add_line(reordered).unwrap());
    assert!(b.add_line(b"{not json").is_err());
    assert!(b.add_line(br#"{"type":"claim","doc":1}"#).is_err());
    assert_eq!(b.claims(), 1);
    assert_eq!(b.finish().len(), 1);
}

#[test]
fn tee_passes_bytes_through_and_collects_claims() {
    let line = br#"{"type":"claim","doc":"a","id":"a#claim@0-9","concept":"eps","value":{"value":1.12,"unit":"USD","kind":"money"}}
"#;
    let mut out = Vec::new();
    let mut tee = Tee::new(&mut out);
    // Cut mid-line: the pending part waits for its newline.
    tee.write_all(&line[..20]).unwrap();
    tee.write_all(&line[20..]).unwrap();
    let (b, _) = tee.finish();
    assert_eq!(b.claims(), 1);
    assert_eq!(out, line);
}
