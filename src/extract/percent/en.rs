//! English percentages: `70%`, `12 percent`, `12 per cent`, `37pc`, `3 pct`,
//! `+18.96%`, `minus five percent`, `twenty-five percent`, `about 70%`,
//! `more than 10%`, `90% or more`, `3-5%`, `between 3% and 5%`, `3 to 5 percent`,
//! `1.5 percentage points`, `half a percentage point`, `a quarter-point`,
//! `roughly 2 points`, `25 basis points` (= 0.25pt), `50bp`.
//!
//! Two rules: a single value and a range. `rose 0.3% to 3.2%` and `from 3% to 5%`
//! are a change, not a range: the range rule rejects a `to` after a verb of change,
//! and the single rule then finds both values.

use super::{combine, make, number_may_start_after, outside_urls, owns_plain_form};
use crate::article::Lang;
use crate::extract::Doc;
use crate::fact::{Kind, PercentUnit, Qualifier, Value};
use crate::lang::{self, Place};
use crate::rule::{Rule, RuleSet};
use crate::scan::{After, Cue};
use crate::text::numbers::{parse_decimal, parse_en_words, ARABIC_OR_POINT, EN_NUMBER_WORDS};
use regex::Captures;
use std::sync::LazyLock;

/// Digits with thousands commas and decimals, or a leading-dot decimal (`.5%`).
const ARABIC: &str = ARABIC_OR_POINT;
/// Qualifier words before the number (case-insensitive), after an optional
/// modifier (`just`, `far`): the qualifier table's.
fn pre() -> String {
    let modifiers = lang::en::QUALIFIER_MODIFIERS.join("|");
    let words = lang::alternation(
        lang::en::QUALIFIERS,
        Place::Before,
        lang::PERCENT,
        |_| true,
        " ",
    );
    format!("(?:(?:{modifiers})[ ]+)?(?:{words})")
}
const SIGN: &str = r"(?:(?-u:\b)(?i:plus[ ]+or[ ]+minus|plus/minus)[ ]+|\+/-[ ]?|±[ ]?|[+-]|(?-u:\b)(?i:minus|negative|plus)[ ]+)";
/// Fractions of a unit: `half a percentage point`, `a quarter of a percent`;
/// `a (full) percentage point` is one point (a bare `a percent` is no amount).
const FRAC: &str = r"(?:half(?:[ ]+of)?[ ]+an?|an?[ ]+half|an?[ ]+quarter(?:[ ]+of[ ]+an?)?|one[ -]quarter(?:[ ]+of[ ]+an?)?|three[ -]quarters?(?:[ ]+of[ ]+an?)?|an?(?:[ ]+full)?)";
/// Units, points before percent so that `percentage points` is not read as `percentage`.
const UNIT: &str = r"(?:(?P<bp>(?i:basis[ -]points?)|bps?|bpts?)(?-u:\b)|(?P<pp>(?i:percentage[ -]points?|per[ -]?cent(?:age)?[ -]points?|pct\.?[ -]?points?)(?-u:\b)|%[ -]?(?i:points?|pts?)(?-u:\b)|(?:ppts?|pp)(?-u:\b))|(?P<pct>(?i:percent(?:age)?s?|per[ -]cent|pct)(?-u:\b)|pc(?-u:\b)|%)|(?P<pts>(?i:points?)|pts?)(?-u:\b))";
/// Bounds after the unit: `90% or more`, `5% or less`, `90%+`; the `or …` and
/// `and …` words are the qualifier table's.
fn suf() -> String {
    let words = lang::alternation(
        lang::en::QUALIFIERS,
        Place::After,
        lang::PERCENT,
        |w| w.word.contains(' '),
        "[ ]+",
    );
    format!(r"(?:\+|[ ]+(?i:{words})(?-u:\b))")
}

fn words() -> String {
    format!(
        r"(?i:(?:a[ ]+(?:hundred|thousand)|{EN_NUMBER_WORDS})(?:[ ]+point(?:[ ]+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)){{1,4}})?)"
    )
}

