//! The productions of the Japanese date rules: what each match means, or why it
//! is not a date (`90日間`, `前年比`, `10年国債`).

use super::super::calendar::*;
use super::super::context::*;
use super::super::near::*;
use super::super::relative::*;
use super::super::spec::*;
use super::super::words::*;
use crate::extract::Doc;
use crate::fact::Value;
use crate::text::around::char_before;
use crate::text::numbers::parse_ja_number;
use chrono::Datelike;
use regex::Captures;
use std::sync::LazyLock;

/// A Japanese number (Arabic or kanji) as a small integer.
pub(super) fn num(s: &str) -> Option<u32> {
    if s == "元" {
        return Some(1);
    }
    let v = parse_ja_number(s)?;
    ((0.0..10000.0).contains(&v) && v.fract() == 0.0).then_some(v as u32)
}

pub(super) fn g<'a>(c: &'a Captures, name: &str) -> Option<&'a str> {
    c.name(name).map(|m| m.as_str())
}

/// The year of a `year_group`, era years converted; `(year, two_digit)`.
pub(super) fn year_of(c: &Captures, suffix: &str) -> Option<(i32, bool)> {
    if let Some(era) = g(c, &format!("era{suffix}")) {
        let n = num(g(c, &format!("ey{suffix}"))?)? as i32;
        let base = match era {
            "令和" => 2018,
            "平成" => 1988,
            "昭和" => 1925,
            "大正" => 1911,
            "明治" => 1867,
            _ => return None,
        };
        return (1..=64).contains(&n).then_some((base + n, false));
    }
    let s = g(c, &format!("y{suffix}"))?;
    let two = s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    let v = num(s)? as i32;
    if two {
        Some((expand_year(v), true))
    } else {
        (1000..=2199).contains(&v).then_some((v, false))
    }
}

/// The start of the whole match.
pub(super) fn start(c: &Captures) -> usize {
    c.get(0).map_or(0, |m| m.start())
}

pub(super) fn end(c: &Captures) -> usize {
    c.get(0).map_or(0, |m| m.end())
}

pub(super) fn text<'a>(c: &'a Captures) -> &'a str {
    c.get(0).map_or("", |m| m.as_str())
}

/// A number must not continue a longer number (`12025年`, `1.5年`, `第3`), and a
/// month or day must not follow a written year that no date rule accepted
/// (`9999年12月31日`): the year is impossible, so the day is not resolved to another one.
pub(super) fn clean_left(doc: &Doc, pos: usize) -> bool {
    !matches!(char_before(doc.text, pos), Some(c) if c.is_ascii_digit() || matches!(c, '.' | ',' | '第' | '約' | '毎' | '/' | '-' | '~' | '・') || parse_ja_number(c.encode_utf8(&mut [0; 4])).is_some())
        && !after_written_year(doc.text, pos)
}

/// What rejects a match of `date.ja.month_day` or `date.ja.month` by its
/// bounds (`Rule::precheck`): a number or a written year right before it
/// (`2025年6月9日` is read whole by `date.ja.year_month_day`).
pub(super) fn clean_left_bounds(doc: &Doc, s: usize, _e: usize) -> bool {
    clean_left(doc, s)
}

/// The relative-month words that may open a `date.ja.day` match (its `rm` group).
const DAY_MONTH_WORDS: [&str; 7] = ["今月", "来月", "先月", "前月", "翌月", "同月", "次の月"];

/// What rejects a `date.ja.day` match by its bounds (`Rule::precheck`): a day
/// without a month word before it must not follow a number, a written year or
/// `月` (`9日` in `6月9日` is read by `date.ja.month_day`).
pub(super) fn day_bounds(doc: &Doc, s: usize, e: usize) -> bool {
    let opens_with_month = doc
        .text
        .get(s..e)
        .is_some_and(|t| DAY_MONTH_WORDS.iter().any(|w| t.starts_with(w)));
    opens_with_month || clean_left(doc, s) && char_before(doc.text, s) != Some('月')
}

/// What rejects a `date.ja.relative` match by what follows it
/// (`Rule::precheck`): `前年比`, `前年同期`, `同月比`, `前年代`...
pub(super) fn relative_bounds(doc: &Doc, _s: usize, e: usize) -> bool {
    let rest = after(doc, e, 2);
    !(rest.starts_with('比')
        || rest.starts_with("同期")
        || rest.starts_with("同月")
        || rest.starts_with('代')
        || rest.starts_with('的')
        || rest.starts_with('头')
        || rest.starts_with('之'))
}

