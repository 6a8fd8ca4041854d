//! English money rules: `$2.4B`, `US$2.4 billion`, `USD 2.4 billion`, `GBP46 billion`,
//! `2.4 billion US dollars`, `14 trillion won`, `Rs 500 crore`, `116 pence`,
//! `three cents`, `$2.69 a share`, `$2-3 billion`, `between $2bn and $3bn`,
//! `12.5 billion euros to 13.0 billion euros`, `412p`,
//! `3 dollars 50 cents`. Symbols and codes also read Japanese magnitudes
//! (`US$48.2万`), since Japanese articles write them.

use super::{combine, currency, is_exchange_rate, money, next_char, prev_char, qualifier_of};
use crate::extract::{priority, Doc};
use crate::fact::{Kind, Qualifier, Value};
use crate::lang::{self, Place};
use crate::rule::{Rule, RuleSet};
use crate::scan::{After, Before, Cue};
use crate::text::around::char_after;
use crate::text::numbers::{
    big_unit, en_scale, parse_decimal, parse_en_words, ARABIC_INDIAN, EN_NUMBER_WORDS,
};
use regex::Captures;
use std::sync::LazyLock;

/// An Arabic number; commas group by three, or Indian style (`12,34,567.89`).
const NUM: &str = ARABIC_INDIAN;

/// Scale words and letters after a number (`billion`, `bn`, `m`, `K`, `MM`, `crore`, `億`).
const SCALE: &str = r"(?:(?:[ \t-]?(?i-u:hundred|thousand|million|billion|trillion|bln|bn|mln|mn|mil|trn|tn|tril|crores?|lakhs?|lacs?|cr)|MM|mm|[kKmMbBtT])(?-u:\b)|[ \t]{0,2}[万億兆]{1,2})";

/// Qualifier words before an amount.
fn qpre() -> String {
    let words = lang::alternation(
        lang::en::QUALIFIERS,
        Place::Before,
        lang::MONEY,
        |_| true,
        r"[ \t]",
    );
    format!(r"(?-u:\b)(?i-u:{words})[ \t]+")
}

/// Qualifiers after an amount: `$10B+`, `$10 billion-plus`, `or more`.
/// The `or …` words come from the qualifier table; `+` and `plus` are written
/// here for the spacing they allow.
fn qpost() -> String {
    let or = lang::alternation(
        lang::en::QUALIFIERS,
        Place::After,
        lang::MONEY,
        |w| w.word.starts_with("or "),
        r"[ \t]",
    );
    format!(r"(?:\+|[ \t]?-?(?i-u:plus)(?-u:\b)|[ \t](?i-u:{or})(?-u:\b))")
}

/// Units of a per-unit price.
const PER_UNITS: &str = r"(?i-u:shares?|ADS|ADR|barrel|bbl|troy[ \t]ounce|ounce|oz|metric[ \t]ton|tonne|ton|kilogram|kilo|kg|pound|lb|gallon|litre|liter|bushel|megawatt[ -]hour|MWh|kWh|mmBtu|hour|day|week|month|year|quarter|person|head|user|employee|customer|subscriber|member|seat|night|room|square[ \t]foot|square[ \t]feet|sq[ \t]ft|square[ \t]metre|square[ \t]meter|dozen|unit|vehicle|car|device|ticket|passenger|visitor|student|household|copy|piece|item|dose|trade|transaction)";

/// Fractions and articles that count only before a scale word (`half a billion`).
const FRAC: &str = r"(?i-u:a[ \t]half|half(?:[ \t]a)?|(?:a[ \t]|one[ \t]|three[ \t])?quarters?(?:[ \t]of[ \t]a)?|an?)";

