//! Numeric dates written the same way in both languages: `2025-06-09`, `2025/6/9`,
//! `2025.06.09`, `06/09/2025`, `13.5.2015`, `21/04/16`, `6/9`, `2016-11`, `11/2016`,
//! `20250609`, and the season-style year span `2024-25`.

use super::calendar::expand_year;
use super::near::{after, prev_word};
use super::spec::{day, month, range, year};
use crate::article::Lang;
use crate::extract::Doc;
use crate::fact::{Kind, Value};
use crate::rule::{Rule, RuleSet};
use crate::text::around::char_before;
use regex::Captures;
use std::sync::LazyLock;

pub(super) static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    RuleSet::new(
        Kind::Date,
        vec![
            Rule::new(
                "date.num.separated",
                r"(?P<a>[0-9]{1,4})(?P<sp1> ?)(?P<s1>[-/.])(?P<sp2> ?)(?P<b>[0-9]{1,4})(?:(?P<s2>[-/.,])(?P<c>[0-9]{1,4}))?(?P<wd> ?\([月火水木金土日](?:曜日?)?(?:・祝)?\))?",
                separated,
            )
            .precheck(separated_bounds),
            Rule::new("date.num.compact", r"(?:19|20)[0-9]{6}", compact),
        ],
    )
    .with_rule_gate(|line| numeric_rules(line.as_bytes()))
});

/// `date.num.separated`'s bit for `with_rule_gate`.
const SEPARATED: u64 = 1;
/// `date.num.compact`'s bit.
const COMPACT: u64 = 1 << 1;

/// Whether `line` holds what every match of one of the rules above holds
/// (`numeric_rules`). Most lines of news hold neither (a 39% share of the
/// text, measured on the benchmark dump). The two-pass date logic sees a
/// skipped line as a line where no rule matched, which it is.
#[cfg(test)]
fn may_hold_numeric_date(line: &[u8]) -> bool {
    numeric_rules(line) != 0
}

/// The rules that may match in `line`: `separated` where it holds a digit, a
/// `-`, `/` or `.` and a digit, with at most one space on either side of the
/// separator; `compact` where it holds eight digits in a row. Byte tests tell
/// that for less than the rule set's scan of the line; a line naming neither
/// is skipped.
fn numeric_rules(line: &[u8]) -> u64 {
    let mut rules = 0;
    if separated_shape(line) {
        rules |= SEPARATED;
    }
    if eight_digits(line) {
        rules |= COMPACT;
    }
    rules
}

/// A digit, a separator and a digit, with at most one space on either side.
fn separated_shape(line: &[u8]) -> bool {
    let digit = |i: usize| line.get(i).is_some_and(u8::is_ascii_digit);
    memchr::memchr3_iter(b'-', b'/', b'.', line).any(|i| {
        let before =
            digit(i.wrapping_sub(1)) || i >= 2 && line.get(i - 1) == Some(&b' ') && digit(i - 2);
        let after = digit(i + 1) || line.get(i + 1) == Some(&b' ') && digit(i + 2);
        before && after
    })
}

/// Eight ASCII digits in a row.
fn eight_digits(line: &[u8]) -> bool {
    let mut run = 0u32;
    for &b in line {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 8 {
            return true;
        }
    }
    false
}

fn g<'a>(c: &'a Captures, name: &str) -> Option<&'a str> {
    c.name(name).map(|m| m.as_str())
}

/// The match may not continue a longer number or code (`1.2.3.4`, `v2.1`, `10:30`).
fn clean_edges(doc: &Doc, s: usize, e: usize, tail: bool) -> bool {
    if let Some(p) = char_before(doc.text, s) {
        if p.is_ascii_alphanumeric()
            || matches!(
                p,
                '.' | ',' | '/' | ':' | '$' | '€' | '£' | '¥' | '#' | '+' | '_'
            )
        {
            return false;
        }
        if p == '-' && char_before(doc.text, s - 1).is_some_and(|q| q.is_ascii_digit()) {
            return false;
        }
    }
    if !tail {
        return true;
    }
    let rest = after(doc, e, 2);
    let mut it = rest.chars();
    match (it.next(), it.next()) {
        (Some(c), _) if c.is_ascii_alphanumeric() => false,
        (Some('%' | ':' | '_'), _) => false,
        (Some('.' | ',' | '/' | '-'), Some(d)) if d.is_ascii_digit() => false,
        _ => true,
    }
}

/// What rejects a `date.num.separated` match by its bounds (`Rule::precheck`):
/// a longer number or code around it (`3.5%`, `v2.1`, `10:30`), or a first
/// separator `.` without a second (`9.8`, a decimal, never a date). The
/// weekday in brackets (`(月)`) is the only part ending in `)`.
fn separated_bounds(doc: &Doc, s: usize, e: usize) -> bool {
    let Some(t) = doc.text.get(s..e) else {
        return false;
    };
    if !clean_edges(doc, s, e, !t.ends_with(')')) {
        return false;
    }
    // Digits and spaces come before the first separator.
    let b = t.as_bytes();
    match b.iter().position(|c| matches!(c, b'-' | b'/' | b'.')) {
        Some(i) if b.get(i) == Some(&b'.') => b.get(i + 1..).is_some_and(|r| r.contains(&b'.')),
        _ => true,
    }
}

