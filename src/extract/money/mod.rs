//! money facts: rules per language (`ja.rs`, `en.rs`), the currency table
//! (`currency.rs`), corpus files beside them.
//!
//! Where a form lives: each form is a named rule (`money.ja.amount_unit` is the
//! place for `24億ドル`, `約1兆円超`, `1株当たり1.95香港ドル`) in its language's
//! file, with its pattern and its production. The Japanese rules are run with
//! a hand-written matcher beside them (`ja::decide`, `crate::rule::RuleSet::
//! run_with`): from each numeral of a line followed by a currency name it finds
//! the match the regex would find and hands it to the same production, so the
//! fact (span, value, rule name) is the same; a line holding a form it does not
//! know is left to the regexes. Adding a form: write its rule and corpus line
//! as before; if the new rule is in a set with a hand-written matcher, make
//! the matcher leave the lines that may hold it to the regex (a bit of its
//! result), or find it too. The test beside the matcher compares both paths on
//! every corpus line and on made-up lines.
//!
//! What a money fact is (SPEC "value by kind"):
//! - `amount` in major units of `currency` (ISO 4217): `116 pence` = 1.16 GBP,
//!   `2222円13銭` = 2222.13 JPY; `amount_max` for ranges.
//! - The span holds the qualifier words attached to the amount (`約24億ドル`,
//!   `100億ドル超`, `more than $10 billion`); for a per-unit price the span is the
//!   amount alone and `per` holds the unit (`share` in "$2.69 a share").
//! - `display`: `$ € £ ¥` before the number for USD EUR GBP JPY, else the code after it
//!   (`1.2B KRW`); K M B T from 10,000 up (`fact::compact_number`), grouped digits
//!   below (`¥1,280`, `¥2,222.13`, `$2.69`); `+` / `<` for the qualifier; ranges
//!   `€2B–€3B` (`2B–3B KRW` when the code follows); a per-unit price ends with its unit
//!   (`$2.69/share`, `$30/user/month`) so the CSV, which has no `per` column, keeps it.
//!
//! Qualifier words, one decision each, are the tables of `crate::lang` (`en/`,
//! `ja/`), shared with the percent rules: approx (約, about, `or so`), over
//! (超, を上回る, more than, over), under (未満, 弱, nearly, less than),
//! at_least (以上, 最低, at least, `+`, `-plus`, `or more`), at_most (以下, まで,
//! 最大, up to, `or less`).
//!
//! Exchange rates (`1ドル=152円`, `1 dollar = 150 yen`) are left out: both sides of an
//! `=` between two currency amounts are rejected. A bare `$` is USD, even after `C$`,
//! `A$`, `HK$`... in the same article, unless the article states its dollar ("All
//! figures in Canadian dollars") or the amount is the per-share count of an explicit
//! dollar amount (`C$300 million, or $1.34 a share`); see `reread_bare_dollars`.
//! A minus sign before an amount (`▲3億円`, `-$5 billion`, `minus $5 billion`)
//! makes it negative; an amount in scientific notation (`1e308ドル`) is left out.

pub mod currency;
mod en;
mod ja;
pub mod wrapped;

use regex::Regex;
use std::sync::LazyLock;

use crate::extract::{Doc, Finder};
use crate::fact::{
    compact_number, plain_number, trim_decimals, Candidate, Kind, Money, Qualifier, Value,
};

/// Money amounts: both languages' rule sets, then the passes over what
/// they found (signs, scientific notation, bare dollars).
pub struct MoneyFinder;

impl Finder for MoneyFinder {
    fn kind(&self) -> Kind {
        Kind::Money
    }

    fn find(&self, doc: &Doc, out: &mut Vec<Candidate>) {
        extract(doc, out);
    }
}

/// Push every money candidate found in `doc`.
fn extract(doc: &Doc, out: &mut Vec<Candidate>) {
    // An amount broken over lines (`$3.7\n\nbillion`) is read in a view with the
    // break closed, and its span mapped back (see `wrapped`).
    let Some(joined) = wrapped::Joined::new(doc.text) else {
        extract_from(doc, out);
        return;
    };
    let view = Doc::new(&joined.text, doc.lang, doc.ref_date, doc.gazetteer);
    let first = out.len();
    extract_from(&view, out);
    for c in out.iter_mut().skip(first) {
        c.start = joined.original_start(c.start);
        c.end = joined.original_end(c.end);
    }
}

