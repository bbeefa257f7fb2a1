/*!
Records in plain words, for people: "active clients: down 7%, 855,000 →
794,000, year over year, 2025-Q3". Everything here returns plain text;
escaping is the caller's job ([`super::html`]).
*/

use serde_json::Value;

/// A number with thousands separators and at most two decimals:
/// `855000` → `855,000`, `-7.126` → `−7.13` (a real minus sign).
pub fn number(n: f64) -> String {
    if !n.is_finite() {
        return n.to_string();
    }
    let neg = n < 0.0;
    let s = format!("{:.2}", n.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if neg && (int != "0" || !frac.is_empty()) {
        out.push('−');
    }
    let digits = int.as_bytes();
    for (i, d) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(*d as char);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A large number with its scale in words: `1200000000` → `1.2 billion`;
/// below a million, [`number`].
fn scaled(n: f64) -> String {
    let a = n.abs();
    for (size, word) in
        [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")]
    {
        if a >= size {
            let v = n / size;
            // Three significant decimals at most: 1.729 billion.
            let s = format!("{v:.3}");
            let s = s.trim_end_matches('0').trim_end_matches('.');
            return format!("{} {word}", s.replace('-', "−"));
        }
    }
    number(n)
}

/// An amount of money: `$1.2 billion`, `€40 million`, `CHF 3.5`.
pub fn money(n: f64, code: Option<&str>) -> String {
    let sign = if n < 0.0 { "−" } else { "" };
    let body = scaled(n.abs());
    match code {
        Some("USD") => format!("{sign}${body}"),
        Some("EUR") => format!("{sign}€{body}"),
        Some("GBP") => format!("{sign}£{body}"),
        Some("JPY") => format!("{sign}¥{body}"),
        Some(c) => format!("{sign}{c} {body}"),
        None => format!("{sign}{body}"),
    }
}

/// Whether a unit is an ISO 4217 code (three capital letters).
fn is_currency(u: &str) -> bool {
    u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase())
}

/// A figure with its unit: `7%`, `1.2 pp`, `150 bp`, `$0.83`, `794,000`.
pub fn figure(n: f64, unit: Option<&str>, kind: Option<&str>) -> String {
    match (unit, kind) {
        (Some("%"), _) => format!("{}%", number(n)),
        (Some("pp"), _) => format!("{} pp", number(n)),
        (Some("bp"), _) => format!("{} bp", number(n)),
        (u, Some("money")) => money(n, u),
        (Some(u), None) if is_currency(u) => money(n, Some(u)),
        _ => scaled(n),
    }
}

/// A level object (`{"value", "unit", "kind"}`) or a change object.
pub fn level(v: &Value) -> Option<String> {
    let n = v.get("value")?.as_f64()?;
    Some(figure(
        n,
        v.get("unit").and_then(Value::as_str),
        v.get("kind").and_then(Value::as_str),
    ))
}

/// A mention's normalized value, for its tooltip: `43 %`,
/// `1200000000 USD`, `2025-Q3`, `Python`.
pub fn mention_value(m: &super::Mention) -> String {
    let v = match &m.value {
        Value::String(s) => s.clone(),
        Value::Null => "—".to_string(),
        other => other.to_string(),
    };
    match &m.unit {
        Some(u) if m.kind != "skill" => format!("{}: {v} {u}", m.kind),
        Some(u) => format!("{}: {v} ({u})", m.kind),
        None => format!("{}: {v}", m.kind),
    }
}

/// The basis in words.
fn basis(b: &str) -> &str {
    match b {
        "yoy" => "year over year",
        "qoq" => "quarter over quarter",
        "sequential" => "sequentially",
        other => other,
    }
}

/// A claim's metric and figures, the first line of its card:
/// (`active clients`, `down 7%, 855,000 → 794,000, year over year,
/// 2025-Q3`).
pub fn claim(c: &Value) -> (String, String) {
    let metric = c
        .get("metric")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .unwrap_or("(no metric)")
        .to_string();
    let mut parts: Vec<String> = Vec::new();
    let dir = c.get("direction").and_then(Value::as_str);
    match (dir, c.get("change").and_then(level)) {
        (Some("flat"), _) => parts.push("flat".into()),
        (Some(d), Some(ch)) => parts.push(format!("{d} {ch}")),
        (Some(d), None) => parts.push(d.to_string()),
        (None, Some(ch)) => parts.push(format!("changed {ch}")),
        (None, None) => {}
    }
    let from = c.get("from").and_then(level);
    let to = c.get("to").and_then(level);
    let value = c.get("value").and_then(level);
    let high = c.get("high").and_then(level);
    match (from, to) {
        (Some(f), Some(t)) => parts.push(format!("{f} → {t}")),
        (Some(f), None) => {
            parts.push(format!("from {f}"));
            if let Some(v) = value {
                parts.push(format!("to {v}"));
            }
        }
        (None, Some(t)) => parts.push(format!("to {t}")),
        (None, None) => match (value, high) {
            (Some(v), Some(h)) => parts.push(format!("{v} to {h}")),
            (Some(v), None) => parts.push(v),
            _ => {}
        },
    }
    if let Some(b) = c.get("basis").and_then(Value::as_str) {
        parts.push(basis(b).to_string());
    }
    if let Some(p) = c.get("period").and_then(Value::as_str) {
        parts.push(p.to_string());
    }
    (metric, parts.join(", "))
}

/// A claim's other facts, the second line of its card: subject,
/// guidance, qualifiers, concept, speaker.
pub fn claim_tags(c: &Value) -> Vec<String> {
    let mut tags = Vec::new();
    if let Some(s) = c.get("subject").and_then(Value::as_str) {
        tags.push(s.to_string());
    }
    if c.get("forward").and_then(Value::as_bool) == Some(true) {
        tags.push("guidance".into());
    }
    if let Some(q) = c.get("qualifiers").and_then(Value::as_array) {
        tags.extend(q.iter().filter_map(Value::as_str).map(str::to_string));
    }
    if let Some(k) = c.get("concept").and_then(Value::as_str)
        && k != "other"
    {
        tags.push(format!("concept: {k}"));
    }
    if let Some(s) = c.get("speaker").and_then(Value::as_str) {
        tags.push(format!("said by {s}"));
    }
    tags
}

/// A claim's consistency check in words, and whether it agrees: ("855,000
/// → 794,000 is −7.13%; stated −7%: agrees", true).
pub fn check(c: &Value) -> Option<(String, bool)> {
    let ch = c.get("check").filter(|v| v.is_object())?;
    let computed = ch.get("computed")?.as_f64()?;
    let stated = ch.get("stated")?.as_f64()?;
    let agrees = ch.get("agrees").and_then(Value::as_bool).unwrap_or(false);
    let unit =
        c.get("change").and_then(|x| x.get("unit")).and_then(Value::as_str);
    let fig = |n: f64| {
        let s = figure(n.abs(), unit, None);
        if n < 0.0 {
            format!("−{s}")
        } else if n > 0.0 {
            format!("+{s}")
        } else {
            s
        }
    };
    let ends =
        match (c.get("from").and_then(level), c.get("to").and_then(level)) {
            (Some(f), Some(t)) => format!("{f} → {t} is "),
            _ => "computed ".to_string(),
        };
    let verdict = if agrees { "agrees" } else { "does not agree" };
    Some((
        format!(
            "check: {ends}{}; stated {}: {verdict}",
            fig(computed),
            fig(stated)
        ),
        agrees,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number(855000.0), "855,000");
        assert_eq!(number(-7.126), "−7.13");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(1234567.891), "1,234,567.89");
        assert_eq!(money(1.2e9, Some("USD")), "$1.2 billion");
        assert_eq!(money(1.729e9, Some("USD")), "$1.729 billion");
        assert_eq!(money(0.83, Some("USD")), "$0.83");
        assert_eq!(money(-2.3e6, Some("EUR")), "−€2.3 million");
        assert_eq!(money(5.0, Some("CHF")), "CHF 5");
    }

    #[test]
    fn the_issue_example() {
        let c: Value = serde_json::from_str(
            r#"{"metric":"active clients","value":{"value":794000,"unit":"clients","kind":"count"},"change":{"value":7,"unit":"%"},"direction":"down","from":{"value":855000,"unit":"clients","kind":"count"},"to":{"value":794000,"unit":"clients","kind":"count"},"basis":"yoy","period":"2024-Q3","check":{"computed":-7.13,"stated":-7,"agrees":true}}"#,
        )
        .unwrap();
        let (m, f) = claim(&c);
        assert_eq!(
            format!("{m}: {f}"),
            "active clients: down 7%, 855,000 → 794,000, year over year, 2024-Q3"
        );
        assert_eq!(
            check(&c).unwrap(),
            (
                "check: 855,000 → 794,000 is −7.13%; stated −7%: agrees"
                    .to_string(),
                true
            )
        );
    }
}
