//! Japanese names: name + title (`ベサント財務長官`, `グリアUSTR代表`), title + name
//! (`会長兼最高経営責任者(CEO)橋本英二氏`, `米財務長官のベサント氏`), name + honorific
//! (`橋本氏`, `田中さん`), katakana full names (`ドナルド・トランプ`) and kanji full
//! names with a known surname standing alone (`山田太郎は`).
//!
//! Kanji names have no spaces around them, so a kanji name is accepted only when
//! it starts with a known surname (Japanese, Chinese or Korean) and is bounded by
//! a title, an honorific, kana or punctuation.

use super::names;
use super::Mention;
use crate::extract::{priority, Doc};
use crate::fact::Kind;
use crate::gazetteer::{is_kanji, is_katakana, CueList};
use crate::lang::words::{word_set, WordSet};
use crate::text::around::{char_after, char_before};
use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use regex::Regex;
use std::sync::LazyLock;

/// Titles (offices and positions). `氏` and `さん` are honorifics, not titles.
pub const TITLES: &str = crate::lang::ja::names::TITLES;

/// Organisation and country words written between a name and its title
/// (`グリアUSTR代表`, `マクロン仏大統領`, `黒田日銀総裁`); they belong to the title.
const QUALIFIERS: &str = include_str!("data/ja_qualifiers.txt");

/// Kanji words that start with a one-character surname but are not names
/// (`金融担当相` is not Mr 金融).
const NOT_NAMES: &str = include_str!("data/ja_not_names.txt");

static NOT_NAME_SET: LazyLock<WordSet<&'static str>> = LazyLock::new(|| word_set(NOT_NAMES));

/// Does `s` start with one of [`NOT_NAMES`]? (Its prefixes looked up, not the list scanned.)
fn starts_with_not_name(s: &str) -> bool {
    s.char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .any(|end| s.get(..end).is_some_and(|p| NOT_NAME_SET.contains(p)))
}

/// Does `s` hold one of [`NOT_NAMES`]? (Its substrings looked up: the runs
/// asked about are a few characters long.)
fn contains_not_name(s: &str) -> bool {
    s.char_indices()
        .any(|(i, _)| s.get(i..).is_some_and(starts_with_not_name))
}

/// Characters after a title that make it part of a longer word (`代表団`, `大統領選`).
const BAD_AFTER_TITLE: &str =
    "団者選府室館職級権制格陣局庁省会部令国用候経人時期杯賞任官動就戦側線補代補";

static TITLE_AC: LazyLock<(AhoCorasick, Vec<&'static str>)> = LazyLock::new(|| {
    let list: Vec<&'static str> = TITLES.split_whitespace().collect();
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .start_kind(StartKind::Both)
        .build(&list)
        .unwrap_or_else(|e| panic!("person titles: {e}"));
    (ac, list)
});

/// The longest title starting exactly at the start of `rest`: its length in bytes.
/// Anchored, so the search never reads past the title (linear in the title, not the text).
fn title_len_at(rest: &str) -> Option<usize> {
    TITLE_AC
        .0
        .find(Input::new(rest).anchored(Anchored::Yes))
        .map(|m| m.end())
}

static QUALIFIER_LIST: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&'static str> = QUALIFIERS.split_whitespace().collect();
    v.sort_by_key(|q| std::cmp::Reverse(q.len()));
    v
});

/// Compound analyst titles: a rank (`チーフ`, `シニア`, `首席`), market words
/// (`債券`, `マーケット`, `為替`) and a head (`ストラテジスト`, `エコノミスト`,
/// `アナリスト`): `チーフマーケットストラテジスト`, `チーフ・ストラテジスト`,
/// `シニア為替ストラテジスト`, `主任アナリスト`, `経済調査部長`.
static COMPOUND_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?:{COMPOUND_RANK})・?)?(?:(?:{COMPOUND_MID})・?){{0,3}}(?:{COMPOUND_HEAD})"
    ))
    .unwrap_or_else(|e| panic!("{e}"))
});

/// The rank that may open a compound title (see [`COMPOUND_TITLE`]).
const COMPOUND_RANK: &str =
    "チーフ|シニア|ジュニア|首席|主席|主任|上席|上級|統括|リード|ヘッド|グローバル|副";
