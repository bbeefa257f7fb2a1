/*!
`claimscan crosscheck`: does the coverage say what the call said?

For each claim of a coverage document (a story, a summary) that states a
figure, the source (the call's transcript, a press release) is searched for
claims about the *same measure*: the same concept and qualifiers
([`crate::claim::concept`]), the same period, both actual or both guidance.
Each figure of the coverage claim is then

- `supported` when such a source claim states it, within rounding, in the
  same role (a level as a level, a change as a change with its direction;
  a change also from the source's own from and to);
- `contradicted` when no source claim states it but one about exactly that
  measure, period and comparison basis states a different figure in the
  same role, or the same change in the opposite direction;
- `absent` otherwise. A figure of a neighbouring measure (adjusted against
  GAAP, a segment against the total, a quarter against the year, guidance
  against actual) neither supports nor contradicts.

The claim's label is `contradicted` if any figure is, else `absent` if any
is, else `supported`; its `why` names each figure, what the source states
and where.
*/

pub mod encode;
pub mod figure;
mod orphan;
mod period;

use crate::claim::concept::{
    self, Concept, NOT_EARNINGS, PER_SHARE, first_figure, opening_segment,
    sentence_start,
};
use crate::pipeline::Analyzed;
use crate::record::{Claim, Direction, InputError, Kind, Mention};
use crate::sink::jsonl::{ClaimRef, claim_refs};

use figure::{Field, Figure};

/// Reads and analyses one file of a pair as `claimscan crosscheck` does
/// ([`crate::pipeline::analyze_path`]): its documents (a container file
/// holds many), a single-document file's id replaced by `id`. The error
/// (an unreadable file, a file with no document) is the `error` record the
/// command writes in place of the pair's verdicts.
pub fn analyze_file(
    config: &crate::Config,
    path: &std::path::Path,
    id: &str,
) -> Result<Vec<Analyzed>, InputError> {
    let mut docs = Vec::new();
    for d in crate::pipeline::analyze_path(config, path) {
        let mut d = d?;
        if d.doc.id == path.to_string_lossy() {
            d.doc.id = id.to_string();
        }
        docs.push(d);
    }
    if docs.is_empty() {
        return Err(crate::reader::frame::record_error(
            Some(id),
            Some(path),
            None,
            "no document".to_string(),
        ));
    }
    Ok(docs)
}

/// Appends the `error` record of a pair that could not be judged (as
/// `claimscan scan` writes for an unreadable input).
pub fn encode_error(err: &InputError, out: &mut Vec<u8>) {
    use crate::sink::Sink;
    crate::sink::jsonl::JsonlSink.encode_error(err, out);
}

/// Judges every document of `coverage` against `source`, which must hold
/// one document (its id `source_id` names it in the error), appending
/// verdict records to `out` ([`encode::encode`]), each coverage
/// document's records before its verdicts when `with_claims` (`claimscan
/// crosscheck --claims`). Every figure of the coverage is judged, those
/// no claim holds too ([`judge_pair_with`] with `all_figures`). Returns
/// how many claims were supported, contradicted and absent.
pub fn judge_pair(
    source: &[Analyzed],
    source_id: &str,
    coverage: &[Analyzed],
    with_claims: bool,
    out: &mut Vec<u8>,
) -> Result<[usize; 3], String> {
    judge_pair_with(source, source_id, coverage, with_claims, true, out)
}

/// What judging one pair of analysed files wrote: its records, and the
/// counts or the error the records hold in place of verdicts.
#[derive(Clone, Debug)]
pub struct PairRecords {
    /// The verdict records (after each coverage document's records when
    /// asked), or the one `error` record written in their place.
    pub bytes: Vec<u8>,
    /// How many claims were supported, contradicted and absent, or the
    /// error that stopped the pair.
    pub outcome: Result<[usize; 3], InputError>,
}

/// Judges one pair as `claimscan crosscheck` and the Python binding do:
/// the verdicts of [`judge_pair_with`], or, when a file could not be read
/// ([`analyze_file`]'s error) or the pair cannot be judged (a source with
/// several documents), one `error` record in their place (as `claimscan
/// scan` writes for an unreadable input) so the run goes on.
/// `source_path` and `source_id` name the source in that error.
pub fn judge_pair_or_error(
    source: &Result<Vec<Analyzed>, InputError>,
    source_path: &std::path::Path,
    source_id: &str,
    coverage: &Result<Vec<Analyzed>, InputError>,
    with_claims: bool,
    all_figures: bool,
) -> PairRecords {
    let failed = |e: InputError| {
        let mut bytes = Vec::new();
        encode_error(&e, &mut bytes);
        PairRecords { bytes, outcome: Err(e) }
    };
    let (src, cov) = match (source, coverage) {
        (Ok(s), Ok(c)) => (s, c),
        (Err(e), _) | (_, Err(e)) => return failed(e.clone()),
    };
    let mut bytes = Vec::new();
    match judge_pair_with(
        src,
        source_id,
        cov,
        with_claims,
        all_figures,
        &mut bytes,
    ) {
        Ok(counts) => PairRecords { bytes, outcome: Ok(counts) },
        Err(m) => failed(crate::reader::frame::record_error(
            Some(source_id),
            Some(source_path),
            None,
            m,
        )),
    }
}

/// Judges a pair as [`judge_pair`] does: with `all_figures` (the default
/// of `claimscan crosscheck`), a verdict too for each figure of the
/// coverage that no claim of the claim stage holds (`crosscheck::orphan`):
/// a claim read plainly off its sentence, with an id of its own
/// (`DOC#figure@START-END`) that its verdict names and whose `claim`
/// record `with_claims` writes; `supported` or `absent`, `contradicted`
/// only by its measure's same change the other way. Without it
/// (`--claimed-only`), the claim stage's claims only.
pub fn judge_pair_with(
    source: &[Analyzed],
    source_id: &str,
    coverage: &[Analyzed],
    with_claims: bool,
    all_figures: bool,
    out: &mut Vec<u8>,
) -> Result<[usize; 3], String> {
    if source.len() != 1 {
        return Err(format!(
            "a source must hold one document, {source_id} holds {}",
            source.len()
        ));
    }
    let src = Side::source(&source[0]);
    let mut counts = [0usize; 3];
    for doc in coverage {
        let cov = Side::new(doc, true, all_figures);
        let verdicts = judge(&src, &cov);
        for v in &verdicts {
            counts[match v.label {
                Label::Supported => 0,
                Label::Contradicted => 1,
                Label::Absent => 2,
            }] += 1;
        }
        if with_claims {
            // The claims read off the coverage here are written with the
            // claim stage's: every verdict names a claim record.
            let more: Vec<(&Claim, &ClaimRef)> = (cov.claimed
                ..cov.claims.len())
                .map(|i| (&cov.claims[i], &cov.refs[i]))
                .collect();
            crate::sink::jsonl::encode_document_with(
                &doc.doc,
                &doc.mentions,
                &doc.analysis,
                &more,
                out,
            );
        }
        encode::encode(&src, &cov, &verdicts, out);
    }
    Ok(counts)
}