/// The money candidates of `doc`, its text read as it stands.
fn extract_from(doc: &Doc, out: &mut Vec<Candidate>) {
    let first = out.len();
    en::RULES.run(doc, out);
    ja::RULES.run_with(doc, out, ja::decide);
    let mut new = out.split_off(first.min(out.len()));
    new.retain(|c| !in_scientific_notation(doc.text, c.start, c.end));
    read_signs(doc.text, &mut new);
    reread_bare_dollars(doc.text, &mut new);
    out.extend(new);
}

/// Whether the amount at bytes `start..end` is part of a number in scientific
/// notation (`1e308ドル` matched as `308ドル`, `$1e308 billion` as `$1`). News does not
/// write amounts so; such a token is left out rather than read as a smaller number.
fn in_scientific_notation(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let before = before.strip_suffix(['+', '-']).unwrap_or(before);
    let mantissa_before = before
        .strip_suffix(['e', 'E'])
        .and_then(|b| b.chars().next_back())
        .is_some_and(|c| c.is_ascii_digit() || c == '.');
    let after = text.get(end..).unwrap_or("");
    let after = after.strip_prefix(['e', 'E']);
    let exponent_after = after
        .map(|a| a.strip_prefix(['+', '-']).unwrap_or(a))
        .and_then(|a| a.chars().next())
        .is_some_and(|c| c.is_ascii_digit());
    mantissa_before || exponent_after
}

/// Make an amount negative when a minus sign stands right before it: `▲3億円` and
/// `△3億円` (the minus signs of Japanese earnings tables), `-5億円` (also `−５億円`,
/// folded), `-$5 billion`, `minus $5 billion`, `マイナス3億円`. The sign joins the span.
/// A hyphen counts only when no Latin letter, digit or other joiner stands before it, so
/// `2020-30億円`, `F-$5` and the second end of `€2bn-€3bn` keep their reading. Ranges
/// are left as they are.
fn read_signs(text: &str, cands: &mut [Candidate]) {
    for c in cands.iter_mut() {
        let Value::Money(m) = &mut c.value else {
            continue;
        };
        if m.amount_max.is_some() || m.amount <= 0.0 {
            continue;
        }
        let Some(before) = text.get(..c.start) else {
            continue;
        };
        let sign_len = if before.ends_with(['▲', '△']) {
            Some('▲'.len_utf8())
        } else if let Some(b) = before.strip_suffix('-') {
            let joined = b
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_alphanumeric() || "-–—~.,/$€£¥%'".contains(p));
            (!joined).then_some(1)
        } else if before.ends_with("マイナス") {
            Some("マイナス".len())
        } else {
            ["minus ", "negative "].iter().find_map(|w| {
                let cut = before.len().checked_sub(w.len())?;
                let tail = before.get(cut..)?;
                let word_start = before
                    .get(..cut)
                    .and_then(|p| p.chars().next_back())
                    .is_none_or(|p| !p.is_alphanumeric());
                (tail.eq_ignore_ascii_case(w) && word_start).then_some(w.len())
            })
        };
        if let Some(n) = sign_len {
            c.start -= n;
            m.amount = -m.amount;
            m.display = display(m);
        }
    }
}

/// Build a money value and its display.
pub(crate) fn money(
    amount: f64,
    amount_max: Option<f64>,
    currency: &str,
    qualifier: Qualifier,
    per: Option<String>,
) -> Option<Value> {
    if !amount.is_finite() || amount < 0.0 || amount_max.is_some_and(|m| !m.is_finite() || m < 0.0)
    {
        return None;
    }
    let mut m = Money {
        amount,
        amount_max,
        currency: currency.to_string(),
        qualifier: if amount_max.is_some() {
            Qualifier::Range
        } else {
            qualifier
        },
        per,
        display: String::new(),
    };
    m.display = display(&m);
    Some(Value::Money(m))
}