/// The market words of a compound title (see [`COMPOUND_TITLE`]).
const COMPOUND_MID: &str = "債券|為替|外為|株式|金利|市場|投資|運用|経済|金融|マクロ|クオンツ|テクニカル|クレジット|エクイティ|マーケット|マーケッツ|インベストメント|グローバル|リサーチ|ポートフォリオ|通貨|商品|資源|原油|国際|日本株|米国株|外国株|新興国|欧州|米国|中国|アジア|日本|調査|産業|企業|証券|経営";
/// The head that ends a compound title (see [`COMPOUND_TITLE`]).
const COMPOUND_HEAD: &str = "ストラテジスト|エコノミスト|アナリスト|ファンドマネージャー|ファンドマネジャー|マネージャー|マネジャー|トレーダー|ディーラー|リサーチャー|アドバイザー|ディレクター|オフィサー|研究員|部長|室長|調査役";

/// Every character a compound title can start with: the first characters of
/// its ranks, market words and heads (each part may be absent but the head).
/// Most positions of a text start none, and are passed over without the pattern.
static COMPOUND_FIRST: LazyLock<WordSet<char>> = LazyLock::new(|| {
    [COMPOUND_RANK, COMPOUND_MID, COMPOUND_HEAD]
        .iter()
        .flat_map(|alt| alt.split('|'))
        .filter_map(|w| w.chars().next())
        .collect()
});

/// Every character a title ([`TITLES`]) or a compound title can start with.
static TITLE_FIRST: LazyLock<WordSet<char>> = LazyLock::new(|| {
    let mut set: WordSet<char> = TITLES
        .split_whitespace()
        .filter_map(|t| t.chars().next())
        .collect();
    set.extend(COMPOUND_FIRST.iter().copied());
    set
});

/// The titles as a set (for a whole word asked about).
static TITLE_SET: LazyLock<WordSet<&'static str>> = LazyLock::new(|| word_set(TITLES));

/// Katakana words that start or make up a title, never a name (`チーフマーケット`).
const TITLE_KATAKANA: &[&str] = &[
    "チーフ",
    "シニア",
    "ジュニア",
    "ヘッド",
    "マーケット",
    "ストラテジスト",
    "エコノミスト",
    "アナリスト",
    "マネージャー",
    "マネジャー",
    "ディレクター",
    "トレーダー",
    "アドバイザー",
];

/// A katakana word that is (part of) a title: `チーフ`, `チーフマーケット`, `シニアアナリスト`.
fn is_title_katakana(w: &str) -> bool {
    TITLE_KATAKANA
        .iter()
        .any(|t| w.starts_with(t) || w.ends_with(t))
}

/// The start of a compound title that contains the plain title at `[ts, te)`
/// (`チーフ債券ストラテジスト` around `ストラテジスト`), else `ts`.
fn compound_start(text: &str, ts: usize, te: usize) -> usize {
    if !char_before(text, ts).is_some_and(|c| is_katakana(c) || is_kanji(c) || c == '・') {
        return ts;
    }
    let mut j = ts.saturating_sub(45);
    while j < ts {
        if text.is_char_boundary(j) && compound_title_at(text, j).is_some_and(|e| e >= te) {
            return j;
        }
        j += 1;
    }
    ts
}

/// A compound analyst title starting exactly at `i` (see [`COMPOUND_TITLE`]):
/// its end, when longer than a plain title would be.
fn compound_title_at(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    if !rest
        .chars()
        .next()
        .is_some_and(|c| COMPOUND_FIRST.contains(&c))
    {
        return None;
    }
    let m = COMPOUND_TITLE.find(rest)?;
    let end = i + m.end();
    // A bare head is a plain title; a kanji head needs a katakana part or a rank.
    let t = &rest[..m.end()];
    let has_kana = t.chars().any(is_katakana);
    (has_kana || t.chars().count() > 2).then_some(end)
}

/// A letter of a katakana name part (`ァ`–`ヺ` and `ー`; not the middle dot).
fn name_kana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー')
}

/// The end of the run of [`name_kana`] letters starting at `i`, and its length in letters.
fn kana_run(text: &str, i: usize) -> (usize, usize) {
    let mut n = 0;
    let mut e = i;
    for c in text.get(i..).unwrap_or("").chars() {
        if !name_kana(c) {
            break;
        }
        e += c.len_utf8();
        n += 1;
    }
    (e, n)
}

