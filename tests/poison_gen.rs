//! Poison documents: inputs shaped to make a stage go quadratic or hold
//! the whole input several times over (issue #11). Generated, never
//! committed: `generate(kind, bytes)` is pure std and deterministic (a
//! fixed-seed xorshift), so the tests, `benches/poison.rs` and
//! `scripts/bench-poison` (through `examples/poison_gen.rs`) all see the
//! same bytes for the same size.
//!
//! Every kind but [`Kind::DivsEmpty`] and [`Kind::NestedJson`] carries
//! earnings figures (percent, money, counts), so a scan must find
//! mentions in it.

// Shared by the tests, `benches/poison.rs` and the example, each using a
// part of it.
#![allow(dead_code)]

/// The shapes of poison input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A flattened table: labels and numbers, no punctuation, one line.
    FlatTable,
    /// One sentence that goes on with "and ... compared to ..." phrases
    /// with money and percent figures, never a full stop.
    AndSentence,
    /// Realistic earnings sentences with full stops, all on one line.
    ProseLine,
    /// Numbers and percents only, one line.
    Numbers,
    /// One JSON line whose `text` field is (almost) the whole line.
    JsonlHuge,
    /// Deeply nested `<div>`s (about 11 bytes a level) around some text.
    Divs,
    /// The same nesting with no text at all: the page yields nothing.
    DivsEmpty,
    /// One token without white space (letters, digits, `.,%$`).
    Token,
    /// Many tiny lines ("7%", "$3", "12,400").
    TinyLines,
    /// Long runs of digits and commas, separated by single spaces.
    DigitRuns,
    /// Prose interrupted by abbreviations ("Inc.", "U.S.", "vs.") every
    /// few words: the sentence splitter joins it all back together.
    Abbrev,
    /// Unclosed inline HTML tags (`<b><i><span>`), thousands deep, over
    /// prose with figures.
    HtmlUnclosed,
    /// One JSON line nested 100,000 levels deep (besides a small text).
    NestedJson,
    /// An article inside elements whose attributes are each a quarter of
    /// the page (a megabyte at 4 MB): `class`, `style`, `data-` and an
    /// inline `src`, as pages that inline images and state do.
    HtmlAttrs,
    /// A short article followed by a list of links that fills the page
    /// (100,000 links at 4 MB).
    HtmlLinks,
}

impl Kind {
    /// Every kind, in the order the bench script prints them.
    pub const ALL: [Kind; 15] = [
        Kind::FlatTable,
        Kind::AndSentence,
        Kind::ProseLine,
        Kind::Numbers,
        Kind::JsonlHuge,
        Kind::Divs,
        Kind::DivsEmpty,
        Kind::Token,
        Kind::TinyLines,
        Kind::DigitRuns,
        Kind::Abbrev,
        Kind::HtmlUnclosed,
        Kind::NestedJson,
        Kind::HtmlAttrs,
        Kind::HtmlLinks,
    ];

    /// A short name (the bench script's `KIND` argument).
    pub fn name(self) -> &'static str {
        match self {
            Kind::FlatTable => "flat-table",
            Kind::AndSentence => "and-sentence",
            Kind::ProseLine => "prose-line",
            Kind::Numbers => "numbers",
            Kind::JsonlHuge => "jsonl-huge",
            Kind::Divs => "divs",
            Kind::DivsEmpty => "divs-empty",
            Kind::Token => "token",
            Kind::TinyLines => "tiny-lines",
            Kind::DigitRuns => "digit-runs",
            Kind::Abbrev => "abbrev",
            Kind::HtmlUnclosed => "html-unclosed",
            Kind::NestedJson => "nested-json",
            Kind::HtmlAttrs => "html-attrs",
            Kind::HtmlLinks => "html-links",
        }
    }

    /// The kind with this name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The file extension that makes `claimscan` read it right.
    pub fn extension(self) -> &'static str {
        match self {
            Kind::JsonlHuge | Kind::NestedJson => "jsonl",
            Kind::Divs
            | Kind::DivsEmpty
            | Kind::HtmlUnclosed
            | Kind::HtmlAttrs
            | Kind::HtmlLinks => "html",
            _ => "txt",
        }
    }

    /// True when the document carries figures, so a scan finds mentions.
    pub fn has_figures(self) -> bool {
        !matches!(self, Kind::DivsEmpty | Kind::NestedJson)
    }
}

/// A deterministic xorshift64* generator.
struct Rng(u64);

