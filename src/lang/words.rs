//! Word sets for the vocabulary lookups of the person and company finders.
//!
//! Those finders ask "is this word in that list?" several times per
//! capitalised word or kanji run of every article (given names, place words,
//! title tails, stop words). With the standard library's SipHash a lookup of
//! a short word cost more than the comparison it answers; [`WordSet`] hashes
//! with a multiply-and-rotate hash instead (no protection against chosen
//! collisions is needed: the sets hold built-in lists, and the text is only
//! ever looked up, never inserted).

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast non-cryptographic hasher: the multiply-rotate step of the hash
/// used inside rustc, over 8-byte words.
#[derive(Clone, Copy, Default)]
pub struct WordHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The hasher of the vocabulary sets.
pub type BuildWordHasher = BuildHasherDefault<WordHasher>;

/// A set of words (or characters) hashed with [`WordHasher`].
pub type WordSet<T> = HashSet<T, BuildWordHasher>;

/// The words of a word list (one or more per line, white-space separated).
pub fn word_set(words: &'static str) -> WordSet<&'static str> {
    words.split_whitespace().collect()
}

/// The lines of a word list, one entry a line (an entry may hold spaces:
/// `Bank of Japan`).
pub fn line_set(lines: &'static str) -> WordSet<&'static str> {
    lines.lines().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_set_finds_exactly_its_words() {
        let set = word_set("Bessent\nSecretary\n財務長官\nMr.\n");
        for w in ["Bessent", "Secretary", "財務長官", "Mr."] {
            assert!(set.contains(w), "{w}");
        }
        for w in [
            "",
            "Bessen",
            "Bessentt",
            "secretary",
            "財務長",
            "Mr",
            "Mr. ",
        ] {
            assert!(!set.contains(w), "{w}");
        }
        // A `String` key is found by a `&str` of the same text.
        let owned: WordSet<String> = ["Officer".to_string()].into_iter().collect();
        assert!(owned.contains("Officer"));
    }
}
