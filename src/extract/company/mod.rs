//! company facts: gazetteer names (with ambiguity resolved by context), legal
//! forms (`株式会社X`, `X(株)`, `Xホールディングス`, `Qualcomm Inc.`, `Shire PLC`),
//! context (`X社`, `半導体企業X`, `傘下のX`, `shares of X`, `(NASDAQ: QCOM)`) and
//! Japanese industry endings (`トヨタ自動車`, `三菱商事`, `野村證券`).
//!
//! The span is the name as written, legal suffix included; `canonical` is the
//! gazetteer's name, else the name with the legal suffix dropped. Governments,
//! ministries, agencies, central banks, exchanges, indices, unions, universities
//! and products are not companies (`STOP`). A company found once by a rule is
//! also found where the article repeats its bare name.

use crate::extract::{priority, Doc, Finder};
use crate::fact::{Candidate, Company, Kind, Value};
use crate::gazetteer::at_boundary;
use crate::lang::words::{line_set, WordSet};
use crate::text::around::{ceil_boundary, char_after, char_before, floor_boundary};
use std::sync::LazyLock;

pub mod en;
pub mod ja;

/// Names that rules must not report: governments, ministries, agencies,
/// regulators, central banks, exchanges, indices, unions, universities, products.
pub static STOP: LazyLock<WordSet<&str>> =
    LazyLock::new(|| line_set(include_str!("data/stop.txt")));

/// A company mention (byte offsets of the folded text).
#[derive(Clone, Debug)]
pub struct Co {
    pub start: usize,
    pub end: usize,
    /// The name without its legal suffix.
    pub core: String,
    /// Use the gazetteer's name for `core` if it has one.
    pub lookup_core: bool,
    pub canonical: Option<String>,
    pub rule: &'static str,
    pub priority: i32,
}

impl Co {
    pub fn new(start: usize, end: usize, core: &str, rule: &'static str, priority: i32) -> Co {
        Co {
            start,
            end,
            core: core.to_string(),
            lookup_core: true,
            canonical: None,
            rule,
            priority,
        }
    }
}

/// Whether rules must not report `name`; a name whose final full stop was
/// trimmed (`U.S` of `U.S. biotech`) is read as written with it.
pub fn is_stop(name: &str) -> bool {
    STOP.contains(name) || (name.contains('.') && STOP.contains(format!("{name}.").as_str()))
}

/// `X(name)` with the company name at `[s, e)`: the start of `X`, a Latin (3+
/// letters, not all digits) or katakana (2+) name right before the bracket.
fn bracket_alias(text: &str, s: usize, e: usize) -> Option<usize> {
    if !text.get(..s)?.ends_with('(') || !text.get(e..)?.starts_with(')') {
        return None;
    }
    let p = s - 1;
    let before = text.get(..p)?;
    let latin: usize = before
        .chars()
        .rev()
        .take(24)
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '&' || *c == '-')
        .map(char::len_utf8)
        .sum();
    let kana: usize = before
        .chars()
        .rev()
        .take(24)
        .take_while(|&c| crate::gazetteer::is_katakana(c) || c == '・')
        .map(char::len_utf8)
        .sum();
    let (len, ok) = if latin > 0 {
        let w = &before[p - latin..];
        (
            latin,
            w.len() >= 3 && w.bytes().any(|b| b.is_ascii_alphabetic()),
        )
    } else {
        (kana, kana > 0 && before[p - kana..].chars().count() >= 2)
    };
    let x = p - len;
    let prev = char_before(text, x);
    (ok && !prev.is_some_and(|c| c.is_ascii_alphanumeric() || crate::gazetteer::is_katakana(c)))
        .then_some(x)
}

