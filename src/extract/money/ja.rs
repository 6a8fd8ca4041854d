//! Japanese money rules: `24億ドル`, `約24億ドル`, `二十四億ドル`, `24億5000万ドル`,
//! `2,422億4,300万円`, `1万億円`, `100億ドル超`, `2〜3億ドル`, `2億ドルから3億ドル`,
//! `2222円13銭`, `545ドルと5セント`, `50元6角3分`, `1株当たり1.95香港ドル`.
//! The text is width-folded, so `２４億ドル` and `２〜３億` arrive as `24億ドル`, `2~3億`.

use super::{combine, currency, is_exchange_rate, money, qualifier_of};
use crate::extract::Doc;
use crate::fact::{Kind, Qualifier, Value};
use crate::lang::{self, Place};
use crate::rule::{Rule, RuleSet};
use crate::scan::{Before, Cue};
use crate::text::around::char_after;
use crate::text::numbers::{big_unit, parse_ja_number, JA_GROUP};
use regex::Captures;
use std::sync::LazyLock;

/// One group of a Japanese number.
const GROUP: &str = JA_GROUP;

/// Qualifiers before the number.
fn qpre() -> String {
    let words = lang::alternation(
        lang::ja::QUALIFIERS,
        Place::Before,
        lang::MONEY,
        |_| true,
        "",
    );
    format!(r"(?:{words})[ \t]?")
}

/// Qualifiers after the currency.
fn qpost() -> String {
    let words = lang::alternation(
        lang::ja::QUALIFIERS,
        Place::After,
        lang::MONEY,
        |_| true,
        "",
    );
    format!("(?:{words})")
}

/// A unit the price is per, written before it (`1株当たり`, `1バレル=`, `月額`).
const PER: &str = r"(?P<per>(?:1|一)(?:株|バレル|トン|オンス|人|個|台|枚|泊|口|キロ|グラム|リットル|ガロン)(?:当たり|あたり|につき|=)?|月額|年額|時給|日給)[ \t]?";

fn number() -> String {
    format!(r"{GROUP}(?:[ \t]{{0,2}}[万億兆]{{1,2}}{GROUP}?)*")
}

pub(super) static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    RuleSet::new(Kind::Money, rules())
        .with_cues(cues())
        .without_set_scan()
});

/// The cues of the rules below: every match ends in a Japanese currency name
/// (`units`, or the names of `major_minor`, all in the table) written right
/// after a number and at most two spaces or tabs, and a number ends in a digit,
/// a kanji numeral or 万億兆. So `ドル` counts in `24億ドル`, not in `ドル相場`.
fn cues() -> Vec<Cue> {
    currency::ja_names()
        .into_iter()
        .map(|n| Cue::exact(n).before(Before::Numeral))
        .collect()
}

pub(super) fn rules() -> Vec<Rule> {
    let (qpre, qpost) = (qpre(), qpost());
    let num = number();
    let units = currency::ja_names_pattern();
    vec![
        Rule::new(
            "money.ja.amount_unit",
            format!(
                r"(?:{PER})?(?P<span>(?P<q>{qpre})?(?P<n1>{num})[ \t]{{0,2}}(?P<unit>{units})(?P<qs>{qpost})?)"
            ),
            single,
        ),
        Rule::new(
            "money.ja.range",
            format!(
                r"(?:{PER})?(?P<span>(?:{qpre})?(?P<n1>{num})[ \t]{{0,2}}(?P<unit1>{units})?[ \t]?(?P<sep>~|-|–|—|‐|から)[ \t]?(?P<n2>{num})[ \t]{{0,2}}(?P<unit>{units})(?P<qs>{qpost})?)"
            ),
            range,
        ),
        Rule::new(
            "money.ja.major_minor",
            format!(
                r"(?P<span>(?P<n1>{num})[ \t]?(?P<unit>円|米ドル|ドル|ユーロ|英ポンド|ポンド|人民元|元)(?P<and>と)?(?P<n2>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})(?P<minor>銭|セント|角|ペンス)?(?:(?P<n3>[0-9]|[一二三四五六七八九])分)?)"
            ),
            compound,
        ),
    ]
}

