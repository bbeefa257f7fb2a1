/*!
Claims → a panel: one value per company, concept and period (issue 19).

This runs after the record stages: it reads `claim` records (of one scan,
or of JSON-lines files) and writes `panel` records. A claim joins the
group of its key, (subject, concept, qualifiers, period, forward):

- `subject` is the name's key ([`subject::normalize`]: case, punctuation,
  "The", legal suffixes), `null` when the claim names none;
- `concept` and `qualifiers` are the claim's (claims without a concept or
  with `other` are left out: they do not say which measure they are
  about);
- `period` and `forward` are the claim's, as written.

A key gets a panel record when some claim of it states a level (a
`value`); the claims that state one are its sources. Their levels are put
into classes of figures that agree: two levels agree when their units are
comparable and their numbers are one the other rounded (half a unit in the
last place of the less precise one, as written, the rule of
`claimscan crosscheck`: [`crate::crosscheck::figure::agree`]); a range
agrees with a range whose two ends agree. The levels are taken most
precise first, and each joins the first class whose first (most precise)
level it agrees with, so every class is named by its most precise figure.
The panel's value is the class stated by the most documents (ties: the
most precise, then the most claims, then the first seen); `agree` says
there is one class. The stated changes of every claim of the key are
listed as they come.

Everything is kept in input order, and records come out sorted by key, so
the output depends on the input only.

[`PanelBuilder`] takes claims (or JSON lines, any record type) and builds
the records; [`Tee`] passes a scan's output through while it collects the
claims, for `claimscan scan --panel`; [`encode`] writes the JSON lines.
*/

pub mod subject;

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::crosscheck::figure::{self, Field, Figure};
use crate::record::Kind;
use crate::sink::jsonl::json_number;

/// A level as a claim record states it.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct LevelIn {
    /// The number.
    pub value: f64,
    /// Its unit.
    #[serde(default)]
    pub unit: Option<String>,
    /// The kind of mention it came from.
    #[serde(default)]
    pub kind: Option<String>,
}

/// A change as a claim record states it.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct ChangeIn {
    /// The size (positive).
    pub value: f64,
    /// Its unit.
    #[serde(default)]
    pub unit: Option<String>,
}

/// The fields of a `claim` record that the panel reads (the others are
/// ignored).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct ClaimIn {
    /// The document id.
    pub doc: String,
    /// The claim id.
    pub id: String,
    /// The clause as written (for the precision of its figures).
    #[serde(default)]
    pub text: String,
    /// Where the clause starts, in code points.
    #[serde(default)]
    pub start: usize,
    /// The company, as written.
    #[serde(default)]
    pub subject: Option<String>,
    /// The concept id.
    #[serde(default)]
    pub concept: Option<String>,
    /// The qualifiers.
    #[serde(default)]
    pub qualifiers: Vec<String>,
    /// The period.
    #[serde(default)]
    pub period: Option<String>,
    /// Guidance.
    #[serde(default)]
    pub forward: bool,
    /// The level.
    #[serde(default)]
    pub value: Option<LevelIn>,
    /// A range's upper end.
    #[serde(default)]
    pub high: Option<LevelIn>,
    /// The change.
    #[serde(default)]
    pub change: Option<ChangeIn>,
    /// Its direction.
    #[serde(default)]
    pub direction: Option<String>,
    /// Its basis.
    #[serde(default)]
    pub basis: Option<String>,
    /// The ids of the mentions the claim is built from.
    #[serde(default)]
    pub mentions: Vec<String>,
}

/// A panel key: (subject key, concept, qualifiers, period, forward).
/// Its order (`None` first) is the output order.
pub type Key = (Option<String>, String, Vec<String>, Option<String>, bool);

/// A stated level: a figure, or a range's two ends.
#[derive(Clone, Debug, PartialEq)]
pub struct Stated {
    /// The level (a range's lower end) as written in the claim.
    pub value: f64,
    /// Its unit.
    pub unit: Option<String>,
    /// A range's upper end.
    pub high: Option<f64>,
    /// The figure compared (points for `bp`).
    low_fig: Figure,
    /// The upper end's figure.
    high_fig: Option<Figure>,
}

impl Stated {
    /// The figure of a claim's level, its precision read from the mention
    /// that wrote it.
    fn new(c: &ClaimIn, v: &LevelIn) -> Stated {
        let low_fig = level_figure(c, v);
        let high_fig = c.high.as_ref().map(|h| level_figure(c, h));
        Stated {
            value: v.value,
            unit: v.unit.clone(),
            high: c.high.as_ref().map(|h| h.value),
            low_fig,
            high_fig,
        }
    }