/// Katakana full names (`ドナルド・トランプ`): two or more letters, then one to
/// three parts of `・` and two or more letters, read from the left as the
/// pattern `[ァ-ヺー]{2,}(?:・[ァ-ヺー]{2,}){1,3}` reads them, without it: a run
/// of letters followed by no such part starts no name, and nor does any later
/// letter of it, so the search goes on after the run.
fn katakana_full_names(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some((k, _)) = text
        .get(pos..)
        .and_then(|t| t.char_indices().find(|&(_, c)| name_kana(c)))
    {
        let i = pos + k;
        let (r, n) = kana_run(text, i);
        let mut e = r;
        let mut parts = 0;
        while n >= 2 && parts < 3 && text.get(e..).is_some_and(|t| t.starts_with('・')) {
            let (r2, n2) = kana_run(text, e + '・'.len_utf8());
            if n2 < 2 {
                break;
            }
            e = r2;
            parts += 1;
        }
        if parts > 0 {
            out.push((i, e));
            pos = e;
        } else {
            pos = r;
        }
    }
    out
}

/// Han characters (`\p{Han}`, which holds `々`) as the regex crate's Unicode
/// tables give them: sorted ranges.
static HAN: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::parse(r"[\p{Han}々]").unwrap_or_else(|e| panic!("Han: {e}"));
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => {
            c.ranges().iter().map(|r| (r.start(), r.end())).collect()
        }
        other => panic!("Han: not a class: {other:?}"),
    }
});

/// [`HAN`] as one bit per code point of the Basic Multilingual Plane, where
/// nearly every character of a Japanese text is: a lookup instead of a
/// binary search of the ranges.
static HAN_BMP: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 0x10000 / 64];
    for &(lo, hi) in HAN.iter() {
        for c in u32::from(lo)..=u32::from(hi).min(0xFFFF) {
            if let Some(w) = bits.get_mut((c / 64) as usize) {
                *w |= 1 << (c % 64);
            }
        }
    }
    bits
});

fn is_han(c: char) -> bool {
    let c32 = u32::from(c);
    if c32 < 0x10000 {
        return HAN_BMP
            .get((c32 / 64) as usize)
            .is_some_and(|w| w >> (c32 % 64) & 1 == 1);
    }
    HAN.binary_search_by(|&(lo, hi)| {
        if hi < c {
            std::cmp::Ordering::Less
        } else if lo > c {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    })
    .is_ok()
}

/// Runs of three to five Han characters, read from the left as the pattern
/// `[\p{Han}々]{3,5}` reads them, without it: a longer run is cut into pieces
/// of five, and a last piece of three or four is kept.
fn kanji_runs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // The start of the piece being read and its length in characters.
    let mut piece = 0;
    let mut n = 0;
    for (i, c) in text.char_indices() {
        if is_han(c) {
            if n == 0 {
                piece = i;
            }
            n += 1;
            if n == 5 {
                out.push((piece, i + c.len_utf8()));
                n = 0;
            }
        } else {
            if n >= 3 {
                out.push((piece, i));
            }
            n = 0;
        }
    }
    if n >= 3 {
        out.push((piece, text.len()));
    }
    out
}

/// A title (chain) starting exactly at `i`: its end, or None.
/// Chains: `会長兼CEO`, `最高経営責任者(CEO)`, `代表取締役社長兼CEO`.
pub fn title_at(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    if !rest
        .chars()
        .next()
        .is_some_and(|c| TITLE_FIRST.contains(&c))
    {
        return None;
    }
    let plain = title_len_at(rest).map(|len| i + len);
    let compound = compound_title_at(text, i);
    let mut end = match (plain, compound) {
        (Some(a), Some(b)) => a.max(b),
        (a, b) => a.or(b)?,
    };
    if !title_ok(text, i, end) {
        return None;
    }
    loop {
        let rest = text.get(end..).unwrap_or("");
        if let Some(p) = paren_abbr(rest) {
            end += p;
            continue;
        }
        // An English acronym written straight after a title is part of it:
        // `会長CEO`, `代表取締役社長CEO`.
        if let Some(a) = ["CEO", "COO", "CFO", "CTO", "CIO"]
            .iter()
            .find(|a| rest.starts_with(**a))
        {
            if !char_after(text, end + a.len()).is_some_and(|c| c.is_ascii_alphanumeric()) {
                end += a.len();
                continue;
            }
        }
        if let Some(r) = rest.strip_prefix('兼') {
            if let Some(n) = title_len_at(r) {
                let e2 = end + '兼'.len_utf8() + n;
                if title_ok(text, end + '兼'.len_utf8(), e2) {
                    end = e2;
                    continue;
                }
            }
        }
        break;
    }
    Some(end)
}