pub static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let (pre, suf) = (pre(), suf());
    let words = words();
    let number =
        |n: &str, w: &str| format!(r"(?:(?P<{n}>{ARABIC})|(?-u:\b)(?P<{w}>{words})(?-u:\b))");
    RuleSet::new(Kind::Percent, vec![
        Rule::new(
            "percent.en.n_unit",
            format!(
                r"(?P<pre>(?-u:\b)(?i:{pre})[ ]+)?(?P<sign>{SIGN})?(?:(?:{}|(?-u:\b)(?P<frac>(?i:{FRAC})))(?P<andfrac>(?i:[ ]+and[ ]+an?[ ]+(?:half|quarter)))?(?P<gap>[ -]?){UNIT})(?P<suf>{suf})?",
                number("num", "words")
            ),
            single,
        ),
        Rule::new(
            "percent.en.n_to_n_unit",
            format!(
                r"(?P<between>(?-u:\b)(?i:between)[ ]+)?(?P<sign1>{SIGN})?{}(?:(?P<u1pp>[ -](?i:percentage[ -]points?)|[ ]?%[ -]?(?i:points?))|(?P<u1bp>[ -]?(?:(?i:basis[ -]points?)|bps?))|(?P<u1pct>[ ]?%|[ -]?(?i:percent|per[ -]cent|pct)|pc))?(?P<sep>[ ]?[-–—~][ ]?|[ ]+(?i:to|and)[ ]+)(?P<sign>{SIGN})?{}(?P<gap>[ -]?){UNIT}(?P<suf>{suf})?",
                number("num1", "words1"),
                number("num", "words")
            ),
            range,
        ),
    ])
    .with_cues(cues())
    .without_set_scan()
    .with_gate(gate)
});

/// In an article of another language, the rules above propose only forms
/// holding an ASCII letter (`proposes`): a line without one (`5%`, `3~5%`,
/// left to the Japanese rules) is skipped.
fn gate(doc: &Doc, line: &str) -> bool {
    owns_plain_form(doc, Lang::En) || line.bytes().any(|b| b.is_ascii_alphabetic())
}

/// The cues of the rules above: every match ends in a `UNIT`, and each unit
/// holds one: `%`, `percent`, `per cent`, `per-cent`, `pct`, `basis` anywhere in
/// any case; `point` in any case and the lower-case `pc`, `pp`, `pt`, `bp` as
/// the unit alternatives write them, ending on a word boundary after their
/// optional endings (`points`, `ppts`, `pts`, `bps`, `bpts`): so `support`,
/// `Sept.` and `appointment` are no cue.
pub(super) fn cues() -> Vec<Cue> {
    let anywhere = ["%", "percent", "per cent", "per-cent", "pct", "basis"].map(Cue::any);
    let units = [
        Cue::any("point").after(After::NotWord(&["", "s"])),
        Cue::exact("pc").after(After::NotWord(&[""])),
        Cue::exact("pp").after(After::NotWord(&["", "t", "ts"])),
        Cue::exact("pt").after(After::NotWord(&["", "s"])),
        Cue::exact("bp").after(After::NotWord(&["", "s", "t", "ts"])),
    ];
    anywhere.into_iter().chain(units).collect()
}

/// `twenty-five` → 25, `two point five` → 2.5, `a hundred` → 100.
fn parse_words(s: &str) -> Option<f64> {
    let lower = s.to_ascii_lowercase();
    let (int, frac) = match lower.split_once(" point ") {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (lower, None),
    };
    let whole = parse_en_words(&int)?;
    let Some(frac) = frac else {
        return Some(whole);
    };
    let digits: String = frac
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| match w {
            "oh" | "zero" => Some('0'),
            w => parse_en_words(w).and_then(|d| char::from_digit(d as u32, 10)),
        })
        .collect::<Option<String>>()?;
    let f: f64 = format!("0.{digits}").parse().ok()?;
    Some(whole + f)
}

fn frac_value(s: &str) -> Option<f64> {
    let l = s.to_ascii_lowercase();
    if l.contains("three") {
        Some(0.75)
    } else if l.contains("quarter") {
        Some(0.25)
    } else if l.contains("half") {
        Some(0.5)
    } else {
        Some(1.0) // a, a full
    }
}

