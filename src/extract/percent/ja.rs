//! Japanese percentages: `70%`, `７０％`, `約70%`, `90%以上`, `3〜5%`, `4・9%`,
//! `二十五パーセント`, `マイナス五％`, `▲3.2%`, `0.5ポイント`, `0.5%ポイント`,
//! `3割`, `3割8分7厘`, `七割半`, `最大25%までの`.
//!
//! Three rules share one grammar of qualifier + sign + number + unit + qualifier:
//! a single value, a range (`3~5%`, `2割~3割`), and `まで` as an upper bound
//! (`最大30%まで`, `30%までの`); `30%まで上昇` is "rose to 30%", so a bare `まで`
//! leaves the fact exact and outside the span.

use super::{combine, make, number_may_start_after, outside_urls, owns_plain_form};
use crate::article::Lang;
use crate::extract::Doc;
use crate::fact::{Kind, PercentUnit, Qualifier, Value};
use crate::lang::{self, Place};
use crate::rule::{Rule, RuleSet};
use crate::scan::{Before, Cue};
use crate::text::around::char_after;
use crate::text::numbers::{kanji_digit, parse_decimal, parse_ja_number, ARABIC_JA_OR_POINT};
use regex::Captures;
use std::sync::LazyLock;

/// Arabic digits with thousands commas; decimals with `.` or the Japanese `・`
/// (`4・9%` = 4.9%); a leading-dot decimal (`.5%`) as English writes it.
const ARABIC: &str = ARABIC_JA_OR_POINT;
/// Kanji numbers below 万 with an optional `点` decimal (`七十五点二`).
const KANJI: &str = r"(?:[〇零一二三四五六七八九十百千]+(?:点[〇零一二三四五六七八九]+)?)";
const SIGN: &str = r"(?:[+-]|マイナス|プラス|[▲△])";
/// A bound (最大, 最低でも…) and/or an approximation (約, およそ…) before the
/// number: the qualifier table's words, bounds first.
fn pre() -> String {
    let table = lang::ja::QUALIFIERS;
    let bounds = lang::alternation(
        table,
        Place::Before,
        lang::PERCENT,
        |w| w.qualifier != Qualifier::Approx,
        "",
    );
    let approx = lang::alternation(
        table,
        Place::Before,
        lang::PERCENT,
        |w| w.qualifier == Qualifier::Approx,
        "",
    );
    format!("(?:{bounds})?(?:{approx})?")
}
/// Units, longest first: percentage points, basis points, percent, tenths (割).
/// The katakana may be spaced out (`パ ー セ ン ト`), as text taken from PDFs is.
const UNIT: &str = r"(?:(?P<pp>%[ ]?(?:ポイント|pt)|パ {0,6}ー {0,6}セ {0,6}ン {0,6}ト ?ポイント)|(?P<bp>ベーシス ?ポイント)|(?P<pts>ポイント)|(?P<pct>%|パ {0,6}ー {0,6}セ {0,6}ン {0,6}ト)|(?P<wari>割)(?:(?P<bu>[0-9〇一二三四五六七八九])分)?(?:(?P<rin>[0-9〇一二三四五六七八九])厘)?(?P<han>半)?)";
/// Qualifiers after the unit: the qualifier table's.
fn suf() -> String {
    let words = lang::alternation(
        lang::ja::QUALIFIERS,
        Place::After,
        lang::PERCENT,
        |_| true,
        "",
    );
    format!("(?:{words})")
}