/// Kanji words written right after a company's name without making a longer
/// word of it (`北斗製鋼側`, `北斗製鋼株`, `北斗製鋼社長`).
const ATTACHED: &[&str] = &[
    "側",
    "株",
    "幹部",
    "首脳",
    "経営陣",
    "社長",
    "会長",
    "社員",
    "傘下",
    "買収",
    "関係者",
    "本社",
    "工場",
    "製品",
    "広報",
    "株主",
    "株価",
    "全体",
    "単体",
    "連結",
];

fn attached_word(text: &str, s: usize, e: usize) -> bool {
    let before_kanji = char_before(text, s).is_some_and(crate::gazetteer::is_kanji);
    !before_kanji
        && text
            .get(e..)
            .is_some_and(|t| ATTACHED.iter().any(|w| t.starts_with(w)))
}

/// Does an index name continue at `e` (`ダウ工業`+`株30種平均`, `S&P`+` 500 index`)?
/// What ends there is then part of an index, not a company.
pub fn index_follows(text: &str, e: usize) -> bool {
    let rest = text.get(e..).unwrap_or("");
    let rest = rest.strip_prefix('株').unwrap_or(rest);
    ["平均", "指数", "総合", "30種", "225種", "価指数"]
        .iter()
        .any(|w| rest.starts_with(w))
        || [
            " index",
            " Index",
            " Composite",
            " Average",
            " average",
            " 500",
            " 100",
            " 250",
        ]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// Companies: a dictionary-and-cue finder (gazetteer names checked for
/// context, then names found by legal forms, tickers, industry words; module
/// docs).
pub struct CompanyFinder;

impl Finder for CompanyFinder {
    fn kind(&self) -> Kind {
        Kind::Company
    }

    fn find(&self, doc: &Doc, out: &mut Vec<Candidate>) {
        extract(doc, out);
    }
}

/// Push every company candidate found in `doc`.
fn extract(doc: &Doc, out: &mut Vec<Candidate>) {
    let text = doc.text;
    let gz = doc.gazetteer;
    let mut cos: Vec<Co> = Vec::new();

    // Gazetteer names; ambiguous ones need context (module docs of `gazetteer`).
    let matches = doc.company_matches();
    // Sets and a sorted-window search keep this linear in the number of matches
    // (matches come sorted by start and do not overlap, so their ends are sorted too).
    let mut accepted_entries: std::collections::HashSet<usize> = Default::default();
    let mut accepted_aliases: std::collections::HashSet<&str> = Default::default();
    let mut unambiguous_before: std::collections::HashSet<usize> = Default::default();
    for m in matches.iter() {
        let alias = text.get(m.start..m.end).unwrap_or("");
        let (s, e) = extend_legal(text, m.start, m.end);
        let ok = !m.ambiguous
            || (s, e) != (m.start, m.end)
            || accepted_entries.contains(&m.entry) && accepted_aliases.contains(alias)
            || unambiguous_before.contains(&m.entry)
            || has_cue(text, m.start, m.end)
            || {
                let lo = matches.partition_point(|o| o.end + NEAR_BYTES < m.start);
                let hi = matches.partition_point(|o| o.start <= m.end + NEAR_BYTES);
                matches
                    .get(lo..hi.max(lo))
                    .unwrap_or(&[])
                    .iter()
                    .any(|o| !o.ambiguous && o.entry != m.entry && near(text, m, o))
            };
        if !m.ambiguous {
            unambiguous_before.insert(m.entry);
        }
        if !ok {
            continue;
        }
        accepted_entries.insert(m.entry);
        accepted_aliases.insert(alias);
        let mut c = Co::new(s, e, alias, "company.gazetteer", priority::GAZETTEER);
        c.canonical = gz.entry(m.entry).map(|x| x.canonical.clone());
        cos.push(c);
    }

    // A name written with a known company's name in brackets is that company:
    // `SUBARU(スバル)`, `ENEOS(エネオス)`.
    let mut bracketed: Vec<Co> = Vec::new();
    for c in &cos {
        if let Some(x) = bracket_alias(text, c.start, c.end) {
            if !cos.iter().any(|o| o.start < c.start && x < o.end) {
                let mut n = Co::new(
                    x,
                    c.start - 1,
                    text.get(x..c.start - 1).unwrap_or(""),
                    "company.bracket_alias",
                    priority::COMPANY_BRACKET_ALIAS,
                );
                n.canonical = c.canonical.clone();
                bracketed.push(n);
            }
        }
    }
    cos.extend(bracketed);

    let mut found: Vec<Co> = Vec::new();
    ja::find(doc, &mut found);
    en::find(doc, &mut found);
    for mut c in found {
        let core = c.core.trim().to_string();
        if core.is_empty()
            || is_stop(&core)
            || is_stop(text.get(c.start..c.end).unwrap_or(""))
            || index_follows(text, c.end)
        {
            continue;
        }
        if gz.lookup(Kind::Person, &core).is_some() {
            continue;
        }
        // The whole name first (`ソフトバンクグループ`), then the name without its suffix.
        let whole = text.get(c.start..c.end).unwrap_or("");
        c.canonical = gz
            .lookup(Kind::Company, whole)
            .map(|(e, _)| e.canonical.clone());
        if c.canonical.is_none() && c.lookup_core {
            c.canonical = gz
                .lookup(Kind::Company, &core)
                .map(|(e, _)| e.canonical.clone());
        }
        c.core = core;
        cos.push(c);
    }

    // A rule-found name written alone that is the distinctive first word of
    // another rule-found name (`Orion shares fell`, with `Orion Pharma Plc` before
    // or after it) names that company, as the word's repeats do.
    let mut firsts: Vec<(&str, String)> = Vec::new();
    for c in cos.iter().filter(|c| c.rule != "company.gazetteer") {
        if let Some(w) = en::distinctive_first_word(&c.core).filter(|w| *w != c.core) {
            if !firsts.iter().any(|(x, _)| *x == w) && gz.lookup(Kind::Company, w).is_none() {
                let full = c.canonical.clone().unwrap_or_else(|| c.core.clone());
                firsts.push((w, full));
            }
        }
    }
    let firsts: Vec<(String, String)> = firsts
        .into_iter()
        .map(|(w, f)| (w.to_string(), f))
        .collect();
    for c in cos.iter_mut() {
        if c.canonical.is_none()
            && c.rule != "company.gazetteer"
            && text.get(c.start..c.end) == Some(c.core.as_str())
        {
            if let Some((_, full)) = firsts.iter().find(|(w, _)| *w == c.core) {
                c.canonical = Some(full.clone());
            }
        }
    }

    // Repeats of a rule-found name: `半導体企業アルファウェーブ` … `アルファウェーブは`.
    let mut names: Vec<(String, Option<String>)> = Vec::new();
    for c in cos.iter().filter(|c| c.rule != "company.gazetteer") {
        let n = c.core.chars().count();
        let long_enough = if c.core.is_ascii() { n >= 3 } else { n >= 2 };
        if long_enough && !names.iter().any(|(x, _)| *x == c.core) {
            names.push((c.core.clone(), c.canonical.clone()));
        }
        let first = en::distinctive_first_word(&c.core).or_else(|| {
            ja::distinctive_first_part(&c.core).filter(|w| gz.lookup(Kind::Person, w).is_none())
        });
        if let Some(w) = first {
            if !names.iter().any(|(x, _)| x == w) && gz.lookup(Kind::Company, w).is_none() {
                let canonical = c.canonical.clone().or_else(|| Some(c.core.clone()));
                names.push((w.to_string(), canonical));
            }
        }
    }
    if !names.is_empty() {
        push_repeats(text, &names, &mut cos);
    }

    for c in cos {
        let name = text.get(c.start..c.end).unwrap_or("").to_string();
        let canonical = c.canonical.or(Some(c.core));
        let display = canonical.clone().unwrap_or_else(|| name.clone());
        out.push(Candidate {
            start: c.start,
            end: c.end,
            rule: c.rule,
            priority: c.priority,
            value: Value::Company(Company {
                name,
                canonical,
                display,
            }),
        });
    }
}

/// Every occurrence of the `names` (in name order, then text order) that stands
/// at a word boundary and overlaps no company found so far becomes a repeat.
/// One automaton pass finds all occurrences; overlap checks are logarithmic, so
/// the cost stays linear in the text however many names an article has.
fn push_repeats(text: &str, names: &[(String, Option<String>)], cos: &mut Vec<Co>) {
    let mut occurrences = occurrences_of(text, names);
    occurrences.sort_unstable();
    // Spans found before the repeats (they may overlap one another): sorted by
    // start, with the running maximum of their ends.
    let mut before: Vec<(usize, usize)> = cos.iter().map(|c| (c.start, c.end)).collect();
    before.sort_unstable();
    let mut max_end = Vec::with_capacity(before.len());
    let mut m = 0;
    for &(_, e) in &before {
        m = m.max(e);
        max_end.push(m);
    }
    let overlaps_before = |i: usize, e: usize| {
        let n = before.partition_point(|&(s, _)| s < e);
        n > 0 && max_end.get(n - 1).is_some_and(|&me| me > i)
    };
    // Repeats accepted so far never overlap one another: start -> end.
    let mut repeats: std::collections::BTreeMap<usize, usize> = Default::default();
    for (k, i, e) in occurrences {
        let Some((name, canonical)) = names.get(k) else {
            continue;
        };
        let clash = overlaps_before(i, e)
            || repeats
                .range(..e)
                .next_back()
                .is_some_and(|(_, &re)| re > i);
        if !clash
            && at_boundary(text, i, e)
            && (!crate::gazetteer::is_kanji_continued(text, i, e) || attached_word(text, i, e))
        {
            repeats.insert(i, e);
            let mut c = Co::new(i, e, name, "company.repeat", priority::COMPANY_REPEAT);
            c.canonical = canonical.clone();
            cos.push(c);
        }
    }
}

/// Up to this many names, each is searched on its own with `memchr::memmem`
/// (vectorised, no automaton to build per article); more share one automaton.
const FEW_NAMES: usize = 16;

/// Every occurrence of every name in `text`, overlapping ones included, as
/// (name index, start, end), in no particular order.
fn occurrences_of(text: &str, names: &[(String, Option<String>)]) -> Vec<(usize, usize, usize)> {
    if names.len() > FEW_NAMES {
        // One search per article: a DFA would cost more to build than it saves.
        let Ok(ac) = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(names.iter().map(|(n, _)| n.as_str()))
        else {
            return Vec::new();
        };
        return ac
            .find_overlapping_iter(text)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect();
    }
    let hay = text.as_bytes();
    let mut out = Vec::new();
    for (k, (name, _)) in names.iter().enumerate() {
        if name.is_empty() {
            continue;
        }
        let finder = memchr::memmem::Finder::new(name.as_bytes());
        // Restart one byte after each hit, so that occurrences overlapping one
        // another (`abab` in `ababab`) are all found, as the automaton finds them.
        let mut at = 0;
        while let Some(p) = hay.get(at..).and_then(|h| finder.find(h)) {
            out.push((k, at + p, at + p + name.len()));
            at += p + 1;
        }
    }
    out
}

/// Legal suffixes written after an English name (longest first).
pub const EN_LEGAL: &[&str] = &[
    ", Inc.",
    " Inc.",
    " Inc",
    " Incorporated",
    " Corporation",
    " Corp.",
    " Corp",
    " Co., Ltd.",
    " Co., Ltd",
    " Co. Ltd.",
    " Co Ltd",
    " Co. Ltd",
    " Co.",
    " Ltd.",
    " Ltd",
    " Limited",
    " LLC",
    " L.L.C.",
    " PLC",
    " plc",
    " AG",
    " S.A.",
    " SA",
    " N.V.",
    " NV",
    " SE",
    " GmbH",
    " ASA",
    " AB",
    " Oyj",
    " SpA",
    " S.p.A.",
    " B.V.",
    " K.K.",
    " Holdings",
    " Group",
    " LP",
    " LLP",
    " Company",
    " & Co.",
];

/// Japanese legal forms after a name.
pub const JA_LEGAL_AFTER: &[&str] = &[
    "・ホールディングス",
    "・グループ",
    "・レーティングス",
    "株式会社",
    "(株)",
    "(株)",
    "ホールディングス",
    "HD",
    " HD",
    "グループ",
];
/// Japanese legal forms before a name.
pub const JA_LEGAL_BEFORE: &[&str] = &["株式会社", "(株)", "(株)"];

/// Widen a gazetteer match over a legal form written around it.
fn extend_legal(text: &str, s: usize, e: usize) -> (usize, usize) {
    let rest = text.get(e..).unwrap_or("");
    let mut e2 = e;
    let ascii_name = text.get(s..e).is_some_and(|n| n.is_ascii());
    if ascii_name {
        for suf in EN_LEGAL {
            if rest.starts_with(suf) {
                let end = e + suf.len();
                let ends_word = suf.ends_with('.')
                    || !char_after(text, end).is_some_and(|c| c.is_ascii_alphanumeric());
                if ends_word {
                    e2 = end;
                    break;
                }
            }
        }
    }
    for suf in JA_LEGAL_AFTER {
        if e2 == e && rest.starts_with(suf) {
            e2 = e + suf.len();
        }
    }
    let mut s2 = s;
    let before = text.get(..s).unwrap_or("");
    for pre in JA_LEGAL_BEFORE {
        if before.ends_with(pre) {
            s2 = s - pre.len();
            break;
        }
    }
    (s2, e2)
}

/// Company cues near a match, on the same line.
const JA_CONTEXT: &[&str] = &[
    "株",
    "社",
    "買収",
    "出資",
    "投資",
    "傘下",
    "子会社",
    "提携",
    "決算",
    "売上",
    "上場",
    "最高経営責任者",
    "CEO",
    "社長",
    "会長",
    "時価総額",
    "企業",
    "合併",
    "事業",
    "大手",
    "製品",
    "サービス",
    "創業",
];
const EN_CONTEXT: &[&str] = &[
    "Inc",
    "Corp",
    "shares",
    "stock",
    "CEO",
    "chief executive",
    "acqui",
    "buy",
    "bought",
    "takeover",
    "merger",
    "deal",
    "company",
    "firm",
    "rival",
    "earnings",
    "revenue",
    "profit",
    "market value",
    "valuation",
    "subsidiary",
    "stake",
    "invest",
    "Nasdaq",
    "NYSE",
    "listed",
    "startup",
    "maker",
    "giant",
    "founder",
    "quarter",
    "sales",
];

fn has_cue(text: &str, s: usize, e: usize) -> bool {
    let lo = floor_boundary(text, s.saturating_sub(90));
    let hi = ceil_boundary(text, (e + 90).min(text.len()));
    let before = text.get(lo..s).unwrap_or("");
    let after = text.get(e..hi).unwrap_or("");
    let before = before.rsplit(['\n', '。']).next().unwrap_or("");
    let after = after.split(['\n', '。']).next().unwrap_or("");
    JA_CONTEXT
        .iter()
        .chain(EN_CONTEXT)
        .any(|c| before.contains(c) || after.contains(c))
}

/// Another (unambiguous) company named close by, on the same line.
/// How far apart (in bytes) a company cue name may be to vouch for an ambiguous one.
const NEAR_BYTES: usize = 60;

fn near(text: &str, m: &crate::gazetteer::GazMatch, o: &crate::gazetteer::GazMatch) -> bool {
    let (a, b) = if o.start >= m.end {
        (m.end, o.start)
    } else if m.start >= o.end {
        (o.end, m.start)
    } else {
        return false;
    };
    b - a <= NEAR_BYTES && text.get(a..b).is_some_and(|t| !t.contains(['\n', '。']))
}

#[cfg(test)]
mod tests {

    fn companies(text: &str) -> Vec<(String, Option<String>)> {
        crate::analyze::facts_of_text(text)
            .into_iter()
            .filter_map(|f| match f.value {
                crate::Value::Company(c) => Some((f.text, c.canonical)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn company_en_legal_suffix_kept_in_span() {
        let got = companies("Qualcomm Inc. agreed to buy Zentrix Labs Ltd for $2.4 billion.");
        assert_eq!(
            got,
            vec![
                ("Qualcomm Inc.".to_string(), Some("Qualcomm".to_string())),
                (
                    "Zentrix Labs Ltd".to_string(),
                    Some("Zentrix Labs".to_string())
                )
            ]
        );
    }

    #[test]
    fn company_en_first_word_alone_names_the_longer_company() {
        let pair = |s: &str, c: &str| (s.to_string(), Some(c.to_string()));
        // After the full name and before it: the word alone is that company.
        assert_eq!(
            companies("Orion Pharma Plc agreed to buy the firm. Orion shares fell 3%."),
            vec![
                pair("Orion Pharma Plc", "Orion Pharma"),
                pair("Orion", "Orion Pharma")
            ]
        );
        assert_eq!(
            companies("Orion shares fell after Orion Pharma Plc agreed to buy the firm."),
            vec![
                pair("Orion", "Orion Pharma"),
                pair("Orion Pharma Plc", "Orion Pharma")
            ]
        );
        // `U.S.` after a deal cue is the country, not a company.
        assert_eq!(
            companies("Orion agreed to acquire U.S. biotech Caldera Bio Inc for $3 billion."),
            vec![
                pair("Orion", "Orion"),
                pair("Caldera Bio Inc", "Caldera Bio")
            ]
        );
    }

    #[test]
    fn company_ja_context_and_repeat() {
        let got =
            companies("英国の半導体企業ナルミテックを買収する。ナルミテックは英国に本社を置く。");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "ナルミテック");
        assert_eq!(got[1].1.as_deref(), Some("ナルミテック"));
    }

    #[test]
    fn company_ja_ambiguous_alias_needs_context() {
        assert!(companies("メタバースとメタ認知の話。").is_empty());
        let got = companies("メタがスケールAIに出資を検討。メタの戦略だ。");
        let names: Vec<_> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, vec!["メタ", "スケールAI", "メタ"]);
    }

    #[test]
    fn company_ja_bracketed_alias_and_attached_repeat() {
        let got = companies("マツダやSUBARU(スバル)は値上げを検討。TOYOTA(トヨタ)も同じだ。");
        let names: Vec<_> = got.iter().map(|g| (g.0.as_str(), g.1.as_deref())).collect();
        assert_eq!(
            names,
            vec![
                ("マツダ", Some("Mazda Motor")),
                ("SUBARU", Some("Subaru")),
                ("スバル", Some("Subaru")),
                ("TOYOTA", Some("Toyota Motor")),
                ("トヨタ", Some("Toyota Motor"))
            ]
        );
        let got = companies("特殊鋼の北斗製鋼を買収する。北斗製鋼側の助言役は野村證券。");
        let spans: Vec<_> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(spans, vec!["北斗製鋼", "北斗製鋼", "野村證券"]);
    }

    #[test]
    fn company_ja_legal_forms() {
        let got = companies("株式会社ミドリ電装と青葉工機(株)、ツバサホールディングスが提携。");
        let names: Vec<_> = got.iter().map(|g| (g.0.as_str(), g.1.as_deref())).collect();
        assert_eq!(
            names,
            vec![
                ("株式会社ミドリ電装", Some("ミドリ電装")),
                ("青葉工機(株)", Some("青葉工機")),
                ("ツバサホールディングス", Some("ツバサ"))
            ]
        );
    }
}
