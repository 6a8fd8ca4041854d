//! Word lists and word readers of the date rules: month and weekday names,
//! ordinals and counts written in words, the words around a bare year or month
//! that make it a date, and the Japanese words that make a number of years or
//! days a duration.

use super::calendar::Unit;
use crate::text::numbers::en_unit_word;
use chrono::Weekday;

pub(super) fn ord_word(w: &str) -> Option<u32> {
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

/// The value of a year written in words (see `YW`).
pub(super) fn year_from_words(s: &str) -> Option<i32> {
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

/// Words before a bare month that make it a date: `in June`, `since May`.
pub(super) const MONTH_PREP: &[&str] = &[
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

pub(super) fn q_word(w: &str) -> Option<u32> {
    Some(match w.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" | "last" => 4,
        _ => return None,
    })
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

/// Words that may follow a bare year (`2025 was`, `the 2025 election`).
pub(super) const YEAR_NEXT_OK: &[&str] = &[
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

pub(super) fn nth_n(w: &str) -> Option<u32> {
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

pub(super) fn rel_month_word(w: &str) -> i64 {
    match w.to_ascii_lowercase().split_whitespace().last() {
        Some("this") => 0,
        Some("last" | "previous") => -1,
        _ => 1,
    }
}

pub(super) fn en_unit(u: &str) -> Unit {
    match u.to_ascii_lowercase().as_str() {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        _ => Unit::Year,
    }
}

/// Words after a number of years/days that make it a duration or a count.
pub(super) const DURATION_AFTER: &[&str] = &[
    "間",
    "国債",
    "連続",
    "ぶり",
    "振り",
    "目",
    "以上",
    "以内",
    "超",
    "近く",
    "余",
    "前",
    "後",
    "来",
    "物",
    "債",
    "分",
    "未満",
    "弱",
    "強",
    "に一度",
    "ごと",
    "おき",
    "周年",
    "がかり",
    "越し",
    "経",
    "付",
    "遅れ",
    "程度",
    "当たり",
    "あたり",
    "比",
    "半ば",
];

pub(super) fn ja_unit(u: &str) -> Unit {
    match u {
        "日" => Unit::Day,
        "週" | "週間" => Unit::Week,
        "年" => Unit::Year,
        _ => Unit::Month,
    }
}

/// Abbreviations whose full stop belongs to the date (`Jan. 27`, `Wed.`).
pub(super) const ABBREVIATED: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

pub(super) fn weekday_from_ja(c: char) -> Option<Weekday> {
    Some(match c {
        '月' => Weekday::Mon,
        '火' => Weekday::Tue,
        '水' => Weekday::Wed,
        '木' => Weekday::Thu,
        '金' => Weekday::Fri,
        '土' => Weekday::Sat,
        '日' => Weekday::Sun,
        _ => return None,
    })
}

pub(super) fn weekday_from_en(s: &str) -> Option<Weekday> {
    let s = s.to_ascii_lowercase();
    let s = s.trim_end_matches('.');
    Some(match s.get(..3)? {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

pub(super) fn month_from_en(s: &str) -> Option<u32> {
    let s = s.to_ascii_lowercase();
    Some(match s.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

/// Nouns after a number that make it a count, not a year (`2025 people`).
pub(super) const COUNT_NOUN: &[&str] = &[
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
