//! English date rules: `June 9, 2025`, `9 June 2025`, `25th Apr 2018`, `June 2025`,
//! `June`, `2025`, `Q1 2026`, `1Q26`, `first quarter of 2026`, `fiscal 2025`, `FY25`,
//! `H1 2025`, `first half of 2025`, `the 1990s`, `June 9-10, 2025`, `March-April`,
//! relative words (`yesterday`, `next month`, `this week`, `Tuesday`, `a year ago`).

use super::*;
use crate::rule::{Rule, RuleSet};
use crate::text::around::{char_after, char_before};
use crate::text::numbers::en_unit_word;
use regex::Captures;
use std::sync::LazyLock;

fn mon(s: &str) -> String {
    format!(
        r"(?P<mon{s}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    )
}

const ORDW: &str = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|three|four|five|six|seven|eight|nine)|thirtieth|thirty[- ](?:first|one)";

fn dayp(s: &str) -> String {
    format!(r"(?:(?P<d{s}>[0-3]?[0-9])(?:st|nd|rd|th)?(?-u:\b)|(?P<dw{s}>{ORDW})(?-u:\b))")
}

const WDN: &str = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)";

const YEAR_TAIL: &str = r"(?:\s*,?\s*(?:of\s+|in\s+)?(?P<y>[12][0-9]{3})(?-u:\b)|\s*,?\s*(?:of\s+)?(?P<yw>(?:(?:one|two)\s+thousand(?:\s+and\s+|\s+)(?:(?:zero|oh)\s+(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine)|(?:one|two)\s+thousand|(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)(?:\s+hundred(?:\s+and)?)?\s+(?:(?:zero|oh)\s+(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)))(?-u:\b)|\s*(?:,|of)\s*'?(?P<yy>[0-9]{2})(?-u:\b)|\s*'(?P<yq>[0-9]{2})(?-u:\b)|[-/](?P<y3>[12][0-9]{3})(?-u:\b))?";

/// A year in words: `nineteen eighty six`, `two thousand and fifteen`, `seventeen hundred thirty three`.
const YW: &str = r"(?:(?:one|two)\s+thousand(?:\s+and\s+|\s+)(?:(?:zero|oh)\s+(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine)|(?:one|two)\s+thousand|(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)(?:\s+hundred(?:\s+and)?)?\s+(?:(?:zero|oh)\s+(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?))";

const QW: &str = r"first|second|third|fourth|1st|2nd|3rd|4th|final|last";

