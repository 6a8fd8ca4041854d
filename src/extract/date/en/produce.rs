//! The productions of the English date rules: what each match means, or why it
//! is not a date (`May` the verb, `2025 people`, `the 18th century`).

use super::super::calendar::*;
use super::super::near::*;
use super::super::relative::*;
use super::super::spec::*;
use super::super::tense::*;
use super::super::words::*;
use crate::extract::Doc;
use crate::fact::Value;
use crate::text::around::{char_after, char_before};
use chrono::NaiveDate;
use regex::Captures;
use std::sync::LazyLock;

pub(super) fn g<'a>(c: &'a Captures, name: &str) -> Option<&'a str> {
    c.name(name).map(|m| m.as_str())
}

pub(super) fn whole<'a>(c: &'a Captures) -> Option<regex::Match<'a>> {
    c.name("span").or_else(|| c.get(0))
}

pub(super) fn day_num(c: &Captures, s: &str) -> Option<u32> {
    if let Some(d) = g(c, &format!("d{s}")) {
        return d.parse().ok();
    }
    ord_word(g(c, &format!("dw{s}"))?)
}

pub(super) fn year_words(c: &Captures, doc: &Doc) -> Option<Value> {
    if next_word(doc, c.get(0)?.end()).eq_ignore_ascii_case("hundred") {
        return None;
    }
    year(year_from_words(g(c, "span")?)?)
}

/// The year written after a date, if any; `Err` when it is malformed.
pub(super) fn tail_year(c: &Captures) -> Result<Option<i32>, ()> {
    if let Some(y) = g(c, "yw") {
        return year_from_words(y).map(Some).ok_or(());
    }
    if let Some(y) = g(c, "y").or(g(c, "y3")) {
        return y.parse().map(Some).map_err(|_| ());
    }
    if let Some(y) = g(c, "yy").or(g(c, "yq")) {
        return y
            .parse::<i32>()
            .map(|v| Some(expand_year(v)))
            .map_err(|_| ());
    }
    Ok(None)
}

/// `may`/`march` in lower case, or any month without a year, is easily a word.
pub(super) fn is_verbish_month(word: &str) -> bool {
    matches!(word, "may" | "march" | "MAY" | "MARCH")
}

pub(super) fn month_day(c: &Captures, doc: &Doc) -> Option<Value> {
    let m = month_from_en(g(c, "mon")?)?;
    let d = day_num(c, "")?;
    let y = tail_year(c).ok()?;
    let span = whole(c)?;
    if y.is_none()
        && char_after(doc.text, span.end()).is_some_and(|ch| ch.is_ascii_digit() || ch == '%')
    {
        return None;
    }
    if g(c, "dw").is_some() && is_verbish_month(g(c, "mon")?) {
        return None;
    }
    if let Some(d2) = day_num(c, "2") {
        let m2 = g(c, "mon2").and_then(month_from_en).unwrap_or(m);
        return range(day(doc, y, m, d), day(doc, y, m2, d2));
    }
    // `June 5 and 6`: two days of one month, as a range.
    if let Some(d3) = g(c, "d3").and_then(|d| d.parse().ok()) {
        return range(day(doc, y, m, d), day(doc, y, m, d3));
    }
    if y.is_none() && impossible_year_after(doc.text, span.end()) {
        return None;
    }
    certain_day(doc, y, m, d)
}

/// A day with its year written: the day, or, when the month has no such day
/// (`February 30, 2025`), only what is certain, the month of that year.
pub(super) fn certain_day(doc: &Doc, y: Option<i32>, m: u32, d: u32) -> Option<Value> {
    match y {
        Some(yr) if NaiveDate::from_ymd_opt(yr, m, d).is_none() => month(doc, y, m),
        _ => day(doc, y, m, d),
    }
}

/// Whether a four-digit number that no year rule accepted follows byte `pos`
/// (`December 31, 9999`): the day belongs to that impossible year, not to the
/// reference date's.
pub(super) fn impossible_year_after(text: &str, pos: usize) -> bool {
    let Some(after) = text.get(pos..) else {
        return false;
    };
    let after = after.trim_start_matches([' ', '\t']);
    let after = after.strip_prefix(',').unwrap_or(after);
    let after = after.trim_start_matches([' ', '\t']);
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    // Years the rules read start with 1 or 2 (`[12][0-9]{3}`).
    digits == 4 && !after.starts_with(['1', '2'])
}

