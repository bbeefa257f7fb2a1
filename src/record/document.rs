//! A document: its text, where it came from and what its source says
//! about it (the `doc` record).

use super::InputError;

/// What the extractors may know about the document beyond its text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DocContext {
    /// The document's date (year, month, day), used to anchor dates that
    /// leave the year out and to resolve relative dates.
    pub date: Option<(i32, u32, u32)>,
}

/// Input formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text or Markdown: one document.
    Text,
    /// An HTML page: one document, its main text.
    Html,
    /// JSON lines: one document per line.
    Jsonl,
    /// WARC (Common Crawl): one document per HTML response record.
    Warc,
    /// Reuters-21578 SGML: one document per `<REUTERS>` element.
    Reuters,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Html,
        Format::Jsonl,
        Format::Warc,
        Format::Reuters,
    ];

    /// The name used on the command line and in `doc` records.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
            Format::Reuters => "reuters",
        }
    }

    /// Parses a format name (with a few aliases).
    pub fn from_name(s: &str) -> Option<Format> {
        Some(match s.to_ascii_lowercase().as_str() {
            "text" | "txt" | "md" | "markdown" => Format::Text,
            "html" | "htm" => Format::Html,
            "jsonl" | "ndjson" | "json-lines" | "jsonlines" => Format::Jsonl,
            "warc" => Format::Warc,
            "reuters" | "sgml" | "sgm" => Format::Reuters,
            _ => return None,
        })
    }

    /// True for formats that hold many documents per file.
    pub fn is_container(self) -> bool {
        matches!(self, Format::Jsonl | Format::Warc | Format::Reuters)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Metadata of one document, carried into the `doc` record so a dataset
/// can be joined back to its source.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// The file it came from (`-` for stdin).
    pub source: Option<String>,
    /// Its format.
    pub format: Option<Format>,
    /// Where in a container: the line (JSON lines) or record number (WARC,
    /// Reuters SGML), 1-based.
    pub record: Option<u64>,
    /// Title or headline.
    pub title: Option<String>,
    /// Publication date as given (normalized to `YYYY-MM-DD` when it parses).
    pub date: Option<String>,
    /// The company the document is about.
    pub company: Option<String>,
    /// Canonical or crawled URL.
    pub url: Option<String>,
    /// Other source fields worth keeping (Reuters topics and places).
    pub extra: Vec<(String, String)>,
}

/// One document, ready for extraction.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The document id.
    pub id: String,
    /// The text the offsets refer to.
    pub text: String,
    /// How many bytes were read.
    pub bytes: u64,
    /// What the extractors may know beyond the text.
    pub context: DocContext,
    /// Problems that did not stop the document (e.g. lossy decoding).
    pub warnings: Vec<InputError>,
    /// Where it came from and what its source says about it.
    pub meta: Meta,
    /// For a part of a very large document read in pieces: the byte and
    /// code-point offsets of this part in the whole document.
    pub base: (usize, usize),
    /// For a part: true when more parts of the same document follow
    /// (its `doc` record comes with the last part).
    pub more: bool,
}

impl Document {
    /// A document with the given id and text, and nothing else known.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        Document {
            id: id.into(),
            bytes: text.len() as u64,
            text,
            context: DocContext::default(),
            warnings: Vec::new(),
            meta: Meta::default(),
            base: (0, 0),
            more: false,
        }
    }
}
