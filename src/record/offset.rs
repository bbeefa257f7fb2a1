//! Byte offsets to code-point offsets.
//!
//! The stages work in byte offsets into UTF-8 text; the output gives
//! offsets in Unicode code points, what Python's `str` indexes. The
//! conversion is part of writing a record, so it lives with the records.

/// Converts byte offsets into code-point offsets for offsets visited in
/// non-decreasing order, in time linear in the text.
#[derive(Debug)]
pub struct CharIndex<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharIndex<'a> {
    /// Starts at the beginning of `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        CharIndex { text, byte: 0, chars: 0 }
    }

    /// The code-point offset of byte offset `to`. Offsets before the last
    /// one asked for are counted again from the start.
    pub fn char_offset(&mut self, to: usize) -> usize {
        if to < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += count_chars(&self.text.as_bytes()[self.byte..to]);
        self.byte = to;
        self.chars
    }
}

/// Counts the code points in valid UTF-8 bytes.
#[inline]
pub fn count_chars(b: &[u8]) -> usize {
    // Eight bytes at a time while they are ASCII (the common case).
    let mut n = 0;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        if w & 0x8080_8080_8080_8080 == 0 {
            n += 8;
        } else {
            n += c.iter().filter(|&&x| (x as i8) >= -0x40).count();
        }
    }
    n + chunks.remainder().iter().filter(|&&x| (x as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_code_points() {
        let t = "é€ 43%";
        let mut ix = CharIndex::new(t);
        assert_eq!(ix.char_offset(0), 0);
        assert_eq!(ix.char_offset(2), 1);
        assert_eq!(ix.char_offset(5), 2);
        assert_eq!(ix.char_offset(t.len()), 6);
        assert_eq!(ix.char_offset(2), 1);
    }
}
