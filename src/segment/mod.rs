/*!
Stage 3: splitting a document into pieces the extractors can work on in
parallel.

Most documents are extracted whole. A very large one (a multi-megabyte
filing or a concatenated dump) is cut into chunks of about
[`CHUNK_BYTES`] at line breaks, so every core can work on it; mentions do
not cross line breaks in practice, and chunk offsets are added back before
output, so the result is the same as for the whole text.
*/

pub mod sentence;
pub mod transcript;

/// Documents larger than this are cut into chunks.
pub const PARALLEL_THRESHOLD: usize = 4 << 20;

/// Target chunk size.
pub const CHUNK_BYTES: usize = 1 << 20;

/// Splits `text` into `(offset, chunk)` pieces of about `target` bytes,
/// each ending after a line break (a blank line where one is near).
pub fn chunks(text: &str, target: usize) -> Vec<(usize, &str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while start < b.len() {
        if b.len() - start <= target {
            out.push((start, &text[start..]));
            break;
        }
        let want = start + target;
        // Prefer a paragraph break within the next 64 KiB, else any line
        // break, else (one enormous line) a space.
        let window = &b[want..b.len().min(want + (64 << 10))];
        let cut = memchr::memmem::find(window, b"\n\n")
            .map(|i| want + i + 2)
            .or_else(|| {
                memchr::memchr(b'\n', &b[want..]).map(|i| want + i + 1)
            })
            .or_else(|| memchr::memchr(b' ', &b[want..]).map(|i| want + i + 1))
            .unwrap_or(b.len());
        out.push((start, &text[start..cut]));
        start = cut;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_text_at_line_breaks() {
        let text = "line one\nline two\n\nline three\nfour\n".repeat(50);
        let parts = chunks(&text, 100);
        assert!(parts.len() > 5);
        let joined: String = parts.iter().map(|p| p.1).collect();
        assert_eq!(joined, text);
        for (off, p) in &parts {
            assert_eq!(&text[*off..*off + p.len()], *p);
            assert!(p.ends_with('\n'));
        }
    }
}