/// Whether `年` right after a number (Arabic or kanji) stands just before byte `pos`.
pub(super) fn after_written_year(text: &str, pos: usize) -> bool {
    let Some(before) = text.get(..pos) else {
        return false;
    };
    let Some(before) = before.trim_end_matches(' ').strip_suffix('年') else {
        return false;
    };
    before
        .trim_end_matches(' ')
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || "〇一二三四五六七八九十".contains(c))
}

pub(super) fn duration_follows(doc: &Doc, pos: usize) -> bool {
    let rest = after(doc, pos, 4);
    DURATION_AFTER.iter().any(|w| rest.starts_with(w))
}

pub(super) fn weekday_suffix_ok(c: &Captures) -> bool {
    // A weekday suffix is accepted as written; it does not change the value.
    let _ = (g(c, "wdp"), g(c, "wdw"));
    true
}

pub(super) fn ymd(c: &Captures, doc: &Doc) -> Option<Value> {
    if !clean_left(doc, start(c)) {
        return None;
    }
    // A three-digit year counts with a full day only (`367年1月1日`): alone, `100年`
    // is more often a duration.
    let y = match g(c, "y3") {
        Some(y3) => y3.parse().ok()?,
        None => year_of(c, "")?.0,
    };
    let m = num(g(c, "m")?)?;
    let d = num(g(c, "d")?)?;
    weekday_suffix_ok(c);
    if let Some(d3) = g(c, "d3") {
        // `3月18、19日`: two days of one month, as a range.
        return range(day(doc, Some(y), m, d), day(doc, Some(y), m, num(d3)?));
    }
    match g(c, "d2") {
        Some(d2) => {
            let m2 = g(c, "m2").and_then(num).unwrap_or(m);
            range(day(doc, Some(y), m, d), day(doc, Some(y), m2, num(d2)?))
        }
        None => {
            g(c, "nichi")?;
            day(doc, Some(y), m, d)
        }
    }
}

pub(super) fn ym(c: &Captures, doc: &Doc) -> Option<Value> {
    if !clean_left(doc, start(c)) {
        return None;
    }
    let (y, _) = year_of(c, "")?;
    let m = num(g(c, "m")?)?;
    if g(c, "tsuki").is_none() && (g(c, "m2").is_none() || g(c, "tail").is_some()) {
        return None;
    }
    if let Some(m2) = g(c, "m2") {
        if g(c, "q").is_some() {
            return None;
        }
        return range(month(doc, Some(y), m), month(doc, Some(y), num(m2)?));
    }
    if g(c, "ki").is_some() {
        if let Some(q) = g(c, "q") {
            return fiscal_quarter(doc, start(c), Some(y), num(q)?);
        }
        return fiscal_year(y, Some(m));
    }
    if g(c, "q").is_some() || week_of_month_follows(doc, end(c)) {
        return None;
    }
    month(doc, Some(y), m)
}

