//! Byte offsets → code-point offsets, for many offsets at once in one forward pass.

/// How many bytes a block of [`block_counts`] spans.
const BLOCK: usize = 64;

/// The code points before each block of [`BLOCK`] bytes: entry `k` counts
/// those of `bytes[..k * BLOCK]` (a code point cut by a block's end counts in
/// the block where its first byte is). One counting pass, which the compiler
/// vectorises; an offset is then a table look-up and at most a block's count.
fn block_counts(bytes: &[u8]) -> Vec<usize> {
    let mut counts = Vec::with_capacity(bytes.len() / BLOCK + 2);
    let mut n = 0;
    counts.push(0);
    for block in bytes.chunks(BLOCK) {
        n += count_chars(block);
        counts.push(n);
    }
    counts
}

/// Convert byte offsets of `text` (each on a char boundary) to code-point offsets.
/// `offsets` may be in any order; an offset past the end counts as the end.
pub fn bytes_to_chars(text: &str, offsets: &[usize]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let counts = block_counts(bytes);
    offsets
        .iter()
        .map(|&o| {
            let o = o.min(bytes.len());
            let k = o / BLOCK;
            counts[k] + count_chars(&bytes[k * BLOCK..o])
        })
        .collect()
}

/// Code points in a UTF-8 byte slice: every byte that is not a continuation byte.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

fn is_continuation(b: u8) -> bool {
    (b as i8) < -0x40
}

/// Convert code-point offsets of `text` to byte offsets (in any order). An
/// offset past the last code point is `text.len()`.
pub fn chars_to_bytes(text: &str, offsets: &[usize]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let counts = block_counts(bytes);
    offsets
        .iter()
        .map(|&target| {
            // The last block that starts at or before the target's code point.
            let k = counts.partition_point(|&n| n <= target).saturating_sub(1);
            let mut byte = (k * BLOCK).min(bytes.len());
            // `chars` code points start before `byte`; step past the rest of
            // a code point the block's start cut.
            let mut chars = counts[k];
            while bytes.get(byte).copied().is_some_and(is_continuation) {
                byte += 1;
            }
            while chars < target && byte < bytes.len() {
                byte += 1;
                while bytes.get(byte).copied().is_some_and(is_continuation) {
                    byte += 1;
                }
                chars += 1;
            }
            byte
        })
        .collect()
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