pub(super) static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let (m, m2) = (mon(""), mon("2"));
    let (d, d2) = (dayp(""), dayp("2"));
    RuleSet::new(vec![
        Rule::new(
            "date.en.month_day",
            format!(r"(?i)(?-u:\b)(?:{WDN}\.?,?\s+(?:the\s+)?)?{m}(?:\.|,)?\s*(?:[-/]\s*)?(?:the\s+)?{d}(?:\s*(?:-|–|to|through|until)\s*(?:{m2}(?:\.|,)?\s*)?{d2})?{YEAR_TAIL}"),
            month_day,
        )
        .priority(3),
        Rule::new(
            "date.en.between_month_day",
            format!(r"(?i)(?-u:\b)between\s+(?P<span>{m}\.?\s*{d}\s+and\s+(?:{m2}\.?\s*)?{d2}{YEAR_TAIL})"),
            month_day,
        )
        .priority(3),
        Rule::new(
            "date.en.day_month",
            format!(r"(?i)(?-u:\b)(?:{WDN}\.?,?\s+)?(?:the\s+)?{d}(?:\s*(?:-|–|to)\s*{d2})?\s*(?P<sep>of\s+|[-/.]\s*)?{m}(?-u:\b)\.?{YEAR_TAIL}"),
            day_month,
        )
        .priority(3),
        Rule::new(
            "date.en.year_month_day",
            format!(r"(?i)(?-u:\b)(?P<y>[12][0-9]{{3}})\s*[-/]\s*{m}\s*[-/]\s*(?P<d>[0-3]?[0-9])(?-u:\b)"),
            year_month_day,
        )
        .priority(3),
        Rule::new(
            "date.en.month_year",
            format!(r"(?i)(?-u:\b){m}(?-u:\b)\.?\s*(?P<sep>,|-|/|of|in)?\s*(?:(?P<y>[12][0-9]{{3}})|'(?P<yq>[0-9]{{2}})|(?P<yy>[0-9]{{2}})|(?P<yw>{YW}))(?-u:\b)"),
            month_year,
        )
        .priority(2),
        Rule::new(
            "date.en.year_month",
            format!(r"(?i)(?-u:\b)(?P<y>[12][0-9]{{3}})\s*,?\s*{m}(?-u:\b)"),
            year_month,
        )
        .priority(1),
        Rule::new(
            "date.en.month_range",
            format!(r"(?i)(?-u:\b)(?:(?P<pre>between|from)\s+)?(?P<span>{m}(?-u:\b)\.?\s*(?P<join>-|–|to|through|until|and)\s*{m2}(?-u:\b)\.?(?:\s*,?\s*(?P<y>[12][0-9]{{3}})(?-u:\b))?)"),
            month_range,
        )
        .priority(2),
        Rule::new(
            "date.en.month",
            format!(r"(?i)(?-u:\b)(?:(?P<rel>this|last|next|early|late|mid|end\s+of)[\s-]+)?{m}(?-u:\b)\.?(?:\s+(?P<ry>this|next|last)\s+year(?-u:\b))?"),
            month_alone,
        ),
        Rule::new(
            "date.en.quarter_code",
            r"(?-u:\b)(?:(?P<fyp>FY\s?'?(?P<fyy>[0-9]{4}|[0-9]{2})\s*[-/]?\s*)?[Qq](?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s*(?P<fys>FY|fiscal)\s?'?(?P<fy2>[0-9]{4}|[0-9]{2})|\s*(?:'|/|-)?\s*(?P<y>[0-9]{4}|[0-9]{2}))?(?-u:\b)",
            quarter_code,
        )
        .priority(2),
        Rule::new(
            "date.en.quarter_words",
            format!(r"(?i)(?-u:\b)(?:(?P<fis>fiscal)[- ](?:year[- ])?)?(?P<qw>{QW})[- ]quarter(?-u:\b)(?:\s+(?:of|in)\s+(?:(?P<fis2>fiscal)\s+(?:year\s+)?)?(?:the\s+)?(?:(?:fiscal\s+)?year\s+)?(?P<y>[12][0-9]{{3}})|\s+(?:of\s+)?(?P<fis3>fiscal)\s+(?:year\s+)?(?P<y2>[12][0-9]{{3}})|,?\s+(?P<y3>[12][0-9]{{3}})|\s+(?:of\s+)?(?P<ry>this|next|last)\s+year)?(?-u:\b)"),
            quarter_words,
        )
        .priority(1),
        Rule::new(
            "date.en.half",
            r"(?-u:\b)(?:H(?P<h>[12])|(?P<h2>[12])H)\s*(?:'|/|-)?\s*(?:(?P<fy>FY)\s?'?)?(?P<y>[0-9]{4}|[0-9]{2})(?-u:\b)|(?i:(?-u:\b)(?P<hw>first|second)[- ]half\s+(?:of\s+)?(?:(?:(?P<fis>fiscal)\s+(?:year\s+)?)?(?:the\s+year\s+)?(?P<yw>[12][0-9]{3})|(?P<ry>this|next|last)\s+year|(?P<ty>the\s+year))(?-u:\b))",
            half_rule,
        )
        .priority(1),
        Rule::new(
            "date.en.fiscal_year",
            format!(r"(?-u:\b)(?:(?i:fiscal)\s+(?i:year\s+)?(?P<y>[12][0-9]{{3}})|(?i:fiscal)\s+'(?P<yq>[0-9]{{2}})|FY\s?'?(?P<y2>[0-9]{{4}}|[0-9]{{2}}))(?-u:\b)(?:\s*(?:(?i:(?P<qw>{QW})[- ]quarter)|[Qq](?P<q>[1-4])|H(?P<h>[12])|(?i:(?P<hw>first|second)[- ]half))(?-u:\b)|,?\s+(?i:ending|ended|that\s+ends|which\s+ends)\s+(?i:in\s+)?(?P<endm>(?i:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec))(?-u:\b)\.?(?:\s+(?P<endd>[0-3]?[0-9])(?-u:\b))?)?"),
            fiscal_year_rule,
        )
        .priority(2),
        Rule::new(
            "date.en.decade",
            r"(?i)(?-u:\b)(?:(?P<the>the)\s+)?(?P<span>(?P<mod>early\s+|mid-?|late\s+)?(?:(?P<c>1[0-9]|20)(?P<d>[0-9])0|'(?P<d2>[0-9])0|(?P<d3>[0-9])0)'?s)(?-u:\b)",
            decade_rule,
        ),
        Rule::new(
            "date.en.relative",
            r"(?i)(?-u:\b)(?:(?P<dw>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+(?:tomorrow|tmrw)|yesterday|today|tomorrow|tmrw|the\s+(?:next|following)\s+day)|(?:(?:early|earlier|late|later|mid)[\s-]+)?(?P<mod>this|last|next|previous|coming|the\s+coming|following|the\s+following|current|the\s+current|upcoming|the\s+upcoming)\s+(?P<unit>year|month|week|weekend|quarter)|(?:earlier|later)\s+in\s+the\s+(?P<unit3>year|month|week)|the\s+(?P<unit2>year|month|week|weekend)\s+after\s+(?:the\s+)?next|(?P<we>(?:the\s+)?weekend))(?-u:\b)",
            relative,
        )
        .priority(1),
        Rule::new(
            "date.en.weekday",
            format!(r"(?i)(?-u:\b)(?:(?P<mod>this\s+past|this\s+coming|this\s+upcoming|this|next|last|previous|coming|upcoming|following|past)\s+)?{WDN}(?-u:\b)\.?(?:(?:\s+of)?\s+(?P<wk>this|next|last|the\s+following|following)\s+week(?-u:\b)|,?\s+(?:the\s+)?(?:(?P<dn>[0-3]?[0-9])(?:st|nd|rd|th)?|(?P<dword>{ORDW}))(?-u:\b))?"),
            weekday,
        ),
        Rule::new(
            "date.en.week_weekday",
            r"(?i)(?-u:\b)(?P<wk>this|next|last|previous|the\s+following|following)\s+week(?:\s*-\s*|\s+on\s+|\s+)(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?-u:\b)",
            week_weekday,
        )
        .priority(1),
        Rule::new(
            "date.en.offset",
            r"(?i)(?-u:\b)(?:(?P<in>in)\s+(?P<n1>[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<u1>day|week|fortnight|month|year)s?|(?P<parts>(?:(?:[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+couple\s+of|a\s+few|few|several)\s+(?:day|week|fortnight|month|year)s?(?:\s*,\s*|\s+and\s+|\s+)){0,3}(?:[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+couple\s+of|a\s+few|few|several)\s+(?:day|week|fortnight|month|year)s?)\s+(?P<dir>ago|later|from\s+now|hence))(?-u:\b)",
            offset,
        )
        .priority(1),
        Rule::new(
            "date.en.nth_weekday",
            format!(r"(?i)(?-u:\b)(?:the\s+)?(?P<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?-u:\b)(?:\s+(?:of|in)\s+(?:(?P<rm>this|next|last|previous|the\s+following)\s+month|{m}(?-u:\b)\.?(?:\s*,?\s*(?P<y>[12][0-9]{{3}}))?))?(?-u:\b)"),
            nth_weekday_rule,
        )
        .priority(2),
        Rule::new(
            "date.en.week_of_year",
            r"(?i)(?-u:\b)(?:the\s+)?(?:(?P<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+week\s+of\s+|week\s+(?P<wn>[0-9]{1,2})(?-u:\b)(?:\s+of\s+)?)(?:(?P<y>[12][0-9]{3})|(?P<ry>this|next|last)\s+year)?(?-u:\b)",
            week_of_year_rule,
        )
        .priority(2),
        Rule::new(
            "date.en.day_of_rel_month",
            format!(r"(?i)(?-u:\b)(?:the\s+)?{d}(?:\s+day)?\s+of\s+(?P<rm>this|next|last|previous|the\s+following)\s+month(?-u:\b)"),
            day_of_rel_month,
        )
        .priority(2),
        Rule::new(
            "date.en.anchored",
            r"(?i)(?-u:\b)(?P<n>[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<u>day|week|month|year)s?\s+(?P<dir>from|after|before)\s+(?P<a>today|tomorrow|tmrw|yesterday|now)(?-u:\b)",
            anchored,
        )
        .priority(2),
        Rule::new(
            "date.en.the_nth",
            format!(r"(?i)(?-u:\b)(?:on\s+)?(?P<span>the\s+(?:(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)|(?P<dw>{ORDW})))(?-u:\b)"),
            the_nth,
        ),
        Rule::new(
            "date.en.year",
            r"(?i)(?-u:\b)(?:(?P<pre>in|since|from|by|until|till|of|during|before|after|through|to|and|or|for|between|early|late|mid|end|year|calendar\s+year|cy)[\s-]+)?(?P<span>(?P<y>(?:1[6-9]|20|21)[0-9]{2}))(?-u:\b)",
            year_alone,
        ),
        Rule::new("date.en.year_words", format!(r"(?i)(?-u:\b)in\s+(?P<span>{YW})(?-u:\b)"), year_words),
        Rule::new(
            "date.en.to_date",
            r"(?i)(?-u:\b)(?P<u>year|month|quarter)[- ]to[- ]date(?-u:\b)|(?-u:\b)(?P<ab>YTD|MTD|QTD)(?-u:\b)",
            to_date,
        ),
        Rule::new(
            "date.en.holiday",
            r"(?i)(?-u:\b)(?P<h>christmas\s+eve|christmas(?:\s+day)?|new\s+year['’]?s\s+eve|new\s+year['’]?s(?:\s+day)?|independence\s+day|halloween|valentine['’]?s\s+day|juneteenth|boxing\s+day|veterans['’]?\s+day|earth\s+day|(?:saint|st\.?)\s+patrick['’]?s\s+day|thanksgiving(?:\s+day)?|(?-i:Black\s+Friday|BLACK\s+FRIDAY)|cyber\s+monday|labor\s+day|memorial\s+day|(?:martin\s+luther\s+king(?:,?\s+jr\.?)?|mlk)\s+day|presidents['’]?\s+day|mother['’]?s\s+day|father['’]?s\s+day|columbus\s+day|(?-i:Good\s+Friday|GOOD\s+FRIDAY)|easter\s+monday|easter(?:\s+sunday)?)(?:,?\s+(?P<y>[12][0-9]{3}))?(?-u:\b)",
            holiday,
        ),
    ])
});