/// A number as money displays it: K M B T from 10,000 up (`fact::compact_number`),
/// else grouped digits, with cents written out when there are any (`$3.50`,
/// `¥2,222.13`) and up to four decimals below 10 when written (`$1.0753`).
pub fn amount_text(x: f64) -> String {
    if x.abs() >= 1e4 {
        return compact_number(x);
    }
    let four = trim_decimals(x, 4);
    let decimals = four.split_once('.').map_or(0, |(_, f)| f.len());
    match decimals {
        0 => plain_number(x),
        3 | 4 if x.abs() < 10.0 => four,
        _ => {
            let s = plain_number(x);
            match s.split_once('.') {
                Some((_, f)) if f.len() == 1 => s + "0",
                Some(_) => s,
                None => s,
            }
        }
    }
}

/// The display string of a money value (see the module docs).
pub fn display(m: &Money) -> String {
    if m.amount < 0.0 && m.amount_max.is_none() {
        // A loss (`▲3億円`): the sign before the symbol, `-¥300M`, `-300M KRW`.
        let positive = Money {
            amount: -m.amount,
            ..m.clone()
        };
        return format!("-{}", display(&positive));
    }
    let sym = currency::display_symbol(&m.currency);
    let one = |x: f64| match sym {
        Some(s) => format!("{s}{}", amount_text(x)),
        None => format!("{} {}", amount_text(x), m.currency),
    };
    let mut shown = match m.amount_max {
        Some(hi) => match sym {
            Some(_) => format!("{}–{}", one(m.amount), one(hi)),
            None => format!(
                "{}–{} {}",
                amount_text(m.amount),
                amount_text(hi),
                m.currency
            ),
        },
        None => m.qualifier.decorate(one(m.amount)),
    };
    if let Some(per) = &m.per {
        shown.push('/');
        shown.push_str(per);
    }
    shown
}

/// The qualifier a word (Japanese or English, any case) stands for: the
/// languages' qualifier tables (`crate::lang`).
pub(crate) fn qualifier_of(word: &str) -> Option<Qualifier> {
    crate::lang::qualifier_of(word)
}

/// Combine a qualifier written before the amount with one written after it: the
/// one after wins unless it is missing or only approximate.
pub(crate) fn combine(pre: Option<Qualifier>, post: Option<Qualifier>) -> Qualifier {
    match (pre, post) {
        (_, Some(q)) if q != Qualifier::Approx => q,
        (Some(q), _) => q,
        (None, Some(q)) => q,
        (None, None) => Qualifier::Exact,
    }
}

/// The character before byte `i` of `text`, skipping spaces.
pub(crate) fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?
        .chars()
        .rev()
        .find(|c| *c != ' ' && *c != '\t')
}

/// The character at byte `i` of `text` or after, skipping spaces.
pub(crate) fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().find(|c| *c != ' ' && *c != '\t')
}

/// Currency names that may stand before `=` in an exchange rate (`1ドル=152円`).
const RATE_UNITS: &[&str] = &[
    "ドル",
    "円",
    "ユーロ",
    "元",
    "ポンド",
    "ウォン",
    "フラン",
    "dollar",
    "dollars",
    "yen",
    "euro",
    "euros",
    "yuan",
    "pound",
    "pounds",
    "$",
    "¥",
    "€",
    "£",
];

/// Whether the amount spanning bytes `start..end` is one side of an exchange rate:
/// followed by `=`, or preceded by `<currency>=` (`1ドル=152円`, `$1 = ¥150`), or
/// written `1ドル152円`.
pub(crate) fn is_exchange_rate(text: &str, start: usize, end: usize) -> bool {
    if matches!(next_char(text, end), Some('=' | '＝')) {
        return true;
    }
    let Some(before) = text.get(..start) else {
        return false;
    };
    let before = before.trim_end_matches([' ', '\t']);
    if let Some(b) = before.strip_suffix(['=', '＝']) {
        let b = b.trim_end_matches([' ', '\t']);
        // `$1 = ¥150`: the symbol stands before the number on the left.
        let symbol_side =
            b.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | ' '));
        return RATE_UNITS.iter().any(|u| b.ends_with(u))
            || (symbol_side.len() < b.len()
                && ["$", "¥", "€", "£"]
                    .iter()
                    .any(|u| symbol_side.ends_with(u)));
    }
    // 1ドル152円: a Japanese currency name right before the number.
    let starts_digit = text
        .get(start..)
        .and_then(|s| s.chars().next())
        .is_some_and(|c| c.is_ascii_digit());
    starts_digit
        && text
            .get(..start)
            .is_some_and(|b| ["ドル", "ユーロ"].iter().any(|u| b.ends_with(u)))
}

