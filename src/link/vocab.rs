//! The cue words of linking, per language, in one table each: what a figure
//! measures (売上高, revenue), how a percentage moves (増, rose), which deal a
//! sentence reports (買収, acquire) and how far it has got (合意, in talks), plus
//! the words that hand a sentence's subject over from the one before (同社, The
//! company). The tables are per-language vocabulary and live with it
//! (`crate::lang::ja::link`, `crate::lang::en::link`); here each is compiled
//! once into an aho-corasick automaton, so a sentence is scanned once whatever
//! the number of cues.

use super::{Change, EventType, Metric, Status};
use crate::article::Lang;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

/// What a cue word says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// What a money amount measures.
    Money(Metric),
    /// What a percentage measures (growth, share, rate, margin).
    Percent(Metric),
    /// A change word: a percentage next to it is growth, in this direction.
    Change(Change),
    /// A deal of this type (a trigger of an event).
    Deal(EventType),
    /// How far a deal has got.
    Status(Status),
    /// A pronoun or anaphor standing for the subject of an earlier sentence.
    Carry,
    /// The start of a clause with a subject of its own (`while`, `whereas`).
    Break,
    /// A comparison base follows or precedes (`比`, `from`): the date next to it
    /// is not the figure's period.
    Base,
}

/// A cue found in a text: byte range (absolute in the article) and what it says.
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    /// The `start` field (see the module doc).
    pub start: usize,
    /// The `end` field (see the module doc).
    pub end: usize,
    /// The `cues` field (see the module doc).
    pub cues: &'static [Cue],
}

impl Hit {
    /// `has` (see the module doc).
    pub fn has(&self, f: impl Fn(&Cue) -> bool) -> bool {
        self.cues.iter().any(f)
    }
}

struct Table {
    ac: AhoCorasick,
    cues: Vec<&'static [Cue]>,
    words: bool,
}

fn build(table: &'static [(&'static str, &'static [Cue])], words: bool) -> Table {
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(words)
        .build(table.iter().map(|(w, _)| *w))
        .expect("cue words compile");
    Table {
        ac,
        cues: table.iter().map(|(_, c)| *c).collect(),
        words,
    }
}

static JA_TABLE: LazyLock<Table> = LazyLock::new(|| build(crate::lang::ja::link::CUES, false));
static EN_TABLE: LazyLock<Table> = LazyLock::new(|| build(crate::lang::en::link::CUES, true));

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\''
}

/// Every cue in `text[start..end]`, overlapping ones included, in order of start.
/// English cues must sit on word boundaries.
pub fn scan(lang: Lang, text: &str, start: usize, end: usize) -> Vec<Hit> {
    let table: &Table = match lang {
        Lang::Ja => &JA_TABLE,
        Lang::En => &EN_TABLE,
    };
    let hay = &text[start..end];
    let mut hits = Vec::new();
    for m in table.ac.find_overlapping_iter(hay) {
        if table.words {
            let before = hay[..m.start()].chars().next_back();
            let after = hay[m.end()..].chars().next();
            if before.is_some_and(is_word) || after.is_some_and(is_word) {
                continue;
            }
        }
        hits.push(Hit {
            start: start + m.start(),
            end: start + m.end(),
            cues: table.cues[m.pattern().as_usize()],
        });
    }
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_no_duplicate_words() {
        for table in [crate::lang::ja::link::CUES, crate::lang::en::link::CUES] {
            let mut words: Vec<&str> = table.iter().map(|(w, _)| *w).collect();
            words.sort_unstable();
            let n = words.len();
            words.dedup();
            assert_eq!(n, words.len());
        }
    }

    #[test]
    fn english_cues_sit_on_word_boundaries() {
        let t = "Revenue rose; the upside grew";
        let words: Vec<&str> = scan(Lang::En, t, 0, t.len())
            .iter()
            .map(|h| &t[h.start..h.end])
            .collect();
        assert_eq!(words, ["Revenue", "rose", "grew"]);
    }
}