fn prefix() -> String {
    let symbols = currency::alternation(currency::SYMBOLS.iter().map(|s| s.0));
    let codes = currency::alternation(currency::CODES.iter().copied());
    let m_codes = currency::alternation(currency::M_CODES.iter().copied());
    let lower = currency::alternation(currency::LOWER_CODES.iter().copied());
    format!(
        r"(?x:
            # a dollar with its country: `US$`, `U.S. $`, `HK$`, `NT$`, `MX$`
            (?-u:\b)(?i-u: usd|us|u\.s\.?|hkd|hk|nzd|nz|aud|au|cad|can|ca|sgd|sg|nt|twd|mex|mxn|mx )[\x20\t]?\$
            # a dollar with a capital letter: `A$`, `C$`, `S$`, `R$`, `Z$`, `c $`
          | (?-u:\b)[ACSRZ]\$
          | (?-u:\b)[cC][\x20\t]\$
            # a currency symbol (`$`, `€`, `£`, `¥`...), or a backslash (a mis-encoded yen)
          | (?-x:{symbols})
          | \\
            # an ISO code, upper case, before the number: `USD 5`, `EUR5`; `MXN`-style codes after `M`
          | (?-u:\b)(?: (?-x:{codes}) | M(?-x:{m_codes}) )[\x20\t]?
            # a code in lower case, only with a space: `usd 5`
          | (?-u:\b)(?-x:{lower})[\x20\t]
            # rupees, rupiah, ringgit, Swiss francs: `Rs. 500`, `Rp 1`, `RM5`, `SFr. 3`
          | (?-u:\b)(?: Rs\.? | Rp\.? | RM | SFr\.? )[\x20\t]?
        )"
    )
}

fn units() -> String {
    let names = currency::en_names_pattern();
    let codes = currency::alternation(currency::CODES.iter().copied());
    let m_codes = currency::alternation(currency::M_CODES.iter().copied());
    let lower = currency::alternation(currency::LOWER_CODES.iter().copied());
    let symbols = currency::alternation(currency::SYMBOLS.iter().map(|s| s.0));
    format!(r"(?:(?i-u:{names})(?-u:\b)|(?:{codes}|M{m_codes})(?-u:\b)|{lower}(?-u:\b)|{symbols})")
}

fn per() -> String {
    format!(
        r"(?:[ \t]?-?[ \t]?(?i-u:a|an|per)[ \t]?-?[ \t]?(?P<per>{PER_UNITS})(?-u:\b)(?:[ \t](?i-u:per|a)[ \t](?P<per2>{PER_UNITS})(?-u:\b))?)?"
    )
}

pub(super) static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| RuleSet::new(Kind::Money, rules()).with_cues(cues()));

/// The cues of the rules below: every match holds a currency marker (from
/// `prefix`) or a unit (from `units`), and each gives a cue:
/// - a symbol (`$`, `€`, `C$`, `hk $`) or the backslash of Japanese code pages:
///   anywhere;
/// - an upper-case code (`USD`, `MEUR`): in that case (the patterns match codes
///   case-sensitively; `ILS` in `details` is no code);
/// - a lower-case code: in that case, with no word character after it (the
///   patterns want a space or `(?-u:\b)` after one);
/// - a word prefix `Rs`, `Rp`, `RM`, `SFr`: in that case, after a word boundary;
/// - a name (`dollars`, `pounds sterling`, `cents`): its last word, in any case,
///   with no ASCII letter before it (a unit follows a number, a scale with a
///   word boundary, a space or a hyphen, so `percent` holds no `cent`) and no
///   word character after it (every name ends on `(?-u:\b)`);
/// - the `p` of pence (`412p`): lower case, after a numeral, with no word
///   character after it.
fn cues() -> Vec<Cue> {
    let symbols = currency::SYMBOLS.iter().map(|s| Cue::any(s.0));
    let codes = currency::CODES.iter().map(|&c| Cue::exact(c));
    let lower = currency::LOWER_CODES
        .iter()
        .map(|&c| Cue::exact(c).after(After::NotWord(&[""])));
    let prefixes = ["Rs", "Rp", "RM", "SFr"]
        .into_iter()
        .map(|p| Cue::exact(p).before(Before::NotWord));
    let names = currency::en_name_words().into_iter().map(|w| {
        Cue::any(w)
            .before(Before::NotLetter)
            .after(After::NotWord(&[""]))
    });
    symbols
        .chain([Cue::any("\\")])
        .chain(codes)
        .chain(lower)
        .chain(prefixes)
        .chain(names)
        .chain([Cue::exact("p")
            .before(Before::Numeral)
            .after(After::NotWord(&[""]))])
        .collect()
}