fn g<'a>(c: &'a Captures, name: &str) -> Option<&'a str> {
    c.name(name).map(|m| m.as_str())
}

fn whole<'a>(c: &'a Captures) -> Option<regex::Match<'a>> {
    c.name("span").or_else(|| c.get(0))
}

fn ord_word(w: &str) -> Option<u32> {
    let w = w.to_ascii_lowercase().replace('-', " ");
    let unit = |u: &str| -> Option<u32> {
        Some(match u {
            "first" | "one" => 1,
            "second" | "two" => 2,
            "third" | "three" => 3,
            "fourth" | "four" => 4,
            "fifth" | "five" => 5,
            "sixth" | "six" => 6,
            "seventh" | "seven" => 7,
            "eighth" | "eight" => 8,
            "ninth" | "nine" => 9,
            _ => return None,
        })
    };
    if let Some(rest) = w.strip_prefix("twenty ") {
        return unit(rest).map(|u| 20 + u);
    }
    if let Some(rest) = w.strip_prefix("thirty ") {
        return unit(rest).map(|u| 30 + u);
    }
    Some(match w.as_str() {
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return unit(&w),
    })
}

fn day_num(c: &Captures, s: &str) -> Option<u32> {
    if let Some(d) = g(c, &format!("d{s}")) {
        return d.parse().ok();
    }
    ord_word(g(c, &format!("dw{s}"))?)
}

