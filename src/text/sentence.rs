//! Sentence boundaries for the `sentence` field of a fact.
//!
//! Japanese sentences end at 。！？ (and the half-width ! ?), English ones at a full
//! stop followed by a space, unless the stop belongs to a decimal (`2.4`), an
//! abbreviation (`Mr.`, `Inc.`, `U.S.`, `Jan.`) or an initial (`J. Smith`). A line
//! break always ends a sentence: headings and teaser titles carry no punctuation.

use crate::lang;

/// A character that ends a sentence wherever it stands (the full stop is
/// decided by `ends_english_sentence`).
fn ender(c: char) -> bool {
    lang::ja::SENTENCE_ENDERS.contains(&c) || lang::en::SENTENCE_ENDERS.contains(&c)
}

/// Byte ranges `[start, end)` of the sentences of `text`, in order, without the
/// surrounding whitespace. Empty lines yield nothing.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let end = match c {
            '\n' | '\r' => Some(i),
            c if ender(c) => {
                let mut e = i + c.len_utf8();
                while let Some(&(j, n)) = iter.peek() {
                    if is_closer(n) || ender(n) {
                        e = j + n.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                Some(e)
            }
            '.' if ends_english_sentence(text, i) => {
                let mut e = i + 1;
                while let Some(&(j, n)) = iter.peek() {
                    if is_closer(n) {
                        e = j + n.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                Some(e)
            }
            _ => None,
        };
        if let Some(e) = end {
            push_trimmed(text, start, e, &mut out);
            start = if bytes.get(e).is_some() {
                e
            } else {
                text.len()
            };
            if c == '\n' || c == '\r' {
                start = i + 1;
            }
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// The sentence range containing byte offset `pos`, from ranges made by `split_sentences`.
pub fn sentence_at(sentences: &[(usize, usize)], pos: usize) -> Option<(usize, usize)> {
    let i = sentences.partition_point(|&(_, e)| e <= pos);
    sentences.get(i).copied().filter(|&(s, _)| s <= pos)
}

fn is_closer(c: char) -> bool {
    matches!(c, '」' | '』' | '）' | ')' | '"' | '\'' | '”' | '’' | '】')
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    if s >= e {
        return;
    }
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((s + lead, e - trail));
    }
}

/// Whether the `.` at byte `i` ends an English sentence.
fn ends_english_sentence(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    let next = after.trim_start_matches(is_closer).chars().next();
    match next {
        None => {}
        Some(c) if c.is_whitespace() => {}
        _ => return false, // 2.4, U.S, example.com
    }
    let before = &text[..i];
    let word_start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '\'' || c == '-'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    // An initial: one capital letter (J. Smith), or letters joined by dots (U.S.).
    if word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    if lang::en::ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    if lower.contains('.') && lower.split('.').all(|p| p.len() <= 1) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(t: &str) -> Vec<&str> {
        split_sentences(t)
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect()
    }

    #[test]
    fn japanese_sentences() {
        assert_eq!(
            sentences("米中協議が始まった。焦点は何か？「対話こそ唯一の道」と強調！次へ"),
            vec![
                "米中協議が始まった。",
                "焦点は何か？",
                "「対話こそ唯一の道」と強調！",
                "次へ"
            ]
        );
    }

    #[test]
    fn english_not_fooled_by_decimals_abbreviations_initials() {
        assert_eq!(
            sentences("Mr. Smith of Acme Inc. paid $2.4 billion. Shares rose 3.5% in the U.S. market. J. P. Morgan agreed."),
            vec![
                "Mr. Smith of Acme Inc. paid $2.4 billion.",
                "Shares rose 3.5% in the U.S. market.",
                "J. P. Morgan agreed."
            ]
        );
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(
            sentences("Heading\r\nBody text. More\n\nLast"),
            vec!["Heading", "Body text.", "More", "Last"]
        );
    }

    #[test]
    fn sentence_lookup() {
        let t = "一文目。二文目。";
        let s = split_sentences(t);
        assert_eq!(sentence_at(&s, 0), Some(s[0]));
        assert_eq!(sentence_at(&s, s[1].0 + 3), Some(s[1]));
    }
}