/// `(CEO)` after a title: its length in bytes.
fn paren_abbr(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix('(')?;
    let close = inner.find(')')?;
    let abbr = inner.get(..close)?;
    (abbr.len() >= 2 && abbr.len() <= 6 && abbr.bytes().all(|b| b.is_ascii_uppercase()))
        .then_some(close + 2)
}

fn title_ok(text: &str, s: usize, e: usize) -> bool {
    let t = text.get(s..e).unwrap_or("");
    if t.is_ascii()
        && (char_before(text, s).is_some_and(|c| c.is_ascii_alphanumeric())
            || char_after(text, e).is_some_and(|c| c.is_ascii_alphanumeric()))
    {
        return false;
    }
    !char_after(text, e).is_some_and(|c| BAD_AFTER_TITLE.contains(c))
}

/// The qualifier (country, organisation, acronym) that ends at `p`: its start.
fn qualifier_before(doc: &Doc, p: usize, companies: &[(usize, usize)]) -> Option<usize> {
    let text = doc.text;
    let before = text.get(..p)?;
    // An acronym: USTR, FRB, IMF.
    let n = before
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    if (2..=6).contains(&n) && !char_before(text, p - n).is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return Some(p - n);
    }
    // A katakana country: プーチン・ロシア大統領.
    let k: usize = before
        .chars()
        .rev()
        .take_while(|&c| is_katakana(c))
        .map(char::len_utf8)
        .sum();
    if k > 0 && names::is_katakana_not_name(&before[p - k..]) {
        return Some(p - k);
    }
    // A company: 豊田章男トヨタ自動車会長.
    // `companies` come from the gazetteer in text order without overlaps, so
    // their ends are sorted: a binary search, not a scan per title.
    if let Some(&(s, _)) = companies
        .binary_search_by_key(&p, |&(_, e)| e)
        .ok()
        .and_then(|i| companies.get(i))
    {
        return Some(s);
    }
    None
}

/// Kanji run split as name + qualifier: `李強中国` → (`李強`, `中国`). Returns the
/// name's byte length within `run`, preferring a qualifier of two or more kanji.
fn split_kanji_qualifier(run: &str) -> Option<usize> {
    for q in QUALIFIER_LIST.iter() {
        if q.chars().count() >= 2 {
            if let Some(name) = run.strip_suffix(q) {
                if valid_kanji_name(name) {
                    return Some(name.len());
                }
            }
        }
    }
    if valid_kanji_name(run) {
        return Some(run.len());
    }
    for q in QUALIFIER_LIST.iter() {
        if q.chars().count() == 1 {
            if let Some(name) = run.strip_suffix(q) {
                if valid_kanji_name(name) && name.chars().count() >= 2 {
                    return Some(name.len());
                }
            }
        }
    }
    None
}

/// A kanji name: a known one-character name, or 2–5 kanji starting with a known surname.
pub fn valid_kanji_name(s: &str) -> bool {
    let n = s.chars().count();
    if !s.chars().all(is_kanji) {
        return false;
    }
    match n {
        1 => names::is_single_char_name(s),
        2..=5 => {
            names::surname_prefix(s) >= 1
                && !starts_with_not_name(s)
                && TITLE_AC.0.find(s).is_none()
                && !s.contains('兼')
        }
        _ => false,
    }
}

/// A kanji name that ends at `p`, found inside the kanji run before it: the whole
/// run, or its tail after an organisation or title (`財務相加藤勝信`, `日銀植田`).
fn kanji_name_before(text: &str, p: usize) -> Option<usize> {
    let before = text.get(..p)?;
    let starts: Vec<usize> = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_kanji(c))
        .take(10)
        .map(|(i, _)| i)
        .collect();
    let s = *starts.last()?;
    let run = &text[s..p];
    if valid_kanji_name(run) {
        return Some(s);
    }
    // Longest tail first: the prefix must look like an organisation or a title.
    for &i in starts.iter().rev().skip(1) {
        let tail = &text[i..p];
        let head = &text[s..i];
        let n = tail.chars().count();
        if !(2..=4).contains(&n) || names::surname_prefix(tail) == 0 {
            continue;
        }
        let org_end = head
            .chars()
            .next_back()
            .is_some_and(|c| "省庁銀行社党会府局院部国県市相長官".contains(c));
        let is_title = TITLE_SET.contains(head);
        if org_end || is_title {
            return Some(i);
        }
    }
    None
}

