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

/// Documents whose text is larger than this are analysed (extracted,
/// assembled into claims, encoded and written) in pieces of about
/// [`PIECE_BYTES`], one after another, so that memory is bounded by a
/// piece's records, not by the document's: a 17 MB page of prose on one
/// line yields hundreds of MB of records.
pub const SPLIT_THRESHOLD: usize = 512 << 10;

/// Target size of a piece of a document over [`SPLIT_THRESHOLD`].
pub const PIECE_BYTES: usize = 64 << 10;

/// How far past the target a cut looks for a good break.
const CUT_WINDOW: usize = 16 << 10;

/// The best place at or after `target` to cut `b` (at most
/// `CUT_WINDOW` bytes further on), as the length of the first piece: after a
/// blank line, else after a line break, else after the end of a sentence
/// (". " before a capital, not after an abbreviation), else at white
/// space between two words without figures (so "$1.2 billion" stays
/// whole), else at any white space; else at `target` itself, moved back
/// to a UTF-8 character boundary. Returns `b.len()` when `b` is not
/// longer than `target`. Works on bytes that may not be valid UTF-8.
pub fn cut_point(b: &[u8], target: usize) -> usize {
    if b.len() <= target {
        return b.len();
    }
    let target = target.max(1);
    let end = b.len().min(target + CUT_WINDOW);
    let w = &b[target..end];
    if let Some(i) = memchr::memmem::find(w, b"\n\n") {
        return target + i + 2;
    }
    if let Some(i) = memchr::memchr(b'\n', w) {
        return target + i + 1;
    }
    let word_before = |i: usize| {
        let lo = i.saturating_sub(64);
        let s = b[lo..i]
            .iter()
            .rposition(|c| c.is_ascii_whitespace())
            .map_or(lo, |p| lo + p + 1);
        &b[s..i]
    };
    let word_after = |i: usize| {
        let e = b[i..]
            .iter()
            .take(64)
            .position(|c| c.is_ascii_whitespace())
            .map_or((i + 64).min(b.len()), |p| i + p);
        &b[i..e]
    };
    let mut plain_space = None;
    let mut any_space = None;
    for i in memchr::memchr_iter(b' ', w).map(|i| target + i) {
        if i == 0 || i + 1 >= b.len() {
            continue;
        }
        any_space.get_or_insert(i + 1);
        let before = word_before(i);
        let after = word_after(i + 1);
        let (Some(&last), Some(&next)) = (before.last(), after.first()) else {
            continue;
        };
        if matches!(last, b'.' | b'!' | b'?') && next.is_ascii_uppercase() {
            let word = std::str::from_utf8(&before[..before.len() - 1]);
            if last != b'.'
                || word.is_ok_and(|w| {
                    !w.is_empty() && !sentence::is_abbreviation(w)
                })
            {
                return i + 1;
            }
        }
        if plain_space.is_none()
            && before.iter().all(u8::is_ascii_alphabetic)
            && after.iter().all(u8::is_ascii_alphabetic)
        {
            plain_space = Some(i + 1);
        }
    }
    if let Some(c) = plain_space.or(any_space) {
        return c;
    }
    let mut c = target;
    while c > 1 && (b[c] & 0xC0) == 0x80 {
        c -= 1;
    }
    c
}

/// Splits `text` into `(offset, piece)` pieces of about `target` bytes
/// at the breaks [`cut_point`] prefers.
pub fn pieces(text: &str, target: usize) -> Vec<(usize, &str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while start < b.len() {
        let mut cut = start + cut_point(&b[start..], target);
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        out.push((start, &text[start..cut]));
        start = cut;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cut_lines_then_sentences_then_words() {
        let lines = "Revenue rose 5%.\nNet income fell.\n".repeat(100);
        for (_, p) in pieces(&lines, 100) {
            assert!(p.ends_with('\n'), "{p:?}");
        }
        let prose = "Revenue rose 5% to $1.2 billion at Acme Inc. in Q3. Shares fell 3% on Nov. 5. ".repeat(100);
        let ps = pieces(&prose, 200);
        assert!(ps.len() > 10);
        assert_eq!(ps.iter().map(|p| p.1).collect::<String>(), prose);
        for (_, p) in &ps {
            assert!(p.ends_with(". "), "{p:?}");
            assert!(!p.ends_with("Inc. ") && !p.ends_with("Nov. "), "{p:?}");
        }
        let table = "Net income 1,234.5 2,345 Total assets 9 10 ".repeat(100);
        let ps = pieces(&table, 100);
        for (_, p) in &ps[..ps.len() - 1] {
            let last = p.trim_end().rsplit(' ').next().unwrap();
            assert!(last.bytes().all(|c| c.is_ascii_alphabetic()), "{p:?}");
        }
        let token = "é1".repeat(1000);
        let ps = pieces(&token, 101);
        assert_eq!(ps.iter().map(|p| p.1).collect::<String>(), token);
    }

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