fn rules() -> Vec<Rule> {
    let (qpre, qpost) = (qpre(), qpost());
    let pre = prefix();
    let unit = units();
    let per = per();
    let words = format!(r"(?i-u:{})", *EN_NUMBER_WORDS);
    let numw = format!(r"(?:(?P<n1>{NUM})|(?-u:\b)(?P<w1>{words}|{FRAC})(?-u:\b))");
    let numw2 = format!(r"(?:(?P<n2>{NUM})|(?-u:\b)(?P<w2>{words})(?-u:\b))");
    vec![
        Rule::new(
            "money.en.symbol_amount",
            format!(r"(?P<span>(?:(?P<q>{qpre}))?(?P<cur>{pre})[ \t]?(?P<n1>{NUM})(?P<s1>{SCALE})?(?P<qs>{qpost})?){per}"),
            single,
        ),
        Rule::new(
            "money.en.amount_unit",
            format!(r"(?P<span>(?:(?P<q>{qpre}))?{numw}(?P<s1>{SCALE})?[ \t-]?(?P<unit>{unit})(?:[ \t](?P<s1b>(?i-u:thousand|million|billion|trillion))(?-u:\b))?(?P<qs>{qpost})?){per}"),
            single,
        ),
        Rule::new(
            "money.en.symbol_range",
            format!(r"(?P<span>(?:(?P<q>{qpre}|(?-u:\b)(?i-u:between)[ \t]+))?(?P<cur>{pre})[ \t]?(?P<n1>{NUM})(?P<s1>{SCALE})?[ \t]?(?P<sep>-|–|—|(?-u:\b)(?i-u:to|and)(?-u:\b))[ \t]?(?:(?P<cur2>{pre})[ \t]?)?(?P<n2>{NUM})(?P<s2>{SCALE})?){per}"),
            range,
        )
        .priority(priority::MONEY_RANGE),
        Rule::new(
            "money.en.amount_range_unit",
            format!(r"(?P<span>(?:(?P<q>{qpre}|(?-u:\b)(?i-u:between)[ \t]+))?{numw}(?P<s1>{SCALE})?[ \t]?(?P<sep>-|–|—|(?-u:\b)(?i-u:to|and)(?-u:\b))[ \t]?{numw2}(?P<s2>{SCALE})?[ \t-]?(?P<unit>{unit})){per}"),
            range,
        ),
        // `12.5 billion euros to 13.0 billion euros`: each end with its unit.
        Rule::new(
            "money.en.unit_range_unit",
            format!(r"(?P<span>(?:(?P<q>{qpre}|(?-u:\b)(?i-u:between)[ \t]+))?{numw}(?P<s1>{SCALE})?[ \t-]?(?P<unit1>{unit})[ \t]?(?P<sep>-|–|—|(?-u:\b)(?i-u:to|and)(?-u:\b))[ \t]?{numw2}(?P<s2>{SCALE})?[ \t-]?(?P<unit>{unit})){per}"),
            range,
        )
        .priority(priority::MONEY_RANGE),
        // British prices in pence written with `p` (`412p`, `95.5p`): GBP.
        Rule::new(
            "money.en.pence_p",
            format!(r"(?P<span>(?:(?P<q>{qpre}))?(?P<n1>{NUM})p)(?-u:\b){per}"),
            pence,
        ),
        Rule::new(
            "money.en.dollars_and_cents",
            format!(r"(?P<span>(?:(?P<cur>{pre})[ \t]?(?P<n1>{NUM})|(?:(?P<n1b>{NUM})|(?-u:\b)(?P<w1>{words})(?-u:\b))[ \t-]?(?P<unit>{unit}))[ \t]+(?:(?i-u:and)[ \t]+)?(?:(?P<n2>[0-9]{{1,2}})(?-u:\b)|(?-u:\b)(?P<w2>{words})(?-u:\b))(?:[ \t]?(?P<minor>(?i-u:cents?|pence))(?-u:\b))?)"),
            compound,
        ),
    ]
}

/// An Arabic amount with valid digit grouping.
pub(super) fn arabic(s: &str) -> Option<f64> {
    let int = s.split('.').next()?;
    let groups: Vec<&str> = int.split(',').collect();
    if let Some((last, mid)) = groups.get(1..).and_then(|g| g.split_last()) {
        let western = last.len() == 3 && mid.iter().all(|g| g.len() == 3);
        let indian = last.len() == 3 && mid.iter().all(|g| g.len() == 2);
        if !(western || indian) {
            return None;
        }
    }
    parse_decimal(s)
}