/// A kanji full name with a surname not in the list (`西園寺聡子社長`): the whole
/// kanji run `[s, p)` before a title, 4–5 kanji ending like a given name, set off
/// by `の`, `、` or the start of a sentence and holding no organisation or title word.
fn unknown_surname_name(text: &str, s: usize, p: usize) -> Option<usize> {
    let run = text.get(s..p)?;
    let n = run.chars().count();
    let last = run.chars().next_back()?;
    let before_ok = match char_before(text, s) {
        None => true,
        Some(c) => "の、。「『(( \n".contains(c),
    };
    let org = run.chars().any(|c| {
        "省庁銀行社党会府局院部国県市町村区相長官員業界協議団体学校所本店都州道".contains(c)
    });
    (before_ok
        && (4..=5).contains(&n)
        && names::is_given_ending(last)
        && !org
        && !contains_not_name(run)
        && TITLE_AC.0.find(run).is_none())
    .then_some(s)
}

/// Bytes of the kanji run that ends `text`, looked at up to 4 characters
/// back (enough to tell a run of 1–3 from a longer one).
fn kanji_run_before(text: &str) -> usize {
    text.chars()
        .rev()
        .take_while(|&c| is_kanji(c))
        .take(4)
        .map(char::len_utf8)
        .sum()
}

/// A kanji name written with a space between family and given name (`山本 健`,
/// `佐藤　亮`) that ends at `p`: its start. The family name must be a known
/// surname of 1–3 kanji, the given name 1–3 kanji, each a whole kanji run.
fn spaced_name_before(text: &str, p: usize) -> Option<usize> {
    let before = text.get(..p)?;
    let g = p - kanji_run_before(before);
    if !(1..=3).contains(&text.get(g..p)?.chars().count()) {
        return None;
    }
    let space = char_before(text, g).filter(|&c| c == ' ' || c == '\u{3000}')?;
    let f_end = g - space.len_utf8();
    let f = f_end - kanji_run_before(text.get(..f_end)?);
    let fam = text.get(f..f_end)?;
    (names::is_surname(fam) && (1..=3).contains(&fam.chars().count())).then_some(f)
}

/// A katakana name ending at `p` (with `・` inside): its start.
fn katakana_name_before(doc: &Doc, p: usize) -> Option<usize> {
    let text = doc.text;
    let before = text.get(..p)?;
    let len: usize = before
        .chars()
        .rev()
        .take_while(|&c| is_katakana(c) || c == '・')
        .map(char::len_utf8)
        .sum();
    let mut s = p - len;
    while text.get(s..).is_some_and(|t| t.starts_with('・')) {
        s += '・'.len_utf8();
    }
    katakana_name_ok(doc, text.get(s..p)?).then_some(s)
}

/// A katakana name starting at `i`: its end.
fn katakana_name_after(doc: &Doc, i: usize) -> Option<usize> {
    let text = doc.text;
    let rest = text.get(i..)?;
    let mut len: usize = rest
        .chars()
        .take_while(|&c| is_katakana(c) || c == '・')
        .map(char::len_utf8)
        .sum();
    while rest.get(..len).is_some_and(|t| t.ends_with('・')) {
        len -= '・'.len_utf8();
    }
    katakana_name_ok(doc, rest.get(..len)?).then_some(i + len)
}

fn katakana_name_ok(doc: &Doc, name: &str) -> bool {
    if name.chars().count() < 2 || name.starts_with('ー') {
        return false;
    }
    if name
        .split('・')
        .any(|p| p.chars().count() < 2 || names::is_katakana_not_name(p) || is_title_katakana(p))
    {
        return false;
    }
    if doc.gazetteer.lookup(Kind::Company, name).is_some() {
        return false;
    }
    !["グループ", "ホールディングス", "センター", "ズ"]
        .iter()
        .any(|s| name.ends_with(s) && name != *s)
        || name.contains('・')
}

/// A name (katakana or kanji) that ends at `p`: its start.
fn name_before(doc: &Doc, p: usize) -> Option<usize> {
    match char_before(doc.text, p)? {
        c if is_katakana(c) => katakana_name_before(doc, p),
        c if is_kanji(c) => {
            spaced_name_before(doc.text, p).or_else(|| kanji_name_before(doc.text, p))
        }
        _ => None,
    }
}