/// The value of a year written in words (see `YW`).
fn year_from_words(s: &str) -> Option<i32> {
    let s = s.to_ascii_lowercase().replace('-', " ");
    let words: Vec<&str> = s.split_whitespace().filter(|w| *w != "and").collect();
    let small = |w: &str| -> Option<i32> {
        match w {
            "oh" => Some(0),
            w => en_unit_word(w).map(|v| v as i32),
        }
    };
    let tail = |ws: &[&str]| -> Option<i32> { ws.iter().map(|w| small(w)).sum::<Option<i32>>() };
    let (head, rest) = words.split_first()?;
    if rest.first() == Some(&"thousand") {
        return Some(small(head)? * 1000 + tail(&rest[1..])?);
    }
    let rest = if rest.first() == Some(&"hundred") {
        &rest[1..]
    } else {
        rest
    };
    Some(small(head)? * 100 + tail(rest)?)
}

fn year_words(c: &Captures, doc: &Doc) -> Option<Value> {
    if next_word(doc, c.get(0)?.end()).eq_ignore_ascii_case("hundred") {
        return None;
    }
    year(year_from_words(g(c, "span")?)?)
}

/// The year written after a date, if any; `Err` when it is malformed.
fn tail_year(c: &Captures) -> Result<Option<i32>, ()> {
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
fn is_verbish_month(word: &str) -> bool {
    matches!(word, "may" | "march" | "MAY" | "MARCH")
}

fn month_day(c: &Captures, doc: &Doc) -> Option<Value> {
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
        return range(day(y, m, d), day(y, m2, d2));
    }
    if y.is_none() && impossible_year_after(doc.text, span.end()) {
        return None;
    }
    certain_day(y, m, d)
}

/// A day with its year written: the day, or, when the month has no such day
/// (`February 30, 2025`), only what is certain, the month of that year.
fn certain_day(y: Option<i32>, m: u32, d: u32) -> Option<Value> {
    match y {
        Some(yr) if NaiveDate::from_ymd_opt(yr, m, d).is_none() => month(y, m),
        _ => day(y, m, d),
    }
}

/// Whether a four-digit number that no year rule accepted follows byte `pos`
/// (`December 31, 9999`): the day belongs to that impossible year, not to the
/// reference date's.
fn impossible_year_after(text: &str, pos: usize) -> bool {
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

fn day_month(c: &Captures, doc: &Doc) -> Option<Value> {
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
        return range(day(y, m, d), day(y, m, d2));
    }
    if y.is_none() && impossible_year_after(doc.text, e) {
        return None;
    }
    certain_day(y, m, d)
}

fn year_month_day(c: &Captures, _doc: &Doc) -> Option<Value> {
    let y = g(c, "y")?.parse().ok()?;
    day(
        Some(y),
        month_from_en(g(c, "mon")?)?,
        g(c, "d")?.parse().ok()?,
    )
}

fn month_year(c: &Captures, doc: &Doc) -> Option<Value> {
    let m = month_from_en(g(c, "mon")?)?;
    let e = c.get(0)?.end();
    if before(doc, c.get(0)?.start(), 9)
        .to_ascii_lowercase()
        .trim_end()
        .ends_with("week of")
    {
        return None;
    }
    if char_after(doc.text, e).is_some_and(|ch| {
        ch == '%'
            || ch == ','
                && after(doc, e, 2)
                    .chars()
                    .nth(1)
                    .is_some_and(|d| d.is_ascii_digit())
    }) {
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
    month(Some(y), m)
}

fn year_month(c: &Captures, doc: &Doc) -> Option<Value> {
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
    month(Some(g(c, "y")?.parse().ok()?), month_from_en(mon_s)?)
}

fn month_range(c: &Captures, doc: &Doc) -> Option<Value> {
    let (a, b) = (g(c, "mon")?, g(c, "mon2")?);
    let join = g(c, "join")?.to_ascii_lowercase();
    let pre = g(c, "pre").map(str::to_ascii_lowercase);
    if join == "and" && pre.as_deref() != Some("between") {
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
    range(month(y, ma), month(y, mb))
}

/// Words before a bare month that make it a date: `in June`, `since May`.
const MONTH_PREP: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "of",
    "from",
    "to",
    "through",
    "during",
    "before",
    "after",
    "between",
    "and",
    "or",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "end",
    "on",
    "for",
    "until",
    "starting",
    "beginning",
    "around",
    "throughout",
];

fn month_alone(c: &Captures, doc: &Doc) -> Option<Value> {
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
        return rel_year_month(c.get(0)?.as_str(), rel_month_word(ry), m, None);
    }
    match rel.as_deref() {
        Some("this") => rel_year_month(c.get(0)?.as_str(), 0, m, None),
        Some("last") => rel_year_month(c.get(0)?.as_str(), -1, m, None),
        Some("next") => rel_year_month(c.get(0)?.as_str(), 1, m, None),
        _ => month(None, m),
    }
}

