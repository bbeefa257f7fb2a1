/*!
Small byte-level helpers shared by the extractors.

Every extractor works on the UTF-8 bytes of a document and reports byte
spans; offsets are converted to code points once, at the end of the
extraction stage (see [`crate::record::CharIndex`]). The helpers here look
at the characters around a span without allocating: they are on the hot
path, which is why they are written over bytes rather than `char`s where
ASCII is all that matters.
*/

/// Returns true for ASCII letters and digits.
#[inline]
pub fn is_alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// The character that ends just before byte offset `i`, if any.
#[inline]
pub fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// The character that starts at byte offset `i`, if any.
#[inline]
pub fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// True when the character before `i` is not a letter or digit (any
/// script), so that a match starting at `i` starts a word.
#[inline]
pub fn word_start(s: &str, i: usize) -> bool {
    match char_before(s, i) {
        None => true,
        Some(c) => !c.is_alphanumeric(),
    }
}

/// True when the character at `i` is not a letter or digit, so that a match
/// ending at `i` ends a word.
#[inline]
pub fn word_end(s: &str, i: usize) -> bool {
    match char_at(s, i) {
        None => true,
        Some(c) => !c.is_alphanumeric(),
    }
}

/// Horizontal white space as it appears between a number and its unit:
/// ASCII space and tab, no-break space, narrow no-break and thin spaces.
/// Returns its length in bytes.
#[inline]
pub fn space_len(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    match b.get(i) {
        Some(b' ') | Some(b'\t') => 1,
        Some(0xC2) if b.get(i + 1) == Some(&0xA0) => 2,
        Some(0xE2)
            if b.get(i + 1) == Some(&0x80)
                && matches!(b.get(i + 2), Some(0x89) | Some(0xAF)) =>
        {
            3
        }
        _ => 0,
    }
}

/// Skips horizontal white space starting at `i` (at most `max` characters)
/// and returns the new offset.
#[inline]
pub fn skip_spaces(s: &str, mut i: usize, max: usize) -> usize {
    let mut n = 0;
    while n < max {
        let l = space_len(s, i);
        if l == 0 {
            break;
        }
        i += l;
        n += 1;
    }
    i
}

/// Skips any white space, including one line break, starting at `i`.
#[inline]
pub fn skip_ws(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    let mut newlines = 0;
    loop {
        let l = space_len(s, i);
        if l > 0 {
            i += l;
            continue;
        }
        match b.get(i) {
            Some(b'\n') if newlines == 0 => {
                newlines += 1;
                i += 1;
            }
            Some(b'\r') => i += 1,
            _ => return i,
        }
    }
}

/// Skips white space backwards from `i` (exclusive) on the same line.
#[inline]
pub fn skip_spaces_back(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    loop {
        if i >= 1 && (b[i - 1] == b' ' || b[i - 1] == b'\t') {
            i -= 1;
        } else if i >= 2 && b[i - 2] == 0xC2 && b[i - 1] == 0xA0 {
            i -= 2;
        } else {
            return i;
        }
    }
}

/// If `s[i..]` starts with `word` (ASCII case-insensitively) and the word
/// ends there, returns the offset after it.
#[inline]
pub fn eat_word_ci(s: &str, i: usize, word: &str) -> Option<usize> {
    eat(s, i, word, true)
}

/// Like [`eat_word_ci`] but case-sensitive.
#[inline]
pub fn eat_word(s: &str, i: usize, word: &str) -> Option<usize> {
    eat(s, i, word, false)
}

#[inline]
fn eat(s: &str, i: usize, word: &str, ci: bool) -> Option<usize> {
    let b = s.as_bytes();
    let w = word.as_bytes();
    let end = i + w.len();
    let here = b.get(i..end)?;
    let same = if ci { here.eq_ignore_ascii_case(w) } else { here == w };
    if !same {
        return None;
    }
    if w.last().is_some_and(|c| c.is_ascii_alphanumeric()) && !word_end(s, end)
    {
        return None;
    }
    Some(end)
}