pub(super) fn day_month(c: &Captures, doc: &Doc) -> Option<Value> {
    let mon_s = g(c, "mon")?;
    let m = month_from_en(mon_s)?;
    let d = day_num(c, "")?;
    let y = tail_year(c).ok()?;
    if y.is_none() && is_verbish_month(mon_s) {
        return None;
    }
    let s0 = c.get(0)?.start();
    let p0 = before(doc, s0, 2);
    if p0.contains(['$', '€', '£', '¥'])
        || char_before(doc.text, s0).is_some_and(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',')
    {
        return None;
    }
    // A word ordinal needs `of`: `second of Aug`, not `a second May vote`.
    if g(c, "dw").is_some()
        && !g(c, "sep").is_some_and(|s| s.to_ascii_lowercase().starts_with("of"))
    {
        return None;
    }
    let e = c.get(0)?.end();
    if y.is_none() && char_after(doc.text, e).is_some_and(|ch| ch.is_ascii_digit()) {
        return None;
    }
    if let Some(d2) = day_num(c, "2") {
        return range(day(doc, y, m, d), day(doc, y, m, d2));
    }
    if y.is_none() && impossible_year_after(doc.text, e) {
        return None;
    }
    certain_day(doc, y, m, d)
}

pub(super) fn year_month_day(c: &Captures, doc: &Doc) -> Option<Value> {
    let y = g(c, "y")?.parse().ok()?;
    day(
        doc,
        Some(y),
        month_from_en(g(c, "mon")?)?,
        g(c, "d")?.parse().ok()?,
    )
}

/// What rejects a `date.en.month_year` match by its bounds
/// (`Rule::precheck`): `week of` before it (`date.en.week_of_month` reads
/// that), a number going on after it (`May 25%`, `June 5,000`).
pub(super) fn month_year_bounds(doc: &Doc, s: usize, e: usize) -> bool {
    if before(doc, s, 9)
        .to_ascii_lowercase()
        .trim_end()
        .ends_with("week of")
    {
        return false;
    }
    !char_after(doc.text, e).is_some_and(|ch| {
        ch == '%'
            || ch == ','
                && after(doc, e, 2)
                    .chars()
                    .nth(1)
                    .is_some_and(|d| d.is_ascii_digit())
    })
}

pub(super) fn month_year(c: &Captures, doc: &Doc) -> Option<Value> {
    let m = month_from_en(g(c, "mon")?)?;
    let e = c.get(0)?.end();
    if !month_year_bounds(doc, c.get(0)?.start(), e) {
        return None;
    }
    let y = if let Some(y) = g(c, "y") {
        y.parse().ok()?
    } else if let Some(y) = g(c, "yw") {
        year_from_words(y)?
    } else if let Some(y) = g(c, "yq") {
        expand_year(y.parse().ok()?)
    } else {
        let v: i32 = g(c, "yy")?.parse().ok()?;
        let sep = g(c, "sep").map(str::to_ascii_lowercase);
        if v <= 31 && sep.as_deref() != Some("of") {
            return None;
        }
        expand_year(v)
    };
    month(doc, Some(y), m)
}

pub(super) fn year_month(c: &Captures, doc: &Doc) -> Option<Value> {
    let mon_s = g(c, "mon")?;
    if is_verbish_month(mon_s)
        || mon_s
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_lowercase())
            && mon_s.len() <= 3
            && mon_s != "nov"
    {
        return None;
    }
    let s = c.get(0)?.start();
    if char_before(doc.text, s).is_some_and(|ch| matches!(ch, '$' | '€' | '£' | '¥' | '.' | ','))
    {
        return None;
    }
    month(doc, Some(g(c, "y")?.parse().ok()?), month_from_en(mon_s)?)
}

pub(super) fn month_range(c: &Captures, doc: &Doc) -> Option<Value> {
    let (a, b) = (g(c, "mon")?, g(c, "mon2")?);
    let join = g(c, "join")?.to_ascii_lowercase();
    let pre = g(c, "pre").map(str::to_ascii_lowercase);
    // `June and July`: both months, as a range; `May and June` needs its
    // capital (`may and`, the verb).
    if join == "and" && pre.is_none() && a.chars().next().is_some_and(|ch| ch.is_ascii_lowercase())
    {
        return None;
    }
    if pre.is_none() && (a == "may" || a == "march") {
        return None;
    }
    let (ma, mb) = (month_from_en(a)?, month_from_en(b)?);
    if ma >= mb {
        return None;
    }
    let e = c.get(0)?.end();
    if char_after(doc.text, e).is_some_and(|ch| ch.is_ascii_digit()) {
        return None;
    }
    let y = match g(c, "y") {
        Some(y) => Some(y.parse().ok()?),
        None => None,
    };
    range(month(doc, y, ma), month(doc, y, mb))
}

