/*!
HTML pages: the article's main text and the page's metadata.

The main text comes from [`dom_smoothie`], a maintained port of Mozilla's
Readability.js: it parses the page into a DOM (html5ever, through
`dom_query`), scores the candidate containers and keeps the article.
On article-extraction-benchmark (181 real pages, its own `evaluate.py`)
it scores F1 0.951 where our hand-written extractor scored 0.738; the
comparison with the other candidates is in `docs/html-extraction.md`.
Its "formatted" text mode gives one block per line with a blank line
between paragraphs, which sentence splitting needs; we only trim the
lines and squeeze runs of blank lines.

What stays ours:

- **Metadata the library does not read.** The title and the publication
  date come from the library (JSON-LD, `og:title`,
  `article:published_time`, Dublin Core, `<title>`). The canonical URL
  (`<link rel="canonical">`, else `og:url`, else the JSON-LD `url`) and
  the dates the library does not look for (`<meta name="date">` and its
  kin, `itemprop="datePublished"`, the article's first
  `<time datetime>`) are read here from the same parsed document.
- **The depth guard.** Readability's cost grows with the page's size
  times its nesting depth (4,000 nested `<div>`s take seconds, 100,000
  take minutes). [`nesting_depth`] estimates the depth in one linear
  pass; beyond [`MAX_DEPTH`] the page goes to [`linear`], our old
  one-pass extractor, whose cost grows with size only. No real page of
  the benchmark comes near the bound.
- Charset sniffing ([`super::decode_declared`]), WARC records
  ([`super::warc`]) and offsets (they refer to [`Page::text`], which
  `scan --emit-text DIR` writes) are the reader's, as before.

A page whose main text is empty yields an empty [`Page::text`]; the
pipeline turns that into a warning. On short pages (under Readability's
500 characters) the library retries with its boilerplate filters off, so
a cookie notice beside a two-line article may stay.
*/

pub mod linear;

/// What a page yields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// The main text.
    pub text: String,
    /// The title.
    pub title: Option<String>,
    /// The publication date, as written in the page.
    pub date: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
}

/// Pages nested deeper than this (as [`nesting_depth`] estimates it) go
/// to the [`linear`] extractor. Real pages stay far below it (the deepest
/// of article-extraction-benchmark's 181 pages is estimated at 49); at
/// this depth the library still runs at under a second per MB.
pub const MAX_DEPTH: usize = 256;

/// Meta names (and properties) of publication dates that the library
/// does not read itself.
const DATE_KEYS: &[&str] = &[
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "sailthru.date",
    "article.published",
    "citation_publication_date",
];

/// Extracts the main text and metadata of an HTML page.
pub fn extract(src: &str) -> Page {
    if nesting_depth(src, MAX_DEPTH) > MAX_DEPTH {
        return linear::extract(src);
    }
    let mut r = dom_smoothie::Readability::from(src);
    r.config.text_mode = dom_smoothie::TextMode::Formatted;
    // Read before `parse`, which rewrites the document.
    let url = canonical_url(&r.doc);
    let date = extra_date(&r.doc);
    let mut page = Page::default();
    match r.parse() {
        Ok(a) => {
            page.text = tidy(&a.text_content);
            page.title = Some(a.title);
            page.date = a.published_time;
            page.url = url.or(a.url);
        }
        Err(_) => {
            let m = r.get_article_metadata(r.parse_json_ld());
            page.title = Some(m.title);
            page.date = m.published_time;
            page.url = url.or(m.url);
        }
    }
    page.title = page.title.map(|t| collapse(&t)).filter(|t| !t.is_empty());
    page.date = page.date.map(|d| collapse(&d)).filter(|d| !d.is_empty());
    if page.date.is_none() {
        page.date = date;
    }
    page
}

/// `<link rel="canonical">`, else `og:url`.
fn canonical_url(doc: &dom_query::Document) -> Option<String> {
    let found = |sel: &str, attr: &str| {
        doc.select(sel)
            .nodes()
            .iter()
            .find_map(|n| n.attr(attr).map(|v| collapse(&v)))
            .filter(|v| !v.is_empty())
    };
    found("link[rel~=canonical i][href]", "href")
        .or_else(|| found("meta[property=\"og:url\" i][content]", "content"))
}