    /// Do two levels state the same figure (within rounding)?
    pub fn agrees(&self, other: &Stated) -> bool {
        figure::agree(&self.low_fig, &other.low_fig)
            && match (&self.high_fig, &other.high_fig) {
                (None, None) => true,
                (Some(a), Some(b)) => figure::agree(a, b),
                _ => false,
            }
    }

    /// Half a unit in the last place written (of the coarser end).
    pub fn half_ulp(&self) -> f64 {
        self.high_fig.as_ref().map_or(self.low_fig.half_ulp, |h| {
            h.half_ulp.max(self.low_fig.half_ulp)
        })
    }
}

/// The written text of a mention of a claim, from its id
/// (`DOC#KIND@START-END`, code points) and the claim's text and start.
fn mention_text(c: &ClaimIn, id: &str) -> Option<(String, String)> {
    let (_, tail) = id.rsplit_once('#')?;
    let (kind, span) = tail.split_once('@')?;
    let (s, e) = span.split_once('-')?;
    let (s, e): (usize, usize) = (s.parse().ok()?, e.parse().ok()?);
    if s < c.start || e < s {
        return None;
    }
    let text: String = c.text.chars().skip(s - c.start).take(e - s).collect();
    (text.chars().count() == e - s).then(|| (kind.to_string(), text))
}

/// A level as a figure to compare: its precision is that of the claim's
/// mention that writes it, else of a number of the clause that gives it,
/// else three significant digits.
fn level_figure(c: &ClaimIn, v: &LevelIn) -> Figure {
    let kind = v.kind.as_deref().and_then(Kind::parse).unwrap_or(Kind::Count);
    let half_ulp = c
        .mentions
        .iter()
        .filter_map(|m| mention_text(c, m))
        .filter(|(k, _)| k == kind.as_str())
        .find_map(|(_, t)| figure::written_precision(&t, v.value))
        .or_else(|| figure::written_precision(&c.text, v.value))
        .unwrap_or_else(|| figure::precision("", v.value));
    let (value, half_ulp) = match v.unit.as_deref() {
        Some("bp") => (v.value / 100.0, half_ulp / 100.0),
        _ => (v.value, half_ulp),
    };
    Figure {
        field: "value",
        role: Field::Level,
        value,
        unit: v.unit.clone(),
        kind,
        half_ulp,
        text: String::new(),
        direction: None,
        span: None,
        high: false,
    }
}

/// A claim that states a level for a key.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The claim id.
    pub claim: String,
    /// Its document.
    pub doc: String,
    /// The level.
    pub level: Stated,
}

/// A stated change of a key.
#[derive(Clone, Debug, PartialEq)]
pub struct StatedChange {
    /// The size.
    pub value: f64,
    /// Its unit.
    pub unit: Option<String>,
    /// `yoy`, `qoq`, `sequential` or none.
    pub basis: Option<String>,
    /// `up`, `down`, `flat` or none.
    pub direction: Option<String>,
    /// The claim id.
    pub claim: String,
}

/// One distinct level of a key, with the sources that state it (indices
/// into [`Panel::sources`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Class {
    /// Its most precise source (the level it is named by).
    pub first: usize,
    /// Every source stating it, in input order.
    pub members: Vec<usize>,
    /// How many documents state it.
    pub docs: usize,
}

/// One panel record.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// The key.
    pub key: Key,
    /// The claims stating a level, in input order.
    pub sources: Vec<Source>,
    /// The distinct levels, the panel's value first.
    pub classes: Vec<Class>,
    /// The stated changes, in input order.
    pub changes: Vec<StatedChange>,
}

impl Panel {
    /// The level most sources state.
    pub fn value(&self) -> &Stated {
        &self.sources[self.classes[0].first].level
    }

    /// True when every source states the same level.
    pub fn agree(&self) -> bool {
        self.classes.len() == 1
    }
}

#[derive(Default)]
struct Group {
    sources: Vec<Source>,
    changes: Vec<StatedChange>,
}

/// Collects claims and builds the panel.
#[derive(Default)]
pub struct PanelBuilder {
    groups: BTreeMap<Key, Group>,
    claims: u64,
}