pub(super) fn month_alone(c: &Captures, doc: &Doc) -> Option<Value> {
    let mon_s = g(c, "mon")?;
    let m = month_from_en(mon_s)?;
    let mm = c.name("mon")?;
    // `December 31, 9999`: the day rule refused the impossible year; the month
    // alone must not take the reference's year instead.
    let day_after = doc.text.get(c.get(0)?.end()..).is_some_and(|a| {
        let a = a.trim_start_matches([' ', '.']);
        let n = a.bytes().take_while(u8::is_ascii_digit).count();
        (1..=2).contains(&n) && impossible_year_after(a, n)
    });
    if day_after || impossible_year_after(doc.text, c.get(0)?.end()) {
        return None;
    }
    let rel = g(c, "rel").map(|r| r.to_ascii_lowercase());
    let pw = prev_word(doc, c.get(0)?.start());
    let has_prep = rel.is_some() || MONTH_PREP.contains(&pw.as_str());
    let lower = mon_s.to_ascii_lowercase();
    let abbreviated = !matches!(
        lower.as_str(),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    );
    if (lower == "may" || lower == "march" || abbreviated) && !has_prep {
        return None;
    }
    // `June Smith`: a name, unless introduced as a date.
    let nw = next_word(doc, mm.end());
    if !has_prep
        && nw.chars().next().is_some_and(|ch| ch.is_ascii_uppercase())
        && month_from_en(nw).is_none()
    {
        return None;
    }
    if lower == "may"
        && matches!(
            nw.to_ascii_lowercase().as_str(),
            "be" | "have"
                | "not"
                | "also"
                | "well"
                | "i"
                | "we"
                | "you"
                | "or"
                | "take"
                | "differ"
                | "need"
        )
    {
        return None;
    }
    if mon_s == "may"
        && (matches!(rel.as_deref(), Some("this"))
            || matches!(
                pw.as_str(),
                "and" | "or" | "to" | "this" | "that" | "it" | "which" | "who"
            ))
    {
        return None;
    }
    if before(doc, c.get(0)?.start(), 9)
        .to_ascii_lowercase()
        .trim_end()
        .ends_with("week of")
    {
        return None;
    }
    if let Some(ry) = g(c, "ry") {
        return rel_year_month(doc, c.get(0)?.as_str(), rel_month_word(ry), m, None);
    }
    match rel.as_deref() {
        Some("this") => rel_year_month(doc, c.get(0)?.as_str(), 0, m, None),
        Some("last") => rel_year_month(doc, c.get(0)?.as_str(), -1, m, None),
        Some("next") => rel_year_month(doc, c.get(0)?.as_str(), 1, m, None),
        _ => month(doc, None, m),
    }
}

pub(super) fn quarter_code(c: &Captures, doc: &Doc) -> Option<Value> {
    let q: u32 = g(c, "q").or(g(c, "q2"))?.parse().ok()?;
    let s = c.get(0)?.start();
    let fy = g(c, "fyy").or(g(c, "fy2"));
    if let Some(fy) = fy {
        let v: i32 = fy.parse().ok()?;
        return fiscal_quarter(doc, s, Some(expand_year(v)), q);
    }
    let e = c.get(0)?.end();
    if char_after(doc.text, e).is_some_and(|ch| {
        ch == '%'
            || ch == '.'
                && after(doc, e, 2)
                    .chars()
                    .nth(1)
                    .is_some_and(|d| d.is_ascii_digit())
    }) {
        return None;
    }
    match g(c, "y") {
        Some(y) => {
            let v: i32 = y.parse().ok()?;
            quarter(doc, Some(expand_year(v)), q)
        }
        None => {
            if prev_word(doc, s) == "fiscal" {
                return fiscal_quarter(doc, s, None, q);
            }
            quarter(doc, None, q)
        }
    }
}

