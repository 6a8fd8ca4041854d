//! Japanese words that point at people and companies: titles (`社長`,
//! `財務長官`), the honorifics a name is looked for before (`氏`, `さん`),
//! legal forms (`株式会社`, `(株)`), words that say the name next to them is a
//! company (`社`, `傘下`, `大手`) and industry endings (`自動車`, `銀行`).
//!
//! All of them are found by one scan per article: the gazetteer's automaton
//! searches them along with the names of people and companies
//! (`gazetteer::CueList`), and the finders read where each word stands.
//! A new title, legal form, context word or ending is one entry here (a line
//! of `data/titles.txt`, say): the scan finds it from then on, and the rule
//! that reads that list reads it.

/// Titles (offices and positions), one a line. `氏` and `さん` are honorifics,
/// not titles.
pub const TITLES: &str = include_str!("data/titles.txt");

/// The honorifics a name is looked for before (`橋本氏`, `田中さん`); `様`
/// vouches for a name already found (`lang::ja::HONORIFICS`) but starts no search.
pub const NAME_HONORIFICS: &[&str] = &["氏", "さん"];

/// Industry endings that make a company name out of the word before them
/// (`トヨタ自動車`, `三菱商事`), one a line.
pub const COMPANY_ENDINGS: &str = include_str!("data/company_endings.txt");

/// Words right before a name that say it is a company (`半導体企業X`, `傘下のX`).
pub const COMPANY_CONTEXT_BEFORE: &[&str] = &[
    "企業",
    "子会社",
    "傘下",
    "大手",
    "メーカー",
    "スタートアップ",
    "新興企業",
    "新興",
    "会社",
    "系列",
    "親会社",
    "運営会社",
    "持ち株会社",
    "新会社",
    "買収先",
    "取引先",
    "中堅銀行",
    "地方銀行",
    "地銀",
];

/// Legal forms written after the name (`X株式会社`, `XHD`).
pub const COMPANY_LEGAL_AFTER: &[&str] = &[
    "株式会社",
    "(株)",
    "(株)",
    "ホールディングス",
    "HD",
    "グループ",
    "レーティングス",
];

/// Legal forms written before the name (`株式会社X`).
pub const COMPANY_LEGAL_BEFORE: &[&str] = &["株式会社", "(株)", "(株)"];

/// The company cue words in the order the company finder reads them:
/// [`COMPANY_LEGAL_AFTER`], [`COMPANY_LEGAL_BEFORE`], `社`,
/// [`COMPANY_CONTEXT_BEFORE`] (a word may stand in two of them).
pub fn company_cues() -> Vec<&'static str> {
    COMPANY_LEGAL_AFTER
        .iter()
        .chain(COMPANY_LEGAL_BEFORE)
        .chain(&["社"])
        .chain(COMPANY_CONTEXT_BEFORE)
        .copied()
        .collect()
}
