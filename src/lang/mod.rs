//! Per-language vocabulary: the words the rules of every kind share, one
//! folder per language (`en/`, `ja/`). A kind's rule files build their
//! patterns from these tables and read matches back through them, so a word
//! and what it means are written once.
//!
//! Each folder holds the qualifier words of amounts (`about`, `約`, `以上`,
//! `+`): each word once, with the qualifier it stands for, where it stands
//! (before or after the number), and which kinds accept it; the regex
//! alternations of the money and percent rules and the lookups that turn a
//! matched word into a [`Qualifier`] both come from [`QUALIFIERS`]. Beside
//! them: honorifics (people), sentence enders and the abbreviations whose
//! full stop ends no sentence (the `sentence` field), the markers of a
//! related-articles block (sections), and (`<code>/link.rs`) the cue words of
//! linking: metrics, change words, deal words and stages. The sets the
//! person and company finders look words up in are [`words::WordSet`]s.

pub mod en;
pub mod ja;
pub mod words;

use crate::fact::Qualifier;

/// Where a qualifier word stands relative to the number it qualifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// Before the number (`about $5`, `約5億円`).
    Before,
    /// After the number or its unit (`$10B+`, `5億円超`, `90% or more`).
    After,
}

/// Accepted by the money rules.
pub const MONEY: u8 = 1;
/// Accepted by the percent rules.
pub const PERCENT: u8 = 2;
/// Accepted by both.
pub const BOTH: u8 = MONEY | PERCENT;

/// One qualifier word of a language.
#[derive(Clone, Copy, Debug)]
pub struct QualifierWord {
    /// The word as written, lower case, one space between words.
    pub word: &'static str,
    /// What it says about the number.
    pub qualifier: Qualifier,
    /// Where it stands.
    pub place: Place,
    /// The kinds whose rules accept it ([`MONEY`], [`PERCENT`], [`BOTH`]).
    pub kinds: u8,
}

/// Shorthand for the tables.
pub(crate) const fn q(
    word: &'static str,
    qualifier: Qualifier,
    place: Place,
    kinds: u8,
) -> QualifierWord {
    QualifierWord {
        word,
        qualifier,
        place,
        kinds,
    }
}

/// Every language's qualifier table.
pub const QUALIFIERS: [&[QualifierWord]; 2] = [en::QUALIFIERS, ja::QUALIFIERS];

/// The words of `table` standing at `place` that the kinds `kinds` accept
/// and `keep` keeps, as a regex alternation: longest first (so the longest
/// word written wins where one is the start of another, `超え` over `超`),
/// escaped, each space written as `space` (`[ \t]`, `[ ]+`).
pub fn alternation(
    table: &[QualifierWord],
    place: Place,
    kinds: u8,
    keep: impl Fn(&QualifierWord) -> bool,
    space: &str,
) -> String {
    let mut words: Vec<&str> = table
        .iter()
        .filter(|w| w.place == place && w.kinds & kinds != 0 && keep(w))
        .map(|w| w.word)
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words
        .iter()
        .map(|w| regex::escape(w).replace(' ', space))
        .collect::<Vec<_>>()
        .join("|")
}

/// The qualifier `word` stands for in any language (any case, any run of
/// white space between its words), if it is one.
pub fn qualifier_of(word: &str) -> Option<Qualifier> {
    let word = normalize(word);
    QUALIFIERS
        .iter()
        .flat_map(|t| t.iter())
        .find(|w| w.word == word)
        .map(|w| w.qualifier)
}

/// `s` lower case, its words joined by one space.
pub(crate) fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word is written once per language (so it has one meaning), lower
    /// case, with single spaces, and is accepted by some kind.
    #[test]
    fn each_word_once_and_normalised() {
        for table in QUALIFIERS {
            let mut seen = std::collections::HashSet::new();
            for w in table {
                assert!(seen.insert((w.word, w.place)), "{} twice", w.word);
                assert_eq!(normalize(w.word), w.word);
                assert!(w.kinds & BOTH != 0, "{}", w.word);
            }
        }
    }

    /// One meaning per word in every kind and language (SPEC "qualifier"):
    /// a plus sign is over, `or more` and its kin include the number.
    #[test]
    fn a_plus_is_over_and_or_more_at_least() {
        for w in ["+", "plus", "-plus", "More  Than", "超"] {
            assert_eq!(qualifier_of(w), Some(Qualifier::Over), "{w}");
        }
        for w in ["or more", "or higher", "or above", "and up", "以上"] {
            assert_eq!(qualifier_of(w), Some(Qualifier::AtLeast), "{w}");
        }
        assert_eq!(qualifier_of("nothing"), None);
    }

    #[test]
    fn alternations_put_longer_words_first() {
        let alt = alternation(ja::QUALIFIERS, Place::After, MONEY, |_| true, "");
        let pos = |w: &str| alt.split('|').position(|x| x == w).unwrap();
        assert!(pos("超え") < pos("超"));
        assert!(pos("余り") < pos("余"));
        let alt = alternation(en::QUALIFIERS, Place::Before, MONEY, |_| true, "[ \\t]");
        assert!(alt.contains("approx\\.|") && alt.contains("more[ \\t]than"));
    }
}