fn quarter_code(c: &Captures, doc: &Doc) -> Option<Value> {
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
            quarter(Some(expand_year(v)), q)
        }
        None => {
            if prev_word(doc, s) == "fiscal" {
                return fiscal_quarter(doc, s, None, q);
            }
            quarter(None, q)
        }
    }
}

fn q_word(w: &str) -> Option<u32> {
    Some(match w.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" | "last" => 4,
        _ => return None,
    })
}

fn quarter_words(c: &Captures, doc: &Doc) -> Option<Value> {
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
        let Some((r, src)) = reference() else {
            return unresolved(c.get(0)?.as_str(), Granularity::Quarter);
        };
        return plain(
            format!("{:04}-Q{q}", r.year() + off),
            Granularity::Quarter,
            false,
            true,
            Some(src),
        );
    }
    if fiscal {
        return fiscal_quarter(doc, s, y, q);
    }
    if y.is_none() && qw.eq_ignore_ascii_case("last") {
        // `last quarter`: the quarter before the reference's.
        return rel_quarter(c.get(0)?.as_str(), -1);
    }
    quarter(y, q)
}

fn half_rule(c: &Captures, _doc: &Doc) -> Option<Value> {
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
            half(Some(y), h)
        };
    }
    if let Some(y) = g(c, "yw") {
        let y = y.parse().ok()?;
        return if g(c, "fis").is_some() {
            fiscal_half(y, h)
        } else {
            half(Some(y), h)
        };
    }
    let t = c.get(0)?.as_str();
    let off = match g(c, "ry").map(str::to_ascii_lowercase).as_deref() {
        Some("next") => 1,
        Some("last") => -1,
        _ => 0,
    };
    let Some((r, src)) = reference() else {
        return unresolved(t, Granularity::Half);
    };
    plain(
        format!("{:04}-H{h}", r.year() + off),
        Granularity::Half,
        false,
        true,
        Some(src),
    )
}

fn fiscal_year_rule(c: &Captures, doc: &Doc) -> Option<Value> {
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

fn decade_rule(c: &Captures, _doc: &Doc) -> Option<Value> {
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

fn relative(c: &Captures, doc: &Doc) -> Option<Value> {
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
        } else if dw == "today" {
            0
        } else {
            1
        };
        return rel_day(t, off);
    }
    if let Some(u) = g(c, "unit2") {
        return by_unit(t, &u.to_ascii_lowercase(), 2);
    }
    // `later in the year`: the current one.
    if let Some(u) = g(c, "unit3") {
        return by_unit(t, &u.to_ascii_lowercase(), 0);
    }
    if g(c, "we").is_some() {
        return rel_weekend(t, 0);
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
    by_unit(t, &g(c, "unit")?.to_ascii_lowercase(), off)
}

fn by_unit(t: &str, unit: &str, off: i64) -> Option<Value> {
    match unit {
        "year" => rel_year(t, off),
        "month" => rel_month(t, off),
        "week" => rel_week(t, off),
        "weekend" => rel_weekend(t, off),
        "quarter" => rel_quarter(t, off),
        _ => None,
    }
}

fn weekday(c: &Captures, doc: &Doc) -> Option<Value> {
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
        return day_with_weekday(dn, wd);
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
    rel_weekday(m.as_str(), wd, mode)
}

/// The tense of the clause a bare weekday stands in, read from the nearest verb
/// before it: `fell on Friday`, `said on Thursday` (past), `will meet on
/// Monday`, `would agree to cuts at its meeting on Sunday` (future). News uses a
/// bare weekday for the days just before and just after the article's date, and
/// the verb tells which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
}

/// Common irregular past forms in news copy.
const PAST_IRREGULAR: &[&str] = &[
    "said", "told", "rose", "fell", "grew", "sank", "won", "lost", "met", "held", "went", "came",
    "took", "gave", "made", "saw", "paid", "sold", "bought", "hit", "spoke", "wrote", "began",
    "left", "led", "kept", "brought", "thought", "struck", "stood", "ran", "did", "was", "were",
    "had", "became", "slid", "shed", "sent", "spent", "swung", "fought", "found", "got", "knew",
    "broke", "chose", "drove", "flew", "froze", "rang", "rode", "shook", "stole", "threw", "woke",
    "withdrew", "overtook", "undercut", "soared", "sought",
];

