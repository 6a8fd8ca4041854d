//! Japanese money rules: `24億ドル`, `約24億ドル`, `二十四億ドル`, `24億5000万ドル`,
//! `2,422億4,300万円`, `1万億円`, `100億ドル超`, `2〜3億ドル`, `2億ドルから3億ドル`,
//! `2222円13銭`, `545ドルと5セント`, `50元6角3分`, `1株当たり1.95香港ドル`.
//! The text is width-folded, so `２４億ドル` and `２〜３億` arrive as `24億ドル`, `2~3億`.

use super::{combine, currency, is_exchange_rate, money, qualifier_of};
use crate::extract::{priority, Doc};
use crate::fact::{Candidate, Kind, Qualifier, Value};
use crate::lang::{self, Place};
use crate::rule::groups::{Groups, Spans};
use crate::rule::{Rule, RuleSet};
use crate::scan::{Before, Cue};
use crate::text::around::char_after;
use crate::text::numbers::{
    big_unit, is_ja_money_number, is_kanji_numeral, is_magnitude, numeral_runs, parse_ja_number,
    JA_GROUP,
};
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
            |c, d| single(c, d),
        ),
        Rule::new(
            "money.ja.range",
            format!(
                r"(?:{PER})?(?P<span>(?:{qpre})?(?P<n1>{num})[ \t]{{0,2}}(?P<unit1>{units})?[ \t]?(?P<sep>~|-|–|—|‐|から)[ \t]?(?P<n2>{num})[ \t]{{0,2}}(?P<unit>{units})(?P<qs>{qpost})?)"
            ),
            |c, d| range(c, d),
        ),
        Rule::new(
            "money.ja.major_minor",
            format!(
                r"(?P<span>(?P<n1>{num})[ \t]?(?P<unit>円|米ドル|ドル|ユーロ|英ポンド|ポンド|人民元|元)(?P<and>と)?(?P<n2>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})(?P<minor>銭|セント|角|ペンス)?(?:(?P<n3>[0-9]|[一二三四五六七八九])分)?)"
            ),
            |c, d| compound(c, d),
        ),
    ]
}

fn group<'h>(caps: &impl Groups<'h>, name: &str) -> Option<&'h str> {
    caps.name(name).map(|m| m.as_str())
}

fn is_kanji_digit(c: char) -> bool {
    "〇零一二三四五六七八九十百千万億兆".contains(c)
}

/// A Japanese number, spaces removed (`7  万` → 70000).
fn ja_number(s: &str) -> Option<f64> {
    if !s.contains([' ', '\t']) {
        return parse_ja_number(s);
    }
    let t: String = s.chars().filter(|c| *c != ' ' && *c != '\t').collect();
    // Commas must group by three (the pattern already ensures it for Arabic runs).
    parse_ja_number(&t)
}

