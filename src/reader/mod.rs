/*!
Stage 2: bytes → [`Document`].

A reader decodes one input into text. Today every input is plain text or
Markdown ([`text`]); the document keeps the text exactly as read (offsets
in the output refer to it) together with the warnings met on the way.

Binary input (a NUL byte) is refused; invalid UTF-8 is decoded lossily
(each bad sequence becomes U+FFFD) with a warning naming the file, so one
stray byte does not cost a whole document.
*/

pub mod text;

use std::io::Read;

use crate::error::{InputError, Severity};
use crate::extract::DocContext;
use crate::source::{Location, Source};

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
}

/// Reads a source into a document.
pub fn read(
    source: &Source,
    max_size: Option<u64>,
) -> Result<Document, InputError> {
    let fail = |message: String| InputError {
        doc: Some(source.doc_id.clone()),
        path: source.path().map(|p| p.to_path_buf()),
        message,
        severity: Severity::Error,
    };
    if let (Some(max), Some(size)) = (max_size, source.size)
        && size > max
    {
        return Err(fail(format!(
            "file is {size} bytes, larger than --max-file-size {max}"
        )));
    }
    let bytes = match &source.location {
        Location::File(p) => {
            std::fs::read(p).map_err(|e| fail(format!("cannot read: {e}")))?
        }
        Location::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| fail(format!("cannot read stdin: {e}")))?;
            buf
        }
    };
    let mut doc = text::from_bytes(&source.doc_id, bytes).map_err(fail)?;
    for w in &mut doc.warnings {
        w.path = source.path().map(|p| p.to_path_buf());
    }
    Ok(doc)
}