/// Publication dates the library does not look for: `<meta>` names, then
/// microdata, then the article's first `<time datetime>`.
fn extra_date(doc: &dom_query::Document) -> Option<String> {
    let metas = doc.select("meta[content]");
    let from_meta = metas.nodes().iter().find_map(|n| {
        let key = n
            .attr("property")
            .or_else(|| n.attr("name"))
            .or_else(|| n.attr("itemprop"))?
            .to_ascii_lowercase();
        DATE_KEYS.contains(&key.as_str()).then(|| n.attr("content"))?
    });
    let first = |sel: &str, attr: &str| {
        doc.select(sel).nodes().iter().find_map(|n| n.attr(attr))
    };
    from_meta
        .or_else(|| first("[itemprop=datePublished][datetime]", "datetime"))
        .or_else(|| first("article time[datetime]", "datetime"))
        .or_else(|| first("main time[datetime]", "datetime"))
        .map(|d| collapse(&d))
        .filter(|d| !d.is_empty())
}

/// The library's formatted text with each line trimmed, runs of spaces
/// squeezed, and at most one blank line between blocks.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = collapse(line);
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank = false;
    }
    out
}

/// Collapses white space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Elements that have no end tag, or whose end tag may be left out (they
/// are closed by their next sibling, so they do not deepen the page).
const NOT_NESTING: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"option",
    b"optgroup",
    b"thead",
    b"tbody",
    b"tfoot",
    b"colgroup",
    b"caption",
    b"rb",
    b"rt",
    b"rp",
    b"html",
    b"head",
    b"body",
];

/// Elements whose content is raw text (no tags inside).
const RAW_TEXT: &[&[u8]] =
    &[b"script", b"style", b"textarea", b"title", b"xmp", b"noscript"];

/// How far below the top of the stack an end tag looks for its element:
/// a stray end tag costs a bounded search, never a walk of a deep stack.
const CLOSE_REACH: usize = 16;