pub(super) fn quarter_words(c: &Captures, doc: &Doc) -> Option<Value> {
    let qw = g(c, "qw")?;
    let q = q_word(qw)?;
    let s = c.get(0)?.start();
    let fiscal = g(c, "fis").is_some()
        || g(c, "fis2").is_some()
        || g(c, "fis3").is_some()
        || prev_word(doc, s) == "fiscal";
    let y = match g(c, "y").or(g(c, "y2")).or(g(c, "y3")) {
        Some(y) => Some(y.parse::<i32>().ok()?),
        None => None,
    };
    if let Some(ry) = g(c, "ry") {
        let off = match ry.to_ascii_lowercase().as_str() {
            "this" => 0,
            "next" => 1,
            _ => -1,
        };
        return rel_year_quarter(doc, c.get(0)?.as_str(), off, q);
    }
    if fiscal {
        return fiscal_quarter(doc, s, y, q);
    }
    if y.is_none() && qw.eq_ignore_ascii_case("last") {
        // `last quarter`: the quarter before the reference's.
        return rel_quarter(doc, c.get(0)?.as_str(), -1);
    }
    quarter(doc, y, q)
}

pub(super) fn half_rule(c: &Captures, doc: &Doc) -> Option<Value> {
    let h: u32 = match g(c, "h").or(g(c, "h2")) {
        Some(h) => h.parse().ok()?,
        None => {
            if g(c, "hw")?.eq_ignore_ascii_case("first") {
                1
            } else {
                2
            }
        }
    };
    if let Some(y) = g(c, "y") {
        let y = expand_year(y.parse().ok()?);
        return if g(c, "fy").is_some() {
            fiscal_half(y, h)
        } else {
            half(doc, Some(y), h)
        };
    }
    if let Some(y) = g(c, "yw") {
        let y = y.parse().ok()?;
        return if g(c, "fis").is_some() {
            fiscal_half(y, h)
        } else {
            half(doc, Some(y), h)
        };
    }
    let t = c.get(0)?.as_str();
    let off = match g(c, "ry").map(str::to_ascii_lowercase).as_deref() {
        Some("next") => 1,
        Some("last") => -1,
        _ => 0,
    };
    rel_year_half(doc, t, off, h)
}

pub(super) fn fiscal_year_rule(c: &Captures, doc: &Doc) -> Option<Value> {
    let y = if let Some(y) = g(c, "y") {
        y.parse().ok()?
    } else {
        let s = g(c, "y2").or(g(c, "yq"))?;
        let v: i32 = s.parse().ok()?;
        if s.len() == 2 {
            2000 + v
        } else {
            v
        }
    };
    let s = c.get(0)?.start();
    if let Some(q) = g(c, "qw")
        .and_then(q_word)
        .or_else(|| g(c, "q").and_then(|q| q.parse().ok()))
    {
        return fiscal_quarter(doc, s, Some(y), q);
    }
    if let Some(h) = g(c, "h") {
        return fiscal_half(y, h.parse().ok()?);
    }
    if let Some(hw) = g(c, "hw") {
        return fiscal_half(
            y,
            if hw.eq_ignore_ascii_case("first") {
                1
            } else {
                2
            },
        );
    }
    // `fiscal 2026 ending in March`: the end month is written.
    fiscal_year(y, g(c, "endm").and_then(month_from_en))
}

pub(super) fn decade_rule(c: &Captures, _doc: &Doc) -> Option<Value> {
    let start = if let (Some(cc), Some(d)) = (g(c, "c"), g(c, "d")) {
        cc.parse::<i32>().ok()? * 100 + d.parse::<i32>().ok()? * 10
    } else {
        let d: i32 = match g(c, "d2") {
            Some(d) => d.parse().ok()?,
            None => {
                // `the 90s` needs its article; `their 20s` is an age.
                g(c, "the")?;
                g(c, "d3")?.parse().ok()?
            }
        };
        if d >= 3 {
            1900 + d * 10
        } else {
            2000 + d * 10
        }
    };
    decade(start)
}

pub(super) fn relative(c: &Captures, doc: &Doc) -> Option<Value> {
    let m = c.get(0)?;
    let t = m.as_str();
    if let Some(dw) = g(c, "dw") {
        let dw = dw.to_ascii_lowercase();
        let off = if dw.contains("before") {
            -2
        } else if dw.contains("after") {
            2
        } else if dw.starts_with("yesterday") {
            -1
        } else if dw == "today" || dw.contains("same") {
            0
        } else {
            1
        };
        return rel_day(doc, t, off);
    }
    if let Some(u) = g(c, "unit2") {
        return by_unit(doc, t, &u.to_ascii_lowercase(), 2);
    }
    // `later in the year`: the current one.
    if let Some(u) = g(c, "unit3") {
        return by_unit(doc, t, &u.to_ascii_lowercase(), 0);
    }
    if g(c, "we").is_some() {
        return rel_weekend(doc, t, 0);
    }
    let md = g(c, "mod")?.to_ascii_lowercase();
    let md = md.trim_start_matches("the").trim();
    let off = match md {
        "this" | "current" => 0,
        "last" | "previous" => -1,
        _ => 1,
    };
    // `over the last year` is a duration; `last week of 2016` is another week.
    if matches!(prev_word(doc, m.start()).as_str(), "the" | "past")
        || after(doc, m.end(), 4).trim_start().starts_with("of")
    {
        return None;
    }
    if before(doc, m.start(), 9)
        .to_ascii_lowercase()
        .trim_end()
        .ends_with("week of")
    {
        return None;
    }
    by_unit(doc, t, &g(c, "unit")?.to_ascii_lowercase(), off)
}