/// The number of a match: digits, words or a fraction, plus `and a half`.
fn number(caps: &Captures, num: &str, words: &str) -> Option<f64> {
    let v = if let Some(n) = caps.name(num) {
        parse_decimal(n.as_str())?
    } else if let Some(w) = caps.name(words) {
        parse_words(w.as_str())?
    } else {
        frac_value(caps.name("frac")?.as_str())?
    };
    Some(match caps.name("andfrac") {
        Some(a) => v + frac_value(a.as_str())?,
        None => v,
    })
}

/// `plus or minus 2%`, `±2%`: a tolerance, not a sign.
fn tolerance(sign: Option<&str>) -> bool {
    sign.is_some_and(|s| s.contains(['/', '±']) || s.to_ascii_lowercase().contains(" or "))
}

/// `plus or` at a line end and `minus 2%` on the next line (hard-wrapped
/// text): the rules see one line, so the sign alone; it is a tolerance.
fn tolerance_broken_before(doc: &Doc, caps: &Captures) -> bool {
    let Some(sign) = caps.name("sign") else {
        return false;
    };
    let before = doc.text.get(..sign.start()).unwrap_or_default();
    let trimmed = before.trim_end();
    let broken = before[trimmed.len()..].contains('\n');
    let tail = trimmed
        .get(trimmed.len().saturating_sub(7)..)
        .unwrap_or_default();
    broken && tail.eq_ignore_ascii_case("plus or")
}

fn negative(sign: Option<&str>) -> bool {
    sign.is_some_and(|s| {
        let s = s.trim().to_ascii_lowercase();
        s == "-" || s == "minus" || s == "negative"
    })
}

/// The qualifier of the words before the number: the table's, read past a
/// modifier (`far more than` is `more than`); approximate when unknown.
fn prefix_qualifier(pre: &str) -> Qualifier {
    let p = lang::normalize(pre);
    if p.is_empty() {
        return Qualifier::Exact;
    }
    let unmodified = lang::en::QUALIFIER_MODIFIERS
        .iter()
        .find_map(|m| p.strip_prefix(m).and_then(|r| r.strip_prefix(' ')));
    lang::qualifier_of(&p)
        .or_else(|| unmodified.and_then(lang::qualifier_of))
        .unwrap_or(Qualifier::Approx)
}

/// The qualifier of the words after the unit (`+`, `or more`, `and under`).
fn suffix_qualifier(suf: &str) -> Qualifier {
    if suf.is_empty() {
        return Qualifier::Exact;
    }
    lang::qualifier_of(suf).unwrap_or(Qualifier::AtMost)
}

/// The unit of a match and the value in it; checks how the unit may attach.
fn unit_value(caps: &Captures, v: f64) -> Option<(PercentUnit, f64)> {
    let gap = caps.name("gap").map_or("", |m| m.as_str());
    let unit = ["bp", "pp", "pct", "pts"]
        .into_iter()
        .find_map(|g| caps.name(g).map(|m| (g, m.as_str())))?;
    match unit {
        // `37pc`, `3pp`: only written attached (`5 pc` may be pieces).
        ("pct", "pc") | ("pp", "pp" | "ppt" | "ppts") if !gap.is_empty() => None,
        ("pct", "%") if gap == "-" => None,
        ("bp", _) => Some((PercentUnit::Point, v / 100.0)),
        ("pp" | "pts", _) => Some((PercentUnit::Point, v)),
        _ => Some((PercentUnit::Percent, v)),
    }
}