/// Is this JSON line a claim record, and if so, the claim.
pub fn parse_claim(line: &[u8]) -> Result<Option<ClaimIn>, serde_json::Error> {
    let line = line.trim_ascii();
    if line.is_empty() {
        return Ok(None);
    }
    // Our own records start with their type: most lines (mentions) are
    // skipped without parsing them.
    const PREFIX: &[u8] = br#"{"type":""#;
    if let Some(rest) = line.strip_prefix(PREFIX) {
        if !rest.starts_with(br#"claim""#) {
            // Still check it is JSON, cheaply: an object.
            return if line.ends_with(b"}") {
                Ok(None)
            } else {
                serde_json::from_slice::<serde_json::Value>(line).map(|_| None)
            };
        }
        return serde_json::from_slice(line).map(Some);
    }
    let v: serde_json::Value = serde_json::from_slice(line)?;
    if v.get("type").and_then(serde_json::Value::as_str) != Some("claim") {
        return Ok(None);
    }
    serde_json::from_value(v).map(Some)
}

impl PanelBuilder {
    /// An empty panel.
    pub fn new() -> PanelBuilder {
        PanelBuilder::default()
    }

    /// Claim records taken so far.
    pub fn claims(&self) -> u64 {
        self.claims
    }

    /// Takes one JSON line: a claim record joins the panel, other records
    /// are skipped. Returns whether it was a claim.
    pub fn add_line(
        &mut self,
        line: &[u8],
    ) -> Result<bool, serde_json::Error> {
        match parse_claim(line)? {
            Some(c) => {
                self.add(c);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Takes one claim.
    pub fn add(&mut self, c: ClaimIn) {
        self.claims += 1;
        let Some(concept) = c.concept.clone() else { return };
        if concept == crate::claim::concept::OTHER {
            return;
        }
        if c.value.is_none() && c.change.is_none() {
            return;
        }
        let mut qualifiers = c.qualifiers.clone();
        qualifiers.sort();
        qualifiers.dedup();
        let key: Key = (
            c.subject.as_deref().and_then(subject::normalize),
            concept,
            qualifiers,
            c.period.clone(),
            c.forward,
        );
        let g = self.groups.entry(key).or_default();
        if let Some(ch) = &c.change {
            g.changes.push(StatedChange {
                value: ch.value,
                unit: ch.unit.clone(),
                basis: c.basis.clone(),
                direction: c.direction.clone(),
                claim: c.id.clone(),
            });
        }
        if let Some(v) = &c.value {
            let level = Stated::new(&c, v);
            g.sources.push(Source { claim: c.id, doc: c.doc, level });
        }
    }

    /// The panel records, sorted by key: one per key some claim states a
    /// level for.
    pub fn finish(self) -> Vec<Panel> {
        self.groups
            .into_iter()
            .filter(|(_, g)| !g.sources.is_empty())
            .map(|(key, g)| {
                let classes = classes(&g.sources);
                Panel { key, sources: g.sources, classes, changes: g.changes }
            })
            .collect()
    }
}

/// The distinct levels of a key's sources, the panel's value first.
pub fn classes(sources: &[Source]) -> Vec<Class> {
    let mut order: Vec<usize> = (0..sources.len()).collect();
    // Most precise first; a stable sort keeps input order among equals.
    order.sort_by(|&a, &b| {
        sources[a].level.half_ulp().total_cmp(&sources[b].level.half_ulp())
    });
    let mut classes: Vec<Class> = Vec::new();
    for i in order {
        match classes
            .iter_mut()
            .find(|c| sources[c.first].level.agrees(&sources[i].level))
        {
            Some(c) => c.members.push(i),
            None => {
                classes.push(Class { first: i, members: vec![i], docs: 0 })
            }
        }
    }
    for c in &mut classes {
        c.members.sort_unstable();
        let mut docs: Vec<&str> =
            c.members.iter().map(|&i| sources[i].doc.as_str()).collect();
        docs.sort_unstable();
        docs.dedup();
        c.docs = docs.len();
    }
    // Most documents; then the most precise (classes were made most
    // precise first, so their order breaks that tie and the next ones);
    // then the most claims.
    let mut ranked: Vec<(usize, Class)> =
        classes.into_iter().enumerate().collect();
    ranked.sort_by(|(ia, a), (ib, b)| {
        b.docs
            .cmp(&a.docs)
            .then(
                sources[a.first]
                    .level
                    .half_ulp()
                    .total_cmp(&sources[b.first].level.half_ulp()),
            )
            .then(b.members.len().cmp(&a.members.len()))
            .then(ia.cmp(ib))
    });
    ranked.into_iter().map(|(_, c)| c).collect()
}

#[derive(Serialize)]
struct LevelOut<'a> {
    value: serde_json::Value,
    unit: Option<&'a str>,
    high: Option<serde_json::Value>,
}

#[derive(Serialize)]
struct ValueOut<'a> {
    value: serde_json::Value,
    unit: Option<&'a str>,
    high: Option<serde_json::Value>,
    claims: Vec<&'a str>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    claim: &'a str,
    doc: &'a str,
}

#[derive(Serialize)]
struct ChangeOut<'a> {
    value: serde_json::Value,
    unit: Option<&'a str>,
    basis: Option<&'a str>,
    direction: Option<&'a str>,
    claim: &'a str,
}