/// A written-out number, fraction or article (`three`, `half a`, `a quarter`).
fn words(s: &str) -> Option<(f64, bool)> {
    let l: String = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    let frac = match l.as_str() {
        "a" | "an" => Some(1.0),
        "half" | "half a" | "a half" => Some(0.5),
        "quarter" | "a quarter" | "one quarter" | "quarter of a" | "a quarter of a" => Some(0.25),
        "three quarters" | "three quarters of a" => Some(0.75),
        _ => None,
    };
    match frac {
        Some(v) => Some((v, true)),
        None => parse_en_words(&l).map(|v| (v, false)),
    }
}

/// The multiplier of a scale (`bn`, ` billion`, `億`, `万億`).
fn scale(s: &str) -> Option<f64> {
    let t = s.trim_matches([' ', '\t', '-']);
    if t.chars().all(|c| big_unit(c).is_some()) {
        return t
            .chars()
            .try_fold(1.0, |acc, c| big_unit(c).map(|u| acc * u));
    }
    en_scale(t)
}

fn group<'a>(caps: &'a Captures, name: &str) -> Option<&'a str> {
    caps.name(name).map(|m| m.as_str())
}

/// The first number of a match: (value, needs a scale).
fn first_number(caps: &Captures) -> Option<(f64, bool)> {
    if let Some(n) = group(caps, "n1").or_else(|| group(caps, "n1b")) {
        return arabic(n).map(|v| (v, false));
    }
    words(group(caps, "w1")?)
}

/// The currency of the marker before the number or the unit after it:
/// (code, factor, is a name that needs care).
fn unit_of(caps: &Captures) -> Option<(&'static str, f64, String)> {
    if let Some(c) = group(caps, "cur") {
        let (code, f) = currency::marker(c)?;
        return Some((code, f, String::new()));
    }
    let u = group(caps, "unit")?;
    let lower = u
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    let (code, f) = currency::en_name(u).or_else(|| currency::marker(u))?;
    Some((code, f, lower))
}

/// Per-unit context after the amount (`a share`, `per user per month`), unless it is
/// a comparison (`a year earlier`).
fn per_of(caps: &Captures, doc: &Doc) -> Option<String> {
    let p = caps.name("per")?;
    let after = doc.text.get(p.end()..).unwrap_or("").trim_start();
    let lower = after
        .get(..after.len().min(8))
        .unwrap_or("")
        .to_ascii_lowercase();
    if ["earlier", "ago", "before", "later", "prior", "previous"]
        .iter()
        .any(|w| lower.starts_with(w))
    {
        return None;
    }
    let norm = |s: &str| {
        let l = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let l = if l.chars().all(|c| c.is_ascii_uppercase()) {
            l
        } else {
            l.to_ascii_lowercase()
        };
        if l == "shares" {
            "share".to_string()
        } else {
            l
        }
    };
    let mut out = norm(p.as_str());
    if let Some(p2) = caps.name("per2") {
        out.push('/');
        out.push_str(&norm(p2.as_str()));
    }
    Some(out)
}

/// Common checks on the context of a match.
fn context_ok(caps: &Captures, doc: &Doc) -> bool {
    let Some(span) = caps.name("span") else {
        return false;
    };
    // A number glued to a letter or digit before it is part of something else.
    if let Some(c) = prev_char(doc.text, span.start()) {
        let glued = doc
            .text
            .get(..span.start())
            .is_some_and(|b| b.ends_with(|x: char| x.is_alphanumeric() || x == '.' || x == '_'));
        if glued
            && (c.is_ascii_alphanumeric() || c == '.')
            && !span
                .as_str()
                .starts_with(|x: char| !x.is_ascii_alphanumeric())
        {
            return false;
        }
    }
    // A digit right after: `$1,28` swallowed half of `1,280`-like garbage, or a longer token.
    if doc
        .text
        .get(span.end()..)
        .and_then(|s| s.chars().next())
        .is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    !is_exchange_rate(doc.text, span.start(), span.end())
}

