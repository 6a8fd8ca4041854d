//! Japanese company names: legal forms (`株式会社X`, `X株式会社`, `X(株)`, `(株)X`,
//! `Xホールディングス`, `X HD`, `Xグループ`), context (`X社`, `半導体企業X`,
//! `子会社X`, `傘下のX`, `大手X`) and industry endings (`トヨタ自動車`, `日本製鉄`,
//! `三菱商事`, `日立製作所`, `三井住友銀行`, `野村證券`).

use super::Co;
use crate::extract::person::names;
use crate::extract::{priority, Doc};
use crate::fact::Kind;
use crate::gazetteer::{is_kanji, is_katakana, CueHits, CueList};
use crate::lang::ja::names as jn;
use crate::lang::words::{word_set, WordSet};
use crate::text::around::{char_after, char_before};
use std::sync::LazyLock;

/// Words before an ending that make a generic noun, not a name (`電気自動車`, `中央銀行`).
const GENERIC: &str = include_str!("data/ja_generic.txt");

/// Kanji names that take `グループ` as a company (keiretsu); other kanji words
/// before `グループ` (`研究グループ`, `武装グループ`) are not companies.
const GROUP_KANJI: &str = include_str!("data/ja_group_kanji.txt");

/// Katakana words before `グループ`/`社` that are not company names.
const NOT_NAMES: &str = include_str!("data/ja_not_names.txt");

static NOT_NAME_SET: LazyLock<WordSet<&'static str>> = LazyLock::new(|| word_set(NOT_NAMES));
static GENERIC_SET: LazyLock<WordSet<&'static str>> = LazyLock::new(|| word_set(GENERIC));
static GROUP_KANJI_SET: LazyLock<WordSet<&'static str>> = LazyLock::new(|| word_set(GROUP_KANJI));

/// One-kanji prefixes before a katakana or Latin name (`米クアルコム`, `英アーム`).
const PREFIXES: &str = "米英独仏中韓台露豪印欧加伊蘭瑞同新旧元前各両";

/// Words right before a name that say it is a company (`半導体企業X`, `傘下のX`).
const CONTEXT_BEFORE: &[&str] = jn::COMPANY_CONTEXT_BEFORE;

/// Legal forms written after the name (`X株式会社`, `XHD`).
const LEGAL_AFTER: &[&str] = jn::COMPANY_LEGAL_AFTER;

/// Legal forms written before the name (`株式会社X`).
const LEGAL_BEFORE: &[&str] = jn::COMPANY_LEGAL_BEFORE;

/// Where cue word `k` of `lang::ja::names::company_cues` (the order:
/// `LEGAL_AFTER`, `LEGAL_BEFORE`, `社`, `CONTEXT_BEFORE`) occurs, in text
/// order: what `text.match_indices(cue)` gives (no cue overlaps itself), from
/// the gazetteer's shared scan.
struct Cues<'d>(&'d CueHits);

impl Cues<'_> {
    fn of(&self, k: usize) -> &[usize] {
        self.0.starts(CueList::JaCompanyCues, k)
    }
}

/// A Japanese exchange and securities code in brackets (folded to ASCII brackets
/// and colon): `(東証プライム: 6987)`, `(東証スタンダード:1234)`, `(名証: 7203)`.
static TICKER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"\((?:東証|名証|福証|札証|JASDAQ)[^()\n:]{0,10}: ?[0-9]{3}[0-9A-Z]\)")
        .unwrap_or_else(|e| panic!("company.ja ticker: {e}"))
});

fn name_char(c: char) -> bool {
    is_katakana(c) || is_kanji(c) || c.is_ascii_alphanumeric() || matches!(c, '・' | '&' | '＆')
}

/// The name run that ends at `p` (katakana, kanji, Latin letters, digits): its start.
/// A short kanji prefix before a katakana/Latin name is dropped (`米クアルコム`).
fn run_before(text: &str, p: usize, max_chars: usize) -> Option<usize> {
    let before = text.get(..p)?;
    let mut s = p;
    for (i, c) in before.char_indices().rev().take(max_chars) {
        if !name_char(c) {
            break;
        }
        s = i;
    }
    // Stop at the boundary of scripts when a kanji prefix precedes katakana/Latin.
    let run = text.get(s..p)?;
    let first_non_kanji = run
        .char_indices()
        .find(|&(_, c)| !is_kanji(c))
        .map(|(i, _)| i);
    if let Some(k) = first_non_kanji {
        if k > 0 && run[..k].chars().all(|c| PREFIXES.contains(c)) {
            s += k;
        }
    }
    (s < p).then_some(s)
}

