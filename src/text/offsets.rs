//! Byte offsets → code-point offsets, for many offsets at once in one forward pass.

/// Convert byte offsets of `text` (each on a char boundary) to code-point offsets.
/// `offsets` may be in any order; the work is one pass over the text plus a sort.
pub fn bytes_to_chars(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut out = vec![0; offsets.len()];
    let (mut byte, mut chars) = (0usize, 0usize);
    for i in order {
        let target = offsets[i].min(text.len());
        if target > byte {
            chars += count_chars(&text.as_bytes()[byte..target]);
            byte = target;
        }
        out[i] = chars;
    }
    out
}

/// Code points in a UTF-8 byte slice: every byte that is not a continuation byte.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// How many bytes [`chars_to_bytes`] counts at a time while far from an offset.
const BLOCK: usize = 64;

/// Convert code-point offsets of `text` to byte offsets, in one forward pass
/// over its bytes (a code point starts at every byte that is not a UTF-8
/// continuation byte). An offset past the last code point is `text.len()`.
pub fn chars_to_bytes(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let bytes = text.as_bytes();
    let mut out = vec![text.len(); offsets.len()];
    // `byte` is where code point number `chars` starts.
    let (mut chars, mut byte) = (0usize, 0usize);
    for i in order {
        // Far from the target, whole blocks at a time: a block of BLOCK bytes
        // holds at most BLOCK code points, so it cannot overshoot; a code point
        // cut at the block's end is counted by its first byte, and its other
        // bytes are stepped over.
        while offsets[i].saturating_sub(chars) >= BLOCK && byte + BLOCK <= bytes.len() {
            chars += count_chars(&bytes[byte..byte + BLOCK]);
            byte += BLOCK;
            while bytes.get(byte).is_some_and(|&b| (b as i8) < -0x40) {
                byte += 1;
            }
        }
        while chars < offsets[i] && byte < bytes.len() {
            byte += 1;
            while bytes.get(byte).is_some_and(|&b| (b as i8) < -0x40) {
                byte += 1;
            }
            chars += 1;
        }
        out[i] = byte;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways() {
        let t = "約24億ドル and $5";
        let bytes = [0, 3, 5, t.len()];
        let chars = bytes_to_chars(t, &bytes);
        assert_eq!(chars, vec![0, 1, 3, t.chars().count()]);
        assert_eq!(chars_to_bytes(t, &chars), bytes.to_vec());
    }

    #[test]
    fn long_texts_convert_at_every_offset() {
        // Long enough for whole blocks, with code points of every width cut
        // at block ends.
        let t = "aé約24億ドル😀 and $5、".repeat(40);
        let starts: Vec<usize> = t.char_indices().map(|(i, _)| i).collect();
        let chars: Vec<usize> = (0..starts.len()).collect();
        assert_eq!(chars_to_bytes(&t, &chars), starts);
        assert_eq!(bytes_to_chars(&t, &starts), chars);
        for (c, &b) in starts.iter().enumerate().step_by(7) {
            assert_eq!(chars_to_bytes(&t, &[c]), vec![b]);
        }
        assert_eq!(chars_to_bytes(&t, &[starts.len() + 5]), vec![t.len()]);
    }

    #[test]
    fn past_the_end() {
        let t = "aドル";
        assert_eq!(chars_to_bytes(t, &[0, 1, 2, 3, 9]), vec![0, 1, 4, 7, 7]);
        assert_eq!(chars_to_bytes("", &[0, 2]), vec![0, 0]);
    }

    #[test]
    fn unsorted_offsets() {
        let t = "ドルab";
        assert_eq!(bytes_to_chars(t, &[7, 0, 3]), vec![3, 0, 1]);
        assert_eq!(chars_to_bytes(t, &[3, 0, 1]), vec![7, 0, 3]);
    }
}