pub(super) fn year_rule(c: &Captures, doc: &Doc) -> Option<Value> {
    let s = start(c);
    if !clean_left(doc, s) {
        return None;
    }
    let (y, two) = year_of(c, "")?;
    let fiscal = g(c, "suf") == Some("度");
    if g(c, "suf") == Some("代") {
        // 1990年代; 2-digit `90年代` is the 1990s.
        return decade(y);
    }
    if let Some(q) = g(c, "q") {
        let q = num(q)?;
        return if fiscal {
            fiscal_quarter(doc, s, Some(y), q)
        } else {
            quarter(doc, Some(y), q)
        };
    }
    if let Some(h) = g(c, "h").or(g(c, "hh")) {
        let h = if matches!(h, "上" | "前") { 1 } else { 2 };
        return if fiscal {
            fiscal_half(y, h)
        } else {
            half(doc, Some(y), h)
        };
    }
    if let Some(y2) = g(c, "y2") {
        let v2 = y2.parse::<i32>().ok()?;
        let y2 = if y2.len() == 2 {
            (y / 100) * 100 + v2
        } else {
            v2
        };
        if y2 <= y {
            return None;
        }
        return if fiscal || g(c, "suf2").is_some() {
            range(fiscal_year(y, None), fiscal_year(y2, None))
        } else {
            range(year(y), year(y2))
        };
    }
    if fiscal {
        return fiscal_year(y, None);
    }
    let e = end(c);
    let rest = after(doc, e, 1);
    let before_after = !two && (rest.starts_with('前') || rest.starts_with('後'));
    if g(c, "tail").is_none() && !before_after && duration_follows(doc, e) {
        return None;
    }
    if two {
        // A bare two-digit year is easily a count of years (`10年`, `50年`): keep
        // it only near the reference year and outside duration phrases.
        let near = reference(doc).map_or(2025, |r| r.day.year());
        if !(near - 20..=near + 10).contains(&y) {
            return None;
        }
        let left = before(doc, s, 3);
        const COUNT_BEFORE: &[&str] = &[
            "過去",
            "約",
            "ここ",
            "この",
            "直近",
            "今後",
            "最近",
            "向こう",
            "数",
            "満",
            "築",
            "創業",
            "戦後",
            "勤続",
            "在任",
            "計",
            "約",
            "で",
            "から",
        ];
        if COUNT_BEFORE.iter().any(|w| left.ends_with(w)) {
            return None;
        }
    }
    year(y)
}

pub(super) fn md(c: &Captures, doc: &Doc) -> Option<Value> {
    if !clean_left_bounds(doc, start(c), end(c)) {
        return None;
    }
    let m = num(g(c, "m")?)?;
    let d = num(g(c, "d")?)?;
    if let Some(d3) = g(c, "d3") {
        return range(day(doc, None, m, d), day(doc, None, m, num(d3)?));
    }
    match g(c, "d2") {
        Some(d2) => {
            let m2 = g(c, "m2").and_then(num).unwrap_or(m);
            range(day(doc, None, m, d), day(doc, None, m2, num(d2)?))
        }
        None => {
            g(c, "nichi")?;
            if duration_follows(doc, end(c)) && g(c, "wdp").is_none() && g(c, "wdw").is_none() {
                return None;
            }
            day(doc, None, m, d)
        }
    }
}

pub(super) fn month_rule(c: &Captures, doc: &Doc) -> Option<Value> {
    let s = start(c);
    if !clean_left_bounds(doc, s, end(c)) {
        return None;
    }
    let m = num(g(c, "m")?)?;
    if let Some(m1) = g(c, "m1") {
        let m1 = num(m1)?;
        return range(month(doc, None, m1), month(doc, None, m));
    }
    if g(c, "ki").is_some() {
        // `3月期` without a year: the fiscal year is not written.
        return None;
    }
    let e = end(c);
    let rest = after(doc, e, 2);
    if g(c, "tail").is_none() && (rest.starts_with('間') || rest.starts_with("以内"))
        || week_of_month_follows(doc, e)
    {
        return None;
    }
    month(doc, None, m)
}

pub(super) fn day_rule(c: &Captures, doc: &Doc) -> Option<Value> {
    let s = start(c);
    let dm = c.name("d")?;
    let d_str = dm.as_str();
    let d = num(d_str)?;
    let rm = g(c, "rm");
    if !day_bounds(doc, s, end(c)) {
        return None;
    }
    if rm.is_none() {
        // `一日` is mostly "one day".
        if d_str == "一" {
            return None;
        }
    }
    if let Some(d2) = g(c, "d2").or(g(c, "d2r")) {
        let d2 = num(d2)?;
        if d2 <= d {
            return None;
        }
        return match rm {
            Some(w) => {
                let off = month_word_offset(w)?;
                range(
                    rel_month_day(doc, text(c), off, d),
                    rel_month_day(doc, text(c), off, d2),
                )
            }
            None => range(day_of_ref_month(doc, d), day_of_ref_month(doc, d2)),
        };
    }
    g(c, "nichi")?;
    let has_wd = g(c, "wdp").is_some() || g(c, "wdw").is_some();
    if !has_wd && duration_follows(doc, end(c)) {
        return None;
    }
    match rm {
        Some(w) => rel_month_day(doc, text(c), month_word_offset(w)?, d),
        None => match g(c, "wdp")
            .or(g(c, "wdw"))
            .and_then(|w| w.chars().next())
            .and_then(weekday_from_ja)
        {
            Some(wd) => day_with_weekday(doc, d, wd),
            None => day_of_ref_month(doc, d),
        },
    }
}