impl Rng {
    fn new(kind: Kind) -> Rng {
        Rng(0x9e37_79b9_7f4a_7c15 ^ (kind as u64 + 1).wrapping_mul(0xff51))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const METRICS: &[&str] = &[
    "revenue",
    "net income",
    "gross margin",
    "operating income",
    "adjusted EBITDA",
    "free cash flow",
    "subscription revenue",
    "active clients",
    "diluted earnings per share",
    "operating expenses",
    "net sales",
    "bookings",
];

const LABELS: &[&str] = &[
    "Revenue",
    "Net income",
    "Gross profit",
    "Operating expenses",
    "Diluted EPS",
    "Cash and equivalents",
    "Total assets",
    "Backlog",
    "Segment EBITDA",
    "Shares outstanding",
    "Headcount",
    "Q3 2025",
    "Q3 2024",
];

const PERIODS: &[&str] = &[
    "in the third quarter",
    "for fiscal 2025",
    "in Q2 2025",
    "year over year",
    "sequentially",
    "for the first half of 2025",
    "in November",
];

const COMPANIES: &[&str] =
    &["Brightlane", "Fernhill Outdoor", "Acme", "Northwind", "Kestrel"];

/// A number with thousands separators.
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn percent(r: &mut Rng) -> String {
    match r.below(4) {
        0 => format!("{} percent", 1 + r.below(60)),
        1 => format!("{}.{}%", r.below(40), r.below(10)),
        _ => format!("{}%", 1 + r.below(90)),
    }
}

fn money(r: &mut Rng) -> String {
    match r.below(5) {
        0 => format!("${}.{} billion", 1 + r.below(9), r.below(10)),
        1 => format!("${} million", 10 + r.below(900)),
        2 => format!("€{}.{} million", 1 + r.below(99), r.below(10)),
        3 => format!("${}", grouped(1000 + r.next() % 9_000_000)),
        _ => format!("{} cents a share", 1 + r.below(99)),
    }
}

fn count(r: &mut Rng) -> String {
    format!("{} clients", grouped(100 + r.next() % 900_000))
}

/// One realistic earnings sentence, without its full stop.
fn sentence(r: &mut Rng) -> String {
    let mut s = sentence_lower(r);
    if let Some(c) = s.get(..1) {
        let up = c.to_ascii_uppercase();
        s.replace_range(..1, &up);
    }
    s
}

fn sentence_lower(r: &mut Rng) -> String {
    let metric = r.pick(METRICS);
    let period = r.pick(PERIODS);
    match r.below(6) {
        0 => format!(
            "{} {metric} rose {} to {} {period}",
            r.pick(COMPANIES),
            percent(r),
            money(r)
        ),
        1 => format!(
            "{metric} fell {} from {} to {} {period}",
            percent(r),
            money(r),
            money(r)
        ),
        2 => format!(
            "Active clients grew {} to {} {period}, while {metric} was {}",
            percent(r),
            count(r),
            money(r)
        ),
        3 => format!(
            "The company expects {metric} of {} to {} for fiscal 2026",
            money(r),
            money(r)
        ),
        4 => format!(
            "{metric} was {} — up {} — compared with {} a year ago",
            money(r),
            percent(r),
            money(r)
        ),
        _ => format!(
            "Management said {metric} margin expanded 150 basis points to {} {period}",
            percent(r)
        ),
    }
}

/// Appends pieces from `piece` until `out` reaches `bytes`.
fn fill(out: &mut String, bytes: usize, mut piece: impl FnMut(&mut String)) {
    while out.len() < bytes {
        piece(out);
    }
}

/// A poison document of about `bytes` bytes (never less than a few
/// dozen; the nested kinds round to whole levels).
pub fn generate(kind: Kind, bytes: usize) -> Vec<u8> {
    let mut r = Rng::new(kind);
    let mut s = String::with_capacity(bytes + 256);
    match kind {
        Kind::FlatTable => fill(&mut s, bytes, |s| {
            s.push_str(r.pick(LABELS));
            for _ in 0..1 + r.below(4) {
                s.push(' ');
                match r.below(3) {
                    0 => s.push_str(&grouped(r.next() % 10_000_000)),
                    1 => s.push_str(&format!(
                        "{}.{}",
                        r.below(1000),
                        r.below(10)
                    )),
                    _ => s.push_str(&(r.below(500)).to_string()),
                }
            }
            s.push(' ');
        }),
        Kind::AndSentence => {
            s.push_str("Revenue was $1.2 billion compared to $1.1 billion");
            fill(&mut s, bytes, |s| {
                let metric = r.pick(METRICS);
                let (a, b) = if r.below(2) == 0 {
                    (money(&mut r), money(&mut r))
                } else {
                    (percent(&mut r), percent(&mut r))
                };
                s.push_str(&format!(" and {metric} was {a} compared to {b}"));
            });
        }
        Kind::ProseLine | Kind::Abbrev => fill(&mut s, bytes, |s| {
            if kind == Kind::Abbrev {
                let w = r.pick(&[
                    "Inc.", "U.S.", "vs.", "Nov.", "Corp.", "approx.", "No.",
                ]);
                s.push_str(&format!(
                    "{} {w} {} ",
                    r.pick(COMPANIES),
                    percent(&mut r)
                ));
            } else {
                s.push_str(&sentence(&mut r));
                s.push_str(". ");
            }
        }),
        Kind::Numbers => fill(&mut s, bytes, |s| {
            let x = match r.below(4) {
                0 => percent(&mut r).replace(" percent", "%"),
                1 => grouped(r.next() % 100_000_000),
                2 => format!("{}.{}", r.below(100), r.below(100)),
                _ => format!("{}%", r.below(100)),
            };
            s.push_str(&x);
            s.push(' ');
        }),
        Kind::JsonlHuge => {
            // A raw HTML field beside the text, as news APIs ship it.
            let raw_len = bytes / 8;
            s.push_str(
                "{\"id\":\"poison-1\",\"title\":\"Acme beats estimates\",\"date\":\"2025-11-05\",\"company\":\"Acme Inc.\",\"html\":\"",
            );
            fill(&mut s, raw_len, |s| {
                s.push_str("<p class=\\\"x\\\">filler \\u00e9 text</p>")
            });
            s.push_str("\",\"text\":\"");
            let end = bytes.saturating_sub(3);
            fill(&mut s, end, |s| {
                s.push_str(&sentence(&mut r).replace('"', "\\\""));
                s.push_str(if r.below(40) == 0 { ".\\n" } else { ". " });
            });
            s.push_str("\"}\n");
        }
        Kind::Divs | Kind::DivsEmpty => {
            let levels = (bytes / 11).max(1);
            s.push_str(
                "<!DOCTYPE html><html><head><title>Deep</title></head><body>",
            );
            // Some 64 sentences along the way down, whatever the depth.
            let every = (levels / 64).max(1);
            for i in 0..levels {
                s.push_str("<div>");
                if kind == Kind::Divs && i % every == 0 {
                    s.push_str(&sentence(&mut r));
                    s.push_str(". ");
                }
            }
            if kind == Kind::Divs {
                s.push_str(
                    "Acme revenue rose 12% to $1.2 billion in Q3 2025.",
                );
            }
            for _ in 0..levels {
                s.push_str("</div>");
            }
            s.push_str("</body></html>\n");
        }
        Kind::Token => fill(&mut s, bytes, |s| {
            let c = r.below(40);
            s.push(match c {
                0..=9 => (b'0' + c as u8) as char,
                10 => '.',
                11 => ',',
                12 => '%',
                13 => '$',
                _ => (b'a' + (c - 14) as u8) as char,
            });
        }),
        Kind::TinyLines => fill(&mut s, bytes, |s| {
            let x = match r.below(4) {
                0 => format!("{}%", r.below(100)),
                1 => format!("${}", r.below(1000)),
                2 => grouped(r.next() % 1_000_000),
                _ => String::new(),
            };
            s.push_str(&x);
            s.push('\n');
        }),
        Kind::DigitRuns => fill(&mut s, bytes, |s| {
            let groups = 1 + r.below(5000);
            s.push_str(&(1 + r.below(999)).to_string());
            for _ in 0..groups {
                s.push_str(&format!(",{:03}", r.below(1000)));
            }
            s.push_str(if r.below(2) == 0 { "% " } else { " " });
        }),
        Kind::HtmlAttrs => {
            let quarter = bytes / 4;
            let long = |c: char| c.to_string().repeat(quarter);
            s.push_str("<!DOCTYPE html><html><head><title>Attrs</title>");
            s.push_str(&format!(
                "<meta name=\"x\" content=\"{}\">",
                long('m')
            ));
            s.push_str("</head><body>");
            s.push_str(&format!(
                "<div class=\"{}\" style=\"{}\"><article>",
                long('c'),
                long('s')
            ));
            for _ in 0..24 {
                s.push_str("<p>");
                s.push_str(&sentence(&mut r));
                s.push_str(".</p>");
            }
            s.push_str(&format!(
                "<img src=\"data:image/png;base64,{}\" alt=\"chart\">",
                long('A')
            ));
            s.push_str("</article></div></body></html>\n");
        }
        Kind::HtmlLinks => {
            s.push_str(
                "<!DOCTYPE html><html><head><title>Links</title></head><body><article>",
            );
            for _ in 0..24 {
                s.push_str("<p>");
                s.push_str(&sentence(&mut r));
                s.push_str(".</p>");
            }
            s.push_str("</article><ul>");
            let mut i = 0;
            fill(&mut s, bytes.saturating_sub(24), |s| {
                i += 1;
                s.push_str(&format!(
                    "<li><a href=\"/n/{i}\">Story {i}</a></li>"
                ));
            });
            s.push_str("</ul></body></html>\n");
        }
        Kind::HtmlUnclosed => {
            s.push_str(
                "<html><head><title>Unclosed</title></head><body><article>",
            );
            fill(&mut s, bytes, |s| {
                s.push_str(r.pick(&["<b>", "<i>", "<span>", "<p>", "<font>"]));
                if r.below(8) == 0 {
                    s.push_str(&sentence(&mut r));
                    s.push_str(". ");
                }
            });
            s.push('\n');
        }
        Kind::NestedJson => {
            let levels = (bytes / 6).max(1);
            s.push_str(
                "{\"id\":\"deep\",\"text\":\"Revenue rose 5%.\",\"x\":",
            );
            for _ in 0..levels {
                s.push_str("{\"a\":");
            }
            s.push('1');
            for _ in 0..levels {
                s.push('}');
            }
            s.push_str("}\n");
        }
    }
    s.into_bytes()
}