#[derive(Serialize)]
struct PanelRecord<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    subject: Option<&'a str>,
    concept: &'a str,
    qualifiers: &'a [String],
    period: Option<&'a str>,
    forward: bool,
    value: LevelOut<'a>,
    sources: Vec<SourceOut<'a>>,
    agree: bool,
    values: Vec<ValueOut<'a>>,
    changes: Vec<ChangeOut<'a>>,
}

/// Appends one `panel` JSON line.
pub fn encode(p: &Panel, out: &mut Vec<u8>) {
    fn level(s: &Stated) -> LevelOut<'_> {
        LevelOut {
            value: json_number(s.value),
            unit: s.unit.as_deref(),
            high: s.high.map(json_number),
        }
    }
    let values = if p.agree() {
        Vec::new()
    } else {
        p.classes
            .iter()
            .map(|c| {
                let s = &p.sources[c.first].level;
                ValueOut {
                    value: json_number(s.value),
                    unit: s.unit.as_deref(),
                    high: s.high.map(json_number),
                    claims: c
                        .members
                        .iter()
                        .map(|&i| p.sources[i].claim.as_str())
                        .collect(),
                }
            })
            .collect()
    };
    let rec = PanelRecord {
        ty: "panel",
        subject: p.key.0.as_deref(),
        concept: &p.key.1,
        qualifiers: &p.key.2,
        period: p.key.3.as_deref(),
        forward: p.key.4,
        value: level(p.value()),
        sources: p
            .sources
            .iter()
            .map(|s| SourceOut { claim: &s.claim, doc: &s.doc })
            .collect(),
        agree: p.agree(),
        values,
        changes: p
            .changes
            .iter()
            .map(|c| ChangeOut {
                value: json_number(c.value),
                unit: c.unit.as_deref(),
                basis: c.basis.as_deref(),
                direction: c.direction.as_deref(),
                claim: &c.claim,
            })
            .collect(),
    };
    serde_json::to_writer(&mut *out, &rec)
        .expect("writing to a Vec cannot fail");
    out.push(b'\n');
}

/// Writes every panel record, in order.
pub fn write_all(panel: &[Panel], out: &mut dyn Write) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    for p in panel {
        encode(p, &mut buf);
        if buf.len() >= 1 << 16 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)
}

/// Passes JSON lines through to a writer while it collects their claims
/// (`claimscan scan --panel`): the panel is built from exactly the claim
/// records written.
pub struct Tee<'a> {
    inner: &'a mut dyn Write,
    builder: PanelBuilder,
    pending: Vec<u8>,
}

impl<'a> Tee<'a> {
    /// Wraps `inner`.
    pub fn new(inner: &'a mut dyn Write) -> Tee<'a> {
        Tee { inner, builder: PanelBuilder::new(), pending: Vec::new() }
    }

    /// The claims collected, and the writer back.
    pub fn finish(self) -> (PanelBuilder, &'a mut dyn Write) {
        (self.builder, self.inner)
    }
}

impl Write for Tee<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        let mut rest = &buf[..n];
        while let Some(nl) = memchr::memchr(b'\n', rest) {
            let r = if self.pending.is_empty() {
                self.builder.add_line(&rest[..nl])
            } else {
                self.pending.extend_from_slice(&rest[..nl]);
                let line = std::mem::take(&mut self.pending);
                self.builder.add_line(&line)
            };
            r.map_err(io::Error::other)?;
            rest = &rest[nl + 1..];
        }
        self.pending.extend_from_slice(rest);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests;
