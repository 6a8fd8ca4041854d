//! Word lists that tell a name from other words: surnames (Japanese, Chinese,
//! Korean), kanji given-name endings, katakana and English given names, and the
//! capitalised or katakana words that look like names but are places, months,
//! organisations or common nouns. The lists are data files in `data/`, one
//! entry a line, sorted and duplicate-free (a test checks every such file).

use crate::lang::words::{word_set as set, WordSet};
use std::sync::LazyLock;

/// Japanese surnames (the most frequent ones, plus names often in the news).
const JA_SURNAMES: &str = include_str!("data/ja_surnames.txt");

/// Chinese and Korean surnames, as written in Japanese news (kanji).
const CJK_SURNAMES: &str = include_str!("data/cjk_surnames.txt");

/// One-character names (Japanese and Chinese/Korean) accepted before a title or
/// honorific. Country abbreviations (米 中 英 韓 …) are deliberately absent.
const SINGLE_CHAR_NAMES: &str = include_str!("data/single_char_names.txt");

/// Last characters typical of Japanese given names (for kanji names standing
/// without a title or honorific).
const GIVEN_ENDINGS: &str = include_str!("data/ja_given_endings.txt");

/// Katakana given names (first parts of `ドナルド・トランプ`-style names).
const KATAKANA_GIVEN: &str = include_str!("data/katakana_given.txt");

/// Katakana words that are not names: countries, places, institutions and
/// common nouns that stand before titles or honorifics (`ロシア大統領`, `チーム監督`).
const KATAKANA_NOT_NAMES: &str = include_str!("data/katakana_not_names.txt");

/// English given names (common first names and first names often in business
/// and political news).
const EN_GIVEN: &str = include_str!("data/en_given.txt");

/// Capitalised words that start sequences which are not people: places, months,
/// days, organisations, titles of things.
const EN_CALENDAR: &str = include_str!("data/en_calendar.txt");

const EN_NOT_NAME_WORDS: &str = include_str!("data/en_not_name_words.txt");

/// Korean and Chinese family names as romanised in English news (`Park`, `Chen`,
/// `Wong`): with a hyphenated given name (`Ji-hoon Park`, `Wong Kar-leung`) they
/// make a name without any other cue.
const EN_CJK_SURNAMES: &str = include_str!("data/en_cjk_surnames.txt");

static JA_SURNAME_SET: LazyLock<WordSet<&'static str>> = LazyLock::new(|| {
    let mut s = set(JA_SURNAMES);
    s.extend(CJK_SURNAMES.split_whitespace());
    s
});
static SINGLE_SET: LazyLock<WordSet<&'static str>> = LazyLock::new(|| set(SINGLE_CHAR_NAMES));
// One character a line: the set holds the characters, never the line breaks.
static GIVEN_ENDING_SET: LazyLock<WordSet<char>> = LazyLock::new(|| {
    GIVEN_ENDINGS
        .split_whitespace()
        .flat_map(str::chars)
        .collect()
});
static KATAKANA_GIVEN_SET: LazyLock<WordSet<&'static str>> = LazyLock::new(|| set(KATAKANA_GIVEN));
static KATAKANA_NOT_SET: LazyLock<WordSet<&'static str>> =
    LazyLock::new(|| set(KATAKANA_NOT_NAMES));
static EN_GIVEN_SET: LazyLock<WordSet<&'static str>> = LazyLock::new(|| set(EN_GIVEN));
static EN_NOT_SET: LazyLock<WordSet<&'static str>> = LazyLock::new(|| set(EN_NOT_NAME_WORDS));
static EN_CJK_SET: LazyLock<WordSet<&'static str>> = LazyLock::new(|| set(EN_CJK_SURNAMES));

/// A romanised Korean or Chinese family name (`Park`, `Chen`).
pub fn is_en_cjk_surname(s: &str) -> bool {
    EN_CJK_SET.contains(s)
}

/// A romanised Korean or Chinese given name written with a hyphen and a lower-case
/// second syllable (`Ji-hoon`, `Kar-leung`, `Jae-myung`).
pub fn is_en_cjk_given(s: &str) -> bool {
    let Some((a, b)) = s.split_once('-') else {
        return false;
    };
    let mut ac = a.chars();
    ac.next().is_some_and(|c| c.is_ascii_uppercase())
        && ac.all(|c| c.is_ascii_lowercase())
        && a.len() >= 2
        && b.len() >= 2
        && b.chars().all(|c| c.is_ascii_lowercase())
}
static EN_CALENDAR_SET: LazyLock<WordSet<&'static str>> = LazyLock::new(|| set(EN_CALENDAR));

/// Length in characters of the longest known surname that starts `name`
/// (0 when none does).
pub fn surname_prefix(name: &str) -> usize {
    let mut best = 0;
    for (n, (i, c)) in name.char_indices().enumerate().take(3) {
        let end = i + c.len_utf8();
        if name.get(..end).is_some_and(|p| JA_SURNAME_SET.contains(p)) {
            best = n + 1;
        }
    }
    best
}

pub fn is_surname(s: &str) -> bool {
    JA_SURNAME_SET.contains(s)
}

/// One-character names allowed before a title or honorific.
pub fn is_single_char_name(s: &str) -> bool {
    SINGLE_SET.contains(s)
}

pub fn is_given_ending(c: char) -> bool {
    GIVEN_ENDING_SET.contains(&c)
}

pub fn is_katakana_given(s: &str) -> bool {
    KATAKANA_GIVEN_SET.contains(s)
}

/// Countries, places and common nouns written in katakana.
pub fn is_katakana_not_name(s: &str) -> bool {
    KATAKANA_NOT_SET.contains(s)
}

pub fn is_en_given(s: &str) -> bool {
    EN_GIVEN_SET.contains(s)
}

/// Places and organisation words: a capitalised word that is not part of a name.
pub fn is_en_not_name(s: &str) -> bool {
    EN_NOT_SET.contains(s.trim_end_matches('.'))
}

/// Months and weekdays (`May` is a month first, a surname only after a given name).
pub fn is_en_calendar(s: &str) -> bool {
    EN_CALENDAR_SET.contains(s)
}