/// A name (katakana or kanji) that starts at `i`: its end (before `氏`).
fn name_after(doc: &Doc, i: usize) -> Option<usize> {
    let text = doc.text;
    match char_after(text, i)? {
        c if is_katakana(c) => katakana_name_after(doc, i),
        c if is_kanji(c) => {
            let rest = text.get(i..)?;
            let len: usize = rest
                .chars()
                .take_while(|&c| is_kanji(c))
                .take(6)
                .map(char::len_utf8)
                .sum();
            let mut run = rest.get(..len)?;
            if let Some(r) = run.strip_suffix('氏').filter(|r| !r.is_empty()) {
                run = r;
            }
            // The run must end the kanji stretch (or stop at 氏 / a title).
            let e = i + run.len();
            let after_ok = !char_after(text, e).is_some_and(is_kanji)
                || has_honorific(text, e)
                || title_at(text, e).is_some();
            let n = run.chars().count();
            // A surname outside the list still makes a full name before `氏`
            // (`片桐沙織氏`): 3–5 kanji ending like a given name.
            let unknown_full = has_honorific(text, e)
                && (3..=5).contains(&n)
                && run.chars().next_back().is_some_and(names::is_given_ending)
                && !contains_not_name(run)
                && TITLE_AC.0.find(run).is_none();
            (after_ok
                && (valid_kanji_name(run) && (n >= 2 || has_honorific(text, e)) || unknown_full))
                .then_some(e)
        }
        _ => None,
    }
}

/// Is `氏` / `さん` written right after position `e`?
/// (`氏` only when no kanji follows it: `氏名` is no honorific).
pub fn has_honorific(text: &str, e: usize) -> bool {
    let rest = text.get(e..).unwrap_or("");
    crate::lang::ja::HONORIFICS.iter().any(|h| {
        rest.strip_prefix(h)
            .is_some_and(|after| *h != "氏" || !after.starts_with(|c: char| is_kanji(c)))
    })
}

/// The title written right after (`ベサント財務長官`) or right before (`米財務長官の
/// ベサント氏`) the name at `[s, e)`.
pub fn bind_title(doc: &Doc, s: usize, e: usize) -> Option<String> {
    let text = doc.text;
    let companies: Vec<(usize, usize)> = Vec::new();
    // After: [・][qualifier]title
    let mut q = e;
    if text.get(q..).is_some_and(|t| t.starts_with('・')) {
        q += '・'.len_utf8();
    }
    if let Some(t) = title_after(doc, q, &companies) {
        return Some(t);
    }
    // Before: [qualifier]title[(ABBR)][の]
    let mut p = s;
    if text.get(..p).is_some_and(|t| t.ends_with('の')) {
        p -= 'の'.len_utf8();
    } else if text.get(..p).is_some_and(|t| t.ends_with('、')) && has_honorific(text, e) {
        p -= '、'.len_utf8();
    }
    title_ending_at(doc, p).map(|(ts, te)| text[ts..te].to_string())
}

/// A title that starts at `q`, possibly after a qualifier word (`USTR代表`, `仏大統領`).
fn title_after(doc: &Doc, q: usize, _companies: &[(usize, usize)]) -> Option<String> {
    let text = doc.text;
    if let Some(end) = title_at(text, q) {
        return text.get(q..end).map(str::to_string);
    }
    let rest = text.get(q..)?;
    let n = rest.bytes().take_while(|b| b.is_ascii_uppercase()).count();
    let mut cands: Vec<usize> = Vec::new();
    if (2..=6).contains(&n) {
        cands.push(n);
    }
    for qual in QUALIFIER_LIST.iter() {
        if rest.starts_with(qual) {
            cands.push(qual.len());
        }
    }
    let k: usize = rest
        .chars()
        .take_while(|&c| is_katakana(c))
        .map(char::len_utf8)
        .sum();
    if k > 0 && names::is_katakana_not_name(&rest[..k]) {
        cands.push(k);
    }
    for l in cands {
        if let Some(end) = title_at(text, q + l) {
            return text.get(q..end).map(str::to_string);
        }
    }
    None
}

/// A title (chain, with its qualifier) that ends exactly at `p`: its span.
fn title_ending_at(doc: &Doc, p: usize) -> Option<(usize, usize)> {
    let text = doc.text;
    // Titles are short; try every start within 60 bytes.
    let lo = p.saturating_sub(60);
    let mut i = lo;
    while i < p {
        if text.is_char_boundary(i) {
            if let Some(end) = title_at(text, i) {
                if end == p {
                    let mut s = i;
                    // A leading qualifier belongs to the title (`米財務長官`).
                    if let Some(qs) = qualifier_before(doc, s, &[]) {
                        s = qs;
                    } else if let Some(q) = QUALIFIER_LIST
                        .iter()
                        .find(|q| text.get(..s).is_some_and(|t| t.ends_with(*q)))
                    {
                        let qs = s - q.len();
                        if !char_before(text, qs).is_some_and(is_kanji) {
                            s = qs;
                        }
                    }
                    return Some((s, p));
                }
            }
        }
        i += 1;
    }
    None
}