/// A written date right after `pos` (`金曜日6月15日`, `金曜日(6月15日)`).
pub(super) fn date_follows(doc: &Doc, pos: usize) -> bool {
    let rest = after(doc, pos, 3);
    let rest = rest.trim_start_matches([' ', '(', '、', ',', '-']);
    rest.chars().next().is_some_and(|ch| ch.is_ascii_digit())
}

/// Week-of-month phrases (`7月の第3週`, `の最後の週`) are not the month itself.
pub(super) fn week_of_month_follows(doc: &Doc, pos: usize) -> bool {
    let rest = after(doc, pos, 8);
    let rest = rest.strip_prefix('の').unwrap_or(rest).trim_start();
    rest.starts_with("最初の週")
        || rest.starts_with("最後の週")
        || rest.starts_with("第")
            && rest.chars().skip(1).take(3).any(|ch| ch == '週')
            && !rest.contains('曜')
}

pub(super) fn month_word_offset(w: &str) -> Option<i64> {
    Some(match w {
        "今月" | "同月" => 0,
        "来月" | "翌月" | "次の月" => 1,
        "先月" | "前月" => -1,
        _ => return None,
    })
}

pub(super) fn quarter_half(c: &Captures, doc: &Doc) -> Option<Value> {
    let s = start(c);
    let e = end(c);
    if let Some(p) = g(c, "p") {
        if after(doc, e, 1).starts_with('比') {
            return None;
        }
        let off = match p {
            "今" | "当" | "本" => 0,
            "前" => -1,
            "来" => 1,
            _ => return None,
        };
        return rel_fiscal_year(doc, text(c), off);
    }
    if let Some(q) = g(c, "q") {
        let q = num(q)?;
        return match context_fiscal_year(doc, s) {
            Some(_) => fiscal_quarter(doc, s, None, q),
            None => quarter(doc, None, q),
        };
    }
    let h = if g(c, "h")? == "上" { 1 } else { 2 };
    match context_fiscal_year(doc, s) {
        Some(y) => fiscal_half(y, h),
        None => half(doc, None, h),
    }
}

pub(super) fn relative(c: &Captures, doc: &Doc) -> Option<Value> {
    let w = g(c, "w")?;
    let t = text(c);
    let e = end(c);
    if !relative_bounds(doc, start(c), e) {
        return None;
    }
    // `今週の金曜日6月15日`: the written date says it all.
    if g(c, "wd").is_some() && date_follows(doc, e) {
        return None;
    }
    let year_off = match w {
        "一昨年" | "おととし" => Some(-2),
        "昨年" | "去年" | "前年" | "前の年" => Some(-1),
        "今年" | "本年" | "同年" | "その年" => Some(0),
        "来年" | "翌年" => Some(1),
        "再来年" => Some(2),
        _ => None,
    };
    if let Some(off) = year_off {
        if g(c, "fy").is_some() {
            if g(c, "m").is_some() || g(c, "wd").is_some() {
                return None;
            }
            return rel_fiscal_year(doc, t, off);
        }
        if let Some(m) = g(c, "m") {
            let m = num(m)?;
            let d = match g(c, "d") {
                Some(d) => Some(num(d)?),
                None => None,
            };
            return rel_year_month(doc, t, off, m, d);
        }
        if g(c, "wd").is_some() {
            return None;
        }
        return rel_year(doc, t, off);
    }
    if g(c, "fy").is_some() {
        return None;
    }
    let month_off = match w {
        "先々月" => Some(-2),
        "先月" | "前月" => Some(-1),
        "今月" | "同月" => Some(0),
        "来月" | "翌月" => Some(1),
        "再来月" => Some(2),
        _ => None,
    };
    if let Some(off) = month_off {
        if g(c, "m").is_some() || g(c, "wd").is_some() {
            return None;
        }
        return rel_month(doc, t, off);
    }
    let week_off = match w {
        "先々週" => Some(-2),
        "先週" | "前週" => Some(-1),
        "今週" | "その週" => Some(0),
        "来週" | "翌週" | "次の週" => Some(1),
        "再来週" => Some(2),
        _ => None,
    };
    if let Some(off) = week_off {
        if g(c, "m").is_some() || g(c, "tail").is_some() {
            return None;
        }
        if let Some(wd) = g(c, "wd") {
            let wd = weekday_from_ja(wd.chars().next()?)?;
            return rel_weekday(doc, t, wd, WdMode::Week(off));
        }
        return rel_week(doc, t, off);
    }
    let weekend_off = match w {
        "週末" | "今週末" => Some(0),
        "来週末" => Some(1),
        "先週末" => Some(-1),
        _ => None,
    };
    if let Some(off) = weekend_off {
        if g(c, "m").is_some() || g(c, "wd").is_some() || g(c, "tail").is_some() {
            return None;
        }
        return rel_weekend(doc, t, off);
    }
    let day_off = match w {
        "一昨昨日" => -3,
        "一昨日" | "おととい" | "おとつい" | "いっさくじつ" => -2,
        "昨日" | "きのう" | "さくじつ" | "前日" => -1,
        "今日" | "本日" | "きょう" | "同日" | "当日" | "その日" | "この日" => 0,
        "明日" | "あす" | "あした" | "翌日" | "次の日" => 1,
        "明後日" | "あさって" => 2,
        "明々後日" | "弥明後日" | "しあさって" => 3,
        _ => return None,
    };
    if g(c, "m").is_some() || g(c, "tail").is_some() {
        return None;
    }
    rel_day(doc, t, day_off)
}