fn group<'a>(caps: &'a Captures, name: &str) -> Option<&'a str> {
    caps.name(name).map(|m| m.as_str())
}

fn is_kanji_digit(c: char) -> bool {
    "〇零一二三四五六七八九十百千万億兆".contains(c)
}

/// A Japanese number, spaces removed (`7  万` → 70000).
fn ja_number(s: &str) -> Option<f64> {
    let t: String = s.chars().filter(|c| *c != ' ' && *c != '\t').collect();
    // Commas must group by three (the pattern already ensures it for Arabic runs).
    parse_ja_number(&t)
}

/// Context checks shared by the rules: no digit or 数 (`数百万ドル`) glued before the
/// number, kanji numbers that are words (`関東一円`, `一元化`) left out, exchange rates
/// left out.
fn context_ok(caps: &Captures, doc: &Doc, value: f64, unit: &str) -> bool {
    let (Some(span), Some(n1)) = (caps.name("span"), caps.name("n1")) else {
        return false;
    };
    let before = doc
        .text
        .get(..n1.start())
        .and_then(|b| b.chars().next_back());
    if before.is_some_and(|c| {
        c.is_ascii_digit() || matches!(c, '.' | ',' | '数' | '何' | '幾' | '十' | '百' | '千')
    }) {
        return false;
    }
    let kanji_only = !n1.as_str().chars().any(|c| c.is_ascii_digit());
    if kanji_only {
        let ideograph_before = before
            .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && !"約計超額で".contains(c));
        // `関東一円` (the whole area), `一元化`: words, not amounts.
        if ideograph_before && value < 10.0 && (unit == "円" || unit == "元") {
            return false;
        }
        if unit == "元" && value <= 2.0 {
            return false;
        }
    }
    if unit == "元" {
        let after = char_after(doc.text, span.end());
        if after.is_some_and(|c| "化論的素号年首帥凶祖旦来老次".contains(c)) {
            return false;
        }
    }
    if unit == "ポンド" || unit == "ランド" {
        // Also a weight (ポンド) and a word (ランド): currency with a magnitude only.
        if !n1.as_str().chars().any(|c| big_unit(c).is_some()) && value < 1e4 {
            return false;
        }
    }
    // `フランス`, `リラックス`, `レアル・マドリード`: a longer katakana word, not a currency.
    let after = char_after(doc.text, span.end());
    let katakana_after =
        after.is_some_and(|c| ('\u{30a1}'..='\u{30fa}').contains(&c) || c == 'ー' || c == '・');
    if katakana_after
        && !["ドル", "ユーロ", "円", "元", "ウォン", "ポンド"]
            .iter()
            .any(|u| unit.ends_with(u))
    {
        return false;
    }
    if caps.name("per").is_none() && is_exchange_rate(doc.text, span.start(), span.end()) {
        return false;
    }
    // A digit or kanji digit right after the unit belongs to something longer.
    let after = char_after(doc.text, span.end());
    !after.is_some_and(|c| c.is_ascii_digit())
}

fn per_of(caps: &Captures) -> Option<String> {
    let p = group(caps, "per")?;
    let unit = p.trim_start_matches(['1', '一']);
    let unit = unit.trim_end_matches(['=', ' ', '\t']);
    let unit = unit
        .trim_end_matches("当たり")
        .trim_end_matches("あたり")
        .trim_end_matches("につき");
    Some(
        match unit {
            "株" => "share",
            "バレル" => "barrel",
            "トン" => "ton",
            "オンス" => "ounce",
            "人" => "person",
            "個" => "item",
            "台" => "unit",
            "枚" => "sheet",
            "泊" => "night",
            "口" => "unit",
            "キロ" => "kg",
            "グラム" => "gram",
            "リットル" => "litre",
            "ガロン" => "gallon",
            "月額" => "month",
            "年額" => "year",
            "時給" => "hour",
            "日給" => "day",
            _ => return None,
        }
        .to_string(),
    )
}