/// A bare `points` is a percentage point only in digits, up to 100, and away from index and sports wording (`the Dow fell 300 points`,
/// `scored 30 points`).
fn percentage_points_here(doc: &Doc, caps: &Captures) -> bool {
    let Some(whole) = caps.get(0) else {
        return false;
    };
    let gap = caps.name("gap").map_or("", |m| m.as_str());
    let pts = caps.name("pts").map_or("", |m| m.as_str());
    let abbrev = pts == "pt" || pts == "pts";
    // `a quarter-point cut`, `half a point`: fractions of a point are rate moves.
    if caps.name("frac").is_none() {
        let Some(n) = caps.name("num") else {
            return false;
        };
        // `2 points`, `0.5pt`; a singular `point` only after a decimal (`a 1.2-point
        // lead`), as `a 10-point plan` and `at one point` are not percentages.
        let ok = if abbrev {
            gap.is_empty() || gap == " "
        } else if pts.len() > 5 {
            gap == " "
        } else {
            n.as_str().contains('.') && !gap.is_empty()
        };
        if !ok || parse_decimal(n.as_str()).is_none_or(|v| v > 100.0) {
            return false;
        }
    }
    let before = super::line_before(doc.text, whole.start(), 100).to_ascii_lowercase();
    const BEFORE: [&str; 24] = [
        "dow",
        "nasdaq",
        "s&p",
        "ftse",
        "nikkei",
        "topix",
        "dax",
        "cac",
        "hang seng",
        "kospi",
        "sensex",
        "stoxx",
        "russell",
        "index",
        "indices",
        "indexes",
        "score*",
        "game*",
        "match",
        "season",
        "team*",
        "win",
        "wins",
        "won",
    ];
    if BEFORE.iter().any(|w| has_word(&before, w))
        || super::ja::INDEX.iter().any(|w| before.contains(w))
    {
        return false;
    }
    let after = super::line_after(doc.text, whole.end(), 60).to_ascii_lowercase();
    const AFTER: [&str; 10] = [
        "rebound*",
        "assist*",
        "per game",
        "a game",
        "goal*",
        "touchdown*",
        "off the bench",
        "shot*",
        "three-pointer*",
        "font",
    ];
    !AFTER.iter().any(|w| has_word(&after, w))
}

/// Does `hay` hold `word` as a whole word (`dow` in "the dow fell", not in "down")?
/// A trailing `*` lets the word go on (`score*`: scored, scoring).
fn has_word(hay: &str, word: &str) -> bool {
    let (w, prefix) = word.strip_suffix('*').map_or((word, false), |w| (w, true));
    hay.match_indices(w).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + w.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && (prefix || !after.is_some_and(|c| c.is_ascii_alphanumeric()))
    })
}

/// A form with no English word in it (`70%`) is also found by the Japanese rules;
/// the article's language decides which proposes it.
fn proposes(doc: &Doc, span: &str) -> bool {
    span.bytes().any(|b| b.is_ascii_alphabetic()) || owns_plain_form(doc, Lang::En)
}

/// Where the number (or its sign) starts, when nothing in the pattern vouches for
/// its left edge: digits and `+`/`-` need the check, words carry `\b`.
fn left_edge_ok(doc: &Doc, caps: &Captures, sign: &str, num: &str) -> bool {
    if caps.name("pre").is_some() || caps.name("between").is_some() {
        return true;
    }
    let start = match (caps.name(sign), caps.name(num)) {
        (Some(s), _) if s.as_str().starts_with(['+', '-']) => s.start(),
        (Some(_), _) => return true,
        (None, Some(n)) => n.start(),
        (None, None) => return true,
    };
    number_may_start_after(doc.text, start)
}

/// `about 70%`, `12 per cent`, `1.5 percentage points`, `25bp`.
fn single(caps: &Captures, doc: &Doc) -> Option<Value> {
    let whole = caps.get(0)?;
    if !proposes(doc, whole.as_str()) || !outside_urls(doc.text, whole.start(), whole.end()) {
        return None;
    }
    if !left_edge_ok(doc, caps, "sign", "num") {
        return None;
    }
    let v = number(caps, "num", "words")?;
    if caps.name("frac").is_some_and(|f| {
        let f = f.as_str().to_ascii_lowercase();
        f == "a" || f == "an" || f.ends_with("full")
    }) && caps.name("pp").is_none()
    {
        return None; // `a percent`, `a point`: no amount
    }
    let wrapped = tolerance_broken_before(doc, caps);
    let v = if negative(caps.name("sign").map(|m| m.as_str())) && !wrapped {
        -v
    } else {
        v
    };
    let (unit, v) = unit_value(caps, v)?;
    if caps.name("pts").is_some() && !percentage_points_here(doc, caps) {
        return None;
    }
    let pre = caps.name("pre").map_or("", |m| m.as_str());
    let suf = caps.name("suf").map_or("", |m| m.as_str());
    let q = if wrapped || tolerance(caps.name("sign").map(|m| m.as_str())) {
        Qualifier::Approx
    } else {
        combine(prefix_qualifier(pre), suffix_qualifier(suf))
    };
    make(v, None, unit, q)
}