/// Words ending in `-ed` that are not past forms.
const NOT_PAST_ED: &[&str] = &[
    "need",
    "speed",
    "feed",
    "seed",
    "indeed",
    "hundred",
    "red",
    "bed",
    "shed",
    "wed",
    "bred",
    "proceed",
    "exceed",
    "succeed",
    "breed",
    "greed",
    "weed",
    "deed",
    "embed",
    "united",
    "limited",
    "based",
    "listed",
    "related",
    "detailed",
    "advanced",
    "combined",
    "expected",
    "scheduled",
    "planned",
    "slated",
    "due",
];

fn tense_before(doc: &Doc, pos: usize) -> Option<Tense> {
    let head = before(doc, pos, 160);
    // The clause starts after the last sentence stop (a `.` only before a
    // space: `4.7%` goes on), semicolon, line break or quotation mark.
    let cut = head
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '!' | '?' | ';' | '\n' | '"' | '“' | '”')
                || c == '.' && head[i + 1..].starts_with(' ')
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = &head[cut..];
    let words: Vec<String> = clause
        .split(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase().replace('’', "'"))
        .collect();
    // The nearest evidence wins, within the last twelve words.
    for (i, w) in words.iter().enumerate().rev().take(12) {
        let next = words.get(i + 1).map(String::as_str);
        if matches!(w.as_str(), "will" | "would" | "shall") || w.ends_with("'ll") {
            return Some(Tense::Future);
        }
        if matches!(
            w.as_str(),
            "scheduled" | "expected" | "planned" | "slated" | "due" | "set" | "plans" | "plan"
        ) && matches!(next, Some("to" | "for"))
        {
            return Some(Tense::Future);
        }
        let past_ed = w.len() >= 4 && w.ends_with("ed") && !NOT_PAST_ED.contains(&w.as_str());
        if past_ed || PAST_IRREGULAR.contains(&w.as_str()) {
            return Some(Tense::Past);
        }
    }
    None
}

/// A written date right after a weekday (`Friday 7/6`, `this friday (jun-15)`).
fn en_date_follows(doc: &Doc, pos: usize) -> bool {
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

fn week_weekday(c: &Captures, _doc: &Doc) -> Option<Value> {
    let wd = weekday_from_en(g(c, "wd")?)?;
    let off = match g(c, "wk")?.to_ascii_lowercase().as_str() {
        "this" => 0,
        "last" | "previous" => -1,
        _ => 1,
    };
    rel_weekday(c.get(0)?.as_str(), wd, WdMode::Week(off))
}

/// A count of units written in words or digits (`three`, `a couple of`, `12`).
pub(super) fn count_word(w: &str) -> Option<i64> {
    let w = w.to_ascii_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match w.as_str() {
        "a couple of" => 2,
        "a few" | "few" | "several" => 3,
        n => match en_unit_word(n) {
            Some(v) => v as i64,
            None => n.parse().ok()?,
        },
    })
}

static PART: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)([0-9]{1,3}|a\s+couple\s+of|a\s+few|few|several|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|fortnight|month|year)")
        .unwrap_or_else(|e| panic!("date offset part: {e}"))
});

fn offset(c: &Captures, doc: &Doc) -> Option<Value> {
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
        return rel_offset(t, unit, n);
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
    rel_compound(t, months, days, sign)
}

/// Words that may follow a bare year (`2025 was`, `the 2025 election`).
const YEAR_NEXT_OK: &[&str] = &[
    "and",
    "or",
    "to",
    "through",
    "was",
    "were",
    "is",
    "will",
    "when",
    "with",
    "as",
    "after",
    "before",
    "but",
    "the",
    "compared",
    "versus",
    "vs",
    "until",
    "level",
    "levels",
    "figures",
    "season",
    "election",
    "elections",
    "budget",
    "census",
    "olympics",
    "world",
    "results",
    "guidance",
    "forecast",
    "outlook",
    "earnings",
    "report",
    "annual",
    "general",
    "presidential",
    "midterm",
    "crisis",
    "financial",
    "fiscal",
    "alone",
    "onwards",
    "onward",
    "had",
    "has",
    "saw",
    "brought",
    "could",
    "would",
    "should",
    "may",
    "might",
    "in",
    "at",
    "on",
    "for",
    "from",
    "by",
    "because",
    "while",
    "if",
    "so",
    "a",
    "an",
    "than",
    "high",
    "low",
    "highs",
    "lows",
    "peak",
    "average",
    "model",
    "edition",
    "version",
    "cup",
    "games",
    "summit",
    "deadline",
    "target",
    "goal",
    "plan",
    "event",
];

