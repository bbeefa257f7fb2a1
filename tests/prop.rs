//! Property tests: whatever the input, extraction never panics and the
//! JSONL it produces is valid UTF-8 whose offsets satisfy
//! `text == doc_text[start:end]` (in code points).

use claimscan::extract::ExtractorSet;
use claimscan::reader::text::from_bytes;
use claimscan::record::DocContext;
use claimscan::sink::{JsonlSink, Sink};
use proptest::prelude::*;
use std::sync::OnceLock;

fn set() -> &'static ExtractorSet {
    static SET: OnceLock<ExtractorSet> = OnceLock::new();
    SET.get_or_init(ExtractorSet::builtin)
}

fn check(
    bytes: Vec<u8>,
    date: Option<(i32, u32, u32)>,
) -> Result<(), TestCaseError> {
    let Ok(mut doc) = from_bytes("p", bytes) else { return Ok(()) };
    doc.context = DocContext { date };
    let ms = set().extract(&doc.text, &doc.context);
    let mut out = Vec::new();
    let analysis = claimscan::claim::analyze(&doc.text, &ms, &doc.context);
    JsonlSink.encode_document(&doc, &ms, &analysis, &mut out);
    let s = std::str::from_utf8(&out)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let chars: Vec<char> = doc.text.chars().collect();
    for line in s.lines() {
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| TestCaseError::fail(format!("{e}: {line}")))?;
        if v["type"] != "mention" && v["type"] != "claim" {
            continue;
        }
        let (st, en) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        prop_assert!(st < en && en <= chars.len());
        let slice: String = chars[st..en].iter().collect();
        prop_assert_eq!(slice.as_str(), v["text"].as_str().unwrap());
    }
    Ok(())
}

/// Pieces that trigger every extractor, glued with noise.
fn pieces() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "43%",
        " percent",
        "$",
        "US$",
        "€",
        "£",
        "¥",
        "1.2",
        "855,000",
        " billion",
        "bn",
        "K",
        "M",
        " cents",
        " dlrs",
        "(",
        ")",
        "-",
        "−",
        "–",
        " to ",
        " and ",
        "between ",
        "Q3",
        "3Q25",
        "FY",
        "FY25",
        "fiscal ",
        "first ",
        "quarter",
        " half",
        "Nov.",
        "November ",
        "May",
        "2025",
        "'25",
        "’25",
        " of ",
        "11/05/2025",
        "2025-11-05",
        "forty-three",
        " three",
        " hundred",
        " new products",
        "Python",
        "Go",
        "R",
        "C++",
        ".NET",
        "ChatGPT",
        "Chat GPT",
        " skills",
        " bp",
        "pp",
        "basis points",
        "COVID-19",
        "10-K",
        "401(k)",
        "S&P 500",
        "(800) 555-0199",
        "\n",
        "\n1. ",
        " ",
        ",",
        ".",
        "é",
        "—",
        "’",
        "\u{a0}",
        "\u{2009}",
        "today",
        "last year",
        "Tuesday",
        "x",
        "0",
        "9",
        "99999999999999999999999",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn structured_input_gives_exact_offsets(s in pieces(), dated in any::<bool>()) {
        check(s.into_bytes(), dated.then_some((2025, 11, 5)))?;
    }

    #[test]
    fn arbitrary_text_gives_exact_offsets(s in "\\PC{0,300}") {
        check(s.into_bytes(), None)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in prop::collection::vec(any::<u8>(), 0..400)) {
        check(b, Some((2024, 2, 29)))?;
    }
}