/// Words after which `X% to Y%` is a change (`rose 0.3% to 3.2%`), not a range.
const CHANGE: [&str; 62] = [
    "from",
    "by",
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "climbed",
    "climb",
    "climbs",
    "jumped",
    "jump",
    "jumps",
    "gained",
    "gain",
    "gains",
    "lost",
    "dropped",
    "drop",
    "drops",
    "slid",
    "slipped",
    "declined",
    "decline",
    "declines",
    "increased",
    "increase",
    "decreased",
    "decrease",
    "grew",
    "grow",
    "shrank",
    "surged",
    "soared",
    "plunged",
    "tumbled",
    "rallied",
    "advanced",
    "eased",
    "edged",
    "up",
    "down",
    "cut",
    "raised",
    "lowered",
    "lifted",
    "hiked",
    "slumped",
    "sank",
    "added",
    "shed",
    "expanded",
    "contracted",
    "accelerated",
    "slowed",
    "revised",
    "widened",
];

fn word_before(text: &str, at: usize) -> String {
    let head = super::line_before(text, at, 40).trim_end();
    let word: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    word.chars().rev().collect::<String>().to_ascii_lowercase()
}

/// `3-5%`, `between 3% and 5%`, `3 to 5 percent`, `1-2 percentage points`.
fn range(caps: &Captures, doc: &Doc) -> Option<Value> {
    let whole = caps.get(0)?;
    if !proposes(doc, whole.as_str()) || !outside_urls(doc.text, whole.start(), whole.end()) {
        return None;
    }
    if !left_edge_ok(doc, caps, "sign1", "num1") {
        return None;
    }
    let sep = caps.name("sep")?.as_str().trim().to_ascii_lowercase();
    let between = caps.name("between").is_some();
    if sep == "and" && !between {
        return None;
    }
    if sep == "to" && !between && CHANGE.contains(&word_before(doc.text, whole.start()).as_str()) {
        return None;
    }
    let hi = number(caps, "num", "words")?;
    let hi = if negative(caps.name("sign").map(|m| m.as_str())) {
        -hi
    } else {
        hi
    };
    let lo = match (caps.name("num1"), caps.name("words1")) {
        (Some(n), _) => parse_decimal(n.as_str())?,
        (None, Some(w)) => parse_words(w.as_str())?,
        (None, None) => return None,
    };
    let lo = if negative(caps.name("sign1").map(|m| m.as_str())) {
        -lo
    } else {
        lo
    };
    let (unit, hi) = unit_value(caps, hi)?;
    if caps.name("pts").is_some() && !percentage_points_here(doc, caps) {
        return None;
    }
    // The first end's unit, when written, must agree with the second's.
    let is_bp = caps.name("bp").is_some();
    let lo = if caps.name("u1bp").is_some() {
        if !is_bp {
            return None;
        }
        lo / 100.0
    } else if caps.name("u1pp").is_some() {
        if unit != PercentUnit::Point || is_bp {
            return None;
        }
        lo
    } else if caps.name("u1pct").is_some() {
        if unit != PercentUnit::Percent {
            return None;
        }
        lo
    } else if is_bp {
        lo / 100.0
    } else {
        lo
    };
    make(lo, Some(hi), unit, Qualifier::Range)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{facts, one};
    use crate::fact::{PercentUnit::*, Qualifier::*};

    #[test]
    fn percent_en_units() {
        assert_eq!(
            one("12 percent"),
            (
                "12 percent".into(),
                12.0,
                None,
                Percent,
                Exact,
                "12%".into()
            )
        );
        assert_eq!(one("12 per cent").1, 12.0);
        assert_eq!(one("profits rose 37pc last year").0, "37pc");
        assert_eq!(one("up 3 pct on the year").0, "3 pct");
        let (t, v, ..) = one("shares rose +18.96% today");
        assert_eq!((t.as_str(), v), ("+18.96%", 18.96));
        let (t, v, ..) = one("a fall of -3% in exports");
        assert_eq!((t.as_str(), v), ("-3%", -3.0));
    }

    #[test]
    fn percent_en_words() {
        let (t, v, ..) = one("just need minus five percent");
        assert_eq!((t.as_str(), v), ("minus five percent", -5.0));
        assert_eq!(one("Twenty-five percent of voters").1, 25.0);
        assert_eq!(one("one hundred percents").1, 100.0);
        assert_eq!(one("two point five percent").1, 2.5);
        assert_eq!(one("two and a half percent").1, 2.5);
    }

    #[test]
    fn percent_en_qualifiers() {
        let (t, v, _, _, q, d) = one("about 70% of output");
        assert_eq!(
            (t.as_str(), v, q, d.as_str()),
            ("about 70%", 70.0, Approx, "70%")
        );
        let (t, _, _, _, q, d) = one("more than 10% of the vote");
        assert_eq!((t.as_str(), q, d.as_str()), ("more than 10%", Over, "10%+"));
        let (t, _, _, _, q, d) = one("nearly 5 percent");
        assert_eq!(
            (t.as_str(), q, d.as_str()),
            ("nearly 5 percent", Under, "<5%")
        );
        let (t, _, _, _, q, _) = one("90% or more");
        assert_eq!((t.as_str(), q), ("90% or more", AtLeast));
        let (t, _, _, _, q, _) = one("by up to 25%");
        assert_eq!((t.as_str(), q), ("up to 25%", AtMost));
        let (_, _, _, _, q, _) = one("At least 3 per cent");
        assert_eq!(q, AtLeast);
    }

    #[test]
    fn percent_en_points() {
        let (t, v, _, u, _, d) = one("rates rose 1.5 percentage points");
        assert_eq!(
            (t.as_str(), v, u, d.as_str()),
            ("1.5 percentage points", 1.5, Point, "1.5pt")
        );
        let (t, v, _, u, q, _) = one("inflation fell roughly 2 points");
        assert_eq!(
            (t.as_str(), v, u, q),
            ("roughly 2 points", 2.0, Point, Approx)
        );
        assert_eq!(one("a cut of half a percentage point").1, 0.5);
        let (t, v, _, u, ..) = one("a quarter-point cut");
        assert_eq!((t.as_str(), v, u), ("a quarter-point", 0.25, Point));
        let (t, v, _, u, _, d) = one("a 25 basis point hike");
        assert_eq!(
            (t.as_str(), v, u, d.as_str()),
            ("25 basis point", 0.25, Point, "0.25pt")
        );
        assert_eq!(one("raised by 50bp").4, Exact);
        assert!(facts("The Dow fell 300 points on Monday").is_empty());
        assert!(facts("The FTSE 100 rose 45 points").is_empty());
        assert!(facts("He scored 30 points and 10 rebounds").is_empty());
        assert!(facts("a 10-point plan").is_empty());
    }

    #[test]
    fn percent_en_ranges() {
        assert_eq!(
            one("3-5%"),
            ("3-5%".into(), 3.0, Some(5.0), Percent, Range, "3–5%".into())
        );
        let (t, v, m, ..) = one("between 3% and 5% growth");
        assert_eq!((t.as_str(), v, m), ("between 3% and 5%", 3.0, Some(5.0)));
        let (t, v, m, ..) = one("tariffs of 10 to 25 percent");
        assert_eq!((t.as_str(), v, m), ("10 to 25 percent", 10.0, Some(25.0)));
        let (_, v, m, u, ..) = one("25-50bp of cuts");
        assert_eq!((v, m, u), (0.25, Some(0.5), Point));
    }

    #[test]
    fn percent_en_changes_are_not_ranges() {
        let got = facts("Inflation rose 0.3% to 3.2% in May.");
        let texts: Vec<_> = got.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, vec!["0.3%", "3.2%"]);
        let got = facts("The rate went from 3% to 5%.");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn percent_en_not_percentages() {
        assert!(facts("Python 3.12 and version 2.5 shipped").is_empty());
        assert!(facts("the 90th percentile").is_empty());
        assert!(facts("You can go to https://www.test.com/search?q=30%25%2020%").is_empty());
        assert!(facts("Only a small percent attain the top ranks").is_empty());
        assert!(facts("a rise of 1,5% in prices").is_empty());
    }
}
