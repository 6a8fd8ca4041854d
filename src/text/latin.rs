//! Where Latin-script patterns can match: the stretches of a text outside its
//! long runs of Japanese (kana, kanji and CJK punctuation, U+3001–U+9FFF).
//!
//! The English rules of people and companies are regexes that need Latin
//! letters; run over a whole Japanese article, their lazy DFAs spend most of
//! their time on text where they can never match. No code point of
//! U+3001–U+9FFF is an upper- or lower-case letter, an ASCII character, a
//! curly quote or white space, so a match of such a pattern never holds one,
//! except where a pattern takes any letter after a hyphen (`-\p{L}`): a
//! character right after `-` is never skipped. Searching each stretch with
//! `find_at` on the text cut at the stretch's end gives exactly the matches a
//! search of the whole text gives: the cut falls on a Japanese character,
//! which an ASCII word boundary `(?-u:\b)` reads as the end of the text does.

/// Japanese runs shorter than this many bytes stay inside a stretch: a search
/// per stretch costs more than skipping a few characters saves.
const MIN_GAP: usize = 24;

/// Is the byte at `i` the first of a character of U+3001–U+9FFF (three bytes,
/// lead byte `E3`–`E9`; U+3000, the ideographic space, is white space)?
fn japanese_at(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        Some(0xE3) => !(b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80)),
        Some(0xE4..=0xE9) => true,
        _ => false,
    }
}

/// One stretch of a text where a Latin pattern may match (byte offsets, on
/// character boundaries), with what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stretch {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// It holds an ASCII capital letter.
    pub ascii_capital: bool,
    /// It holds a character outside ASCII and U+3000–U+9FFF (which may be an
    /// upper-case letter: `É`, `Ä`).
    pub other_letter: bool,
}

impl Stretch {
    /// It may hold an upper-case letter.
    pub fn may_hold_capital(&self) -> bool {
        self.ascii_capital || self.other_letter
    }
}

/// The stretches of `text`, in order, outside its runs of at least
/// `MIN_GAP` (24) bytes of Japanese characters. Every match of a Latin pattern
/// lies in one stretch.
pub fn stretches(text: &str) -> Vec<Stretch> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut cur = Stretch {
        start: 0,
        end: 0,
        ascii_capital: false,
        other_letter: false,
    };
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c < 0x80 {
            cur.ascii_capital |= c.is_ascii_uppercase();
            i += 1;
            continue;
        }
        if japanese_at(b, i) && !(i > 0 && b.get(i - 1) == Some(&b'-')) {
            // A run of Japanese characters (each three bytes).
            let mut j = i;
            while japanese_at(b, j) {
                j += 3;
            }
            if j - i >= MIN_GAP {
                if cur.start < i {
                    cur.end = i;
                    out.push(cur);
                }
                cur = Stretch {
                    start: j,
                    end: j,
                    ascii_capital: false,
                    other_letter: false,
                };
            }
            i = j;
            continue;
        }
        // A lead byte outside U+3000–U+9FFF (continuation bytes are 0x80–0xBF).
        cur.other_letter |= matches!(c, 0xC2..=0xE2 | 0xEA..=0xF4);
        i += 1;
    }
    if cur.start < b.len() {
        cur.end = b.len();
        out.push(cur);
    }
    out
}

/// Every match of `re` in `text`, as `re.find_iter(text)` gives them, found
/// by searching only the `stretches` of `text` that `keep` keeps (`re` must be
/// a Latin pattern as the module docs describe, with no `^` or `$`, and every
/// stretch left out must hold no match: no ASCII capital where every match
/// needs one, say).
pub fn find_iter<'t>(
    re: &'t regex::Regex,
    text: &'t str,
    stretches: &'t [Stretch],
    keep: fn(&Stretch) -> bool,
) -> impl Iterator<Item = regex::Match<'t>> + 't {
    search(text, stretches, keep, move |hay, at| {
        re.find_at(hay, at).map(|m| (m, m))
    })
}

/// As [`find_iter`], with the capture groups (`re.captures_iter(text)`).
pub fn captures_iter<'t>(
    re: &'t regex::Regex,
    text: &'t str,
    stretches: &'t [Stretch],
    keep: fn(&Stretch) -> bool,
) -> impl Iterator<Item = regex::Captures<'t>> + 't {
    search(text, stretches, keep, move |hay, at| {
        let c = re.captures_at(hay, at)?;
        let m = c.get(0)?;
        Some((c, m))
    })
}

/// The stretch walk of [`find_iter`] and [`captures_iter`]: `next(hay, at)`
/// finds the next match at or after `at` in `hay` (the text up to the
/// stretch's end) and returns what to yield with the whole match.
fn search<'t, T: 't>(
    text: &'t str,
    stretches: &'t [Stretch],
    keep: fn(&Stretch) -> bool,
    next: impl Fn(&'t str, usize) -> Option<(T, regex::Match<'t>)> + Copy + 't,
) -> impl Iterator<Item = T> + 't {
    stretches
        .iter()
        .filter(move |s| keep(s))
        .flat_map(move |s| {
            let hay = text.get(..s.end).unwrap_or("");
            let mut at = s.start;
            std::iter::from_fn(move || {
                let (item, m) = next(hay, at)?;
                // Matches are never empty; stepping one byte past an empty one
                // would mimic `find_iter` if one were.
                at = if m.end() > m.start() {
                    m.end()
                } else {
                    m.end() + 1
                };
                Some(item)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(&str, bool, bool)> {
        stretches(text)
            .into_iter()
            .map(|s| (&text[s.start..s.end], s.ascii_capital, s.other_letter))
            .collect()
    }

    #[test]
    fn stretches_skip_long_japanese_runs_only() {
        let text = "日本語の文章がここに長く続きます。Tim Cook氏はAppleの長い日本語の文がここに続いています。abc Ä";
        assert_eq!(
            spans(text),
            vec![("Tim Cook氏はApple", true, false), ("abc Ä", false, true)]
        );
        assert!(spans("日本語の文章がここに長く続きます。").is_empty());
        // A character after a hyphen is never skipped.
        assert_eq!(
            spans("X-日本語の文章がここに長く続きます"),
            vec![("X-日", true, false)]
        );
        // The ideographic space is white space, not Japanese.
        let t = "日本語の文章がここに　長く続きます";
        assert_eq!(spans(t), vec![("　長く続きます", false, false)]);
    }

    #[test]
    fn a_search_by_stretches_finds_what_a_whole_search_finds() {
        let re = regex::Regex::new(r"(?-u:\b)[A-Z][a-z]+(?: [A-Z][a-z]+)*(?-u:\b)").unwrap();
        let text = "日本語の文章がここに長く続きます。Tim Cook氏はAppleの長い日本語の文がここに続いています。Hello World";
        let st = stretches(text);
        let whole: Vec<&str> = re.find_iter(text).map(|m| m.as_str()).collect();
        let by: Vec<&str> = find_iter(&re, text, &st, |s| s.ascii_capital)
            .map(|m| m.as_str())
            .collect();
        assert_eq!(by, whole);
        assert_eq!(by, vec!["Tim Cook", "Apple", "Hello World"]);
    }
}