/// The name run that starts at `i`: its end.
fn run_after(text: &str, i: usize, max_chars: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    let len: usize = rest
        .chars()
        .take(max_chars)
        .take_while(|&c| name_char(c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some(i + len)
}

/// A katakana or Latin name (`アルファウェーブ`, `スケールAI`) starting at `i`: its end.
fn foreign_name_after(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    let first = rest.chars().next()?;
    if !(is_katakana(first) || first.is_ascii_alphabetic()) || first == 'ー' {
        return None;
    }
    let len: usize = rest
        .chars()
        .take(30)
        .take_while(|&c| is_katakana(c) || c.is_ascii_alphanumeric() || c == '・' || c == '&')
        .map(char::len_utf8)
        .sum();
    let name = rest.get(..len)?.trim_end_matches('・');
    (name.chars().count() >= 2).then_some(i + name.len())
}

/// Katakana words that open many company names without naming one
/// (`アジア・パシフィック・キャピタル`, `グローバル・ロジスティクス`).
const GENERIC_FIRST_PARTS: &[&str] = &[
    "アメリカ",
    "アメリカン",
    "インターナショナル",
    "グローバル",
    "ゼネラル",
    "ジェネラル",
    "ジャパン",
    "セントラル",
    "ナショナル",
    "パシフィック",
    "ファースト",
    "ユナイテッド",
    "ユニバーサル",
    "ヨーロッパ",
    "ロイヤル",
    "ワールド",
];

/// The part before the first `・` of a katakana company name, when an article
/// may go on calling the company by it alone (`ノースライト` after
/// `ノースライト・ラボ`, as `ムーディーズ` after `ムーディーズ・レーティングス`):
/// at least four katakana, and no word that opens names generally.
pub fn distinctive_first_part(core: &str) -> Option<&str> {
    let (first, rest) = core.split_once('・')?;
    let shaped = first.chars().count() >= 4 && first.chars().all(is_katakana) && !rest.is_empty();
    (shaped
        && !GENERIC_FIRST_PARTS.contains(&first)
        && !names::is_katakana_not_name(first)
        && !NOT_NAME_SET.contains(first))
    .then_some(first)
}

fn foreign_name_ok(doc: &Doc, name: &str) -> bool {
    let parts_ok = name
        .split('・')
        .all(|p| !names::is_katakana_not_name(p) && !NOT_NAME_SET.contains(p));
    parts_ok
        && doc.gazetteer.lookup(Kind::Person, name).is_none()
        && !names::is_katakana_given(name)
}

/// Find Japanese company names in `doc`.
pub fn find(doc: &Doc, out: &mut Vec<Co>) {
    let text = doc.text;

    // Legal forms after the name.
    let at = Cues(doc.name_cues());
    for (k, &suf) in LEGAL_AFTER.iter().enumerate() {
        for &p in at.of(k) {
            let e = p + suf.len();
            let mut q = p;
            if suf == "HD" {
                if char_after(text, e).is_some_and(|c| c.is_ascii_alphanumeric()) {
                    continue;
                }
                if text.get(..q).is_some_and(|t| t.ends_with(' ')) {
                    q -= 1;
                }
            }
            if text.get(..q).is_some_and(|t| t.ends_with('・')) {
                q -= '・'.len_utf8();
            }
            // `株式会社` after a name, not before the next one (`株式会社X`).
            let Some(s) = run_before(text, q, 16) else {
                continue;
            };
            let core = &text[s..q];
            if core.chars().count() < 2 && !core.is_ascii() || core.ends_with("株式会社") {
                continue;
            }
            if suf == "グループ" && !group_ok(doc, core) {
                continue;
            }
            if suf == "HD" && core.is_ascii() && core.len() < 2 {
                continue;
            }
            // `レーティングス` names a company only as a name's part after `・`
            // (`S&Pグローバル・レーティングス`).
            if suf == "レーティングス" && q == p {
                continue;
            }
            if core.chars().all(is_katakana)
                && (names::is_katakana_not_name(core) || NOT_NAME_SET.contains(core))
            {
                continue;
            }
            out.push(Co::new(
                s,
                e,
                core,
                "company.ja.legal_after",
                priority::COMPANY_LEGAL,
            ));
        }
    }

    // Legal forms before the name: 株式会社X, (株)X.
    for (k, &pre) in LEGAL_BEFORE.iter().enumerate() {
        for &s in at.of(LEGAL_AFTER.len() + k) {
            let i = s + pre.len();
            // `X株式会社` is handled above; here the name must follow.
            if char_before(text, s).is_some_and(name_char) {
                continue;
            }
            let Some(e) = run_after(text, i, 16) else {
                continue;
            };
            let core = &text[i..e];
            if core.chars().count() >= 2 {
                out.push(Co::new(
                    s,
                    e,
                    core,
                    "company.ja.legal_before",
                    priority::COMPANY_LEGAL,
                ));
            }
        }
    }

    // Context: X社, 企業X, 傘下のX.
    for &p in at.of(LEGAL_AFTER.len() + LEGAL_BEFORE.len()) {
        let before = text.get(..p).unwrap_or("");
        let last = before.chars().next_back();
        if !last.is_some_and(|c| is_katakana(c) || c.is_ascii_alphanumeric()) {
            continue;
        }
        // Not 会社/社長/社員 compounds after katakana? `社` followed by kanji is usually 社長, 社債.
        if char_after(text, p + '社'.len_utf8()).is_some_and(|c| "長員債内外会是屋宅".contains(c))
        {
            continue;
        }
        let len: usize = before
            .chars()
            .rev()
            .take(30)
            .take_while(|&c| is_katakana(c) || c.is_ascii_alphanumeric() || c == '・' || c == '&')
            .map(char::len_utf8)
            .sum();
        let s = p - len;
        let core = &text[s..p];
        if core.chars().count() >= 2
            && foreign_name_ok(doc, core)
            && !core.chars().all(|c| c.is_ascii_digit())
        {
            out.push(Co::new(
                s,
                p,
                core,
                "company.ja.sha",
                priority::COMPANY_CONTEXT,
            ));
        }
    }
    for (k, &cue) in CONTEXT_BEFORE.iter().enumerate() {
        for &c in at.of(LEGAL_AFTER.len() + LEGAL_BEFORE.len() + 1 + k) {
            let mut i = c + cue.len();
            if text.get(i..).is_some_and(|t| t.starts_with('の')) {
                i += 'の'.len_utf8();
            }
            let Some(e) = foreign_name_after(text, i) else {
                continue;
            };
            let core = &text[i..e];
            // `大手メーカー` is not a name: the run must not itself be a cue word.
            if foreign_name_ok(doc, core)
                && !CONTEXT_BEFORE.contains(&core)
                && !core.chars().all(|c| c.is_ascii_uppercase())
            {
                out.push(Co::new(
                    i,
                    e,
                    core,
                    "company.ja.context",
                    priority::COMPANY_CONTEXT,
                ));
            }
        }
    }

    // Exchange codes after the name: `北斗テクノロジー(東証プライム: 6987)`.
    for m in TICKER.find_iter(text) {
        let Some(s) = run_before(text, m.start(), 20) else {
            continue;
        };
        let core = &text[s..m.start()];
        if core.chars().count() >= 2 && !core.chars().all(|c| c.is_ascii_digit()) {
            out.push(Co::new(
                s,
                m.start(),
                core,
                "company.ja.ticker",
                priority::COMPANY_TICKER,
            ));
        }
    }

    // Industry endings: トヨタ自動車, 三菱商事.
    // Read leftmost-longest, as found by the shared scan.
    for &(p, e) in doc.name_cues().longest(CueList::JaCompanyEndings) {
        if char_after(text, e).is_some_and(|c| is_kanji(c) && !"株".contains(c)) {
            // `自動車業界`, `銀行株` (株 is fine: 三菱商事株).
            continue;
        }
        if super::index_follows(text, e) {
            continue;
        }
        let Some(s) = run_before(text, p, 10) else {
            continue;
        };
        let prefix = &text[s..p];
        let n = prefix.chars().count();
        let single_ok = n == 1
            && prefix.chars().all(is_kanji)
            && !PREFIXES.contains(prefix)
            && !"北南東西全大小新総".contains(prefix);
        if n < 2 && !prefix.is_ascii() && !single_ok || prefix.is_empty() {
            continue;
        }
        // `米中堅銀行`: a generic word after a country prefix is still generic.
        let unprefixed = prefix
            .char_indices()
            .nth(1)
            .filter(|_| prefix.chars().next().is_some_and(|c| PREFIXES.contains(c)))
            .map_or(prefix, |(i, _)| &prefix[i..]);
        if GENERIC_SET.contains(prefix) || GENERIC_SET.contains(unprefixed) {
            continue;
        }
        if prefix.chars().all(is_kanji) && n > 5 {
            continue;
        }
        if prefix.chars().all(is_katakana)
            && (names::is_katakana_not_name(prefix) || NOT_NAME_SET.contains(prefix))
        {
            continue;
        }
        let name = &text[s..e];
        let mut c = Co::new(s, e, name, "company.ja.industry", priority::COMPANY_HEAD);
        c.lookup_core = true;
        out.push(c);
    }
}

fn group_ok(doc: &Doc, core: &str) -> bool {
    if doc.gazetteer.lookup(Kind::Company, core).is_some() {
        return true;
    }
    if core.chars().any(is_kanji) {
        return GROUP_KANJI_SET.contains(core);
    }
    !NOT_NAME_SET.contains(core) && !names::is_katakana_not_name(core)
}