pub(super) fn weekday(c: &Captures, doc: &Doc) -> Option<Value> {
    let s = start(c);
    let wd = weekday_from_ja(g(c, "wd")?.chars().next()?)?;
    let m = c.name("wd")?;
    // `9日(月)`, `9日月曜日`: part of a date (the date rules cover it).
    if date_follows(doc, end(c)) {
        return None;
    }
    if g(c, "mod").is_none() {
        let at = if char_before(doc.text, m.start()) == Some(' ') {
            m.start() - 1
        } else {
            m.start()
        };
        if let Some(p) = char_before(doc.text, at) {
            if p.is_ascii_digit()
                || p == '日'
                    && char_before(doc.text, at - p.len_utf8()).is_some_and(|q| q.is_ascii_digit())
            {
                return None;
            }
        }
    }
    let mode = match g(c, "mod") {
        Some("この") => WdMode::Week(0),
        Some("次の") => WdMode::Week(1),
        Some("前の") => WdMode::Week(-1),
        _ => WdMode::Nearest,
    };
    let _ = s;
    rel_weekday(doc, text(c), wd, mode)
}

pub(super) fn nth_weekday_rule(c: &Captures, doc: &Doc) -> Option<Value> {
    let wd = weekday_from_ja(g(c, "wd")?.chars().next()?)?;
    let n = if g(c, "first").is_some() {
        1
    } else if g(c, "last").is_some() {
        0
    } else {
        num(g(c, "n")?)?
    };
    let spec = if let Some(m) = g(c, "m") {
        if !clean_left(doc, start(c)) {
            return None;
        }
        let y = match g(c, "y") {
            Some(y) => Some(y.parse().ok()?),
            None => None,
        };
        MonthSpec::Written(y, num(m)?)
    } else if let Some(rm) = g(c, "rm") {
        MonthSpec::Relative(month_word_offset(rm)?)
    } else {
        if g(c, "first").is_some() || g(c, "last").is_some() {
            // `最後の水曜日` alone is vague.
            return None;
        }
        MonthSpec::Relative(0)
    };
    nth_weekday(doc, text(c), spec, n, wd)
}

pub(super) fn week_of_year_rule(c: &Captures, doc: &Doc) -> Option<Value> {
    // `1月の第3週`, `今月の第3週`: a week of the month, not of the year.
    let head = before(doc, start(c), 2);
    if head.ends_with("月の") || head.ends_with('月') {
        return None;
    }
    let n = if g(c, "first").is_some() {
        1
    } else if g(c, "last").is_some() {
        0
    } else {
        num(g(c, "n")?)?
    };
    if let Some(y) = g(c, "y") {
        return week_of_year(doc, text(c), Some(y.parse().ok()?), 0, n);
    }
    let off = match g(c, "ry") {
        Some("来年") => 1,
        Some("去年" | "昨年") => -1,
        Some(_) => 0,
        None => {
            // `第3週` alone: the reference year; `最初の週` alone is vague.
            g(c, "n")?;
            0
        }
    };
    week_of_year(doc, text(c), None, off, n)
}