fn separated(c: &Captures, doc: &Doc) -> Option<Value> {
    let m = c.get(0)?;
    let (s, e) = (m.start(), m.end());
    if !separated_bounds(doc, s, e) {
        return None;
    }
    let (a, b) = (g(c, "a")?, g(c, "b")?);
    let s1 = g(c, "s1")?;
    let (an, bn) = (a.parse::<i32>().ok()?, b.parse::<i32>().ok()?);
    let spaced = !g(c, "sp1").unwrap_or("").is_empty() || !g(c, "sp2").unwrap_or("").is_empty();
    if spaced && (g(c, "c").is_some() || a.len() != 4 && b.len() != 4 || s1 == ".") {
        return None;
    }
    let Some(cs) = g(c, "c") else {
        return two_part(doc, s, e, a, an, s1, b, bn);
    };
    let s2 = g(c, "s2")?;
    if s2 != s1 && !(s2 == "," && s1 == "/") {
        return None;
    }
    let cn = cs.parse::<i32>().ok()?;
    let (y, mo, d) = if a.len() == 4 {
        if s2 == "," {
            return None;
        }
        (an, bn, cn)
    } else if cs.len() == 4 {
        if s1 == "." || an > 12 {
            (cn, bn, an)
        } else {
            (cn, an, bn)
        }
    } else if cs.len() == 2 && a.len() <= 2 {
        if s1 == "." {
            return None;
        }
        if an > 31 || an > 12 && doc.lang == Lang::Ja {
            (expand_year(an), bn, cn)
        } else if an > 12 {
            (expand_year(cn), bn, an)
        } else {
            (expand_year(cn), an, bn)
        }
    } else {
        return None;
    };
    if !(1000..=2199).contains(&y) {
        return None;
    }
    day(
        doc,
        Some(y),
        u32::try_from(mo).ok()?,
        u32::try_from(d).ok()?,
    )
}

/// Two numbers: `2016-11`, `11/2016`, `6/9`, `22/04`, `2024-25`.
#[allow(clippy::too_many_arguments)]
fn two_part(
    doc: &Doc,
    s: usize,
    _e: usize,
    a: &str,
    an: i32,
    sep: &str,
    b: &str,
    bn: i32,
) -> Option<Value> {
    if sep == "." {
        return None;
    }
    if a.len() == 4 && b.len() == 2 && sep == "-" && bn == (an + 1) % 100 {
        // A span of two years, as seasons and fiscal years are written.
        return range(year(an), year(an + 1));
    }
    if a.len() == 4 && (1..=2).contains(&b.len()) {
        if !(1900..=2199).contains(&an) {
            return None;
        }
        return month(doc, Some(an), u32::try_from(bn).ok()?);
    }
    if b.len() == 4 && (1..=2).contains(&a.len()) {
        if !(1900..=2199).contains(&bn) {
            return None;
        }
        return month(doc, Some(bn), u32::try_from(an).ok()?);
    }
    if sep != "/" || a.len() > 2 || b.len() > 2 {
        return None;
    }
    // Month/day without a year. Small fractions (`1/2`, `3/4`) are not dates.
    if an < bn && bn <= 8 {
        return None;
    }
    let pw = prev_word(doc, s);
    if matches!(pw.as_str(), "of" | "about" | "around" | "nearly" | "than") {
        return None;
    }
    if an <= 12 {
        day(doc, None, an as u32, bn as u32)
    } else if b.len() == 2 {
        day(doc, None, bn as u32, an as u32)
    } else {
        None
    }
}

fn compact(c: &Captures, doc: &Doc) -> Option<Value> {
    let m = c.get(0)?;
    if !clean_edges(doc, m.start(), m.end(), true) {
        return None;
    }
    let t = m.as_str();
    let y = t.get(0..4)?.parse().ok()?;
    let mo = t.get(4..6)?.parse().ok()?;
    let d = t.get(6..8)?.parse().ok()?;
    day(doc, Some(y), mo, d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn numeric_gate_keeps_every_form() {
        for line in [
            "on 2025-06-09",
            "2025/6/9",
            "6 / 9",
            "13.5.2015",
            "20250609",
            "x 1 -2",
        ] {
            assert!(super::may_hold_numeric_date(line.as_bytes()), "{line}");
        }
        for line in [
            "no digits",
            "5 - x",
            "1234567 and 9",
            "5%",
            "a-b/c.d",
            ". 5",
        ] {
            assert!(!super::may_hold_numeric_date(line.as_bytes()), "{line}");
        }
    }

    #[test]
    fn numeric_rule_gate_names_each_rule() {
        use super::{numeric_rules, COMPACT, SEPARATED};
        assert_eq!(numeric_rules(b"on 2025-06-09"), SEPARATED);
        assert_eq!(numeric_rules(b"20250609"), COMPACT);
        assert_eq!(numeric_rules(b"20250609 and 6 / 9"), SEPARATED | COMPACT);
        assert_eq!(numeric_rules(b"1234567 and 9"), 0);
    }
}