/// Names that are currencies only with a scale or a large, grouped number.
fn unit_plausible(unit: &str, caps: &Captures, value: f64, scaled: bool, doc: &Doc) -> bool {
    let Some(span) = caps.name("span") else {
        return false;
    };
    let grouped = group(caps, "n1")
        .or_else(|| group(caps, "n2"))
        .is_some_and(|n| n.contains(','));
    match unit {
        "won" => scaled || grouped || value >= 10_000.0,
        "dong" => scaled || grouped || value >= 1_000.0,
        "pound" | "pounds" => scaled,
        "$" => !doc
            .text
            .get(span.end()..)
            .is_some_and(|s| s.starts_with(|c: char| c.is_ascii_digit())),
        "dollar" | "dollars" => {
            // `in 2024 dollars`: constant dollars of a year, not an amount.
            let year =
                !scaled && !grouped && (1900.0..=2100.0).contains(&value) && value.fract() == 0.0;
            !(year
                && doc
                    .text
                    .get(..span.start())
                    .is_some_and(|b| b.to_ascii_lowercase().ends_with("in ")))
        }
        _ => true,
    }
}

/// A backslash is the yen sign of Japanese code pages (`\100`), but not inside a
/// path or an escape (`C:\2024\report`, `\1`).
fn backslash_yen_ok(caps: &Captures, doc: &Doc) -> bool {
    let (Some(cur), Some(span)) = (caps.name("cur"), caps.name("span")) else {
        return true;
    };
    if cur.as_str() != "\\" {
        return true;
    }
    let before = doc
        .text
        .get(..cur.start())
        .and_then(|b| b.chars().next_back());
    let after = char_after(doc.text, span.end());
    !before.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '\\' | '/' | '"' | '\''))
        && !after.is_some_and(|c| matches!(c, '\\' | '/' | '"' | '\''))
}

fn single(caps: &Captures, doc: &Doc) -> Option<Value> {
    if !context_ok(caps, doc) || !backslash_yen_ok(caps, doc) {
        return None;
    }
    let (n, is_frac) = first_number(caps)?;
    let s1 = match group(caps, "s1") {
        Some(s) => Some(scale(s)?),
        None => None,
    };
    let s1b = match group(caps, "s1b") {
        Some(s) => Some(scale(s)?),
        None => None,
    };
    if is_frac && s1.is_none() {
        return None;
    }
    let (code, factor, unit) = unit_of(caps)?;
    let scaled = s1.is_some() || s1b.is_some() || factor > 1.0;
    if !unit_plausible(&unit, caps, n, scaled, doc) {
        return None;
    }
    let amount = n * s1.unwrap_or(1.0) * s1b.unwrap_or(1.0) * factor;
    let q = combine(
        group(caps, "q").and_then(qualifier_of),
        group(caps, "qs").map(|s| s.trim()).and_then(qualifier_of),
    );
    money(amount, None, code, q, per_of(caps, doc))
}

fn range(caps: &Captures, doc: &Doc) -> Option<Value> {
    if !context_ok(caps, doc) {
        return None;
    }
    let sep = group(caps, "sep")?.to_ascii_lowercase();
    let between = group(caps, "q").is_some_and(|q| q.trim().eq_ignore_ascii_case("between"));
    if (sep == "and") != between {
        return None;
    }
    let span = caps.name("span")?;
    // `from $2bn to $3bn` is a change, not a range.
    if sep == "to"
        && doc
            .text
            .get(..span.start())
            .map(|b| b.trim_end())
            .and_then(|b| b.get(b.len().saturating_sub(4)..))
            .is_some_and(|w| w.eq_ignore_ascii_case("from"))
    {
        return None;
    }
    let (a, a_frac) = first_number(caps)?;
    let b = match group(caps, "n2") {
        Some(n) => arabic(n)?,
        None => words(group(caps, "w2")?).filter(|w| !w.1)?.0,
    };
    if a_frac {
        return None;
    }
    let s2 = match group(caps, "s2") {
        Some(s) => scale(s)?,
        None => 1.0,
    };
    let s1 = match group(caps, "s1") {
        Some(s) => scale(s)?,
        // `$2-3 billion`: the first end takes the second's scale when it is smaller.
        None if a < b => s2,
        None => 1.0,
    };
    let (code, factor, unit) = unit_of(caps)?;
    // Both ends in the same currency (`12.5 billion euros to 13 billion euros`).
    if let Some(u1) = group(caps, "unit1") {
        let (c1, f1) = currency::en_name(u1).or_else(|| currency::marker(u1))?;
        if c1 != code || f1 != factor {
            return None;
        }
    }
    if let Some(c2) = group(caps, "cur2") {
        if currency::marker(c2)?.0 != code {
            return None;
        }
    }
    let (lo, hi) = (a * s1 * factor, b * s2 * factor);
    if sep == "to" && (hi > 10.0 * lo || after_change_verb(doc.text, span.start())) {
        // `fell $1.20 to $78.50`: a move and a level, not a range.
        return None;
    }
    if !unit_plausible(&unit, caps, b, s2 > 1.0 || factor > 1.0, doc) || lo >= hi {
        return None;
    }
    money(lo, Some(hi), code, Qualifier::Range, per_of(caps, doc))
}