/// Context checks shared by the rules: no digit or 数 (`数百万ドル`) glued before the
/// number, kanji numbers that are words (`関東一円`, `一元化`) left out, exchange rates
/// left out.
fn context_ok<'h>(caps: &impl Groups<'h>, doc: &Doc, value: f64, unit: &str) -> bool {
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

fn per_of<'h>(caps: &impl Groups<'h>) -> Option<String> {
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

fn single<'h>(caps: &impl Groups<'h>, doc: &Doc) -> Option<Value> {
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

fn range<'h>(caps: &impl Groups<'h>, doc: &Doc) -> Option<Value> {
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
fn compound<'h>(caps: &impl Groups<'h>, doc: &Doc) -> Option<Value> {
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

// ---------------------------------------------------------------------------
// The common forms by hand.
//
// Most money in Japanese news is `<qualifier><number><currency><qualifier>`
// (`約24億ドル`, `1兆円超`, `1株当たり1.95香港ドル`): the form of
// `money.ja.amount_unit`. `decide` finds those matches from the line's
// numerals, without the regex, and hands them to the same production
// (`single`); the two other forms are rare, and `decide` only proves that a
// line holds none of them, leaving them to their regexes where it may.
//
// A new form: write its rule above as before. If it is one of the three forms
// below, `decide` must also know it, or leave the lines holding it to the
// regex: the test `hand_path_finds_what_the_regexes_find` runs both paths over
// every corpus line and many made-up ones and fails on any difference.

/// Bits of the rules of `rules()`, in its order.
const AMOUNT_UNIT: u64 = 1 << 0;
const RANGE: u64 = 1 << 1;
const MAJOR_MINOR: u64 = 1 << 2;

/// Every Japanese currency name by its first character (sorted, for a
/// binary search), each list longest first: the first that starts a text is
/// the one the `units` alternation takes (no two names of the same length
/// start the same text).
static UNITS_BY_FIRST: LazyLock<Vec<(char, Vec<&'static str>)>> = LazyLock::new(|| {
    let mut v: Vec<(char, Vec<&'static str>)> = Vec::new();
    for name in currency::ja_names() {
        let Some(c) = name.chars().next() else {
            continue;
        };
        match v.iter_mut().find(|(k, _)| *k == c) {
            Some((_, names)) => names.push(name),
            None => v.push((c, vec![name])),
        }
    }
    for (_, names) in &mut v {
        names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    }
    v.sort_by_key(|(c, _)| *c);
    v
});

/// The currency name the `units` alternation takes at the start of `rest`.
fn unit_at(rest: &str) -> Option<&'static str> {
    let c = rest.chars().next()?;
    let names = &UNITS_BY_FIRST
        .get(UNITS_BY_FIRST.binary_search_by_key(&c, |(k, _)| *k).ok()?)?
        .1;
    names.iter().copied().find(|n| rest.starts_with(n))
}

/// The last characters of the qualifiers before an amount and of the `PER`
/// phrases: a quick test before looking for the words themselves.
const QPRE_LAST: &str = "約そねぼ定大で高低も";
const PER_LAST: &str = "株ルンス人個台枚泊口ロムりき=額給";

/// The qualifier words of money of one place, as the patterns' alternations
/// hold them.
fn qualifier_words(place: Place) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = lang::ja::QUALIFIERS
        .iter()
        .filter(|w| w.place == place && w.kinds & lang::MONEY != 0)
        .map(|w| w.word)
        .collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    v
}

static QPRE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| qualifier_words(Place::Before));
static QPOST_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| qualifier_words(Place::After));

/// The units of `PER` and the words that may follow them.
const PER_UNITS: [&str; 14] = [
    "株",
    "バレル",
    "トン",
    "オンス",
    "人",
    "個",
    "台",
    "枚",
    "泊",
    "口",
    "キロ",
    "グラム",
    "リットル",
    "ガロン",
];
const PER_TAILS: [&str; 5] = ["", "当たり", "あたり", "につき", "="];
const PER_WORDS: [&str; 4] = ["月額", "年額", "時給", "日給"];

/// The separators of `money.ja.range`.
const RANGE_SEPS: [&str; 6] = ["~", "-", "–", "—", "‐", "から"];
/// The major units of `money.ja.major_minor`.
const MAJOR_UNITS: [&str; 8] = [
    "円",
    "米ドル",
    "ドル",
    "ユーロ",
    "英ポンド",
    "ポンド",
    "人民元",
    "元",
];

/// A character of a numeral as the patterns' numbers hold them (spaces aside).
fn numeral_char(c: char) -> bool {
    c.is_ascii_digit() || c == ',' || c == '.' || is_kanji_numeral(c) || is_magnitude(c)
}

/// A character a number (`JA_GROUP`) may start with.
fn number_start(c: char) -> bool {
    c.is_ascii_digit() || is_kanji_numeral(c)
}

/// The starts of the `PER` phrases (`1株当たり`, `月額`) ending at byte `e`
/// of `hay`, at or after `from`, each with its end.
fn per_starts(hay: &str, from: usize, e: usize, mut found: impl FnMut(usize)) {
    let Some(head) = hay.get(from..e) else {
        return;
    };
    for tail in PER_TAILS {
        let Some(t) = head.strip_suffix(tail) else {
            continue;
        };
        for unit in PER_UNITS {
            let Some(t2) = t.strip_suffix(unit) else {
                continue;
            };
            for one in ["1", "一"] {
                if let Some(t3) = t2.strip_suffix(one) {
                    found(from + t3.len());
                }
            }
        }
    }
    for w in PER_WORDS {
        if let Some(t) = head.strip_suffix(w) {
            found(from + t.len());
        }
    }
}