pub static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let (pre, suf) = (pre(), suf());
    let num = format!("(?:{ARABIC}|{KANJI})");
    RuleSet::new(Kind::Percent, vec![
        Rule::new(
            "percent.ja.n_unit",
            format!(
                r"(?P<pre>{pre})(?P<sign>{SIGN})?(?P<num>{num})[ ]{{0,2}}{UNIT}(?P<suf>{suf})?"
            ),
            single,
        ),
        Rule::new(
            "percent.ja.n_to_n_unit",
            format!(
                r"(?P<pre>{pre})(?P<sign1>{SIGN})?(?P<num1>{num})[ ]?(?P<unit1>%|パーセント|ポイント|割)?[ ]?[~\-–—ー][ ]?(?P<sign>{SIGN})?(?P<num>{num})[ ]{{0,2}}{UNIT}(?P<suf>{suf})?"
            ),
            range,
        ),
        Rule::new(
            "percent.ja.n_unit_made",
            format!(
                r"(?P<span>(?P<pre>{pre})(?P<sign>{SIGN})?(?P<num>{num})[ ]{{0,2}}{UNIT}まで)(?P<ctx>の|なら|に(?:抑|とど|制限)|を上限)?"
            ),
            up_to,
        ),
    ])
    .with_cues(cues())
    .without_set_scan()
    .with_gate(gate)
});

/// In an article of another language, the rules above propose only forms
/// holding something non-ASCII (`proposes`; `まで` is not ASCII): an all-ASCII
/// line there (`up 5%`, left to the English rules) is skipped.
fn gate(doc: &Doc, line: &str) -> bool {
    owns_plain_form(doc, Lang::Ja) || !line.is_ascii()
}

/// The cues of the rules above: every match ends in a `UNIT`, and each unit
/// holds one: `%`, `ポイント`, `パーセ`, and `パ ` / `パー ` for the spaced-out
/// `パ ー セ ン ト` of text taken from PDFs, anywhere; `割` only right after a
/// numeral (and at most two spaces), as the unit follows its number: so `役割`
/// and `割合` are no cue.
pub(super) fn cues() -> Vec<Cue> {
    ["%", "ポイント", "パーセ", "パ ", "パー "]
        .map(Cue::any)
        .into_iter()
        .chain([Cue::exact("割").before(Before::Numeral)])
        .collect()
}

/// Parse a number as the rules capture it: Arabic (`4・9` = 4.9) or kanji (`七十五点二`).
fn parse_number(s: &str) -> Option<f64> {
    if s.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        let s: String = s
            .chars()
            .map(|c| if c == '・' || c == '･' { '.' } else { c })
            .collect();
        return parse_decimal(&s);
    }
    let (int, frac) = s.split_once('点').map_or((s, None), |(i, f)| (i, Some(f)));
    let whole = parse_ja_number(int)?;
    match frac {
        None => Some(whole),
        Some(f) => {
            let digits: String = f
                .chars()
                .filter_map(kanji_digit)
                .filter_map(|d| char::from_digit(d, 10))
                .collect();
            let frac: f64 = format!("0.{digits}").parse().ok()?;
            Some(whole + frac)
        }
    }
}

fn digit_value(s: &str) -> Option<f64> {
    let c = s.chars().next()?;
    c.to_digit(10).or_else(|| kanji_digit(c)).map(f64::from)
}

/// Is the sign negative (`-`, `マイナス`, and `▲`/`△` as financial tables write it)?
fn negative(sign: Option<&str>) -> bool {
    matches!(sign, Some("-" | "マイナス" | "▲" | "△"))
}

/// The unit a match ends in and its value in that unit, from the number `n`.
/// `割` is tenths plus `分` hundredths and `厘` thousandths; basis points become points.
fn unit_value(text: &str, caps: &Captures, n: f64) -> Option<(PercentUnit, f64)> {
    if caps.name("pp").is_some() || caps.name("pts").is_some() {
        return Some((PercentUnit::Point, n));
    }
    if caps.name("bp").is_some() {
        return Some((PercentUnit::Point, n / 100.0));
    }
    if caps.name("pct").is_some() {
        return Some((PercentUnit::Percent, n));
    }
    let wari = caps.name("wari")?;
    // 割 starting another word: 割烹 (a restaurant), 割愛, 割譲, 割賦, 割当.
    let next = char_after(text, wari.end());
    if next.is_some_and(|c| matches!(c, '烹' | '愛' | '譲' | '賦' | '当' | '込')) {
        return None;
    }
    // 10割 is the whole; more is not how 割 is used (`150割れ` is a price level).
    if n > 10.0 {
        return None;
    }
    let mut v = n * 10.0;
    if let Some(bu) = caps.name("bu") {
        v += digit_value(bu.as_str())?;
    }
    if let Some(rin) = caps.name("rin") {
        v += digit_value(rin.as_str())? / 10.0;
    }
    if caps.name("han").is_some() {
        v += 5.0;
    }
    Some((PercentUnit::Percent, v))
}