pub(super) fn by_unit(doc: &Doc, t: &str, unit: &str, off: i64) -> Option<Value> {
    match unit {
        "year" => rel_year(doc, t, off),
        "month" => rel_month(doc, t, off),
        "week" => rel_week(doc, t, off),
        "weekend" => rel_weekend(doc, t, off),
        "quarter" => rel_quarter(doc, t, off),
        _ => None,
    }
}

pub(super) fn weekday(c: &Captures, doc: &Doc) -> Option<Value> {
    let wd_s = g(c, "wd")?;
    let wd = weekday_from_en(wd_s)?;
    let m = c.get(0)?;
    let lower = wd_s.to_ascii_lowercase();
    let full = lower.ends_with("day");
    if !full
        && !matches!(
            lower.as_str(),
            "tue" | "tues" | "thu" | "thur" | "thurs" | "fri"
        )
    {
        return None;
    }
    let pw = prev_word(doc, m.start());
    if g(c, "mod").is_none()
        && matches!(
            pw.as_str(),
            "black"
                | "good"
                | "super"
                | "cyber"
                | "ash"
                | "holy"
                | "easter"
                | "palm"
                | "giving"
                | "bloody"
                | "blue"
        )
    {
        return None;
    }
    // Newspapers: `The Sunday Times`, `Mail on Sunday`.
    if matches!(
        next_word(doc, m.end()),
        "Times" | "Telegraph" | "Express" | "Mirror" | "Post" | "Herald" | "Independent"
    ) || pw == "on" && before(doc, m.start(), 9).contains("Mail")
    {
        return None;
    }
    if let Some(dn) = g(c, "dn")
        .and_then(|d| d.parse().ok())
        .or_else(|| g(c, "dword").and_then(ord_word))
    {
        if after(doc, m.end(), 2).starts_with(['/', '.', '-', ':'])
            && after(doc, m.end(), 2)
                .chars()
                .nth(1)
                .is_some_and(|ch| ch.is_ascii_digit())
        {
            return None;
        }
        return day_with_weekday(doc, dn, wd);
    }
    if en_date_follows(doc, m.end()) {
        return None;
    }
    let mode = if let Some(wk) = g(c, "wk") {
        match wk.to_ascii_lowercase().as_str() {
            "this" => WdMode::Week(0),
            "last" => WdMode::Week(-1),
            _ => WdMode::Week(1),
        }
    } else {
        match g(c, "mod")
            .map(|s| {
                s.to_ascii_lowercase()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .as_deref()
        {
            None => match tense_before(doc, m.start()) {
                Some(Tense::Past) => WdMode::OnOrBefore,
                Some(Tense::Future) => WdMode::OnOrAfter,
                None => WdMode::Nearest,
            },
            Some("this") => WdMode::Week(0),
            Some("next" | "following") => WdMode::Week(1),
            Some("last" | "previous") => WdMode::Week(-1),
            Some("past" | "this past") => WdMode::Before,
            _ => WdMode::After,
        }
    };
    // The pattern takes the full stop of an abbreviation (`Tue.`), which the
    // span leaves out at a sentence's end (`on Monday.`): so does the display.
    rel_weekday(doc, m.as_str().trim_end_matches('.'), wd, mode)
}

/// A written date right after a weekday (`Friday 7/6`, `this friday (jun-15)`).
pub(super) fn en_date_follows(doc: &Doc, pos: usize) -> bool {
    let rest = after(doc, pos, 6);
    let rest = rest.trim_start_matches([' ', '(', ',', '-']);
    if rest.chars().next().is_some_and(|ch| ch.is_ascii_digit()) {
        return true;
    }
    let word: String = rest
        .chars()
        .take_while(|ch| ch.is_ascii_alphabetic())
        .collect();
    let tail = &rest[word.len()..];
    month_from_en(&word).is_some()
        && word.len() <= 9
        && tail
            .trim_start_matches(['.', '-', ' '])
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_digit())
}

pub(super) fn week_weekday(c: &Captures, doc: &Doc) -> Option<Value> {
    let wd = weekday_from_en(g(c, "wd")?)?;
    let off = match g(c, "wk")?.to_ascii_lowercase().as_str() {
        "this" => 0,
        "last" | "previous" => -1,
        _ => 1,
    };
    rel_weekday(doc, c.get(0)?.as_str(), wd, WdMode::Week(off))
}

pub(super) static PART: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)([0-9]{1,3}|a\s+couple\s+of|a\s+few|few|several|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|fortnight|month|year)")
        .unwrap_or_else(|e| panic!("date offset part: {e}"))
});