/// Estimates how deeply the page's elements nest, in one pass over the
/// bytes (no DOM): start tags push, end tags pop to their element when it
/// is near the top of the stack, elements without end tags are skipped.
/// Stops as soon as the depth passes `limit` and returns it.
pub fn nesting_depth(src: &str, limit: usize) -> usize {
    let b = src.as_bytes();
    let mut stack: Vec<&[u8]> = Vec::new();
    let mut max = 0;
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + p;
        i = lt + 1;
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            i = memchr::memmem::find(&rest[3..], b"-->")
                .map_or(b.len(), |q| lt + 4 + q + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let ns = lt + 1 + usize::from(closing);
        let nl = b[ns..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        if nl == 0 || !b[ns].is_ascii_alphabetic() {
            continue;
        }
        let name = &b[ns..ns + nl];
        let Some(gt) = memchr::memchr(b'>', &b[ns + nl..]) else {
            break;
        };
        let gt = ns + nl + gt;
        i = gt + 1;
        let is =
            |list: &[&[u8]]| list.iter().any(|n| n.eq_ignore_ascii_case(name));
        if closing {
            if let Some(k) = stack
                .iter()
                .rev()
                .take(CLOSE_REACH)
                .position(|n| n.eq_ignore_ascii_case(name))
            {
                stack.truncate(stack.len() - 1 - k);
            }
            continue;
        }
        if is(RAW_TEXT) {
            i = raw_end(b, i, name);
            continue;
        }
        if is(NOT_NESTING) || b[gt - 1] == b'/' {
            continue;
        }
        stack.push(name);
        max = max.max(stack.len());
        if max > limit {
            break;
        }
    }
    max
}

/// The offset after the end tag `</name` of a raw-text element that
/// starts at `from` (the end of input when there is none).
fn raw_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(p) = memchr::memmem::find(&b[i..], b"</") {
        let n = i + p + 2;
        if b.len() >= n + name.len()
            && b[n..n + name.len()].eq_ignore_ascii_case(name)
        {
            return n + name.len();
        }
        i = n;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_text_without_boilerplate() {
        let html = r#"<!DOCTYPE html><html><head>
<title>Acme results | News</title>
<meta property="og:title" content="Acme revenue rises 12%">
<meta property="article:published_time" content="2025-11-05T13:30:00Z">
<link rel="canonical" href="https://news.example/acme-q3">
<script>var x = "revenue 99%";</script><style>p{margin:0}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<div class="cookie-banner">We use cookies. <button>Accept all</button></div>
<article>
<h1>Acme revenue rises 12%</h1>
<p>Acme&#8217;s revenue rose 12% to $4.2&nbsp;billion &amp; more, the
company said on Wednesday, as subscription sales kept climbing.</p>
<p>Active clients fell <strong>7%</strong>
   from 855,000 to 794,000, while the average revenue per client rose
   for the ninth quarter in a row.</p>
<p>The company raised its outlook for the full year and now expects
revenue of $16.5 billion to $16.8 billion, above the range it gave in
August, helped by new contracts in Europe and a stronger dollar.</p>
<p>Shares of Acme rose in early trading after the report, which came
after the close of the market, and analysts said the quarter was the
cleanest the company has reported since it went public.</p>
</article>
<section id="comments"><h3>Leave a Reply</h3><p>I bought at $45 in 2019</p></section>
<footer>Privacy Policy</footer>
</body></html>"#;
        let p = extract(html);
        assert!(p.text.contains("Acme\u{2019}s revenue rose 12% to $4.2"));
        assert!(p.text.contains(
            "climbing.\n\nActive clients fell 7% from 855,000 to 794,000"
        ));
        for boiler in ["Home", "cookies", "$45", "Privacy", "99%"] {
            assert!(!p.text.contains(boiler), "{boiler}: {}", p.text);
        }
        assert_eq!(p.title.as_deref(), Some("Acme revenue rises 12%"));
        assert_eq!(p.date.as_deref(), Some("2025-11-05T13:30:00Z"));
        assert_eq!(p.url.as_deref(), Some("https://news.example/acme-q3"));
    }

    #[test]
    fn dates_and_urls_the_library_does_not_read() {
        let p = extract(
            r#"<html><head><meta name="date" content="2025-08-07"><meta property="og:url" content="https://x.example/a"></head><body><p>Sales rose 5% in the quarter.</p></body></html>"#,
        );
        assert_eq!(p.date.as_deref(), Some("2025-08-07"));
        assert_eq!(p.url.as_deref(), Some("https://x.example/a"));
        let p = extract(
            r#"<body><article><time datetime="2024-02-01">Feb 1</time><p>Sales rose 5%.</p></article></body>"#,
        );
        assert_eq!(p.date.as_deref(), Some("2024-02-01"));
    }

    #[test]
    fn json_ld_date_and_headline() {
        let p = extract(
            r#"<head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"H &amp; Co","datePublished":"2025-08-07"}</script></head><body><p>x</p></body>"#,
        );
        assert_eq!(p.date.as_deref(), Some("2025-08-07"));
        assert_eq!(p.title.as_deref(), Some("H & Co"));
    }

    #[test]
    fn depth_estimate() {
        assert_eq!(nesting_depth("<div><div></div><div></div></div>", 9), 2);
        // Optional end tags and void elements do not deepen the page.
        assert_eq!(nesting_depth(&"<p>a<li>b<br>".repeat(1000), 9), 0);
        // Stray end tags do not unwind the stack far.
        let s = format!("{}{}", "<div>".repeat(40), "</span>".repeat(40));
        assert_eq!(nesting_depth(&s, 99), 40);
        // Raw text and comments hold no tags.
        assert_eq!(
            nesting_depth("<script><div><div></script><!--<div>--><b>", 9),
            1
        );
        // The count stops past the limit.
        assert_eq!(nesting_depth(&"<div>".repeat(100_000), 10), 11);
    }

    #[test]
    fn deep_pages_go_to_the_linear_extractor() {
        let n = 50_000;
        let html = format!(
            "<html><body>{}<p>Acme revenue rose 12% to $1.2 billion.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let t = std::time::Instant::now();
        let p = extract(&html);
        assert_eq!(p.text, "Acme revenue rose 12% to $1.2 billion.");
        assert!(t.elapsed().as_secs() < 5, "{:?}", t.elapsed());
    }

    #[test]
    fn broken_markup_never_panics() {
        for s in [
            "",
            "<",
            "<a",
            "<a href=\"x",
            "</",
            "<!--",
            "<!",
            "<p>a<",
            "&",
            "&#x110000;",
            "<script>",
            "<title>x",
            "<p attr='",
            "<é>",
            "a < b > c",
            "<br/",
            "<table><td>a<td>b",
            "</p></div></body>",
        ] {
            let _ = extract(s);
        }
    }
}