/// The ASCII word (letters only, with inner hyphens or apostrophes) that
/// starts at `i`, as a slice, or an empty slice.
#[inline]
pub fn word_at(s: &str, i: usize) -> &str {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() {
        let c = b[j];
        let inner = (c == b'-' || c == b'\'')
            && j > i
            && b.get(j + 1).is_some_and(|n| n.is_ascii_alphabetic());
        if !(c.is_ascii_alphabetic() || inner) {
            break;
        }
        j += 1;
    }
    &s[i..j]
}

/// The ASCII word that ends at `i` (letters only), as `(start, word)`.
#[inline]
pub fn word_before(s: &str, i: usize) -> (usize, &str) {
    let b = s.as_bytes();
    let mut j = i;
    while j > 0 && b[j - 1].is_ascii_alphabetic() {
        j -= 1;
    }
    (j, &s[j..i])
}

/// The previous word before `i`, skipping spaces and at most one piece of
/// punctuation given in `punct`.
pub fn prev_word(s: &str, i: usize) -> (usize, &str) {
    let j = skip_spaces_back(s, i);
    word_before(s, j)
}

/// True when the offset `i` is at the start of a line, ignoring leading
/// spaces and list bullets.
pub fn at_line_start(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    let mut j = i;
    while j > 0 {
        match b[j - 1] {
            b' ' | b'\t' => j -= 1,
            b'\n' | b'\r' => return true,
            _ => return false,
        }
    }
    true
}

/// Lower-cases an ASCII word into `buf`; `None` when it is longer than the
/// buffer (no word in our lists is).
#[inline]
pub fn lower<'a>(w: &str, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    let b = w.as_bytes();
    if b.len() > buf.len() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// A list of lower-case words, sorted once for binary search.
pub type WordSet = std::sync::LazyLock<Box<[&'static str]>>;

/// Sorts a word list for a [`WordSet`].
pub fn word_set(words: &[&'static str]) -> Box<[&'static str]> {
    let mut v: Vec<&'static str> = words.to_vec();
    v.sort_unstable();
    v.dedup();
    v.into_boxed_slice()
}

/// True when `w` (any case) is in the set.
#[inline]
pub fn in_set(set: &WordSet, w: &str) -> bool {
    let mut buf = [0u8; 32];
    match lower(w, &mut buf) {
        Some(l) => set.binary_search(&l).is_ok(),
        None => false,
    }
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The offset of the first ASCII digit at or after `i`, eight bytes at a
/// time (SWAR): digits are the bytes whose value xor `0x30` is below 10.
#[inline]
pub fn next_digit(b: &[u8], mut i: usize) -> Option<usize> {
    while i + 8 <= b.len() {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
        let x = w ^ (0x30 * LO);
        // Flags bytes of x below 10 (the lowest flag is exact).
        let flags = x.wrapping_sub(10 * LO) & !x & HI;
        if flags != 0 {
            let k = i + (flags.trailing_zeros() / 8) as usize;
            if b[k].is_ascii_digit() {
                return Some(k);
            }
            // Not reached for the lowest flag, but stay exact.
            return b[i..].iter().position(u8::is_ascii_digit).map(|o| i + o);
        }
        i += 8;
    }
    b[i..].iter().position(u8::is_ascii_digit).map(|o| i + o)
}

#[cfg(test)]
mod swar_tests {
    use super::*;

    #[test]
    fn next_digit_matches_the_naive_search() {
        let texts: [&[u8]; 5] = [
            b"no digits here at all, none",
            b"abcdefgh9",
            b"9",
            b"\xff\xfe/:;@`~ 0 and 1",
            b"revenue rose 43% to $1.2 billion in Q3 2025",
        ];
        for t in texts {
            for i in 0..=t.len() {
                let naive =
                    t[i..].iter().position(u8::is_ascii_digit).map(|o| i + o);
                assert_eq!(next_digit(t, i), naive, "{t:?} from {i}");
            }
        }
    }
}