/// The qualifier of what stands before the number: the bound it starts with
/// (`最大で約` is at most), else approximate (`約`).
fn prefix_qualifier(pre: &str) -> Qualifier {
    if pre.is_empty() {
        return Qualifier::Exact;
    }
    lang::ja::QUALIFIERS
        .iter()
        .filter(|w| w.place == Place::Before && w.kinds & lang::PERCENT != 0)
        .filter(|w| w.qualifier != Qualifier::Approx && pre.starts_with(w.word))
        .max_by_key(|w| w.word.len())
        .map_or(Qualifier::Approx, |w| w.qualifier)
}

/// The qualifier of the word after the unit.
fn suffix_qualifier(suf: &str) -> Qualifier {
    if suf.is_empty() {
        return Qualifier::Exact;
    }
    lang::qualifier_of(suf).unwrap_or(Qualifier::Over)
}

/// Checks every rule makes on the number and its surroundings; returns the
/// signed value and its unit.
fn number_and_unit(
    caps: &Captures,
    doc: &Doc,
    sign: &str,
    num: &str,
) -> Option<(PercentUnit, f64)> {
    let text = doc.text;
    let whole = caps.get(0)?;
    let n = caps.name(num)?;
    let s = caps.name(sign);
    let pre_empty = caps.name("pre").is_none_or(|p| p.as_str().is_empty());
    // What the number (or its sign) follows must not make it part of something else.
    let first = s.map_or(n.start(), |s| s.start());
    if pre_empty && !number_may_start_after(text, first) {
        return None;
    }
    // `数十%`, `何割`: no value to give.
    if super::char_before(text, n.start()).is_some_and(|c| matches!(c, '数' | '何' | '幾')) {
        return None;
    }
    if !outside_urls(text, whole.start(), whole.end()) {
        return None;
    }
    let mut v = parse_number(n.as_str())?;
    if negative(s.map(|m| m.as_str())) {
        v = -v;
    }
    let (unit, v) = unit_value(text, caps, v)?;
    if caps.name("pts").is_some() && !percentage_points_here(doc, caps) {
        return None;
    }
    Some((unit, v))
}

/// Stock index names: ポイント after them are index points.
pub(super) const INDEX: [&str; 13] = [
    "日経平均",
    "日経225",
    "平均株価",
    "株価指数",
    "TOPIX",
    "東証",
    "ダウ",
    "ナスダック",
    "S&P",
    "上海総合",
    "ハンセン",
    "終値",
    "先物",
];

/// A bare `ポイント` is a percentage point only up to 100 and outside index,
/// loyalty-point and sports wording (`日経平均は300ポイント上昇`, `1000ポイント還元`,
/// `3ポイントシュート`).
fn percentage_points_here(doc: &Doc, caps: &Captures) -> bool {
    let (Some(whole), Some(n), Some(pts)) = (caps.get(0), caps.name("num"), caps.name("pts"))
    else {
        return false;
    };
    if parse_number(n.as_str()).is_none_or(|v| v > 100.0) {
        return false;
    }
    // Market index names, not `指数` alone: CPI or DI changes in ポイント are
    // percentage points. `日経` alone is also a newspaper that runs polls.
    let before = super::line_before(doc.text, whole.start(), 75);
    if INDEX.iter().any(|w| before.contains(w)) {
        return false;
    }
    let after = super::line_after(doc.text, pts.end(), 18);
    const NOT_RATES: [&str; 8] = [
        "シュート",
        "還元",
        "付与",
        "プレゼント",
        "獲得",
        "カード",
        "進呈",
        "を貯",
    ];
    !NOT_RATES.iter().any(|w| after.starts_with(w))
}

/// A form written with nothing Japanese in it (`70%`) is also found by the English
/// rules; the article's language decides which proposes it.
fn proposes(doc: &Doc, span: &str) -> bool {
    !span.is_ascii() || owns_plain_form(doc, Lang::Ja)
}

