/*!
Plain text and Markdown.

Markdown is read as text: its markup (`#`, `*`, `|`) costs the extractors
nothing and keeping it means offsets point into the file as written.
*/

use crate::record::{Document, InputError};

/// How many leading bytes we search for NUL to call a file binary. Text
/// files never contain NUL; this is the heuristic git and ripgrep use.
const SNIFF: usize = 64 * 1024;

/// Decodes bytes into text: fails on binary data (a NUL byte in the
/// first 64 KiB, or anywhere when the bytes are not UTF-8); replaces
/// invalid UTF-8 with U+FFFD and says so in the returned warning; drops a
/// byte-order mark.
pub fn decode_lossy(
    bytes: Vec<u8>,
) -> Result<(String, Option<String>), String> {
    let head = &bytes[..bytes.len().min(SNIFF)];
    if let Some(pos) = memchr::memchr(0, head) {
        return Err(format!(
            "binary file (NUL byte at offset {pos}), skipped"
        ));
    }
    let mut warning = None;
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            if memchr::memchr(0, &bytes).is_some() {
                return Err("binary file (NUL byte), skipped".to_string());
            }
            warning = Some(format!(
                "invalid UTF-8 at byte {at}; decoded with U+FFFD replacements"
            ));
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    // A byte-order mark is not text; dropping it keeps offsets meaningful.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok((text, warning))
}

/// Decodes bytes into a document. Fails on binary data; replaces invalid
/// UTF-8 with U+FFFD and records a warning.
pub fn from_bytes(id: &str, bytes: Vec<u8>) -> Result<Document, String> {
    let n = bytes.len() as u64;
    let (text, warning) = decode_lossy(bytes)?;
    let mut doc = Document::new(id, text);
    doc.bytes = n;
    if let Some(w) = warning {
        doc.warnings.push(InputError::warning(id, w));
    }
    if n == 0 {
        // Not lost, but almost always a failed download or export: say so.
        doc.warnings
            .push(InputError::warning(id, "empty file (0 bytes)".into()));
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_is_refused() {
        assert!(from_bytes("x", b"abc\0def".to_vec()).is_err());
    }

    #[test]
    fn invalid_utf8_is_lossy_with_warning() {
        let d = from_bytes("x", b"up 5% \xff here".to_vec()).unwrap();
        assert_eq!(d.text, "up 5% \u{fffd} here");
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].message.contains("byte 6"));
    }

    #[test]
    fn bom_is_dropped() {
        let d = from_bytes("x", "\u{feff}hi".as_bytes().to_vec()).unwrap();
        assert_eq!(d.text, "hi");
    }
}