fn year_alone(c: &Captures, doc: &Doc) -> Option<Value> {
    let ym = c.name("y")?;
    let y: i32 = ym.as_str().parse().ok()?;
    let (s, e) = (ym.start(), ym.end());
    if let Some(p) = char_before(doc.text, s) {
        if matches!(
            p,
            '$' | '€' | '£' | '¥' | '#' | ',' | '.' | '/' | ':' | '+' | '-' | '_' | '\''
        ) && g(c, "pre").is_none()
            || p.is_ascii_digit()
        {
            return None;
        }
    }
    let rest = after(doc, e, 3);
    let mut it = rest.chars();
    let (n1, n2) = (it.next(), it.next());
    match (n1, n2) {
        (Some('%' | '_' | '年' | '/' | ':'), _) => return None,
        (Some(',' | '.' | '-' | '~' | '–'), Some(d)) if d.is_ascii_digit() => return None,
        (Some('\''), Some('s')) => return None,
        _ => {}
    }
    // Japanese text: a bare year only before a topic particle or punctuation.
    if let Some(n) = n1 {
        if !n.is_ascii() && !matches!(n, 'は' | '、' | '。' | '」' | '）' | '’' | '”' | '–' | '—')
        {
            return None;
        }
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
    const COUNT_NOUN: &[&str] = &[
        "people",
        "persons",
        "units",
        "shares",
        "jobs",
        "employees",
        "workers",
        "pieces",
        "cars",
        "homes",
        "votes",
        "troops",
        "yen",
        "dollars",
        "euros",
        "pounds",
        "points",
        "percent",
        "times",
        "tons",
        "tonnes",
        "barrels",
        "items",
        "stores",
        "cases",
        "deaths",
        "patients",
        "students",
        "members",
        "companies",
        "feet",
        "meters",
        "metres",
        "miles",
        "km",
        "kilometers",
        "acres",
        "hours",
        "minutes",
        "seconds",
        "days",
        "calories",
    ];
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

fn nth_n(w: &str) -> Option<u32> {
    Some(match w.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "fifth" | "5th" => 5,
        "last" => 0,
        _ => return None,
    })
}

fn rel_month_word(w: &str) -> i64 {
    match w.to_ascii_lowercase().split_whitespace().last() {
        Some("this") => 0,
        Some("last" | "previous") => -1,
        _ => 1,
    }
}

fn nth_weekday_rule(c: &Captures, doc: &Doc) -> Option<Value> {
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
    nth_weekday(c.get(0)?.as_str(), spec, n, wd)
}

fn week_of_year_rule(c: &Captures, _doc: &Doc) -> Option<Value> {
    let t = c.get(0)?.as_str();
    let n = match g(c, "wn") {
        Some(w) => w.parse().ok()?,
        None => nth_n(g(c, "n")?)?,
    };
    if let Some(y) = g(c, "y") {
        return week_of_year(t, Some(y.parse().ok()?), 0, n);
    }
    match g(c, "ry") {
        Some(ry) => week_of_year(t, None, rel_month_word(ry), n),
        None => {
            // `week 31` alone: the reference year; `first week of` needs its year.
            g(c, "wn")?;
            week_of_year(t, None, 0, n)
        }
    }
}

fn day_of_rel_month(c: &Captures, _doc: &Doc) -> Option<Value> {
    let d = day_num(c, "")?;
    rel_month_day(c.get(0)?.as_str(), rel_month_word(g(c, "rm")?), d)
}

pub(super) fn en_unit(u: &str) -> Unit {
    match u.to_ascii_lowercase().as_str() {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        _ => Unit::Year,
    }
}

fn anchored(c: &Captures, _doc: &Doc) -> Option<Value> {
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
    anchored_offset(c.get(0)?.as_str(), anchor, unit, sign * n)
}

/// `on the 21st.`: a day of the reference month, only where no noun follows
/// (`the 18th century`, `the 4th quarter` are not dates).
fn the_nth(c: &Captures, doc: &Doc) -> Option<Value> {
    let e = c.get(0)?.end();
    let rest = after(doc, e, 3);
    let rest_t = rest.trim_start();
    if rest_t.chars().next().is_some_and(|ch| ch.is_alphanumeric()) {
        return None;
    }
    let d = day_num(c, "")?;
    day_of_ref_month(d)
}

/// `year to date`, `YTD`, `month-to-date`, `QTD`.
fn to_date(c: &Captures, _doc: &Doc) -> Option<Value> {
    let unit = match (g(c, "u"), g(c, "ab")) {
        (Some(u), _) => u.to_ascii_lowercase(),
        (None, Some("MTD")) => "month".to_string(),
        (None, Some("QTD")) => "quarter".to_string(),
        (None, _) => "year".to_string(),
    };
    period_to_date(c.get(0)?.as_str(), &unit)
}

/// When a holiday falls: a fixed day, or a rule that needs the year.
enum Holiday {
    Fixed(u32, u32),
    /// The `n`th weekday of a month (`n` 0: the last), shifted by some days
    /// (Black Friday is the day after Thanksgiving).
    NthWeekday(u32, u32, Weekday, i64),
    /// Days after Easter Sunday (Good Friday: -2).
    Easter(i64),
}

/// The holiday a name means. Movable ones follow the US calendar, as the
/// English-language business press does (Thanksgiving, Labor Day).
fn holiday_of(name: &str) -> Option<Holiday> {
    use Holiday::*;
    let w: Vec<&str> = name.split_whitespace().collect();
    let bare = |t: &&str| {
        let t = t.trim_end_matches(['\'', '’']);
        t.strip_suffix("'s")
            .or(t.strip_suffix("’s"))
            .unwrap_or(t)
            .to_string()
    };
    let first = bare(w.first()?);
    let last = bare(w.last()?);
    Some(match (first.as_str(), last.as_str()) {
        ("christmas", "eve") => Fixed(12, 24),
        ("christmas", _) => Fixed(12, 25),
        ("new", "eve") => Fixed(12, 31),
        ("new", "day") => Fixed(1, 1),
        ("independence", _) => Fixed(7, 4),
        ("halloween", _) => Fixed(10, 31),
        ("valentine" | "valentines", _) => Fixed(2, 14),
        ("juneteenth", _) => Fixed(6, 19),
        ("boxing", _) => Fixed(12, 26),
        ("veteran" | "veterans", _) => Fixed(11, 11),
        ("earth", _) => Fixed(4, 22),
        ("saint" | "st." | "st", _) => Fixed(3, 17),
        ("thanksgiving", _) => NthWeekday(11, 4, Weekday::Thu, 0),
        ("black", _) => NthWeekday(11, 4, Weekday::Thu, 1),
        ("cyber", _) => NthWeekday(11, 4, Weekday::Thu, 4),
        ("labor", _) => NthWeekday(9, 1, Weekday::Mon, 0),
        ("memorial", _) => NthWeekday(5, 0, Weekday::Mon, 0),
        ("martin" | "mlk", _) => NthWeekday(1, 3, Weekday::Mon, 0),
        ("president" | "presidents", _) => NthWeekday(2, 3, Weekday::Mon, 0),
        ("mother" | "mothers", _) => NthWeekday(5, 2, Weekday::Sun, 0),
        ("father" | "fathers", _) => NthWeekday(6, 3, Weekday::Sun, 0),
        ("columbus", _) => NthWeekday(10, 2, Weekday::Mon, 0),
        ("good", _) => Easter(-2),
        ("easter", "monday") => Easter(1),
        ("easter", _) => Easter(0),
        _ => return None,
    })
}

/// Easter Sunday of year `y` (Gregorian calendar; the anonymous algorithm
/// published in Nature, 1876).
fn easter_sunday(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

fn holiday(c: &Captures, _doc: &Doc) -> Option<Value> {
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
        return day(y, m, d);
    }
    let Some((year, inferred, src)) = resolve_year(y) else {
        let written = c.get(0).map_or("", |m| m.as_str());
        return yearless_day(format!("{} (unresolved)", written.trim()));
    };
    let date = match rule {
        Holiday::NthWeekday(m, n, wd, shift) => {
            shift_days(nth_weekday_date(year, m, n, wd)?, shift)?
        }
        Holiday::Easter(shift) => shift_days(easter_sunday(year)?, shift)?,
        Holiday::Fixed(..) => return None,
    };
    calendar_day(date, inferred, src)
}

#[cfg(test)]
mod tests {
    use crate::article::Lang;
    use crate::extract::RefSource;
    use crate::fact::{DateValue, Granularity};

    fn run(text: &str, refd: Option<&str>) -> Vec<(String, DateValue)> {
        super::super::dates_in(text, Lang::En, refd.map(|d| (d, RefSource::RefDate)))
    }

    #[test]
    fn date_en_month_day_year() {
        let got = run("Talks began on June 9, 2025 in London.", None);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "June 9, 2025");
        assert_eq!(got[0].1.iso.as_deref(), Some("2025-06-09"));
        assert_eq!(got[0].1.granularity, Granularity::Day);
    }

    #[test]
    fn date_en_fiscal_quarter_from_context() {
        let got = run(
            "In fiscal 2023 sales rose. The fiscal fourth quarter was weak.",
            Some("2024-01-10"),
        );
        let q = got.iter().find(|(t, _)| t.contains("fourth")).unwrap();
        assert_eq!(q.1.iso.as_deref(), Some("FY2023-Q4"));
        assert_eq!(q.1.granularity, Granularity::FiscalQuarter);
        assert_eq!(q.1.year_source.as_deref(), Some("context"));
    }

    #[test]
    fn date_en_relative_resolved() {
        let got = run("Shares fell yesterday.", Some("2025-06-09"));
        assert_eq!(got[0].0, "yesterday");
        assert_eq!(got[0].1.iso.as_deref(), Some("2025-06-08"));
        assert!(got[0].1.relative);
        assert_eq!(got[0].1.year_source.as_deref(), Some("ref_date"));
    }

    #[test]
    fn date_en_fiscal_year_with_its_end_month() {
        let got = run(
            "A profit in fiscal 2026 ending in March.",
            Some("2025-11-26"),
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "fiscal 2026 ending in March");
        assert_eq!(got[0].1.iso.as_deref(), Some("FY2026"));
        assert_eq!(got[0].1.fy_end.as_deref(), Some("2026-03"));
    }

    #[test]
    fn date_en_may_the_verb() {
        assert!(run("The deal may close soon.", Some("2025-06-09")).is_empty());
        assert!(run("He said 2025 people attended.", Some("2025-06-09")).is_empty());
    }
}