/// `約70%`, `90%以上`, `3割8分7厘`, `0.5ポイント`.
fn single(caps: &Captures, doc: &Doc) -> Option<Value> {
    if !proposes(doc, caps.get(0)?.as_str()) {
        return None;
    }
    let (unit, v) = number_and_unit(caps, doc, "sign", "num")?;
    let pre = caps.name("pre").map_or("", |m| m.as_str());
    let suf = caps.name("suf").map_or("", |m| m.as_str());
    make(
        v,
        None,
        unit,
        combine(prefix_qualifier(pre), suffix_qualifier(suf)),
    )
}

/// `3~5%`, `3%~5%`, `2~3割`, `1~2ポイント`.
fn range(caps: &Captures, doc: &Doc) -> Option<Value> {
    if !proposes(doc, caps.get(0)?.as_str()) {
        return None;
    }
    let (unit, hi) = number_and_unit(caps, doc, "sign", "num")?;
    let n1 = caps.name("num1")?;
    let mut lo = parse_number(n1.as_str())?;
    if negative(caps.name("sign1").map(|m| m.as_str())) {
        lo = -lo;
    }
    let pre_empty = caps.name("pre").is_none_or(|p| p.as_str().is_empty());
    let first = caps.name("sign1").map_or(n1.start(), |s| s.start());
    if pre_empty && !number_may_start_after(doc.text, first) {
        return None;
    }
    if super::char_before(doc.text, n1.start()).is_some_and(|c| matches!(c, '数' | '何' | '幾'))
    {
        return None;
    }
    // The first end's unit, when written, must be the second's (`3%~5%`, not `3割~5%`).
    let lo = match caps.name("unit1").map(|m| m.as_str()) {
        None => match caps.name("wari") {
            Some(_)
                if caps.name("bu").is_some()
                    || caps.name("rin").is_some()
                    || caps.name("han").is_some() =>
            {
                return None
            }
            Some(_) => lo * 10.0,
            None if caps.name("bp").is_some() => lo / 100.0,
            None => lo,
        },
        Some("割") if caps.name("wari").is_some() => lo * 10.0,
        Some("%" | "パーセント") if unit == PercentUnit::Percent && caps.name("wari").is_none() => {
            lo
        }
        Some("ポイント") if caps.name("pts").is_some() => lo,
        Some(_) => return None,
    };
    make(lo, Some(hi), unit, Qualifier::Range)
}