/// Where the `[ \t]?` before byte `at` of `hay` starts: `at - 1` after a
/// space or tab, else `at`.
fn before_space(hay: &str, floor: usize, at: usize) -> usize {
    if at > floor && matches!(hay.as_bytes().get(at - 1), Some(b' ' | b'\t')) {
        at - 1
    } else {
        at
    }
}

/// The hand-written matcher of the rules above (`RuleSet::run_with`), for
/// the line `doc.text[start..end]`: the matches of `money.ja.amount_unit`,
/// and the proof that `money.ja.range` and `money.ja.major_minor` match
/// nowhere in it; what it cannot settle it leaves to the regexes.
///
/// Every match of `amount_unit` ends in a currency name after a number and
/// at most two spaces, and the number runs back to where its numeral starts;
/// before it stand at most a qualifier word and a `PER` phrase. So the
/// matches are found from the line's numerals: the regex's leftmost match
/// from a position is the one of the first numeral followed by a currency
/// name, starting at the leftmost of its possible starts (the `PER` phrase,
/// the qualifier, the number) at or after the position. A numeral the
/// pattern reads otherwise than whole (`1,00万円`, a number across spaces)
/// leaves the rule to its regex.
pub(super) fn decide(doc: &Doc, start: usize, end: usize, out: &mut Vec<Candidate>) -> u64 {
    let text = doc.text;
    let Some(hay) = text.get(..end) else {
        return AMOUNT_UNIT | RANGE | MAJOR_MINOR;
    };
    let first = out.len();
    let mut left = 0;
    // Where the regex's next search starts.
    let mut at = start;
    for (a, b) in numeral_runs(text, start, end, numeral_char) {
        let run = &hay[a..b];
        if !run.chars().any(number_start) {
            continue;
        }
        let spaces = hay[b..]
            .bytes()
            .take_while(|&c| c == b' ' || c == b'\t')
            .count();
        let u = b + spaces;
        if spaces > 0 && hay[u..].starts_with(is_magnitude) {
            // `100 万円`: a number across spaces, which every rule may read.
            left |= AMOUNT_UNIT | RANGE | MAJOR_MINOR;
            continue;
        }
        // Every rule's number is followed by at most two spaces and a
        // currency name.
        if spaces > 2 {
            continue;
        }
        let Some(unit) = unit_at(&hay[u..]) else {
            continue;
        };
        // `money.ja.range`: its second number follows a separator.
        if run.starts_with(number_start) {
            let head = &hay[start..before_space(hay, start, a)];
            if head.ends_with(['~', '-', '–', '—', '‐', 'ら'])
                && RANGE_SEPS.iter().any(|s| head.ends_with(s))
            {
                left |= RANGE;
            }
        }
        // `money.ja.major_minor`: a major unit, then the minor number.
        if spaces <= 1 {
            for major in MAJOR_UNITS {
                if let Some(rest) = hay[u..].strip_prefix(major) {
                    let rest = rest.strip_prefix('と').unwrap_or(rest);
                    if rest.starts_with(|c: char| {
                        c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
                    }) {
                        left |= MAJOR_MINOR;
                    }
                }
            }
        }
        if left & AMOUNT_UNIT != 0 {
            continue;
        }
        let joined_before = hay[start..a]
            .trim_end_matches([' ', '\t'])
            .ends_with(numeral_char);
        if a < at || joined_before || !is_ja_money_number(run) {
            left |= AMOUNT_UNIT;
            continue;
        }
        // The possible starts: the number, a qualifier before it, a `PER`
        // phrase before either; the leftmost at or after `at` wins.
        let mut best = (a, None::<usize>, None::<usize>); // (start, per start, q start)
        let mut span_starts = [a; 3];
        let mut n_starts = 1;
        let word_end = before_space(hay, start, a);
        if hay[start..word_end].ends_with(|c: char| QPRE_LAST.contains(c)) {
            for w in QPRE_WORDS.iter() {
                if let Some(h) = hay[start..word_end].strip_suffix(w) {
                    let qs = start + h.len();
                    if qs >= at && n_starts < span_starts.len() {
                        span_starts[n_starts] = qs;
                        n_starts += 1;
                    }
                }
            }
        }
        for &ss in &span_starts[..n_starts] {
            let q = (ss != a).then_some(ss);
            if ss < best.0 {
                best = (ss, None, q);
            }
            let per_end = before_space(hay, start, ss);
            if !hay[start..per_end].ends_with(|c: char| PER_LAST.contains(c)) {
                continue;
            }
            per_starts(hay, start, per_end, |ps| {
                if ps >= at && ps < best.0 {
                    best = (ps, Some(per_end), q);
                }
            });
        }
        let (s, per_end, q) = best;
        let span_start = q.unwrap_or(a);
        let v = u + unit.len();
        let post = QPOST_WORDS
            .iter()
            .find(|w| hay[v..].starts_with(**w))
            .map_or(0, |w| w.len());
        let m_end = v + post;
        let mut g = Spans::new(text, s, m_end);
        g.set("span", span_start, m_end)
            .set("n1", a, b)
            .set("unit", u, v);
        if let Some(qs) = q {
            g.set("q", qs, a);
        }
        if post > 0 {
            g.set("qs", v, m_end);
        }
        if let Some(pe) = per_end {
            g.set("per", s, pe);
        }
        if let Some(value) = single(&g, doc) {
            out.push(Candidate {
                start: span_start,
                end: m_end,
                rule: "money.ja.amount_unit",
                priority: priority::NONE,
                value,
            });
        }
        at = m_end;
    }
    if left & AMOUNT_UNIT != 0 {
        out.truncate(first);
    }
    left
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Lang;
    use crate::gazetteer::Gazetteer;

    /// The candidates of `RULES` in `text` by the regexes alone and with the
    /// hand-written matcher, as comparable tuples.
    fn both(text: &str) -> (Vec<String>, Vec<String>) {
        let gaz = Gazetteer::default();
        let norm = crate::text::Normalized::new(text);
        let doc = Doc::new(&norm.text, Lang::Ja, None, &gaz);
        let show = |v: Vec<Candidate>| {
            let mut v: Vec<String> = v
                .iter()
                .map(|c| format!("{}..{} {} {:?}", c.start, c.end, c.rule, c.value))
                .collect();
            v.sort();
            v
        };
        let mut regex = Vec::new();
        RULES.run(&doc, &mut regex);
        let mut hand = Vec::new();
        RULES.run_with(&doc, &mut hand, decide);
        (show(regex), show(hand))
    }

    #[test]
    fn hand_path_finds_what_the_regexes_find() {
        let corpus = include_str!("ja.corpus");
        let mut lines: Vec<String> = corpus
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(_, input)| input.replace(['⟦', '⟧'], "").replace('↵', "\n"))
            .collect();
        // Made-up lines: pieces of the forms, glued every way.
        let pieces = [
            "約",
            "最大",
            "最大で",
            "1株当たり",
            "1",
            "一",
            "24",
            "二十",
            "億",
            "万",
            "1,000",
            ",",
            ".5",
            " ",
            "円",
            "ドル",
            "米ドル",
            "香港ドル",
            "元",
            "ポンド",
            "超",
            "以上",
            "前後",
            "~",
            "から",
            "と",
            "5",
            "銭",
            "セント",
            "は",
            "=",
            "数",
            "関東",
            "化",
            "ス",
            "3",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..20_000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = 2 + (seed % 9) as usize;
            for k in 0..n {
                let x = seed.rotate_left(7 * k as u32);
                s.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            // A line without a currency name holds no cue: add one.
            s.push_str("100円");
            lines.push(s);
        }
        let mut decided = 0;
        for line in &lines {
            let (regex, hand) = both(line);
            assert_eq!(hand, regex, "{line:?}");
            let gaz = Gazetteer::default();
            let doc = Doc::new(line, Lang::Ja, None, &gaz);
            let mut out = Vec::new();
            let left = decide(&doc, 0, line.find('\n').unwrap_or(line.len()), &mut out);
            if left & AMOUNT_UNIT == 0 && !out.is_empty() {
                decided += 1;
            }
        }
        // The comparison means something only if the hand path decides most lines.
        assert!(decided * 2 > lines.len(), "{decided} of {}", lines.len());
    }
}