/// `412p`: pence, unless the number is a video resolution (`1080p`).
fn pence(caps: &Captures, doc: &Doc) -> Option<Value> {
    if !context_ok(caps, doc) {
        return None;
    }
    let n = group(caps, "n1")?;
    if matches!(
        n,
        "144" | "240" | "360" | "480" | "576" | "720" | "1080" | "1440" | "2160" | "4320"
    ) {
        return None;
    }
    let v = arabic(n)?;
    let q = group(caps, "q")
        .and_then(qualifier_of)
        .unwrap_or(Qualifier::Exact);
    money(v * 0.01, None, "GBP", q, per_of(caps, doc))
}

/// Whether the word before byte `start` reports a change (`rose`, `cut`), after
/// which `X to Y` is a move from one level to another.
fn after_change_verb(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_ascii_lowercase();
    const VERBS: &[&str] = &[
        "from",
        "rose",
        "rise",
        "rises",
        "risen",
        "fell",
        "fall",
        "falls",
        "fallen",
        "climbed",
        "jumped",
        "dropped",
        "slid",
        "slipped",
        "gained",
        "lost",
        "increased",
        "decreased",
        "raised",
        "cut",
        "lowered",
        "lifted",
        "boosted",
        "trimmed",
        "grew",
        "shrank",
        "soared",
        "plunged",
        "surged",
        "tumbled",
        "up",
        "down",
        "by",
    ];
    VERBS.contains(&word.as_str())
}

/// `3 dollars 50 cents`, `15 dollars and 15`, `17 USD 25`, `c $ 100 and fifty`.
fn compound(caps: &Captures, doc: &Doc) -> Option<Value> {
    let span = caps.name("span")?;
    if !context_ok(caps, doc) {
        return None;
    }
    let (n, _) = first_number(caps)?;
    if n.fract() != 0.0
        || group(caps, "n1")
            .or_else(|| group(caps, "n1b"))
            .is_some_and(|s| s.contains('.'))
    {
        return None;
    }
    let cents = match group(caps, "n2") {
        Some(d) => arabic(d)?,
        None => words(group(caps, "w2")?).filter(|w| !w.1)?.0,
    };
    if cents >= 100.0 || cents.fract() != 0.0 {
        return None;
    }
    let (code, factor, unit) = unit_of(caps)?;
    if factor != 1.0
        || ![
            "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "HKD", "SGD", "CNY",
        ]
        .contains(&code)
    {
        return None;
    }
    if ["pence", "cents", "cent"].contains(&unit.as_str()) {
        return None;
    }
    if group(caps, "minor").is_none() {
        // A bare tail counts only where the phrase ends: `15 dollars and 15.`,
        // `15 USD 50 more`; not `$20 and 15 others`.
        let rest = doc.text.get(span.end()..).unwrap_or("");
        let word: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '$')
            .collect();
        let ends = match rest.trim_start().chars().next() {
            None => true,
            Some(c) => {
                matches!(
                    c,
                    '.' | ',' | ';' | '!' | '?' | ')' | '"' | '\'' | '。' | '、'
                ) || !c.is_alphanumeric() && c != '$' && c != '€' && c != '£'
            }
        };
        let ok_word = ["more", "and", "extra", "only", "in", "for", "each"]
            .contains(&word.to_ascii_lowercase().as_str())
            || word.starts_with(|c: char| ('\u{3040}'..='\u{309f}').contains(&c));
        if !(ends && word.is_empty() || ok_word) {
            return None;
        }
        if next_char(doc.text, span.end()).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    money(n + cents / 100.0, None, code, Qualifier::Exact, None)
}
