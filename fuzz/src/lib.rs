//! Helpers shared by the fuzz targets in `fuzz_targets/`: one compiled
//! [`Config`] per process, and the invariants every extraction must keep.

use claimscan::claim::Analysis;
use claimscan::extract::{DocContext, Kind, Mention, Value};
use claimscan::{Config, ConfigBuilder};
use std::sync::OnceLock;

/// The configuration, compiled once per fuzzing process (building it
/// compiles the Aho-Corasick automata, far too slow to do per input).
pub fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| ConfigBuilder::new().threads(Some(1)).build())
}

/// Extracts mentions and assembles claims from `text`, panicking if any
/// invariant is broken. Returns both so targets can check more.
pub fn extract_and_check(
    text: &str,
    ctx: &DocContext,
) -> (Vec<Mention>, Analysis) {
    let mentions = config().extractors.extract(text, ctx);
    check_mentions(text, &mentions);
    let analysis = claimscan::claim::analyze(text, &mentions, ctx);
    check_analysis(text, &mentions, &analysis);
    (mentions, analysis)
}

/// A byte span `[start, end)` that is non-empty, inside `text` and on char
/// boundaries (all offsets are byte offsets until the sink converts them).
fn check_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(start < end, "{what}: empty or reversed span {start}..{end}");
    assert!(
        end <= text.len(),
        "{what}: span {start}..{end} past end {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} not on char boundaries"
    );
}

fn is_quantity(k: Kind) -> bool {
    matches!(k, Kind::Percent | Kind::Count | Kind::Money)
}

/// The contract of `ExtractorSet::extract`.
pub fn check_mentions(text: &str, mentions: &[Mention]) {
    for m in mentions {
        check_span(text, m.start, m.end, m.kind.as_str());
        // Numbers for percent/count/money, text for date/skill.
        match (&m.value, is_quantity(m.kind)) {
            (Value::Number(_), true) | (Value::Text(_), false) => {}
            (v, _) => panic!("{} mention with value {v:?}", m.kind),
        }
    }
    // Sorted by (start, end, kind).
    for w in mentions.windows(2) {
        assert!(
            (w[0].start, w[0].end, w[0].kind)
                <= (w[1].start, w[1].end, w[1].kind),
            "mentions out of order: {:?} before {:?}",
            w[0],
            w[1]
        );
    }
    // No date overlaps a quantity.
    for d in mentions.iter().filter(|m| m.kind == Kind::Date) {
        if let Some(q) = mentions.iter().find(|q| {
            is_quantity(q.kind) && q.start < d.end && d.start < q.end
        }) {
            panic!("date {d:?} overlaps quantity {q:?}");
        }
    }
}

/// The contract of `claim::analyze`.
pub fn check_analysis(text: &str, mentions: &[Mention], a: &Analysis) {
    for c in &a.claims {
        check_span(text, c.start, c.end, "claim");
        for &i in &c.mentions {
            assert!(
                i < mentions.len(),
                "claim mention index {i} out of range"
            );
        }
    }
    for w in a.claims.windows(2) {
        assert!(w[0].start <= w[1].start, "claims not in document order");
    }
    for (i, _) in &a.skill_periods {
        assert!(
            mentions.get(*i).is_some_and(|m| m.kind == Kind::Skill),
            "skill_periods index {i} is not a skill mention"
        );
    }
}

/// Reads `data` as a file of `format` (sniffed when `None`), checks every
/// document's invariants, then extracts each one.
pub fn read_and_check(
    data: &[u8],
    format: Option<claimscan::reader::Format>,
    opts: &claimscan::reader::ReadOptions,
) {
    let opts = claimscan::reader::ReadOptions {
        format,
        ..opts.clone()
    };
    for r in claimscan::reader::frame::read_bytes("fuzz", data, &opts) {
        match r {
            Ok(doc) => {
                assert!(!doc.id.is_empty(), "empty document id");
                assert!(!doc.more || doc.base.0 == 0 || !doc.text.is_empty());
                extract_and_check(&doc.text, &doc.context);
            }
            Err(e) => assert!(!e.message.is_empty(), "error without a message"),
        }
    }
}