fn single(caps: &Captures, doc: &Doc) -> Option<Value> {
    let n = ja_number(group(caps, "n1")?)?;
    let unit = group(caps, "unit")?;
    if !context_ok(caps, doc, n, unit) {
        return None;
    }
    let (code, factor) = currency::ja_name(unit)?;
    let q = combine(
        group(caps, "q").and_then(qualifier_of),
        group(caps, "qs").and_then(qualifier_of),
    );
    money(n * factor, None, code, q, per_of(caps))
}

/// The magnitude a Japanese number's first group carries (`3億` → 1e8, `1億5000万` → 1e8).
fn leading_magnitude(s: &str) -> f64 {
    s.chars().find_map(big_unit).unwrap_or(1.0)
}

fn range(caps: &Captures, doc: &Doc) -> Option<Value> {
    let (s1, s2) = (group(caps, "n1")?, group(caps, "n2")?);
    let (mut a, b) = (ja_number(s1)?, ja_number(s2)?);
    let unit = group(caps, "unit")?;
    if !context_ok(caps, doc, b, unit) {
        return None;
    }
    if let Some(u1) = group(caps, "unit1") {
        if currency::ja_name(u1)? != currency::ja_name(unit)? {
            return None;
        }
    }
    let span = caps.name("span")?;
    if group(caps, "sep") == Some("から") {
        // `2億ドルから3億ドルに` is a change, not a range.
        let after = char_after(doc.text, span.end());
        if after.is_some_and(|c| c == 'に' || c == 'へ') {
            return None;
        }
    }
    if !s1.chars().any(|c| big_unit(c).is_some()) && s2.chars().any(|c| big_unit(c).is_some()) {
        a *= leading_magnitude(s2);
    }
    if a >= b {
        return None;
    }
    let (code, factor) = currency::ja_name(unit)?;
    money(
        a * factor,
        Some(b * factor),
        code,
        Qualifier::Range,
        per_of(caps),
    )
}

/// `2222円13銭`, `2ドル3セント`, `545ドルと5セント`, `5人民元と3角`, `50元6角3分`, `100ユーロと30`.
fn compound(caps: &Captures, doc: &Doc) -> Option<Value> {
    let n = ja_number(group(caps, "n1")?)?;
    let unit = group(caps, "unit")?;
    if !context_ok(caps, doc, n, unit) {
        return None;
    }
    let (code, _) = currency::ja_name(unit)?;
    let minor = group(caps, "minor");
    let n2 = ja_number(group(caps, "n2")?)?;
    let n3 = match group(caps, "n3") {
        Some(s) => Some(ja_number(s)?),
        None => None,
    };
    let span = caps.name("span")?;
    let fraction = match (code, minor) {
        ("JPY", Some("銭"))
        | ("USD", Some("セント"))
        | ("EUR", Some("セント"))
        | ("GBP", Some("ペンス")) => n3.is_none().then_some(n2 / 100.0)?,
        ("CNY", Some("角")) if n2 < 10.0 => n2 / 10.0 + n3.unwrap_or(0.0) / 100.0,
        ("CNY", None) if n3.is_some() => return None,
        (_, None) if n3.is_none() && group(caps, "and").is_some() => {
            // `100ユーロと30`: a bare tail only where the phrase goes on in kana.
            let after = char_after(doc.text, span.end());
            let kana_or_end = after.is_none_or(|c| {
                ('\u{3040}'..='\u{309f}').contains(&c) || "。、.,!?」) \n".contains(c)
            });
            if !kana_or_end || after.is_some_and(is_kanji_digit) {
                return None;
            }
            n2 / 100.0
        }
        _ => return None,
    };
    if n2 >= 100.0 || n.fract() != 0.0 {
        return None;
    }
    money(n + fraction, None, code, Qualifier::Exact, None)
}
