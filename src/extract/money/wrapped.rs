//! Amounts broken by a line break in hard-wrapped text (`$3.7\n\nbillion`,
//! `24億\nドル`, `3.7\nbillion dollars`).
//!
//! The money rules run one line at a time (their cue gating hands them lines),
//! so no pattern can see both halves of such an amount. Rather than teach every
//! pattern about line breaks, the break is closed in a second view of the text:
//! where a line ends in a numeral and the next non-blank line starts with a
//! scale or currency word, the whitespace between them becomes one space (two
//! ASCII words: `3.7 billion`) or nothing (`24億ドル`). The rules run on that
//! view; [`Joined::original_start`] and [`Joined::original_end`] map what they find back to offsets of the text,
//! so a fact's span holds the break as written.
//!
//! What is joined, and why no more:
//! - at most one blank line between the halves: a wrap, or a paragraph break a
//!   line wrapper put in the middle of a figure; two blank lines end more;
//! - the continuation starts with a lower-case English scale or currency word
//!   (`billion`, `bn`, `dollars`, `pence`...), or with 万億兆 or a Japanese
//!   currency name (`ドル`, `円`, `ユーロ`): prose continues in lower case, a
//!   heading (`Billion-dollar bets`) does not;
//! - the line before ends in a digit (or in 万億兆 before a Japanese currency
//!   name), and that number is not a bare year: `in 2025` over `billion...` is
//!   no amount, `$2025` over `million` is;
//! - a continuation line is never a heading (`crate::section` asks
//!   [`continues_amount`]), so a joined amount never crosses a section.

use super::currency;
use crate::article::Lang;
use std::sync::LazyLock;

/// English words that may continue an amount on the next line: scales and the
/// first word of every currency name, lower case.
static EN_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&'static str> = [
        "thousand", "million", "billion", "trillion", "bn", "mn", "mln", "bln", "tn", "trn",
    ]
    .into_iter()
    .chain(
        currency::CURRENCIES
            .iter()
            .flat_map(|c| c.names(Lang::En).iter().copied())
            .chain(currency::MINOR_EN.iter().map(|m| m.0))
            .filter_map(|n| n.split([' ', '.']).next()),
    )
    .filter(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase()))
    .collect();
    v.sort_unstable();
    v.dedup();
    v
});

/// Japanese names that may continue an amount: every currency name and minor unit.
static JA_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(currency::ja_names);

/// Whether a line ending with `prev` (trailing whitespace allowed) and a line
/// starting with `next` (leading whitespace allowed) are two halves of one
/// amount (see the module docs).
pub fn continues_amount(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    let next = next.trim_start();
    let Some(last) = prev.chars().next_back() else {
        return false;
    };
    if last.is_ascii_digit() {
        if bare_year(prev) {
            return false;
        }
        if "万億兆".chars().any(|c| next.starts_with(c)) {
            return true;
        }
        if JA_WORDS.iter().any(|w| next.starts_with(w)) {
            return true;
        }
        let word_len = next.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
        let word = &next[..word_len];
        return word_len > 0 && EN_WORDS.binary_search(&word).is_ok();
    }
    if "万億兆".contains(last) {
        return JA_WORDS.iter().any(|w| next.starts_with(w));
    }
    false
}

/// Whether `prev` ends in a year standing alone (`in 2025`): four digits from
/// 1900 to 2099 with no currency sign, digit group or decimal before them.
fn bare_year(prev: &str) -> bool {
    let digits = prev.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return false;
    }
    let run = &prev[prev.len() - 4..];
    let before = prev[..prev.len() - 4].chars().next_back();
    let year = run.starts_with("19") || run.starts_with("20");
    year && !before.is_some_and(|c| "$€£¥\\.,".contains(c) || c.is_ascii_alphabetic())
}

/// The text with the breaks inside amounts closed, and where each was.
pub struct Joined {
    /// The joined view.
    pub text: String,
    /// For each closed break: the offset in `text` just after what replaced it
    /// (a space, or nothing) and the bytes removed up to and including it.
    cuts: Vec<(usize, usize)>,
}