/// Find Japanese names in `doc`.
pub fn find(doc: &Doc, out: &mut Vec<Mention>) {
    let text = doc.text;
    let companies: Vec<(usize, usize)> = doc
        .company_matches()
        .iter()
        .map(|m| (m.start, m.end))
        .collect();

    let cues = doc.name_cues();
    // Titles: the name before (name + title) and after (title + name).
    // A title inside a chain already read (`CEO` of `会長CEO`) is not read again.
    // The titles are read leftmost-longest, found by the shared scan.
    let mut chain_end = 0;
    for &(ts, _) in cues.longest(CueList::JaTitles) {
        if char_before(text, ts) == Some('兼') || ts < chain_end {
            continue;
        }
        let Some(te) = title_at(text, ts) else {
            continue;
        };
        chain_end = te;
        let cs = compound_start(text, ts, te);
        let (ts, te) = if cs < ts {
            (cs, title_at(text, cs).unwrap_or(te))
        } else {
            (ts, te)
        };
        // Name + [・][qualifier] + title.
        let mut p = ts;
        let mut qualified = false;
        if let Some(qs) = qualifier_before(doc, p, &companies) {
            p = qs;
            qualified = true;
        } else if let Some(q) = QUALIFIER_LIST.iter().find(|q| {
            text.get(..p)
                .and_then(|t| t.strip_suffix(*q))
                .and_then(|t| t.chars().next_back())
                .is_some_and(|c| is_katakana(c) || c == '・')
        }) {
            // A kanji qualifier after a katakana name: マクロン仏大統領.
            p -= q.len();
            qualified = true;
        }
        if text.get(..p).is_some_and(|t| t.ends_with('・')) {
            p -= '・'.len_utf8();
        }
        let name_start = match char_before(text, p) {
            Some(c) if is_kanji(c) && !qualified && spaced_name_before(text, p).is_some() => {
                spaced_name_before(text, p)
            }
            Some(c) if is_kanji(c) && !qualified => {
                // The kanji run may end with a kanji qualifier: 李強中国首相.
                let run_len: usize = text[..p]
                    .chars()
                    .rev()
                    .take_while(|&c| is_kanji(c))
                    .take(10)
                    .map(char::len_utf8)
                    .sum();
                let rs = p - run_len;
                match split_kanji_qualifier(&text[rs..p]) {
                    Some(nl) => {
                        p = rs + nl;
                        Some(rs)
                    }
                    None => {
                        kanji_name_before(text, p).or_else(|| unknown_surname_name(text, rs, p))
                    }
                }
            }
            _ => name_before(doc, p),
        };
        if let Some(ns) = name_start {
            let name = &text[ns..p];
            let title = text
                .get(p..te)
                .map(|t| t.trim_start_matches('・').to_string());
            out.push(
                Mention::new(ns, p, "person.ja.name_title", priority::PERSON_CUED)
                    .title(title)
                    .full(super::is_full_name(name)),
            );
        }
        // Title + [(ABBR)] + [の|、] + name (`、` only before an honorific:
        // `チーフ債券ストラテジスト、山岸健吾氏`).
        let mut q = te;
        let mut comma = false;
        if text.get(q..).is_some_and(|t| t.starts_with('の')) {
            q += 'の'.len_utf8();
        } else if text.get(q..).is_some_and(|t| t.starts_with('、')) {
            q += '、'.len_utf8();
            comma = true;
        }
        if let Some(ne) = name_after(doc, q).filter(|&ne| !comma || has_honorific(text, ne)) {
            let name = &text[q..ne];
            let katakana = char_after(text, q).is_some_and(is_katakana);
            let strong =
                has_honorific(text, ne) || super::is_full_name(name) || names::is_surname(name);
            if katakana && (q == te || has_honorific(text, ne)) || strong {
                let (s, _) = title_ending_at(doc, te).unwrap_or((ts, te));
                out.push(
                    Mention::new(q, ne, "person.ja.title_name", priority::PERSON_CUED)
                        .title(text.get(s..te).map(str::to_string))
                        .full(super::is_full_name(name)),
                );
            }
        }
    }

    // Honorifics: 橋本氏, 田中さん (each honorific's places in turn, as the shared scan found them).
    let honorifics = crate::lang::ja::names::NAME_HONORIFICS.len();
    for &i in (0..honorifics).flat_map(|k| cues.starts(CueList::JaHonorifics, k)) {
        if !has_honorific(text, i) {
            continue;
        }
        if let Some(s) = name_before(doc, i) {
            let name = &text[s..i];
            if name.chars().count() == 1 && !names::is_single_char_name(name) {
                continue;
            }
            out.push(
                Mention::new(s, i, "person.ja.honorific", priority::PERSON_HONORIFIC)
                    .cue()
                    .full(super::is_full_name(name)),
            );
        }
    }

    // Katakana full names with a known given name: ドナルド・トランプ.
    for (s, e) in katakana_full_names(text) {
        if char_before(text, s).is_some_and(|c| is_katakana(c) || c == '・')
            || char_after(text, e).is_some_and(|c| is_katakana(c) || c == '・')
        {
            continue;
        }
        let name = &text[s..e];
        let first = name.split('・').next().unwrap_or("");
        if names::is_katakana_given(first) && katakana_name_ok(doc, name) {
            out.push(
                Mention::new(
                    s,
                    e,
                    "person.ja.katakana_full",
                    priority::PERSON_KATAKANA_FULL,
                )
                .full(true),
            );
        }
    }

    // Kanji full names standing alone: known surname + given name (山田太郎).
    for (s, e) in kanji_runs(text) {
        if char_before(text, s).is_some_and(is_kanji) || char_after(text, e).is_some_and(is_kanji) {
            continue;
        }
        let name = &text[s..e];
        let sur = names::surname_prefix(name);
        let n = name.chars().count();
        let given = n.saturating_sub(sur);
        let last = name.chars().next_back().unwrap_or(' ');
        let ok = sur >= 2
            && (1..=2).contains(&given)
            && names::is_given_ending(last)
            && (given == 2 || !"一二三".contains(last));
        if ok {
            out.push(
                Mention::new(s, e, "person.ja.kanji_full", priority::PERSON_KANJI_FULL).full(true),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts over an alphabet that holds every edge of the two scanners: name
    /// letters, `ー`, `・`, katakana outside the name letters (`ヽ`, `ㇰ`),
    /// kanji, `々`, Han characters that are no kanji (`〇`, `⺀`), Latin.
    fn texts() -> Vec<String> {
        let alphabet = [
            'ア', 'イ', 'ー', '・', 'ヺ', 'ヽ', 'ㇰ', '山', '田', '々', '〇', '⺀', 'a', ' ', '、',
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        (0..20_000)
            .map(|_| {
                let n = next() % 24;
                (0..n)
                    .map(|_| {
                        let k = usize::try_from(next() % 15).unwrap_or(0);
                        alphabet[k]
                    })
                    .collect()
            })
            .collect()
    }

    fn spans(re: &Regex, text: &str) -> Vec<(usize, usize)> {
        re.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    #[test]
    fn katakana_names_are_read_as_the_pattern_reads_them() {
        let re = Regex::new(r"[ァ-ヺー]{2,}(?:・[ァ-ヺー]{2,}){1,3}").unwrap();
        for t in texts() {
            assert_eq!(katakana_full_names(&t), spans(&re, &t), "{t:?}");
        }
        let t = "ドナルド・トランプ氏とア・イイ・ウウ・エエ・オオ・カカ";
        let got: Vec<&str> = katakana_full_names(t)
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect();
        assert_eq!(got, vec!["ドナルド・トランプ", "イイ・ウウ・エエ・オオ"]);
    }

    /// The bit table answers as the pattern's class for every character of
    /// the Basic Multilingual Plane (and beyond it the ranges are searched).
    #[test]
    fn han_table_is_the_pattern_class() {
        let re = Regex::new(r"^[\p{Han}々]$").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..0x10000u32)
            .chain(0x20000..0x20100)
            .filter_map(char::from_u32)
        {
            assert_eq!(is_han(c), re.is_match(c.encode_utf8(&mut buf)), "{c:?}");
        }
    }

    #[test]
    fn kanji_runs_are_read_as_the_pattern_reads_them() {
        let re = Regex::new(r"[\p{Han}々]{3,5}").unwrap();
        for t in texts() {
            assert_eq!(kanji_runs(&t), spans(&re, &t), "{t:?}");
        }
        let t = "山田太郎は一二三四五六七八と〇〇山";
        let got: Vec<&str> = kanji_runs(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(got, vec!["山田太郎", "一二三四五", "六七八", "〇〇山"]);
    }
}