/// The currency named by the letters written before the `$` at byte `pos`
/// (`C$`, `hk $`, `US$`), or None for a bare `$`.
pub(crate) fn dollar_prefix_at(text: &str, pos: usize) -> Option<&'static str> {
    let before = text.get(..pos)?;
    let (spaced, before) = match before.strip_suffix(' ') {
        Some(b) => (true, b),
        None => (false, before),
    };
    let letters_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphabetic() || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    let letters = before.get(letters_start..)?;
    if letters.is_empty() || letters.len() > 4 {
        return None;
    }
    // A single letter: upper case and attached (`C$`), or `c $` / `C $`.
    if letters.len() == 1 {
        let c = letters.chars().next()?;
        let ok = if spaced {
            c == 'c' || c == 'C'
        } else {
            c.is_ascii_uppercase()
        };
        if !ok {
            return None;
        }
    }
    let l = letters.to_ascii_lowercase();
    currency::DOLLAR_PREFIXES
        .iter()
        .find(|(p, _)| *p == l)
        .map(|&(_, c)| c)
}

/// A statement that sets the article's dollar: "All figures in Canadian dollars unless
/// otherwise noted", "all amounts are in A$", "(In Canadian dollars unless noted)".
static STATED_DOLLAR: LazyLock<Regex> = LazyLock::new(|| {
    let which = r"(?P<c>u\.?s\.?|american|canadian|australian|hong kong|singapore|new zealand|(?:new )?taiwan(?:ese)?|mexican|[a-z]{1,3}\$|usd|cad|aud|hkd|sgd|nzd|twd|mxn)";
    Regex::new(&format!(
        r"(?i)\ball (?:the )?(?:dollar )?(?:figures|amounts|numbers|values|prices|sums)(?: (?:are|quoted|given|reported|shown|expressed))* in {which}|\(in {which2} dollars unless",
        which2 = which.replace("?P<c>", "?P<c2>")
    ))
    .expect("stated dollar pattern")
});

/// The currency an explicit statement of the article gives its bare `$`, if any.
fn stated_dollar(text: &str) -> Option<&'static str> {
    let caps = STATED_DOLLAR.captures(text)?;
    let c = caps.name("c").or_else(|| caps.name("c2"))?.as_str();
    let c = c.to_ascii_lowercase();
    let c = c.trim_end_matches('$');
    Some(match c {
        "american" => "USD",
        "canadian" => "CAD",
        "australian" => "AUD",
        "hong kong" => "HKD",
        "singapore" => "SGD",
        "new zealand" => "NZD",
        "mexican" => "MXN",
        t if t.contains("taiwan") => "TWD",
        code => {
            return currency::DOLLAR_PREFIXES
                .iter()
                .find(|(p, _)| *p == code)
                .map(|&(_, c)| c)
        }
    })
}