/// A verdict's label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Label {
    /// The source states the same figure for the same measure and period.
    Supported,
    /// The source does not state it.
    Absent,
    /// The source states a different figure (or the opposite direction).
    Contradicted,
}

impl Label {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Supported => "supported",
            Label::Absent => "absent",
            Label::Contradicted => "contradicted",
        }
    }
}

/// What a label rests on in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// A source claim (index into its claims).
    Claim(usize),
    /// A sentence of the source (byte span) that states the figure for
    /// the measure where the claim stage made no claim of it.
    Text(usize, usize),
}

/// The verdict on one figure.
#[derive(Clone, Debug)]
pub struct FigureVerdict {
    /// The coverage's figure.
    pub stated: Figure,
    /// The source's figure the label rests on.
    pub found: Option<Figure>,
    /// Its label.
    pub label: Label,
    /// Where in the source it rests.
    pub evidence: Option<Evidence>,
}

/// The verdict on one coverage claim.
#[derive(Clone, Debug)]
pub struct Verdict {
    /// The coverage claim (index into the coverage document's claims).
    pub claim: usize,
    /// The claim's label.
    pub label: Label,
    /// One verdict per figure.
    pub figures: Vec<FigureVerdict>,
    /// Where the label rests in the source (document order, no repeats;
    /// empty for `absent`).
    pub evidence: Vec<Evidence>,
    /// A short reason a person can check.
    pub why: String,
}

/// A document's claims, ready to be compared: their keys and figures.
pub struct Side<'a> {
    /// The analysed document.
    pub doc: &'a Analyzed,
    /// Ids and code-point spans of its claims.
    pub refs: Vec<ClaimRef>,
    /// Its claims: the claim stage's, then (coverage only) one for each
    /// figure none of them holds (`crosscheck::orphan`).
    claims: Vec<Claim>,
    /// How many of `claims` are the claim stage's.
    pub claimed: usize,
    keys: Vec<Key>,
    figures: Vec<Vec<Figure>>,
    /// The document's main period.
    main: Option<period::Period>,
    /// For a comparison claim right after another claim's level in its
    /// sentence ("inflows were $24.5 billion for q1, compared to inflows
    /// of $9.8 billion in q4"): that claim, whose earlier level it gives.
    compares: Vec<Option<usize>>,
}

/// What makes two claims about the same measure.
#[derive(Clone, Debug)]
struct Key {
    concept: Concept,
    /// For `other`: the metric's last word, so unlisted measures still
    /// meet their own kind.
    head: String,
    /// The metric's words, lower case, space-separated.
    words: String,
    period: Option<period::Period>,
    /// The period is the document's main one (the quarter the call or the
    /// story is about): two documents of a pair share it, even when one
    /// of them dates it wrongly.
    main: bool,
    /// The metric is only the figure's counted noun ("units"), or names no
    /// measure (the clause's was taken): too little to contradict with.
    bare: bool,
    /// A figure no claim holds, read plainly off its sentence (bare),
    /// whose words still name a listed measure ("qtrly net sales as
    /// reported (gaap) $2,236 million, up 4%"): its change may be
    /// contradicted by the same size in the opposite direction, the one
    /// misstatement that needs no closer reading of the measure.
    flip_only: bool,
    forward: bool,
    basis: Option<&'static str>,
    /// The metric is an amount per share or per unit ("ffo per share").
    per: bool,
    /// The clause opens on a comparison ("compared to inflows of $9.8
    /// billion in q4"): its figure is an earlier period's, supported only
    /// by a source claim, never read off a sentence, never contradicted.
    comparison: bool,
}