pub(super) fn offset(c: &Captures, doc: &Doc) -> Option<Value> {
    let t = c.get(0)?.as_str();
    if g(c, "in").is_some() {
        // `the highest level in 10 years`, `the first time in two years`: durations.
        let pw = prev_word(doc, c.get(0)?.start());
        if pw.ends_with("est")
            || matches!(
                pw.as_str(),
                "level"
                    | "levels"
                    | "time"
                    | "high"
                    | "low"
                    | "record"
                    | "decade"
                    | "once"
                    | "twice"
                    | "times"
            )
        {
            return None;
        }
        let n = count_word(g(c, "n1")?)?;
        let unit = g(c, "u1")?.to_ascii_lowercase();
        let (unit, n) = if unit == "fortnight" {
            (Unit::Week, n * 2)
        } else {
            (en_unit(&unit), n)
        };
        if n == 0 || n > 500 {
            return None;
        }
        return rel_offset(doc, t, unit, n);
    }
    let sign = if g(c, "dir")?.eq_ignore_ascii_case("ago") {
        -1
    } else {
        1
    };
    // `for the last 3 months and 2 days ago`: the first part is a duration.
    if matches!(
        prev_word(doc, c.get(0)?.start()).as_str(),
        "last" | "past" | "next" | "for" | "the"
    ) {
        return None;
    }
    let (mut months, mut days) = (0i64, 0i64);
    for p in PART.captures_iter(g(c, "parts")?) {
        let n = count_word(p.get(1)?.as_str())?;
        if n == 0 || n > 500 {
            return None;
        }
        match p.get(2)?.as_str().to_ascii_lowercase().as_str() {
            "day" => days += n,
            "week" => days += 7 * n,
            "fortnight" => days += 14 * n,
            "month" => months += n,
            _ => months += 12 * n,
        }
    }
    if months == 0 && days == 0 {
        return None;
    }
    rel_compound(doc, t, months, days, sign)
}

/// What rejects a `date.en.year` match by its bounds (`Rule::precheck`): the
/// year (the match's last four bytes, after the optional word before it) is
/// part of an amount, a code or a longer number (`$2025`, `12025`, `2025%`,
/// `2025/26`, `2025's`), or Japanese text goes on after it (`2025年`).
pub(super) fn year_bounds(doc: &Doc, s: usize, e: usize) -> bool {
    let ys = e.saturating_sub(4);
    if let Some(p) = char_before(doc.text, ys) {
        if matches!(
            p,
            '$' | '€' | '£' | '¥' | '#' | ',' | '.' | '/' | ':' | '+' | '-' | '_' | '\''
        ) && s == ys
            || p.is_ascii_digit()
        {
            return false;
        }
    }
    let rest = after(doc, e, 3);
    let mut it = rest.chars();
    let (n1, n2) = (it.next(), it.next());
    match (n1, n2) {
        (Some('%' | '_' | '年' | '/' | ':'), _) => return false,
        (Some(',' | '.' | '-' | '~' | '–'), Some(d)) if d.is_ascii_digit() => return false,
        (Some('\''), Some('s')) => return false,
        _ => {}
    }
    // Japanese text: a bare year only before a topic particle or punctuation.
    !n1.is_some_and(|n| {
        !n.is_ascii() && !matches!(n, 'は' | '、' | '。' | '」' | '）' | '’' | '”' | '–' | '—')
    })
}