impl Joined {
    /// The joined view of `text`, or None when no break needs closing (most
    /// articles: the rules then run on `text` itself).
    pub fn new(text: &str) -> Option<Joined> {
        let bytes = text.as_bytes();
        let mut out: Option<Joined> = None;
        let mut copied = 0; // bytes of `text` already written to the view
        let mut line_start = 0;
        let mut at = 0;
        while let Some(p) = memchr::memchr(b'\n', &bytes[at..]) {
            let nl = at + p;
            let gap_start = text[..nl].trim_end_matches([' ', '\t', '\r']).len();
            let rest = &text[nl..];
            let gap_len = rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
            let gap_end = nl + gap_len;
            let breaks = bytes[nl..gap_end].iter().filter(|&&b| b == b'\n').count();
            let prev = text.get(line_start..gap_start).unwrap_or_default();
            if breaks <= 2 && gap_start > line_start && continues_amount(prev, &text[gap_end..]) {
                let joined = out.get_or_insert_with(|| Joined {
                    text: String::with_capacity(text.len()),
                    cuts: Vec::new(),
                });
                joined.text.push_str(&text[copied..gap_start]);
                let space = text[..gap_start].ends_with(|c: char| c.is_ascii_alphanumeric())
                    && text[gap_end..].starts_with(|c: char| c.is_ascii_alphanumeric());
                if space {
                    joined.text.push(' ');
                }
                let removed = joined.cuts.last().map_or(0, |c| c.1) + gap_len - usize::from(space)
                    + (nl - gap_start);
                joined.cuts.push((joined.text.len(), removed));
                copied = gap_end;
            }
            // The next line starts after the last break of the gap.
            line_start = nl + 1 + text[nl + 1..gap_end].rfind('\n').map_or(0, |i| i + 1);
            at = gap_end.max(nl + 1);
        }
        let mut joined = out?;
        joined.text.push_str(&text[copied..]);
        Some(joined)
    }

    /// The offset in the original text of byte `x` of the joined view, as the
    /// start of a span (a start on a closed break moves past the break).
    pub fn original_start(&self, x: usize) -> usize {
        let i = self.cuts.partition_point(|&(at, _)| at <= x);
        x + i.checked_sub(1).map_or(0, |i| self.cuts[i].1)
    }

    /// The offset in the original text of byte `x` of the joined view, as the
    /// end of a span (an end on a closed break stays before it).
    pub fn original_end(&self, x: usize) -> usize {
        let i = self.cuts.partition_point(|&(at, _)| at < x);
        x + i.checked_sub(1).map_or(0, |i| self.cuts[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_of_an_amount() {
        assert!(continues_amount("invest $3.7", "billion in"));
        assert!(continues_amount("invest $3.7  ", "  billion"));
        assert!(continues_amount("総額24億", "ドルを"));
        assert!(continues_amount("売上高は3", "兆円"));
        assert!(continues_amount("raised 12.5", "euros"));
        assert!(continues_amount("a $2025", "million fund"));
        // A bare year, a heading in capitals, a word that only starts like a scale.
        assert!(!continues_amount("founded in 2025", "billion-dollar plans"));
        assert!(!continues_amount("revenue of $3.7", "Billion-dollar bets"));
        assert!(!continues_amount("it had 3", "millionaires"));
        assert!(!continues_amount("the plan", "billion"));
        assert!(!continues_amount("24億", "人が"));
    }

    #[test]
    fn joins_and_maps_back() {
        let text = "paid $3.7\n\nbillion and 24億\r\nドル, then\n\n\nbillion";
        let j = Joined::new(text).expect("two breaks to close");
        assert_eq!(j.text, "paid $3.7 billion and 24億ドル, then\n\n\nbillion");
        let find = |s: &str| {
            let a = j.text.find(s).unwrap();
            (j.original_start(a), j.original_end(a + s.len()))
        };
        let (s, e) = find("$3.7 billion");
        assert_eq!(&text[s..e], "$3.7\n\nbillion");
        let (s, e) = find("24億ドル");
        assert_eq!(&text[s..e], "24億\r\nドル");
        let (s, e) = find("$3.7");
        assert_eq!(&text[s..e], "$3.7");
        let (s, e) = find("ドル");
        assert_eq!(&text[s..e], "ドル");
        let (s, e) = find("then");
        assert_eq!(&text[s..e], "then");
        assert!(Joined::new("no breaks\nin amounts 3\nhere").is_none());
    }
}