/// Decide the currency of amounts written with a bare `$`. A bare `$` is USD, as wire
/// copy writes it whatever the dateline, even after `HK$`, `A$`, `C$`, `S$`, `NT$`
/// in the same article. Two things a reader accepts make it another dollar:
/// - an explicit statement ("All figures in Canadian dollars unless otherwise
///   noted"): every bare `$` of the article takes that dollar;
/// - a per-unit figure joined by "or" (after at most three words) to an explicit
///   dollar amount ("a C$300 million charge, or $1.34 a share"): the same money
///   counted per share.
fn reread_bare_dollars(text: &str, cands: &mut [Candidate]) {
    let bare = |c: &Candidate| {
        matches!(&c.value, Value::Money(m) if m.currency == "USD")
            && text
                .get(c.start..c.end)
                .and_then(|s| s.find('$'))
                .is_some_and(|i| dollar_prefix_at(text, c.start + i).is_none())
    };
    if !cands.iter().any(bare) {
        return;
    }
    let stated = stated_dollar(text).filter(|c| *c != "USD");
    // Amounts written with an explicit non-US dollar: (end byte, currency).
    let explicit: Vec<(usize, String)> = cands
        .iter()
        .filter_map(|c| match &c.value {
            Value::Money(m) if m.currency != "USD" && !bare(c) => text
                .get(c.start..c.end)
                .and_then(|s| s.find('$'))
                .and_then(|i| dollar_prefix_at(text, c.start + i))
                .map(|code| (c.end, code.to_string())),
            _ => None,
        })
        .collect();
    for c in cands.iter_mut() {
        if !bare(c) {
            continue;
        }
        let start = c.start;
        let Value::Money(m) = &mut c.value else {
            continue;
        };
        let code = match stated {
            Some(code) => Some(code.to_string()),
            None if m.per.is_some() => explicit.iter().rev().find_map(|(end, code)| {
                // `C$300 million charge, or $1.34`: a few words, then `, or`.
                let gap = text.get(*end..start)?.trim();
                let head = gap.strip_suffix("or")?.trim_end();
                let head = head.strip_suffix([',', ';']).unwrap_or(head);
                let plain = !head.contains(['.', ';', '$', '\n', '(', ')']);
                (plain && head.split_whitespace().count() <= 3).then(|| code.clone())
            }),
            None => None,
        };
        if let Some(code) = code {
            m.currency = code;
            m.display = display(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Lang;
    use crate::gazetteer::Gazetteer;

    pub(crate) fn run(text: &str) -> Vec<(String, Money)> {
        let gaz = Gazetteer::default();
        let doc = Doc::new(text, Lang::detect(text), None, &gaz);
        let mut out = Vec::new();
        extract(&doc, &mut out);
        let out = crate::extract::resolve_overlaps(out);
        out.into_iter()
            .filter_map(|c| match c.value {
                Value::Money(m) => Some((text[c.start..c.end].to_string(), m)),
                _ => None,
            })
            .collect()
    }

    fn one(text: &str) -> (String, Money) {
        let mut v = run(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.remove(0)
    }

    #[test]
    fn money_ja_seed_forms() {
        let (s, m) = one("英アルファウェーブを約24億ドルで買収");
        assert_eq!(s, "約24億ドル");
        assert_eq!(
            (m.amount, m.currency.as_str(), m.qualifier),
            (2.4e9, "USD", Qualifier::Approx)
        );
        assert_eq!(m.display, "$2.4B");
        let (s, m) = one("投資額は100億ドル超に");
        assert_eq!(s, "100億ドル超");
        assert_eq!(
            (m.amount, m.qualifier, m.display.as_str()),
            (1e10, Qualifier::Over, "$10B+")
        );
        let (s, m) = one("1兆円超の");
        assert_eq!(
            (s.as_str(), m.amount, m.currency.as_str()),
            ("1兆円超", 1e12, "JPY")
        );
        assert_eq!(m.display, "¥1T+");
    }

    #[test]
    fn money_ja_mixed_magnitudes_and_minor_units() {
        let (_, m) = one("2,422億4,300万円");
        assert_eq!(m.amount, 242_243_000_000.0);
        let (s, m) = one("日経平均は2222円13銭");
        assert_eq!(
            (s.as_str(), m.amount, m.display.as_str()),
            ("2222円13銭", 2222.13, "¥2,222.13")
        );
    }

    #[test]
    fn money_ja_range_inherits_magnitude() {
        let (s, m) = one("2~3億ドル");
        assert_eq!(s, "2~3億ドル");
        assert_eq!(
            (m.amount, m.amount_max, m.qualifier),
            (2e8, Some(3e8), Qualifier::Range)
        );
        assert_eq!(m.display, "$200M–$300M");
    }

    #[test]
    fn money_ja_exchange_rate_left_out() {
        assert!(run("1ドル=152円").is_empty());
    }

    #[test]
    fn money_en_per_share_span_is_amount() {
        let (s, m) = one("earnings of $2.69 a share");
        assert_eq!(s, "$2.69");
        assert_eq!(
            (m.amount, m.per.as_deref(), m.display.as_str()),
            (2.69, Some("share"), "$2.69/share")
        );
    }

    #[test]
    fn money_en_qualifiers_and_ranges() {
        let (s, m) = one("for more than $10 billion.");
        assert_eq!(
            (s.as_str(), m.qualifier, m.display.as_str()),
            ("more than $10 billion", Qualifier::Over, "$10B+")
        );
        let (s, m) = one("between $2bn and $3bn");
        assert_eq!(s, "between $2bn and $3bn");
        assert_eq!((m.amount, m.amount_max), (2e9, Some(3e9)));
        let (_, m) = one("€2bn-€3bn");
        assert_eq!(m.display, "€2B–€3B");
    }

    #[test]
    fn money_en_moves_are_not_ranges() {
        let v = run("Brent fell $1.20 to $78.50 a barrel");
        let spans: Vec<_> = v
            .iter()
            .map(|(s, m)| (s.as_str(), m.amount, m.per.as_deref()))
            .collect();
        assert_eq!(
            spans,
            vec![("$1.20", 1.2, None), ("$78.50", 78.5, Some("barrel"))]
        );
        let v = run("revenue rose from $2 billion to $3 billion");
        assert_eq!(v.len(), 2);
        assert!(v.iter().all(|(_, m)| m.amount_max.is_none()));
    }

    #[test]
    fn money_ja_change_is_not_range() {
        let v = run("2億ドルから3億ドルに増えた");
        assert_eq!(v.len(), 2);
        assert_eq!((v[0].1.amount, v[1].1.amount), (2e8, 3e8));
    }

    #[test]
    fn money_en_minor_units_and_words() {
        let (_, m) = one("116 pence");
        assert_eq!((m.amount, m.currency.as_str()), (1.16, "GBP"));
        let (_, m) = one("three cents");
        assert_eq!((m.amount, m.currency.as_str()), (0.03, "USD"));
        let (_, m) = one("14 trillion won");
        assert_eq!((m.amount, m.display.as_str()), (14e12, "14T KRW"));
        let (_, m) = one("Rs 500 crore");
        assert_eq!((m.amount, m.currency.as_str()), (5e9, "INR"));
    }

    #[test]
    fn money_ja_per_share_and_currency_names() {
        let (s, m) = one("1株当たり1.95香港ドルで買い取る");
        assert_eq!(s, "1.95香港ドル");
        assert_eq!(
            (m.amount, m.currency.as_str(), m.per.as_deref()),
            (1.95, "HKD", Some("share"))
        );
        let (s, m) = one("財投総額は四十九兆九千五百九十二億円となった");
        assert_eq!(
            (s.as_str(), m.amount),
            ("四十九兆九千五百九十二億円", 49_959_200_000_000.0)
        );
        let (_, m) = one("545ドルと5セント");
        assert!((m.amount - 545.05).abs() < 1e-9 && m.currency == "USD");
        assert!(run("関東一円で雨").is_empty());
        assert!(run("数百万ドル").is_empty());
    }

    #[test]
    fn money_en_codes_and_prefixes() {
        let (s, m) = one("a GBP46 billion deal");
        assert_eq!(
            (s.as_str(), m.amount, m.currency.as_str()),
            ("GBP46 billion", 46e9, "GBP")
        );
        let (s, m) = one("losses in excess of 30 MUSD");
        assert_eq!(
            (s.as_str(), m.amount, m.qualifier),
            ("in excess of 30 MUSD", 3e7, Qualifier::Over)
        );
        let (s, m) = one("to hk $ 10.05 billion .");
        assert_eq!(
            (s.as_str(), m.amount, m.currency.as_str()),
            ("hk $ 10.05 billion", 10.05e9, "HKD")
        );
        let (_, m) = one("It costs 15 dollars and 15.");
        assert!((m.amount - 15.15).abs() < 1e-9);
        assert!(run("the MARS 2020 rover").is_empty());
        assert!(run("1 dollar = 150 yen").is_empty());
    }

    #[test]
    fn money_en_bare_dollar_follows_article() {
        let v = run("a C$300 million charge, or $1.34 a share");
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].1.currency, "CAD");
        let (_, m) = one("a $300 million charge");
        assert_eq!(m.currency, "USD");
    }
}