pub(super) fn year_alone(c: &Captures, doc: &Doc) -> Option<Value> {
    let ym = c.name("y")?;
    let y: i32 = ym.as_str().parse().ok()?;
    let e = ym.end();
    if !year_bounds(doc, c.get(0)?.start(), e) {
        return None;
    }
    let pre = g(c, "pre").map(|p| p.trim_end_matches(['-', ' ']).to_ascii_lowercase());
    let time_prep = matches!(
        pre.as_deref(),
        Some(
            "in" | "since"
                | "from"
                | "by"
                | "until"
                | "till"
                | "of"
                | "during"
                | "before"
                | "after"
                | "through"
                | "early"
                | "late"
                | "mid"
                | "end"
                | "year"
        )
    ) || pre
        .as_deref()
        .is_some_and(|p| p.contains("year") || p == "cy");
    let nw = next_word(doc, e);
    let nwl = nw.to_ascii_lowercase();
    let lower_word = !nw.is_empty() && nw.chars().next().is_some_and(|ch| ch.is_ascii_lowercase());
    if COUNT_NOUN.contains(&nwl.as_str()) {
        return None;
    }
    if !time_prep && lower_word && !YEAR_NEXT_OK.contains(&nwl.as_str()) {
        return None;
    }
    if !(1600..=2199).contains(&y) {
        return None;
    }
    // `Easter 2018`, `Jan 2015` (rejected as a month): the year belongs to a phrase.
    if pre.is_none() {
        let pw = prev_word(doc, c.get(0)?.start());
        const OK_BEFORE: &[&str] = &[
            "", "the", "a", "its", "their", "his", "her", "our", "and", "or", "than", "not",
            "year", "years", "end", "start", "spring", "summer", "autumn", "fall", "winter",
            "season", "calendar", "versus", "vs", "against", "was", "is", "were", "be", "until",
            "circa", "c", "ca", "about", "around", "late", "early",
        ];
        if !OK_BEFORE.contains(&pw.as_str()) {
            return None;
        }
    }
    year(y)
}

pub(super) fn nth_weekday_rule(c: &Captures, doc: &Doc) -> Option<Value> {
    let n = nth_n(g(c, "n")?)?;
    let wd = weekday_from_en(g(c, "wd")?)?;
    let spec = if let Some(rm) = g(c, "rm") {
        MonthSpec::Relative(rel_month_word(rm))
    } else if let Some(mon_s) = g(c, "mon") {
        let y = match g(c, "y") {
            Some(y) => Some(y.parse().ok()?),
            None => None,
        };
        MonthSpec::Written(y, month_from_en(mon_s)?)
    } else {
        // `last Friday` is the weekday rule's; `first Sunday` is this month's.
        if n == 0 || prev_word(doc, c.get(0)?.start()) == "the" {
            return None;
        }
        MonthSpec::Relative(0)
    };
    nth_weekday(doc, c.get(0)?.as_str(), spec, n, wd)
}

pub(super) fn week_of_year_rule(c: &Captures, doc: &Doc) -> Option<Value> {
    let t = c.get(0)?.as_str();
    let n = match g(c, "wn") {
        Some(w) => w.parse().ok()?,
        None => nth_n(g(c, "n")?)?,
    };
    if let Some(y) = g(c, "y") {
        return week_of_year(doc, t, Some(y.parse().ok()?), 0, n);
    }
    match g(c, "ry") {
        Some(ry) => week_of_year(doc, t, None, rel_month_word(ry), n),
        None => {
            // `week 31` alone: the reference year; `first week of` needs its year.
            g(c, "wn")?;
            week_of_year(doc, t, None, 0, n)
        }
    }
}

pub(super) fn day_of_rel_month(c: &Captures, doc: &Doc) -> Option<Value> {
    let d = day_num(c, "")?;
    rel_month_day(doc, c.get(0)?.as_str(), rel_month_word(g(c, "rm")?), d)
}

pub(super) fn anchored(c: &Captures, doc: &Doc) -> Option<Value> {
    let n = count_word(g(c, "n")?)?;
    let unit = en_unit(g(c, "u")?);
    let anchor = match g(c, "a")?.to_ascii_lowercase().as_str() {
        "tomorrow" | "tmrw" => 1,
        "yesterday" => -1,
        _ => 0,
    };
    let sign = if g(c, "dir")?.eq_ignore_ascii_case("before") {
        -1
    } else {
        1
    };
    anchored_offset(doc, c.get(0)?.as_str(), anchor, unit, sign * n)
}

/// `on the 21st.`: a day of the reference month, only where no noun follows
/// (`the 18th century`, `the 4th quarter` are not dates).
/// What rejects a `date.en.the_nth` match by what follows it
/// (`Rule::precheck`): a word (`the first quarter`), so it is no day.
pub(super) fn the_nth_bounds(doc: &Doc, _s: usize, e: usize) -> bool {
    let rest = after(doc, e, 3);
    !rest
        .trim_start()
        .chars()
        .next()
        .is_some_and(|ch| ch.is_alphanumeric())
}

