//! The text around a date rule's match: characters and words just before or
//! after it, and the sentence it stands in.

use crate::extract::Doc;

/// The text after `pos`, up to `n` characters.
pub(super) fn after<'a>(doc: &Doc<'a>, pos: usize, n: usize) -> &'a str {
    let rest = doc.text.get(pos..).unwrap_or("");
    let end = rest.char_indices().nth(n).map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// The text before `pos`, up to `n` characters.
pub(super) fn before<'a>(doc: &Doc<'a>, pos: usize, n: usize) -> &'a str {
    let head = doc.text.get(..pos).unwrap_or("");
    let start = head
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &head[start..]
}

/// The ASCII word just before `pos` (skipping spaces), lower-cased.
pub(super) fn prev_word(doc: &Doc, pos: usize) -> String {
    let head = doc
        .text
        .get(..pos)
        .unwrap_or("")
        .trim_end_matches([' ', '\t']);
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphabetic())
        .last()
        .map_or(head.len(), |(i, _)| i);
    head[start..].to_ascii_lowercase()
}

/// The ASCII word just after `pos` (skipping one run of spaces), as written.
pub(super) fn next_word<'a>(doc: &Doc<'a>, pos: usize) -> &'a str {
    let rest = doc.text.get(pos..).unwrap_or("");
    let rest = rest.trim_start_matches([' ', '\t']);
    let end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The sentence around byte `pos`: from after the last `。`, `. `, `? `, `! ` or line
/// break before it to the next one after it.
pub(super) fn sentence_around(text: &str, pos: usize) -> (usize, usize) {
    let is_stop = |t: &str, i: usize| {
        let rest = t.get(i..).unwrap_or("");
        rest.starts_with(['。', '\n'])
            || (rest.starts_with(['.', '?', '!'])
                && rest[1..].chars().next().is_none_or(char::is_whitespace))
    };
    let start = text.get(..pos).map_or(0, |b| {
        b.char_indices()
            .rev()
            .find(|&(i, _)| is_stop(text, i))
            .map_or(0, |(i, ch)| i + ch.len_utf8())
    });
    let end = text.get(pos..).map_or(text.len(), |a| {
        a.char_indices()
            .find(|&(i, _)| is_stop(text, pos + i))
            .map_or(text.len(), |(i, _)| pos + i)
    });
    (start, end)
}
