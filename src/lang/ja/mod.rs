//! Japanese vocabulary: qualifier words of amounts, honorifics, sentence
//! enders, the markers of a related-articles block; the words that point at
//! people and companies are in [`names`].

pub mod link;
pub mod names;

use super::Place::{After, Before};
use super::{q, QualifierWord, BOTH, MONEY, PERCENT};
use crate::fact::Qualifier::{Approx, AtLeast, AtMost, Over, Under};

/// Qualifier words of amounts (`約24億ドル`, `100億ドル超`, `90%以上`,
/// `最大30%`). `以上` includes the number (`at_least`), `超` excludes it
/// (`over`); a plus sign is `over`, as in English.
pub const QUALIFIERS: &[QualifierWord] = &[
    // Approximately.
    q("約", Approx, Before, BOTH),
    q("およそ", Approx, Before, BOTH),
    q("おおよそ", Approx, Before, BOTH),
    q("概ね", Approx, Before, BOTH),
    q("おおむね", Approx, Before, BOTH),
    q("ほぼ", Approx, Before, BOTH),
    q("推定", Approx, Before, MONEY),
    q("ざっと", Approx, Before, PERCENT),
    q("程度", Approx, After, BOTH),
    q("前後", Approx, After, BOTH),
    q("ほど", Approx, After, BOTH),
    q("台", Approx, After, BOTH),
    q("規模", Approx, After, MONEY),
    q("くらい", Approx, After, PERCENT),
    q("ぐらい", Approx, After, PERCENT),
    // Bounds written before the number.
    q("最大", AtMost, Before, BOTH),
    q("最大で", AtMost, Before, BOTH),
    q("最高", AtMost, Before, BOTH),
    q("最高で", AtMost, Before, BOTH),
    q("上限", AtMost, Before, PERCENT),
    q("上限で", AtMost, Before, PERCENT),
    q("最低", AtLeast, Before, BOTH),
    q("最低で", AtLeast, Before, MONEY),
    q("最低でも", AtLeast, Before, PERCENT),
    q("少なくとも", AtLeast, Before, BOTH),
    // More than.
    q("超", Over, After, BOTH),
    q("超え", Over, After, BOTH),
    q("超える", Over, After, PERCENT),
    q("を超え", Over, After, BOTH),
    q("を超える", Over, After, BOTH),
    q("を超えた", Over, After, MONEY),
    q("を超えて", Over, After, MONEY),
    q("を超す", Over, After, BOTH),
    q("を上回る", Over, After, MONEY),
    q("を上回った", Over, After, MONEY),
    q("強", Over, After, BOTH),
    q("余り", Over, After, BOTH),
    q("あまり", Over, After, BOTH),
    q("余", Over, After, MONEY),
    q("+", Over, After, PERCENT),
    // Less than.
    q("未満", Under, After, BOTH),
    q("弱", Under, After, BOTH),
    q("近く", Under, After, BOTH),
    q("近い", Under, After, PERCENT),
    q("足らず", Under, After, BOTH),
    q("割れ", Under, After, PERCENT),
    q("を下回る", Under, After, MONEY),
    q("を下回った", Under, After, MONEY),
    // At least, at most.
    q("以上", AtLeast, After, BOTH),
    q("~", AtLeast, After, PERCENT),
    q("以下", AtMost, After, BOTH),
    q("まで", AtMost, After, MONEY),
];

/// Honorifics after a name (`ベサント氏`, `山田さん`).
pub const HONORIFICS: &[&str] = &["氏", "さん", "様"];

/// Characters that end a sentence (`。`, and the full-width `！` `？`).
pub const SENTENCE_ENDERS: &[char] = &['。', '！', '？'];

/// A line that is one of these starts the block of links to related
/// articles at the end of a page.
pub const RELATED_MARKERS: &[&str] = &[
    "もっと見る",
    "もっとみる",
    "関連記事",
    "関連ニュース",
    "関連リンク",
    "あわせて読みたい",
    "合わせて読みたい",
    "こちらもおすすめ",
    "おすすめ記事",
];