pub(super) fn the_nth(c: &Captures, doc: &Doc) -> Option<Value> {
    let e = c.get(0)?.end();
    if !the_nth_bounds(doc, c.get(0)?.start(), e) {
        return None;
    }
    // `the second` is an ordinal (`won the first and lost the second`) unless a
    // preposition or a month introduces it (`on the second`, `for the twenty
    // second`, `may the eleventh`).
    if g(c, "dw").is_some() {
        let pw = prev_word(doc, c.name("span")?.start());
        let introduced = matches!(
            pw.as_str(),
            "on" | "for" | "by" | "until" | "till" | "since" | "from" | "to" | "before" | "after"
        ) || month_from_en(&pw).is_some();
        if !introduced {
            return None;
        }
    }
    let d = day_num(c, "")?;
    day_of_ref_month(doc, d)
}

/// `year to date`, `YTD`, `month-to-date`, `QTD`.
pub(super) fn to_date(c: &Captures, doc: &Doc) -> Option<Value> {
    let unit = match (g(c, "u"), g(c, "ab")) {
        (Some(u), _) => u.to_ascii_lowercase(),
        (None, Some("MTD")) => "month".to_string(),
        (None, Some("QTD")) => "quarter".to_string(),
        (None, _) => "year".to_string(),
    };
    period_to_date(doc, c.get(0)?.as_str(), &unit)
}

pub(super) fn holiday(c: &Captures, doc: &Doc) -> Option<Value> {
    let h = g(c, "h")?.to_ascii_lowercase();
    // `New Year's` alone is the season as often as the day.
    if h.starts_with("new") && !h.ends_with("day") && !h.ends_with("eve") {
        return None;
    }
    let y = match g(c, "y") {
        Some(y) => Some(y.parse().ok()?),
        None => None,
    };
    let rule = holiday_of(&h)?;
    if let Holiday::Fixed(m, d) = rule {
        return day(doc, y, m, d);
    }
    let Some((year, inferred, src)) = resolve_year(doc, y) else {
        return unresolved_day(c.get(0).map_or("", |m| m.as_str()));
    };
    calendar_day(rule.in_year(year)?, inferred, src)
}

/// `2021 to 2028`, `between 2021 and 2028`, `2025–27`: a range of years.
pub(super) fn year_range(c: &Captures, doc: &Doc) -> Option<Value> {
    let span = c.name("span")?;
    let y: i32 = g(c, "y")?.parse().ok()?;
    let y2s = g(c, "y2")?;
    let y2 = range_end_year(y, y2s)?;
    let join = g(c, "join")?.to_ascii_lowercase();
    if join == "and" && g(c, "pre").map(str::to_ascii_lowercase).as_deref() != Some("between") {
        return None;
    }
    // `2024-25` is the numeric rule's season span; `2021-28` with a hyphen reads
    // as a code as often as a range.
    if join == "-" && y2s.len() == 2 {
        return None;
    }
    if y2 <= y || y2 - y > 50 {
        return None;
    }
    if char_before(doc.text, span.start()).is_some_and(|ch| {
        ch.is_ascii_digit() || matches!(ch, '$' | '€' | '£' | '¥' | '#' | ',' | '.' | '/' | '-')
    }) {
        return None;
    }
    let rest = after(doc, span.end(), 2);
    if rest.starts_with(['%', '年', '/', ':', '-', '–'])
        || rest.starts_with(['.', ',']) && rest.chars().nth(1).is_some_and(|d| d.is_ascii_digit())
    {
        return None;
    }
    // `from 2000 to 2500 jobs`: counts, not years.
    if COUNT_NOUN.contains(&next_word(doc, span.end()).to_ascii_lowercase().as_str()) {
        return None;
    }
    range(year(y), year(y2))
}

/// `the second week of August`, `the first week of June 2025`: that week of the
/// month (see `week_of_month`).
pub(super) fn week_of_month_rule(c: &Captures, doc: &Doc) -> Option<Value> {
    let n = nth_n(g(c, "n")?)?;
    let m = month_from_en(g(c, "mon")?)?;
    let y = match g(c, "y") {
        Some(y) => Some(y.parse().ok()?),
        None => None,
    };
    week_of_month(doc, c.get(0)?.as_str(), y, m, n)
}
