//! An article as read from the input, before any analysis.

use chrono::NaiveDate;
use serde::Serialize;

/// The language of an article (or of the rules that run on it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Japanese.
    Ja,
    /// English.
    En,
}

impl Lang {
    /// The code written in the output (`ja`, `en`).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// A language name or code as found in input (`ja`, `jpn`, `English` …).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ja" | "jp" | "jpn" | "japanese" => Some(Lang::Ja),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// Japanese when kana or kanji make up a noticeable share of the first 2,000
    /// letters, else English.
    pub fn detect(text: &str) -> Lang {
        let (mut cjk, mut latin) = (0usize, 0usize);
        for c in text.chars().filter(|&c| is_letter(c)).take(2000) {
            if is_japanese_char(c) {
                cjk += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
        // A kana/kanji character carries about as much as a Latin word.
        if cjk * 5 >= latin && cjk > 0 {
            Lang::Ja
        } else {
            Lang::En
        }
    }
}

/// `c.is_alphabetic()`, answered without the Unicode tables for the kanji,
/// hiragana and katakana letters that make up most of a Japanese text (all
/// of them letters, `Lo`).
fn is_letter(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3041..=0x3096 | 0x30A1..=0x30FA) || c.is_alphabetic()
}

/// Hiragana, katakana (full and half width) or CJK ideographs.
pub fn is_japanese_char(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F)
}

/// One article. `text` is the decoded text exactly as written (BOM removed, line
/// endings kept); every offset the tool reports indexes it in code points.
#[derive(Clone, Debug, Default)]
pub struct Article {
    /// The doc_id written with every row.
    pub id: String,
    /// The text as decoded.
    pub text: String,
    /// A title given apart from the text (JSONL `title`); the text's first line is
    /// then not taken as the title.
    pub title: Option<String>,
    /// The reference date for year-less and relative dates (JSONL `date`).
    pub date: Option<NaiveDate>,
    /// The language, when the input says (JSONL `lang`); else it is detected.
    pub lang: Option<Lang>,
    /// Markdown input (`.md`): `#` lines are headings.
    pub markdown: bool,
    /// Where it came from: the file path, plus `:line` for a JSONL article.
    pub source: String,
    /// The encoding it was decoded from.
    pub encoding: &'static str,
}

impl Article {
    /// An article with this id and text; everything else unset (the language
    /// is detected, the title is the text's first line).
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_shortcut_is_is_alphabetic() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn detects_language() {
        assert_eq!(
            Lang::detect("米中協議がロンドンで始まった。USTR代表が参加"),
            Lang::Ja
        );
        assert_eq!(
            Lang::detect("Qualcomm agreed to buy Alphawave for $2.4 billion."),
            Lang::En
        );
        assert_eq!(Lang::detect(""), Lang::En);
    }
}