/// `最大30%まで`, `25%までの関税`: an upper bound; `30%まで上昇` (rose to 30%) is not.
fn up_to(caps: &Captures, doc: &Doc) -> Option<Value> {
    let pre = caps.name("pre").map_or("", |m| m.as_str());
    let bound = prefix_qualifier(pre) == Qualifier::AtMost || caps.name("ctx").is_some();
    if !bound {
        return None;
    }
    let (unit, v) = number_and_unit(caps, doc, "sign", "num")?;
    make(v, None, unit, Qualifier::AtMost)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{facts, one};
    use crate::fact::{PercentUnit::*, Qualifier::*};

    #[test]
    fn percent_ja_approx_and_at_least() {
        let text = "中国は世界のレアアース採掘の約70%、加工の90%以上を担う。";
        let got = facts(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].text, "約70%");
        assert_eq!(got[0].value.display(), "70%");
        assert_eq!(got[1].text, "90%以上");
        assert_eq!(got[1].value.display(), "90%+");
        let (_, v, _, unit, q, _) = one("約70%");
        assert_eq!((v, unit, q), (70.0, Percent, Approx));
        let (_, v, _, _, q, _) = one("90%以上");
        assert_eq!((v, q), (90.0, AtLeast));
    }

    #[test]
    fn percent_ja_full_width_and_kanji() {
        assert_eq!(
            one("７０％"),
            ("７０％".into(), 70.0, None, Percent, Exact, "70%".into())
        );
        let (t, v, ..) = one("二十五パーセントの人");
        assert_eq!((t.as_str(), v), ("二十五パーセント", 25.0));
        let (t, v, ..) = one("売り上げは前年度比マイナス五％です。");
        assert_eq!((t.as_str(), v), ("マイナス五％", -5.0));
        let (t, v, ..) = one("同二％減の四十九兆円");
        assert_eq!((t.as_str(), v), ("二％", 2.0));
        let (_, v, ..) = one("七十五点二パーセント");
        assert_eq!(v, 75.2);
    }

    #[test]
    fn percent_ja_decimal_dot_and_sign() {
        let (t, v, ..) = one("伸び率は4・9%だった");
        assert_eq!((t.as_str(), v), ("4・9%", 4.9));
        let (t, v, ..) = one("営業利益は▲3.2%");
        assert_eq!((t.as_str(), v), ("▲3.2%", -3.2));
        let (t, v, ..) = one("株価は+18.96%");
        assert_eq!((t.as_str(), v), ("+18.96%", 18.96));
    }

    #[test]
    fn percent_ja_ranges() {
        assert_eq!(
            one("3〜5%"),
            (
                "3〜5%".into(),
                3.0,
                Some(5.0),
                Percent,
                Range,
                "3–5%".into()
            )
        );
        let (t, v, m, ..) = one("税率を3%～5%にする");
        assert_eq!((t.as_str(), v, m), ("3%～5%", 3.0, Some(5.0)));
        let (t, v, m, ..) = one("2~3割の人");
        assert_eq!((t.as_str(), v, m), ("2~3割", 20.0, Some(30.0)));
        let (_, v, m, u, q, d) = one("1~2ポイント低下");
        assert_eq!(
            (v, m, u, q, d.as_str()),
            (1.0, Some(2.0), Point, Range, "1–2pt")
        );
    }

    #[test]
    fn percent_ja_wari() {
        let (t, v, ..) = one("打率は3割8分7厘でした");
        assert_eq!((t.as_str(), v), ("3割8分7厘", 38.7));
        let (t, v, ..) = one("女子学生は七割半を占める");
        assert_eq!((t.as_str(), v), ("七割半", 75.0));
        let (t, v, ..) = one("今日この服は5割引になります");
        assert_eq!((t.as_str(), v), ("5割", 50.0));
        let (t, v, _, _, q, _) = one("支持率は3割弱");
        assert_eq!((t.as_str(), v, q), ("3割弱", 30.0, Under));
    }

    #[test]
    fn percent_ja_points() {
        assert_eq!(
            one("0.5ポイント上昇"),
            (
                "0.5ポイント".into(),
                0.5,
                None,
                Point,
                Exact,
                "0.5pt".into()
            )
        );
        let (t, _, _, u, ..) = one("前年比0.3%ポイント改善");
        assert_eq!((t.as_str(), u), ("0.3%ポイント", Point));
        assert!(facts("日経平均株価は前日比300ポイント上昇した").is_empty());
        assert!(facts("TOPIXは20ポイント高").is_empty());
        assert!(facts("1000ポイント還元").is_empty());
        assert!(facts("3ポイントシュートを決めた").is_empty());
    }

    #[test]
    fn percent_ja_made_bound() {
        let (t, v, _, _, q, _) = one("最大25%までの関税");
        assert_eq!((t.as_str(), v, q), ("最大25%まで", 25.0, AtMost));
        let (t, _, _, _, q, _) = one("30%までの関税");
        assert_eq!((t.as_str(), q), ("30%まで", AtMost));
        let (t, _, _, _, q, _) = one("支持率は30%まで上昇した");
        assert_eq!((t.as_str(), q), ("30%", Exact));
    }

    #[test]
    fn percent_ja_two_changes_are_not_a_range() {
        let got = facts("税率を8%から10%に引き上げる");
        let texts: Vec<_> = got.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, vec!["8%", "10%"]);
    }

    #[test]
    fn percent_ja_urls_and_counts() {
        assert!(facts("次のURLを参考に。 https://www.test.com/search?q=30%25%2020%").is_empty());
        assert!(facts("数十%の上昇").is_empty());
        assert!(facts("3分の1が5倍になった").is_empty());
    }
}
