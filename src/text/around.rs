//! The characters around a byte offset, and byte offsets moved onto character
//! boundaries: what productions use to check a match's neighbours. Each look is
//! O(1) in the length of the text (no scan back to a line start).

/// The character just before byte offset `at` of `text`.
pub fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// The character at byte offset `at` of `text`.
pub fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// `i` moved back onto a character boundary of `text` (and into it).
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `i` moved forward onto a character boundary of `text` (at most its end).
pub fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_and_boundaries() {
        let t = "円a";
        assert_eq!(char_before(t, 3), Some('円'));
        assert_eq!(char_after(t, 3), Some('a'));
        assert_eq!(char_before(t, 0), None);
        assert_eq!(char_after(t, 1), None);
        assert_eq!(floor_boundary(t, 2), 0);
        assert_eq!(ceil_boundary(t, 2), 3);
        assert_eq!(floor_boundary(t, 99), 4);
    }
}
