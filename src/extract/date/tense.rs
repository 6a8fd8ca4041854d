//! The tense of the clause a bare English weekday stands in (`fell on Friday`,
//! `will meet on Monday`): news uses a bare weekday for the days just before and
//! just after the article's date, and the verb before it tells which.

use super::near::before;
use crate::extract::Doc;

/// The tense of the clause a bare weekday stands in, read from the nearest verb
/// before it: `fell on Friday`, `said on Thursday` (past), `will meet on
/// Monday`, `would agree to cuts at its meeting on Sunday` (future). News uses a
/// bare weekday for the days just before and just after the article's date, and
/// the verb tells which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
}

/// Common irregular past forms in news copy.
pub(super) const PAST_IRREGULAR: &[&str] = &[
    "said", "told", "rose", "fell", "grew", "sank", "won", "lost", "met", "held", "went", "came",
    "took", "gave", "made", "saw", "paid", "sold", "bought", "hit", "spoke", "wrote", "began",
    "left", "led", "kept", "brought", "thought", "struck", "stood", "ran", "did", "was", "were",
    "had", "became", "slid", "shed", "sent", "spent", "swung", "fought", "found", "got", "knew",
    "broke", "chose", "drove", "flew", "froze", "rang", "rode", "shook", "stole", "threw", "woke",
    "withdrew", "overtook", "undercut", "soared", "sought",
];

/// Words ending in `-ed` that are not past forms.
pub(super) const NOT_PAST_ED: &[&str] = &[
    "need",
    "speed",
    "feed",
    "seed",
    "indeed",
    "hundred",
    "red",
    "bed",
    "shed",
    "wed",
    "bred",
    "proceed",
    "exceed",
    "succeed",
    "breed",
    "greed",
    "weed",
    "deed",
    "embed",
    "united",
    "limited",
    "based",
    "listed",
    "related",
    "detailed",
    "advanced",
    "combined",
    "expected",
    "scheduled",
    "planned",
    "slated",
    "due",
];

pub(super) fn tense_before(doc: &Doc, pos: usize) -> Option<Tense> {
    let head = before(doc, pos, 160);
    // The clause starts after the last sentence stop (a `.` only before a
    // space: `4.7%` goes on), semicolon, line break or quotation mark.
    let cut = head
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '!' | '?' | ';' | '\n' | '"' | '“' | '”')
                || c == '.' && head[i + 1..].starts_with(' ')
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = &head[cut..];
    // The nearest evidence wins, within the last twelve words: the clause's
    // words from its end, twelve at most (the word after each is the one
    // before it in this list).
    let words: Vec<String> = clause
        .rsplit(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| {
            let w = w.to_ascii_lowercase();
            if w.contains('’') {
                w.replace('’', "'")
            } else {
                w
            }
        })
        .collect();
    for (k, w) in words.iter().enumerate() {
        let next = k
            .checked_sub(1)
            .and_then(|j| words.get(j))
            .map(String::as_str);
        if matches!(w.as_str(), "will" | "would" | "shall") || w.ends_with("'ll") {
            return Some(Tense::Future);
        }
        if matches!(
            w.as_str(),
            "scheduled" | "expected" | "planned" | "slated" | "due" | "set" | "plans" | "plan"
        ) && matches!(next, Some("to" | "for"))
        {
            return Some(Tense::Future);
        }
        let past_ed = w.len() >= 4 && w.ends_with("ed") && !NOT_PAST_ED.contains(&w.as_str());
        if past_ed || PAST_IRREGULAR.contains(&w.as_str()) {
            return Some(Tense::Past);
        }
    }
    None
}