pub(super) fn anchored(c: &Captures, doc: &Doc) -> Option<Value> {
    let anchor = match g(c, "a")? {
        "明日" => 1,
        "昨日" => -1,
        _ => 0,
    };
    let n = num(g(c, "n")?)? as i64;
    let unit = ja_unit(g(c, "u")?);
    let dir = g(c, "dir");
    let sign = match (g(c, "rel")?, dir) {
        ("の", Some("前")) => -1,
        ("の", _) => return None,
        (_, Some("前")) => return None,
        _ => 1,
    };
    if let Some(wd) = g(c, "wd") {
        if unit != Unit::Week || anchor != 0 {
            return None;
        }
        return weekday_in_weeks(doc, text(c), n * sign, weekday_from_ja(wd.chars().next()?)?);
    }
    if g(c, "a")? == "今" && dir.is_none() {
        return None;
    }
    anchored_offset(doc, text(c), anchor, unit, n * sign)
}

pub(super) fn weeks_weekday(c: &Captures, doc: &Doc) -> Option<Value> {
    if !clean_left(doc, start(c)) {
        return None;
    }
    let n = num(g(c, "n")?)? as i64;
    let n = if g(c, "dir")? == "前" { -n } else { n };
    weekday_in_weeks(
        doc,
        text(c),
        n,
        weekday_from_ja(g(c, "wd")?.chars().next()?)?,
    )
}

pub(super) fn holiday(c: &Captures, doc: &Doc) -> Option<Value> {
    match text(c) {
        "大晦日" | "大みそか" => day(doc, None, 12, 31),
        _ => day(doc, None, 1, 1),
    }
}

pub(super) static PART: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"([0-9]{1,3}|[一二三四五六七八九十]{1,3}|数) ?(日|週間?|か月|ヶ月|カ月|ヵ月|ケ月|箇月|年)",
    )
    .unwrap_or_else(|e| panic!("date offset part: {e}"))
});

pub(super) fn offset(c: &Captures, doc: &Doc) -> Option<Value> {
    let s = start(c);
    if !clean_left(doc, s) {
        return None;
    }
    let e = end(c);
    let rest = after(doc, e, 1);
    if rest.starts_with('後') || rest.starts_with('半') || rest.starts_with('比') {
        return None;
    }
    let (mut months, mut days) = (0i64, 0i64);
    for p in PART.captures_iter(g(c, "parts")?) {
        let n = match p.get(1)?.as_str() {
            "数" => 3,
            n => num(n)?,
        } as i64;
        if n == 0 || n > 500 {
            return None;
        }
        match ja_unit(p.get(2)?.as_str()) {
            Unit::Day => days += n,
            Unit::Week => days += 7 * n,
            Unit::Month => months += n,
            Unit::Year => months += 12 * n,
        }
    }
    let sign = if g(c, "dir")? == "前" { -1 } else { 1 };
    rel_compound(doc, text(c), months, days, sign)
}

/// `2025~27年度`, `2021-2028年`: a range of years or fiscal years.
pub(super) fn year_range(c: &Captures, doc: &Doc) -> Option<Value> {
    if !clean_left(doc, start(c)) {
        return None;
    }
    let y: i32 = g(c, "y")?.parse().ok()?;
    let y2 = range_end_year(y, g(c, "y2")?)?;
    if !(1000..=2199).contains(&y) || y2 <= y || y2 - y > 50 {
        return None;
    }
    if g(c, "suf").is_some() {
        range(fiscal_year(y, None), fiscal_year(y2, None))
    } else {
        if duration_follows(doc, end(c)) {
            return None;
        }
        range(year(y), year(y2))
    }
}

/// `8月第2週`, `2025年8月の第2週`: that week of the month.
pub(super) fn week_of_month_rule(c: &Captures, doc: &Doc) -> Option<Value> {
    if !clean_left(doc, start(c)) {
        return None;
    }
    let y = match g(c, "y") {
        Some(y) => Some(y.parse().ok()?),
        None => None,
    };
    week_of_month(doc, text(c), y, num(g(c, "m")?)?, num(g(c, "n")?)?)
}