impl<'a> Side<'a> {
    /// Prepares a source document: its claims.
    pub fn source(doc: &'a Analyzed) -> Side<'a> {
        Side::new(doc, false, false)
    }

    /// Prepares a coverage document: its claims, and a claim for each
    /// figure the claim stage made none of (support only).
    pub fn coverage(doc: &'a Analyzed) -> Side<'a> {
        Side::new(doc, true, true)
    }

    /// With `joins`, a coverage claim takes the figures the claim stage
    /// left beside it: the low end of its range ("between $450 million
    /// and $475 million") and a change right after its level ("$4.4
    /// billion, up 6%"), both modes alike (they are the claim's own
    /// figures); with `orphans`, the figures no claim holds get claims of
    /// their own (`--all-figures`).
    fn new(doc: &'a Analyzed, joins: bool, orphans: bool) -> Side<'a> {
        let text = &doc.doc.text;
        let mut claims = doc.analysis.claims.clone();
        let claimed = claims.len();
        let main = main_period(&claims);
        if joins || orphans {
            let (own, _) = claims.split_at_mut(claimed);
            let mut more = orphan::claims(text, &doc.mentions, own);
            if !orphans {
                more.clear();
            }
            for c in &mut more {
                if c.period.is_none() && !c.forward {
                    c.period.clone_from(&main);
                }
            }
            claims.extend(more);
        }
        let mut keys: Vec<Key> = claims
            .iter()
            .map(|c| key(text, &doc.mentions, c, main.as_deref()))
            .collect();
        // Read plainly off a sentence, an orphan may be supported, never
        // contradicted.
        for (k, c) in keys[claimed..].iter_mut().zip(&mut claims[claimed..]) {
            k.flip_only = !k.bare && k.concept.id != concept::OTHER;
            k.bare = true;
            // Its claim record reads as the claim stage's would.
            c.concept = Some(k.concept.id);
            c.qualifiers.clone_from(&k.concept.qualifiers);
        }
        let figures = claims
            .iter()
            .map(|c| {
                let mut figs = figure::figures(text, &doc.mentions, c);
                figs.retain(|f| figure::aside(text, f).is_none());
                figs
            })
            .collect();
        let mut refs = claim_refs(&doc.doc, &claims[..claimed]);
        let mut ix = crate::record::CharIndex::new(text);
        // Figures of one sentence share its span: the second and later
        // get a suffix, as claims of one clause do.
        let (mut last, mut nth) = ((usize::MAX, usize::MAX), 0usize);
        for c in &claims[claimed..] {
            let (s, e) = (ix.char_offset(c.start), ix.char_offset(c.end));
            let (s, e) = (doc.doc.base.1 + s, doc.doc.base.1 + e);
            nth = if (s, e) == last { nth + 1 } else { 0 };
            last = (s, e);
            let id = match nth {
                0 => format!("{}#figure@{s}-{e}", doc.doc.id),
                n => format!("{}#figure@{s}-{e}.{n}", doc.doc.id),
            };
            refs.push(ClaimRef { id, start: s, end: e });
        }
        let mut side = Side {
            doc,
            refs,
            claims,
            claimed,
            keys,
            figures,
            main: main.as_deref().map(period::Period::parse),
            compares: Vec::new(),
        };
        if joins {
            side.compares =
                comparison_parents(text, &side.keys, &side.figures);
        }
        side
    }

    pub(crate) fn claim(&self, i: usize) -> &Claim {
        &self.claims[i]
    }
}

/// For each comparison claim, the claim whose level it is compared with:
/// the claim with a level of the same kind whose last figure ends last
/// before the comparison's figure in the same sentence, the words between
/// opening (after their last comma) on a comparison word.
fn comparison_parents(
    text: &str,
    keys: &[Key],
    figures: &[Vec<Figure>],
) -> Vec<Option<usize>> {
    let mut out = vec![None; keys.len()];
    for (i, k) in keys.iter().enumerate() {
        let Some(fig) = figures[i].first().filter(|_| k.comparison) else {
            continue;
        };
        let Some((at, _)) = fig.span else { continue };
        let lo = sentence_start(text, at);
        let parent = figures
            .iter()
            .enumerate()
            .filter(|&(j, figs)| {
                j != i
                    && !keys[j].comparison
                    && figs
                        .iter()
                        .any(|f| f.role == Field::Level && f.kind == fig.kind)
                    && !figs.iter().any(|f| f.role == Field::From)
            })
            .filter_map(|(j, figs)| {
                let end =
                    figs.iter().filter_map(|f| f.span).map(|s| s.1).max()?;
                (end >= lo && end <= at).then_some((j, end))
            })
            .max_by_key(|&(_, end)| end);
        if let Some((j, end)) = parent
            && orphan::comparison_between(&text[end..at])
        {
            out[i] = Some(j);
        }
    }
    out
}

/// The period most of a document's actual (not forward) claims have.
fn main_period(claims: &[Claim]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for c in claims.iter().filter(|c| !c.forward) {
        let Some(p) = c.period.as_deref() else { continue };
        // The call's own period is a quarter or a half, never a year
        // (a summary's only year is its guidance).
        if !matches!(
            period::Period::parse(p).part,
            period::Part::Quarter(_) | period::Part::Half(_)
        ) {
            continue;
        }
        match counts.iter_mut().find(|(q, _)| *q == p) {
            Some(e) => e.1 += 1,
            None => counts.push((p, 1)),
        }
    }
    let best = counts.iter().map(|e| e.1).max()?;
    counts.iter().find(|e| e.1 == best).map(|e| e.0.to_string())
}

/// A wire summary's guidance words before its first figure ("sees fy
/// revenue", "reaffirms fy earnings per share view", "targeting sales").
fn guidance_cue(head: &str) -> bool {
    let t = head.to_ascii_lowercase();
    [
        "sees ",
        "reaffirm",
        " view ",
        "outlook",
        "guidance",
        "forecast",
        "expects ",
        "targeting ",
        "anticipates ",
        "raises fy",
        "lowers fy",
    ]
    .iter()
    .any(|w| t.starts_with(w.trim_start()) || t.contains(w))
}

/// Words before a summary's figure that name the full year ("sees fy
/// revenue", "full-year outlook").
fn names_year(clause: &str) -> bool {
    let t = clause.to_ascii_lowercase();
    ["fy ", "fy20", "full year", "full-year", "fiscal year", "annual"]
        .iter()
        .any(|w| t.starts_with(w) || t.contains(&format!(" {w}")))
}

fn key(
    text: &str,
    mentions: &[Mention],
    c: &Claim,
    main: Option<&str>,
) -> Key {
    let clause = text.get(c.start..c.end).unwrap_or("");
    let (mut concept, guessed) = concept::of_claim(text, mentions, c);
    for q in qualifiers_after(text, mentions, c) {
        if !concept.qualifiers.iter().any(|have| have == q) {
            concept.qualifiers.push(q.to_string());
            concept.qualifiers.sort();
        }
    }
    let mut period = c.period.as_deref().map(period::Period::parse);
    // A "fy" claim is about a year, whatever quarter the document gave it.
    let lead = &clause[..first_figure(c, mentions)
        .unwrap_or(c.end)
        .saturating_sub(c.start)
        .min(clause.len())];
    if names_year(lead) {
        match period.as_mut() {
            Some(p) if matches!(p.part, period::Part::Quarter(_)) => {
                p.part = period::Part::Year;
            }
            None => {
                period = Some(period::Period {
                    year: None,
                    fiscal: true,
                    part: period::Part::Year,
                });
            }
            _ => {}
        }
    }
    // A quarterly line without a date ("qtrly revenue ...") is about the
    // document's quarter.
    let quarterly = c.period.is_none() && {
        let l = clause.to_ascii_lowercase();
        l.contains("qtrly")
            || l.contains("quarterly")
            || l.contains("the quarter")
    };
    let main = main.is_some()
        && (c.period.as_deref() == main || quarterly)
        && !c.forward;
    // The head word, before a "per share" tail ("ffo" in "FFO per
    // share", as in "NAREIT FFO").
    let lower = c.metric.to_lowercase();
    let words: Vec<&str> = lower
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let per = words.iter().rposition(|w| *w == "per").unwrap_or(words.len());
    let head = words[..per]
        .last()
        .or(words.last())
        .copied()
        .unwrap_or("")
        .to_string();
    // "business" names revenue only loosely ("new business", "the Navy
    // business grew"): support, never contradict.
    let bare = [&c.value, &c.to, &c.high].iter().any(|l| {
        l.as_ref()
            .and_then(|l| l.unit.as_deref())
            .is_some_and(|u| u.eq_ignore_ascii_case(c.metric.trim()))
    }) || guessed
        || head == "business";
    Key {
        concept,
        words: words.join(" "),
        head,
        period,
        main,
        bare,
        flip_only: false,
        forward: c.forward || guidance_cue(lead),
        basis: c.basis,
        per: per < words.len(),
        comparison: {
            let l = lead.trim_start().to_ascii_lowercase();
            ["compared", "versus", "vs", "against", "from "]
                .iter()
                .any(|w| l.starts_with(w))
        },
    }
}

/// Qualifiers a claim states right after its figures, before the next
/// comma ("up 20% in local currency", "to increase 12% to 13% year over
/// year on an organic basis"): they qualify the measure as the same
/// words before it would.
fn qualifiers_after(
    text: &str,
    mentions: &[Mention],
    c: &Claim,
) -> Vec<&'static str> {
    const AFTER: &[(&str, &str)] = &[
        ("on an organic basis", "organic"),
        ("organic basis", "organic"),
        ("organically", "organic"),
        ("in local currency", "constant_currency"),
        ("in constant currency", "constant_currency"),
        ("at constant currency", "constant_currency"),
        ("on a constant currency basis", "constant_currency"),
        ("on a local currency basis", "constant_currency"),
        ("excluding currency", "constant_currency"),
        ("excluding foreign currency", "constant_currency"),
    ];
    let Some(last) = c
        .mentions
        .iter()
        .filter_map(|&i| mentions.get(i))
        .map(|m| m.end)
        .max()
    else {
        return Vec::new();
    };
    let Some(rest) = text.get(last.max(c.start)..c.end.max(last)) else {
        return Vec::new();
    };
    let rest = rest[..rest.find([',', ';']).unwrap_or(rest.len())]
        .to_ascii_lowercase();
    let mut out: Vec<&'static str> = AFTER
        .iter()
        .filter(|(w, _)| rest.contains(w))
        .map(|&(_, q)| q)
        .collect();
    out.dedup();
    out
}

/// How well two claims' measures match: `None` for different measures;
/// otherwise whether they match exactly enough to contradict.
fn same_measure(a: &Key, b: &Key) -> Option<bool> {
    if a.concept.id != b.concept.id || a.forward != b.forward {
        return None;
    }
    if a.concept.id == concept::OTHER && a.head != b.head {
        return None;
    }
    // Segments read loosely (every modifier word): better to miss a
    // support than to take a part for the whole.
    let seg = |k: &Key| k.concept.modifier.to_lowercase();
    // A segment on one side only may be a word the metric phrase
    // caught ("driving system sales"): it may support, never contradict.
    let (sa, sb) = (seg(a), seg(b));
    let mut exact = true;
    if sa != sb {
        // Different segments are different measures; one side's words
        // inside the other's ("system" in "driving system sales") may be
        // a verb or adjective the metric phrase caught: support only.
        // So may words the coverage names before a measure the source
        // names with fewer of them ("diversified new railcar backlog"
        // against "new railcar backlog"): a qualifier only the story
        // names.
        if !words_within(&sa, &sb)
            && !words_within(&sb, &sa)
            && !words_within(&sb, &a.words)
        {
            return None;
        }
        exact = false;
    }
    let q = |k: &Key, w: &str| k.concept.qualifiers.iter().any(|q| q == w);
    for w in ["adjusted", "gaap", "organic", "constant_currency"] {
        match (q(a, w), q(b, w)) {
            (x, y) if x == y => {}
            // The coverage names a qualifier the source leaves out (its
            // only version of the measure): it may support, never
            // contradict.
            (true, false) => exact = false,
            // A figure the source calls GAAP is the story's unqualified
            // one (reported figures are GAAP unless said otherwise).
            (false, true) if w == "gaap" => {}
            _ => return None,
        }
    }
    // The opposite qualifier (adjusted against GAAP) is another measure.
    if (q(a, "adjusted") && q(b, "gaap")) || (q(a, "gaap") && q(b, "adjusted"))
    {
        return None;
    }
    if a.bare || b.bare {
        exact = false;
    }
    if a.main && b.main {
        return Some(exact);
    }
    match period::compatible(a.period.as_ref(), b.period.as_ref()) {
        period::Match::No => None,
        period::Match::Loose => Some(false),
        period::Match::Exact => Some(exact),
    }
}

/// Is `w` a whole word of `lower` (no letter or digit either side)?
fn has_word(lower: &str, w: &str) -> bool {
    lower.match_indices(w).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + w.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Is the head word of an unlisted measure specific enough to find the
/// measure by in a sentence ("ffo", "backlog"), not a word any figure
/// may stand next to ("units", "share", "total")?
fn telling_head(head: &str) -> bool {
    const GENERIC: &[&str] = &[
        "units", "unit", "share", "shares", "total", "million", "billion",
        "percent", "basis", "points", "rate", "level", "amount", "number",
        "range", "year", "quarter", "period", "impact", "items", "minus",
        "plus", "company", "business", "results", "growth", "increase",
        "decrease", "value", "in", "of", "for", "to", "at",
    ];
    head.len() >= 3
        && head.bytes().all(|b| b.is_ascii_alphabetic())
        && !GENERIC.contains(&head)
}

/// True when every word of `a` is a word of `b` (an empty `a` is).
fn words_within(a: &str, b: &str) -> bool {
    a.split_whitespace().all(|w| b.split_whitespace().any(|v| v == w))
}

/// Judges every coverage claim with a figure against the source.
pub fn judge(source: &Side<'_>, coverage: &Side<'_>) -> Vec<Verdict> {
    let mut out = Vec::new();
    for (ci, figs) in coverage.figures.iter().enumerate() {
        if figs.is_empty() {
            continue;
        }
        let ck = &coverage.keys[ci];
        // Source claims about the same measure, exact ones first.
        let mut cands: Vec<(usize, bool)> = source
            .keys
            .iter()
            .enumerate()
            .filter_map(|(si, sk)| same_measure(ck, sk).map(|e| (si, e)))
            .collect();
        cands.sort_by_key(|&(si, exact)| (!exact, si));
        let mut figures = Vec::new();
        for f in figs {
            let mut v = judge_figure(source, ck, f, &cands);
            if f.high
                && v.label == Label::Absent
                && let Some(low) = figures.last()
                && let Some(r) = range_end(source, low, f)
            {
                v = r;
            }
            figures.push(v);
        }
        out.push(verdict_of(source, coverage, ci, figures));
    }
    // A comparison claim's figure is also the earlier level (`from`) of
    // the claim it compares with, judged as on its own: the claim with
    // several figures is absent when the call does not state it.
    for (ci, parent) in coverage.compares.iter().enumerate() {
        let Some(pi) = *parent else { continue };
        let (Some(vi), Some(vp)) = (
            out.iter().position(|v| v.claim == ci),
            out.iter().position(|v| v.claim == pi),
        ) else {
            continue;
        };
        let extra: Vec<FigureVerdict> = out[vi]
            .figures
            .iter()
            .filter(|f| f.stated.role == Field::Level)
            .map(|f| {
                let mut f = f.clone();
                f.stated.field = "from";
                f.stated.role = Field::From;
                f
            })
            .collect();
        let mut figures = std::mem::take(&mut out[vp].figures);
        figures.extend(extra);
        out[vp] = verdict_of(source, coverage, pi, figures);
    }
    out
}

/// The verdict on coverage claim `ci` from its figures' verdicts.
fn verdict_of(
    source: &Side<'_>,
    coverage: &Side<'_>,
    ci: usize,
    figures: Vec<FigureVerdict>,
) -> Verdict {
    let label = figures.iter().map(|f| f.label).max().unwrap_or(Label::Absent);
    let mut evidence: Vec<Evidence> = if label == Label::Absent {
        Vec::new()
    } else {
        figures.iter().filter_map(|f| f.evidence).collect()
    };
    evidence.sort_unstable();
    evidence.dedup();
    let why = why(source, coverage, ci, &figures);
    Verdict { claim: ci, label, figures, evidence, why }
}

fn judge_figure(
    source: &Side<'_>,
    ck: &Key,
    f: &Figure,
    cands: &[(usize, bool)],
) -> FigureVerdict {
    let verdict =
        |label, found: Option<&Figure>, si: Option<usize>| FigureVerdict {
            stated: f.clone(),
            found: found.cloned(),
            label,
            evidence: si.map(Evidence::Claim),
        };
    // Support: any candidate stating it in the same role.
    for &(si, _) in cands {
        for g in &source.figures[si] {
            if g.role == f.role
                && figure::agree(f, g)
                && directions_agree(f, g)
            {
                return verdict(Label::Supported, Some(g), Some(si));
            }
        }
        if f.role == Field::Change
            && let Some(g) = derived_change(source, si, f)
            && figure::agree(f, &g)
            && directions_agree(f, &g)
        {
            return verdict(Label::Supported, Some(&g), Some(si));
        }
    }
    // Support from a sentence the claim stage made no claim of.
    if !ck.comparison
        && let Some((g, span)) = sentence_support(source, ck, f)
    {
        return text_verdict(f, g, Label::Supported, span);
    }
    // A figure read plainly off its sentence: only a flipped direction
    // (the call's sentence states the measure's same change the other
    // way) contradicts it.
    if ck.flip_only
        && f.role == Field::Change
        && f.direction.is_some()
        && let Some((g, span)) = sentence_contradiction(source, ck, f)
    {
        return text_verdict(f, g, Label::Contradicted, span);
    }
    if ck.bare || ck.comparison {
        return verdict(Label::Absent, None, None);
    }
    // Contradiction: an exact candidate stating another figure in the
    // same role, on the same basis.
    for &(si, exact) in cands {
        if !exact {
            continue;
        }
        let sk = &source.keys[si];
        // A comparison point is some earlier period's figure (a year ago,
        // the quarter before): it may be supported, never contradicted.
        if f.role == Field::From {
            break;
        }
        for g in &source.figures[si] {
            if g.role != f.role || !figure::comparable(f, g) {
                continue;
            }
            // Unstated bases in news are year over year.
            let basis = |k: &Key| k.basis.unwrap_or("yoy");
            if f.role == Field::Change && basis(sk) != basis(ck) {
                continue;
            }
            // A change comparison needs both directions.
            if f.role == Field::Change
                && (f.direction.is_none() || g.direction.is_none())
            {
                continue;
            }
            // Figures orders of magnitude apart are different things (a
            // total against a per-share amount), not a misstatement.
            let ratio = f.value.abs().max(g.value.abs())
                / f.value.abs().min(g.value.abs()).max(1e-12);
            if f.role != Field::Change && ratio > 20.0 {
                continue;
            }
            return verdict(Label::Contradicted, Some(g), Some(si));
        }
    }
    // Contradiction from a sentence that states this very measure with
    // another figure.
    if !ck.comparison
        && let Some((g, span)) = sentence_contradiction(source, ck, f)
    {
        return FigureVerdict {
            stated: f.clone(),
            found: Some(g),
            label: Label::Contradicted,
            evidence: Some(Evidence::Text(span.0, span.1)),
        };
    }
    verdict(Label::Absent, None, None)
}

/// What a source sentence's own words and the sentences before it say
/// about its period: whether it speaks of the future, the quarter it is
/// about, whether it is about the full year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Context {
    guidance: bool,
    quarter: Option<u8>,
    year: bool,
}

/// The context of the sentence starting at byte `lo` whose words before
/// the figure are `lower`. A sentence that names no period takes it from
/// the guidance sentence before it when it is guidance itself ("For the
/// fourth quarter, we expect revenue of $310 million. We expect EPS of
/// $0.49.") or goes on from it without a verb of its own ("Adjusted
/// EBITDA to be between $54 million and $55 million"); a section opened by
/// "turning to our outlook" makes the few sentences under it guidance.
fn context(text: &str, lo: usize, lower: &str) -> Context {
    let mut ctx = Context {
        guidance: GUIDANCE.iter().any(|w| lower.contains(w)),
        quarter: quarter_named(lower),
        year: names_full_year(lower),
    };
    let mut at = lo;
    for back in 0..3 {
        let Some((p_lo, p_hi)) = previous_sentence(text, at) else { break };
        at = p_lo;
        let prev = text[p_lo..p_hi].to_ascii_lowercase();
        if section_cue(&prev) {
            ctx.guidance = true;
            break;
        }
        if back > 0 {
            continue;
        }
        let prev_guidance = GUIDANCE.iter().any(|w| prev.contains(w));
        let elliptical =
            lower.contains(" to be ") || lower.starts_with("and ");
        if prev_guidance
            && (ctx.guidance || elliptical)
            && ctx.quarter.is_none()
            && !ctx.year
            && !names_year_number(lower)
        {
            ctx.guidance = true;
            ctx.quarter = quarter_named(&prev);
            ctx.year = names_full_year(&prev);
        }
    }
    ctx
}

/// A short sentence that opens a section of guidance ("Turning to our
/// outlook.", "Now let me turn to guidance").
fn section_cue(lower: &str) -> bool {
    lower.len() < 90
        && ["outlook", "guidance"].iter().any(|w| lower.contains(w))
        && ["turn", "moving", "move on", "now to", "let me", "shift"]
            .iter()
            .any(|w| lower.contains(w))
}

/// Words of a sentence that name the full year.
fn names_full_year(lower: &str) -> bool {
    ["full year", "full-year", "fiscal year", "for the year", "fiscal 20"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Does a sentence name a year by its number ("our 2020 guidance", "in
/// fiscal 2021")? Such a sentence says its own period: it does not take
/// the quarter of the sentence before it.
fn names_year_number(lower: &str) -> bool {
    let b = lower.as_bytes();
    lower.match_indices(['1', '2']).any(|(i, _)| {
        let end = i + 4;
        end <= b.len()
            && b[i..end].iter().all(u8::is_ascii_digit)
            && (i == 0
                || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b'$')
            && b.get(end)
                .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'%')
            && lower[i..end]
                .parse::<u32>()
                .is_ok_and(|y| (1990..=2040).contains(&y))
    })
}

/// The byte span of the sentence that ends right before byte `lo`.
fn previous_sentence(text: &str, lo: usize) -> Option<(usize, usize)> {
    let head = text.get(..lo)?.trim_end();
    let head = head.trim_end_matches(['.', ';', '!', '?']);
    if head.is_empty() {
        return None;
    }
    let hi = head.len();
    Some((sentence_start(text, hi), hi))
}

/// Does a source sentence's period (its context) fit the claim's? A
/// quarter the sentence names must be the claim's, or the call's own
/// quarter for a claim about the story's own (a fiscal fourth quarter may
/// be the story's q3). A sentence that names no quarter is the call's own
/// quarter when it reports results; guidance that names none may support
/// a quarter's guidance, never contradict it. A full-year claim is
/// contradicted only by a sentence that names the year.
fn period_fits(
    source: &Side<'_>,
    ck: &Key,
    ctx: &Context,
    strict: bool,
) -> bool {
    let main = source.main.as_ref().and_then(period::Period::quarter);
    let want = ck.period.as_ref().and_then(period::Period::quarter);
    let year =
        ck.period.as_ref().is_some_and(|p| p.part == period::Part::Year);
    match (want, ctx.quarter) {
        (Some(w), Some(got)) => w == got || (ck.main && Some(got) == main),
        (Some(_), None) if ck.main => true,
        (Some(_), None) if ctx.guidance => !strict,
        (Some(w), None) => main == Some(w) || (!strict && main.is_none()),
        (None, _) if year => ctx.year || (!strict && ctx.quarter.is_none()),
        (None, _) => !strict || ck.main || ck.period.is_none(),
    }
}

/// The quarter a sentence names ("third quarter", "Q3").
fn quarter_named(lower: &str) -> Option<u8> {
    const NAMES: &[(&str, u8)] = &[
        ("first quarter", 1),
        ("second quarter", 2),
        ("third quarter", 3),
        ("fourth quarter", 4),
        ("first-quarter", 1),
        ("second-quarter", 2),
        ("third-quarter", 3),
        ("fourth-quarter", 4),
        ("q1", 1),
        ("q2", 2),
        ("q3", 3),
        ("q4", 4),
    ];
    NAMES.iter().filter(|(n, _)| lower.contains(n)).map(|&(_, q)| q).next()
}

/// Guidance words: a sentence with one of them speaks of the future.
const GUIDANCE: &[&str] = &[
    "expect",
    "guidance",
    "outlook",
    "anticipate",
    "forecast",
    "project",
    "target",
    "we see",
    "sees ",
    "will be",
    "to be in",
    "range of",
    "to range",
    "estimate",
    "reaffirm",
    "raising",
    "raise",
    "narrow",
];

/// A verdict resting on a span of the source's text rather than on one of
/// its claims.
fn text_verdict(
    f: &Figure,
    found: Figure,
    label: Label,
    span: (usize, usize),
) -> FigureVerdict {
    FigureVerdict {
        stated: f.clone(),
        found: Some(found),
        label,
        evidence: Some(Evidence::Text(span.0, span.1)),
    }
}

/// A level figure the source states in a sentence the claim stage made no
/// claim of ("The guidance for Q4 is a range of $0.73 to $0.78 per
/// share"): a source mention that agrees with it, whose nearest measure
/// phrase (before it in its sentence, or a per-share phrase right after
/// it) is the claim's concept, with guidance words exactly when the claim
/// is guidance, and no opposite qualifier. Support only: a sentence
/// read this loosely never contradicts.
fn sentence_support(
    source: &Side<'_>,
    ck: &Key,
    f: &Figure,
) -> Option<(Figure, (usize, usize))> {
    if f.role == Field::From
        || (ck.concept.id == concept::OTHER && !telling_head(&ck.head))
    {
        return None;
    }
    let text = &source.doc.doc.text;
    let mentions = &source.doc.mentions;
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != f.kind {
            continue;
        }
        let Some(mut g) = figure::from_mention(text, m, f) else {
            continue;
        };
        // Read this loosely, the sentence must be at least as precise
        // as the claim: "$10 billion" does not give a story "$9.8
        // billion".
        if !figure::agree(f, &g)
            || (f.value - g.value).abs() > f.half_ulp + 1e-9
            || figure::aside(text, &g).is_some()
        {
            continue;
        }
        // The sentence before the figure (bounded), and a few words after.
        let lo = sentence_start(text, m.start);
        let before = &text[lo..m.start];
        let mut hi = (m.end + 40).min(text.len());
        while !text.is_char_boundary(hi) {
            hi -= 1;
        }
        let after = text[m.end..hi].to_ascii_lowercase();
        let per_share =
            PER_SHARE.iter().any(|p| after.find(p).is_some_and(|i| i < 25));
        let lower = before.to_ascii_lowercase();
        // A change whose direction word comes right after it names its
        // measure there ("a 10% increase in the quarterly dividend").
        let after_change = if f.role == Field::Change {
            change_after(text, m.end)
        } else {
            None
        };
        if ck.concept.id == concept::OTHER {
            // An unlisted measure: its head word in the sentence before
            // the figure or right after it ("guidance of FFO as adjusted
            // to be between $1.29 and $1.35", "$0.46 per FFO share"), and
            // a per-share amount for a per-share measure.
            let near = &lower[lower.len().saturating_sub(80)..];
            let near = near.get(..).unwrap_or("");
            let close_after = after.get(..30).unwrap_or(&after);
            // The head word, or its plural ("prices" for "price").
            let plural = format!("{}s", ck.head);
            let named =
                |t: &str| has_word(t, &ck.head) || has_word(t, &plural);
            if !named(near) && !named(close_after) {
                continue;
            }
            if ck.per && !after.contains(" per ") && !near.contains(" per ") {
                continue;
            }
        } else {
            let id = if per_share
                && f.kind == Kind::Money
                && !NOT_EARNINGS.iter().any(|w| lower.contains(w))
            {
                Some("eps")
            } else {
                match concept::last_phrase(before) {
                    Some((id, prev)) if plain_lead(&prev) => Some(id),
                    Some(_) => None,
                    // A sentence that names no measure at all goes on
                    // with the one the sentence before it names ("With
                    // respect to capital expenditures, we invested $361
                    // million. We expect to spend between $450 million
                    // and $475 million.").
                    None => topic_before(text, lo, m.end),
                }
            };
            let id = match after_change {
                Some((after_id, _)) if id != Some(ck.concept.id) => {
                    Some(after_id)
                }
                _ => id,
            };
            if id != Some(ck.concept.id) {
                continue;
            }
        }
        // A change needs its direction in the words before it ("revenue
        // grew 8%"), the same as the claim's.
        if f.role == Field::Change {
            let tail = &lower[lower.len().saturating_sub(60)..];
            let tail = tail.get(..).unwrap_or("");
            g.direction = direction_in(tail).or(after_change.map(|(_, d)| d));
            if g.direction.is_none() || !directions_agree(f, &g) {
                continue;
            }
        }
        let ctx = context(text, lo, &lower);
        if ctx.guidance != ck.forward {
            continue;
        }
        // Qualifiers as the verdict rules read them: the call's adjusted
        // figure never stands for the story's unqualified one, GAAP never
        // for adjusted; the story may add "adjusted" to the call's only
        // figure. They are read after the sentence's figure before this
        // one when a comma parts them ("Adjusted EBITDA to be $20
        // million, and earnings per share to be $0.38": the EPS is not
        // adjusted; "adjusted and GAAP EPS rose 58% and 12% to $0.60":
        // both qualifiers stay).
        // A comma with no measure named after it goes on with the same
        // measure, its qualifiers kept ("Organic net sales were down 1%,
        // but grew 4%": organic both).
        let scope = match mentions[..i].iter().rfind(|p| p.kind != Kind::Date)
        {
            Some(p)
                if p.end > lo
                    && p.end <= m.start
                    && text[p.end..m.start].contains(", ")
                    && concept::last_phrase(&text[p.end..m.start])
                        .is_some() =>
            {
                p.end - lo
            }
            _ => 0,
        };
        let lower_all = lower.clone();
        let lower = lower.get(scope..).unwrap_or(&lower_all).to_string();
        let q = |w: &str| ck.concept.qualifiers.iter().any(|q| q == w);
        let gaap = (lower.contains("gaap") && !lower.contains("non-gaap"))
            || lower.contains("reported basis");
        let adjusted =
            ["adjusted", "non-gaap", "excluding", "core ", "underlying"]
                .iter()
                .any(|w| lower.contains(w));
        // "Our reported net sales": the GAAP figure, unless the sentence
        // says otherwise ("on a non-GAAP basis, we reported EPS of").
        let gaap = gaap
            || (!adjusted
                && concept::last_phrase(before)
                    .is_some_and(|(_, prev)| prev == "reported"));
        // Organic is a qualifier of its own: the call's organic figure
        // never stands for the story's unqualified one; the story may
        // name it where the call's sentence leaves it out.
        let organic = lower.contains("organic");
        if (q("adjusted") && gaap)
            || (!q("adjusted") && adjusted && !(organic && q("organic")))
            || (q("gaap") && adjusted)
            || (organic && !q("organic"))
        {
            continue;
        }
        if !period_fits(source, ck, &ctx, false) {
            continue;
        }
        let start = lo + before.len() - before.trim_start().len();
        return Some((g, (start, sentence_end(text, m.end))));
    }
    None
}

/// A word before a measure's phrase that names no part of the business
/// ([`concept::plain_before`]), or says the measure is as reported
/// ("our reported net sales declined 4%": the GAAP figure, which an
/// unqualified story figure is).
fn plain_lead(prev: &str) -> bool {
    concept::plain_before(prev) || matches!(prev, "reported" | "gaap")
}

/// The measure of a sentence that names none, from the sentence before
/// it: the last measure phrase there, when the sentence from `lo` to the
/// end of the figure ending at `end` (and on to its own end) names no
/// measure of its own.
fn topic_before(text: &str, lo: usize, end: usize) -> Option<&'static str> {
    let own = text.get(lo..sentence_end(text, end))?;
    if concept::last_phrase(own).is_some() {
        return None;
    }
    let (p_lo, p_hi) = previous_sentence(text, lo)?;
    match concept::last_phrase(text.get(p_lo..p_hi)?) {
        Some((id, prev)) if concept::plain_before(&prev) => Some(id),
        _ => None,
    }
}

/// A change's direction and measure named right after its figure ("10%
/// increase in the quarterly dividend", "20% growth in core revenue"):
/// a direction noun, "in" or "of", then the measure's phrase before the
/// next figure.
fn change_after(text: &str, end: usize) -> Option<(&'static str, Direction)> {
    const NOUNS: &[(&str, Direction)] = &[
        ("increase", Direction::Up),
        ("rise", Direction::Up),
        ("growth", Direction::Up),
        ("gain", Direction::Up),
        ("improvement", Direction::Up),
        ("decrease", Direction::Down),
        ("decline", Direction::Down),
        ("drop", Direction::Down),
        ("reduction", Direction::Down),
    ];
    let mut hi = (end + 80).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let after = text.get(end..hi)?.to_ascii_lowercase();
    let after = after.trim_start();
    let &(noun, dir) = NOUNS.iter().find(|(n, _)| after.starts_with(n))?;
    let rest = &after[noun.len()..];
    let rest = rest.strip_prefix(" in ").or(rest.strip_prefix(" of "))?;
    let stop = rest
        .find(|c: char| c.is_ascii_digit() || c == '$' || c == '.' || c == ',')
        .unwrap_or(rest.len());
    let (id, _) = concept::last_phrase(&rest[..stop])?;
    Some((id, dir))
}

/// The upper end of a range whose lower end the source states ("$415
/// million to $435 million"): the source's next figure right after the
/// lower end's, end by end.
fn range_end(
    source: &Side<'_>,
    low: &FigureVerdict,
    f: &Figure,
) -> Option<FigureVerdict> {
    if low.label != Label::Supported {
        return None;
    }
    let (_, low_end) = low.found.as_ref()?.span?;
    let text = &source.doc.doc.text;
    let m = source
        .doc
        .mentions
        .iter()
        .find(|m| m.start >= low_end && m.kind == f.kind)?;
    let gap = text.get(low_end..m.start)?.trim().to_ascii_lowercase();
    if !matches!(gap.as_str(), "to" | "-" | "–" | "and" | "through" | "or") {
        return None;
    }
    // `f` is the claim's upper end, so the figure is one too.
    let g = figure::from_mention(text, m, f)?;
    let label = if figure::agree(f, &g) {
        Label::Supported
    } else if figure::comparable(f, &g) {
        Label::Contradicted
    } else {
        return None;
    };
    Some(FigureVerdict {
        stated: f.clone(),
        found: Some(g),
        label,
        evidence: low.evidence,
    })
}

/// Words before a figure that make it a comparison point or another
/// period's figure, not the level of the measure the sentence names.
const COMPARISON: &[&str] = &[
    "last year",
    "prior year",
    "prior-year",
    "year ago",
    "year-ago",
    "compared",
    "versus",
    " vs",
    "from $",
    "from ",
    "previous",
    "prior ",
    "a year earlier",
    "last quarter",
    "sequential",
    "consensus",
    "estimate",
];

/// A source sentence that states the claim's measure with a different
/// figure: the measure's phrase is the last one in the 45 bytes before a
/// figure of the same kind (no other figure between), with the same
/// qualifiers, guidance words and quarter as the claim, no comparison
/// words, and a value within a factor of 20 (a decimal shift, not another
/// scale of thing). For a change, the same size in the opposite direction.
fn sentence_contradiction(
    source: &Side<'_>,
    ck: &Key,
    f: &Figure,
) -> Option<(Figure, (usize, usize))> {
    if f.role == Field::From || ck.concept.id == concept::OTHER {
        return None;
    }
    let text = &source.doc.doc.text;
    let mentions = &source.doc.mentions;
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != f.kind {
            continue;
        }
        let Some(mut g) = figure::from_mention(text, m, f) else {
            continue;
        };
        if !figure::comparable(f, &g) {
            continue;
        }
        let agrees = figure::agree(f, &g);
        if f.role == Field::Level {
            let ratio = f.value.abs().max(g.value.abs())
                / f.value.abs().min(g.value.abs()).max(1e-12);
            if agrees || ratio > 20.0 {
                continue;
            }
        } else if !agrees {
            continue;
        }
        let lo = sentence_start(text, m.start);
        let mut tail_lo = m.start.saturating_sub(45).max(lo);
        while !text.is_char_boundary(tail_lo) {
            tail_lo += 1;
        }
        // No other figure between the phrase and this one.
        if i > 0
            && mentions[i - 1].end > tail_lo
            && mentions[i - 1].kind != crate::record::Kind::Date
        {
            continue;
        }
        let tail = &text[tail_lo..m.start];
        let lower_tail = tail.to_ascii_lowercase();
        match concept::last_phrase(tail) {
            Some((id, prev)) if id == ck.concept.id && plain_lead(&prev) => {}
            _ => continue,
        }
        if COMPARISON.iter().any(|w| lower_tail.contains(w)) {
            continue;
        }
        let lower = text[lo..m.start].to_ascii_lowercase();
        let dir = direction_in(&lower_tail);
        if f.role == Field::Level {
            // "revenue increased 3%" states a change, not a level;
            // "increased to $4.2 billion" a level.
            if dir.is_some() && !lower_tail.trim_end().ends_with(" to") {
                continue;
            }
        } else {
            g.direction = dir;
            match (f.direction, g.direction) {
                (Some(a), Some(b)) if a != b => {}
                _ => continue,
            }
        }
        let ctx = context(text, lo, &lower);
        if ctx.guidance != ck.forward {
            continue;
        }
        let q = |w: &str| ck.concept.qualifiers.iter().any(|q| q == w);
        if q("organic")
            || q("constant_currency")
            || ck.concept.qualifiers.iter().any(|q| q.starts_with("segment:"))
        {
            return None;
        }
        let adjusted = [
            "adjusted",
            "non-gaap",
            "excluding",
            "core ",
            "underlying",
            "organic",
            "currency",
            "segment",
            "adjusting",
        ]
        .iter()
        .any(|w| lower.contains(w));
        if q("adjusted") != adjusted {
            continue;
        }
        if opening_segment(text, m.start).is_some() {
            continue;
        }
        if !period_fits(source, ck, &ctx, true) {
            continue;
        }
        return Some((g, (lo, sentence_end(text, m.end))));
    }
    None
}

/// Where the sentence holding byte `at` ends (at most 300 bytes on).
fn sentence_end(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let hi = (at + 300).min(b.len());
    let mut i = at;
    while i < hi {
        let c = b[i];
        let next_space = b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
        if c == b'\n' || (matches!(c, b'.' | b';' | b'!' | b'?') && next_space)
        {
            return i;
        }
        i += 1;
    }
    let mut i = hi;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The direction of the last change word in `lower` ("grew", "down").
fn direction_in(lower: &str) -> Option<Direction> {
    const UP: &[&str] = &[
        "rose",
        "rise",
        "increase",
        "grew",
        "grow",
        "growth",
        " up ",
        "higher",
        "gain",
        "improve",
        "expand",
        "expansion",
        "jump",
        "climb",
        "ahead",
    ];
    const DOWN: &[&str] = &[
        "fell", "fall", "decline", "decrease", " down ", "lower", "drop",
        "reduc", "contract", "shrank", "shrink",
    ];
    let last =
        |words: &[&str]| words.iter().filter_map(|w| lower.rfind(w)).max();
    match (last(UP), last(DOWN)) {
        (Some(u), Some(d)) => {
            Some(if u > d { Direction::Up } else { Direction::Down })
        }
        (Some(_), None) => Some(Direction::Up),
        (None, Some(_)) => Some(Direction::Down),
        (None, None) => None,
    }
}

fn directions_agree(a: &Figure, b: &Figure) -> bool {
    match (a.direction, b.direction) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// The change a source claim's own from and to give, in the coverage
/// figure's unit (`%` relative, points for a ratio's levels, or amount).
fn derived_change(source: &Side<'_>, si: usize, f: &Figure) -> Option<Figure> {
    let c = source.claim(si);
    let (from, to) = (c.from.as_ref()?, c.to.as_ref().or(c.value.as_ref())?);
    if from.value == 0.0 {
        return None;
    }
    let figs = &source.figures[si];
    let from_fig = figs.iter().find(|g| g.role == Field::From)?;
    let (value, half_ulp) = match f.unit.as_deref() {
        Some("%") if from.kind != Kind::Percent => {
            let pct = (to.value - from.value) / from.value.abs() * 100.0;
            // The endpoints' rounding carries into the change.
            let err = from_fig.half_ulp / from.value.abs() * 100.0 * 2.0;
            (pct, err)
        }
        Some("pp" | "bp") if from.kind == Kind::Percent => {
            (to.value - from.value, from_fig.half_ulp * 2.0)
        }
        _ if f.kind == from.kind && f.kind != Kind::Percent => {
            (to.value - from.value, from_fig.half_ulp * 2.0)
        }
        _ => return None,
    };
    let direction = if value > 0.0 {
        Direction::Up
    } else if value < 0.0 {
        Direction::Down
    } else {
        Direction::Flat
    };
    Some(Figure {
        field: "change",
        role: Field::Change,
        value: value.abs(),
        unit: f.unit.clone(),
        kind: f.kind,
        half_ulp,
        text: format!(
            "{} to {}",
            from_fig.text,
            figs.iter()
                .find(|g| g.role == Field::Level)
                .map_or("", |g| g.text.as_str())
        ),
        direction: Some(direction),
        span: None,
        high: false,
    })
}

/// A short reason a person can check in seconds.
fn why(
    source: &Side<'_>,
    coverage: &Side<'_>,
    ci: usize,
    figs: &[FigureVerdict],
) -> String {
    let metric = &coverage.claim(ci).metric;
    let mut parts = Vec::new();
    for f in figs {
        let stated = describe(&f.stated);
        let part = match (f.label, &f.found, f.evidence) {
            (Label::Supported, Some(g), Some(e)) => format!(
                "{stated}: the source states {} ({})",
                describe(g),
                excerpt(source, e)
            ),
            (Label::Contradicted, Some(g), Some(e)) => format!(
                "{stated} here, {} in the source ({})",
                describe(g),
                excerpt(source, e)
            ),
            _ => format!(
                "{stated}: the source states no {} figure for {metric:?}{}",
                match f.stated.role {
                    Field::Change => "change",
                    Field::From => "earlier",
                    Field::Level => "level",
                },
                coverage
                    .claim(ci)
                    .period
                    .as_deref()
                    .map(|p| format!(" in {p}"))
                    .unwrap_or_default()
            ),
        };
        parts.push(part);
    }
    parts.join("; ")
}

fn describe(f: &Figure) -> String {
    match f.direction {
        Some(d) if f.role == Field::Change => {
            format!("{} {}", d.as_str(), f.text)
        }
        _ => f.text.clone(),
    }
}

/// The start of the source clause or sentence the label rests on.
fn excerpt(source: &Side<'_>, e: Evidence) -> String {
    let (start, end) = match e {
        Evidence::Claim(si) => (source.claim(si).start, source.claim(si).end),
        Evidence::Text(s, e) => (s, e),
    };
    let text = source.doc.doc.text.get(start..end).unwrap_or("");
    let mut short: String = text.chars().take(90).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    format!("{:?}", short.trim())
}

#[cfg(test)]
mod tests;
