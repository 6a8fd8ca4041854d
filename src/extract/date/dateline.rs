//! The article's own date at its head: a wire dateline (`LONDON, March 4, 2026
//! (Reuters) -`), a publication line (`Published 9 June 2025`, `Updated: June 9,
//! 2025`) or a Japanese page's date line (`2025年6月9日 12:00 配信`). A dateline
//! without a date (`【ワシントン=共同】`) gives nothing.

use std::sync::LazyLock;

/// How many non-empty lines from the top a dateline may stand on (a title, a
/// byline or a photo credit may come first).
const HEAD_LINES: usize = 4;

/// What may stand before the date on its line: nothing, a place in capitals and
/// a comma (`NEW YORK,`, `TOKYO, Japan,`), or a publication word.
static BEFORE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?x)^\s*(?:
            |(?:[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*)*\s*(?:,\s*[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*)*)?\s*,\s*)
            |(?i:(?:first\s+)?(?:published|updated|posted|dated)(?:\s+on)?\s*:?\s*)
            |(?:配信日?|更新日?|公開日?|掲載日?|日付)\s*[:：]?\s*
        )$",
    )
    .unwrap_or_else(|e| panic!("dateline before: {e}"))
});

/// What may follow the date on its line when nothing stood before it: a
/// weekday, a time and a publication word (`12:00 配信`), or nothing at all.
static AFTER_BARE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?x)^\s*(?:\(\s*[月火水木金土日]\s*\))?\s*
            (?:[0-9]{1,2}:[0-9]{2}(?:\s*(?:[AaPp]\.?[Mm]\.?|JST|GMT|UTC|BST|ET|EST|EDT))?)?\s*
            (?:配信|更新|公開|掲載|発表)?\s*$",
    )
    .unwrap_or_else(|e| panic!("dateline after: {e}"))
});

/// The top of an article, where a dateline may stand: the start of each line
/// down to the one after the [`HEAD_LINES`]-th non-empty line, found once per
/// article, so that testing a date costs its own line only (a search back and
/// forth from each date to its line's ends cost the whole line per date, which
/// grew with the square of a one-line article).
pub(super) struct Head {
    /// Each line's start, with how many non-empty lines come before it.
    lines: Vec<(usize, usize)>,
    /// A date at or after this byte has [`HEAD_LINES`] non-empty lines above it.
    limit: usize,
}

impl Head {
    /// The head of `text`.
    pub(super) fn new(text: &str) -> Head {
        let bytes = text.as_bytes();
        let (mut lines, mut at, mut filled) = (Vec::new(), 0, 0);
        loop {
            if filled >= HEAD_LINES {
                return Head { lines, limit: at };
            }
            lines.push((at, filled));
            let Some(nl) = memchr::memchr(b'\n', &bytes[at..]) else {
                return Head {
                    lines,
                    limit: usize::MAX,
                };
            };
            if !text[at..at + nl].trim().is_empty() {
                filled += 1;
            }
            at += nl + 1;
        }
    }

    /// Whether the full date at `start..end` of `text` is the article's dateline.
    pub(super) fn is_dateline(&self, text: &str, start: usize, end: usize) -> bool {
        if start >= self.limit {
            return false;
        }
        let Some(head) = text.get(..start) else {
            return false;
        };
        // The line holding `start`: the last line starting at or before it.
        let i = self.lines.partition_point(|&(s, _)| s <= start);
        let Some(&(line_start, lines_before)) = i.checked_sub(1).and_then(|i| self.lines.get(i))
        else {
            return false;
        };
        if lines_before >= HEAD_LINES {
            return false;
        }
        let before = &head[line_start..];
        let Some(rest) = text.get(end..) else {
            return false;
        };
        if !BEFORE.is_match(before) {
            return false;
        }
        // A line that starts with the date is a dateline only if the date stands
        // alone there (a page's date line); a place or a publication word before it
        // says so whatever follows (`(Reuters) -`, the story's first sentence).
        !before.trim().is_empty() || AFTER_BARE.is_match(rest.split('\n').next().unwrap_or(""))
    }
}

/// Whether the full date at `start..end` of `text` is the article's dateline
/// (for one date; an article's dates share one [`Head`]).
#[cfg(test)]
fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    Head::new(text).is_dateline(text, start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, date: &str) -> bool {
        let s = text.find(date).unwrap();
        is_dateline(text, s, s + date.len())
    }

    #[test]
    fn date_datelines() {
        assert!(check(
            "Title\n\nLONDON, March 4, 2026 (Reuters) - Shares fell.",
            "March 4, 2026"
        ));
        assert!(check(
            "見出し\n2025年6月9日 12:00 配信\n本文",
            "2025年6月9日"
        ));
        assert!(check(
            "Headline\nPublished 9 June 2025\nBody",
            "9 June 2025"
        ));
        assert!(check(
            "Headline\nUpdated: June 9, 2025 10:30 a.m.\nBody",
            "June 9, 2025"
        ));
        assert!(!check(
            "Headline\nShares fell on June 9, 2025.",
            "June 9, 2025"
        ));
        assert!(!check(
            "Headline\nJune 9, 2025 was a bad day.",
            "June 9, 2025"
        ));
        assert!(!check(
            "a\nb\nc\nd\nLONDON, March 4, 2026 (Reuters) -",
            "March 4, 2026"
        ));
    }
}
