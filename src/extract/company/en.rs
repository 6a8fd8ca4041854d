//! English company names: legal suffixes (`Qualcomm Inc.`, `Takeda Pharmaceutical
//! Co Ltd`, `Shire PLC`, `Volkswagen AG`) and context (`shares of X`, `X is
//! acquiring`, `rival X`, `CEO of X`, `X (NASDAQ: QCOM)`, an all-caps `X said`).

use super::Co;
use crate::extract::person::names;
use crate::extract::{priority, Doc};
use crate::fact::Kind;
use crate::lang::words::{line_set, WordSet};
use crate::text::around::{char_after, char_before, floor_boundary};
use regex::Regex;
use std::sync::LazyLock;

/// A capitalised name: words joined by spaces, `&`, or `of` after Bank/Trust.
const CAPSEQ: &str = r"(?:[A-Z][A-Za-z0-9&'’.-]*[A-Za-z0-9&]|[A-Z])(?:(?: & | of (?:the )?| )(?:[A-Z][A-Za-z0-9&'’.-]*[A-Za-z0-9&]|[A-Z]\.?)){0,5}";

static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?P<x>{CAPSEQ})(?P<suf>,? Inc\.?|,? Incorporated| Corporation| Corp\.?| Co\.?,? Ltd\.?| Co\.| Ltd\.?| Limited| LLC| L\.L\.C\.| PLC| Plc| plc| AG| S\.A\.| SA| N\.V\.| NV| SE| GmbH| ASA| AB| Oyj| SpA| S\.p\.A\.| B\.V\.| BV| K\.K\.| Pty Ltd| Holdings| Group| LP| LLP| & Co\.?)"
    );
    Regex::new(&p).unwrap_or_else(|e| panic!("company.en legal: {e}"))
});

/// Company context: a cue before the name (`shares of X`, `to buy X`), a company
/// verb or object after it (`X agreed to buy`, `X's chief executive`), an exchange
/// ticker (`X (NYSE: XX)`). Three patterns searched apart, so that one sentence
/// gives both sides of a deal (`Zanfor agreed to buy Pellam`).
static CONTEXT: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    let before = format!(
        r"(?x)
        (?-u:\b)
        (?:
            # what is owned, bought or fought over: `shares of X`, `a bid for X`, `rival X`
            [Ss]hares\x20of | stake\x20in | acquisition\x20of | takeover\x20of | rival | rivals
          | CEO\x20of | chief\x20executive\x20of | subsidiary\x20of | unit\x20of | parent\x20of
          | merger\x20with | bid\x20for | investment\x20in | invested\x20in
            # buying: `to acquire X`, `bought X`
          | acquire | acquired | acquiring | to\x20buy | bought
            # who works there: `an analyst at X`, `chief investment officer at X`
          | (?: analysts? | economists? | strategists? | (?:portfolio|fund|money)\x20managers?
              | traders? | bankers? | (?:chief\x20)?investment\x20officer | partner )\x20at
        )
        \x20(?:the\x20)?
        (?P<x>(?-x:{CAPSEQ}))"
    );
    let after = format!(
        r"(?x)
        (?P<x>(?-x:{CAPSEQ}))
        (?:
            # what a company does or has: `X shares`, `X's stock`, `X agreed to buy`,
            # `X reported quarterly ...`
            (?:'s|’s)?\x20
            (?: shares | stock | is\x20acquiring | agreed\x20to\x20(?:buy|acquire) | will\x20acquire
              | is\x20buying | has\x20agreed\x20to\x20buy | said\x20it\x20would\x20(?:buy|acquire)
              | reported\x20(?:quarterly|annual|first|second|third|fourth) )
            # who it has: `X's chief executive`, `X's board`, `X's market value`
          | (?:'s|’s)\x20
            (?: chief\x20executive | CEO | chief\x20financial\x20officer | CFO | chairman
              | board\x20of\x20directors | board | shareholders | market\x20value )
        )
        (?-u:\b)"
    );
    let ticker = format!(
        r"(?P<x>{CAPSEQ}) \((?:NASDAQ|Nasdaq|NYSE|LSE|TSE|TYO|HKEX|ASX|TSX|XETRA|Euronext|OTC|NYSEArca)\s*:\s*[A-Z0-9.]{{1,6}}\)"
    );
    [before, after, ticker]
        .map(|p| Regex::new(&p).unwrap_or_else(|e| panic!("company.en context: {e}")))
});

/// An all-caps name that speaks (`ZTX said on Monday`, `QNB says`): news quotes
/// companies by their initials, but also agencies, bodies, parties, countries
/// and job titles (`IMF said`, `CEO said`), which `NOT_COMPANY_CAPS` and `STOP`
/// keep out.
static CAPS_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<x>[A-Z][A-Z0-9&]{1,5}) (?:said|says)(?-u:\b)")
        .unwrap_or_else(|e| panic!("company.en said: {e}"))
});

/// All-caps words that say things in news without being companies: public
/// bodies, central banks, regulators, exchanges, unions, parties, universities,
/// public broadcasters, countries, job titles and common abbreviations.
static NOT_COMPANY_CAPS: LazyLock<WordSet<&str>> =
    LazyLock::new(|| line_set(include_str!("data/en_not_company_caps.txt")));

/// `CAPS_SAID` at `[s, e)`: the name stands alone, not the last word of a longer
/// capitalised name (`Scale AI said`, `Mitsubishi UFJ said`) nor of an all-caps
/// headline, and is no body or word that `NOT_COMPANY_CAPS` lists.
fn caps_said_ok(doc: &Doc, s: usize, name: &str) -> bool {
    let text = doc.text;
    let letters = name.bytes().filter(u8::is_ascii_uppercase).count();
    if letters < 2
        || name.ends_with('&')
        || char_before(text, s).is_some_and(|c| c.is_alphanumeric() || ".-&/_@#+'’".contains(c))
        || NOT_COMPANY_CAPS.contains(name)
        || doc.gazetteer.lookup(Kind::Company, name).is_some()
        || !name_ok(doc, name)
    {
        return false;
    }
    let before = text.get(..s).unwrap_or("");
    if let Some(head) = before.strip_suffix(' ') {
        let prev = head.rsplit([' ', '\n', '\t']).next().unwrap_or("");
        let joined = prev.ends_with(|c: char| c.is_alphanumeric() || c == '&');
        let capital = prev.starts_with(|c: char| c.is_uppercase());
        if joined && capital && !LEADING.contains(&prev) {
            return false;
        }
    }
    true
}

/// A capitalised name ending in a business head noun: `Redwater Capital`,
/// `Crestline Wealth Partners`, `Harbor Lane Securities`, `Lumora Systems`.
static HEAD: LazyLock<Regex> = LazyLock::new(|| {
    let mut heads: Vec<&str> = HEADS.split('|').collect();
    heads.sort_by_key(|h| std::cmp::Reverse(h.len()));
    let p = format!(r"(?P<x>{CAPSEQ}) (?P<h>{})(?-u:\b)", heads.join("|"));
    Regex::new(&p).unwrap_or_else(|e| panic!("company.en head: {e}"))
});

/// Business head nouns that end a company name (`X Capital`, `X Securities`).
const HEADS: &str = "Steel|Photonics|Optics|Instruments|Diagnostics|Properties|Chemicals|Petroleum|Airways|Shipping|Telecom|Biotech|Aerospace|Automotive|Capital|Partners|Advisors|Advisers|Advisory|Securities|Investments|Investment Management|Asset Management|Wealth Management|Management|Bank|Bancorp|Ventures|Holdings|Systems|Technologies|Labs|Therapeutics|Pharmaceuticals|Pharma|Biosciences|Biotherapeutics|Networks|Semiconductor|Semiconductors|Robotics|Software|Capital Markets|Financial|Insurance|Motors|Airlines|Logistics|Analytics|Energy|Minerals|Mining|Resources|Industries|Dynamics|Microsystems|Electronics|Brands|Foods|Entertainment";

/// First words of a capitalised sequence before a head noun that make a generic
/// phrase, not a name (`Venture Capital`, `Human Capital`, `Central Bank`).
static GENERIC_BEFORE_HEAD: LazyLock<WordSet<&str>> =
    LazyLock::new(|| line_set(include_str!("data/en_generic_before_head.txt")));

/// Words that make a capitalised sequence an institution, not a company
/// (`University of Michigan`, `Brookings Institution`, `Chicago Fed`).
static INSTITUTION: LazyLock<WordSet<&str>> =
    LazyLock::new(|| line_set(include_str!("data/en_institution.txt")));

/// `HEADS` as a set: `is_head_word` runs for every capitalised word of an
/// English article, where splitting the list each time cost more than the rules.
static HEAD_SET: LazyLock<WordSet<&str>> = LazyLock::new(|| HEADS.split('|').collect());

/// Is `w` a business head noun (`Systems`, `Capital`) or an English legal form?
pub fn is_head_word(w: &str) -> bool {
    HEAD_SET.contains(w)
        || matches!(
            w,
            "Inc"
                | "Inc."
                | "Corp"
                | "Corp."
                | "Ltd"
                | "Ltd."
                | "PLC"
                | "plc"
                | "LLC"
                | "Group"
                | "Co"
                | "Co."
        )
}

/// The distinctive first word of a rule-found English name that the article may
/// repeat alone (`Lumora` for `Lumora Systems`): a capitalised word of 4+ letters
/// that is not a place, month, given name or generic word, before head nouns.
pub fn distinctive_first_word(core: &str) -> Option<&str> {
    let words: Vec<&str> = core.split(' ').collect();
    let (first, rest) = words.split_first()?;
    let mut cs = first.chars();
    let shaped = cs.next().is_some_and(|c| c.is_ascii_uppercase())
        && first.len() >= 4
        && cs.all(|c| c.is_ascii_alphabetic());
    (shaped
        && !rest.is_empty()
        && rest.last().is_some_and(|w| is_head_word(w))
        && !names::is_en_not_name(first)
        && !names::is_en_given(first)
        && !names::is_en_calendar(first)
        && !LEADING.contains(first)
        && !GENERIC_BEFORE_HEAD.contains(first))
    .then_some(*first)
}

/// Words that start a capitalised sequence without being part of a name.
static LEADING: LazyLock<WordSet<&str>> =
    LazyLock::new(|| line_set(include_str!("data/en_leading.txt")));

/// Words before `Group` that make a non-company group.
const NOT_GROUP: &[&str] = &[
    "Working", "Study", "Advocacy", "Lobby", "Trade", "Terror", "Rebel", "Militant", "Rights",
    "Contact", "Focus", "Industry", "Expert", "Crisis", "Eurasia",
];

/// Strip leading sentence words; returns the byte offset of the name within `x`.
fn strip_leading(x: &str) -> Option<usize> {
    let mut off = 0;
    loop {
        let rest = &x[off..];
        let w = rest.split(' ').next().unwrap_or("");
        if LEADING.contains(&w) && rest.len() > w.len() {
            off += w.len() + 1;
            if x[off..].starts_with("of ") {
                off += 3;
            }
            continue;
        }
        break;
    }
    // A country or place in the possessive is not part of the name: `China's
    // Hengtai Group` is Hengtai Group, `South Korea's Hanwha Ocean` Hanwha Ocean.
    let rest = &x[off..];
    for apostrophe in ["'s ", "’s "] {
        if let Some(i) = rest.find(apostrophe) {
            let place = &rest[..i];
            if place.split(' ').count() <= 2 && place.split(' ').all(names::is_en_not_name) {
                off += i + apostrophe.len();
            }
            break;
        }
    }
    let rest = &x[off..];
    (!rest.is_empty() && !LEADING.contains(&rest)).then_some(off)
}

/// A plausible company name: not a place, month, agency or person.
fn name_ok(doc: &Doc, name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or("");
    if super::is_stop(name) || names::is_en_calendar(first) {
        return false;
    }
    if !name.contains(' ') && names::is_en_not_name(name) {
        return false;
    }
    if doc.gazetteer.lookup(Kind::Person, name).is_some() {
        return false;
    }
    if name.split(' ').any(|w| INSTITUTION.contains(&w)) {
        return false;
    }
    // `Jane Fraser` is a person: two words starting with a given name.
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() == 2
        && names::is_en_given(words[0])
        && doc.gazetteer.lookup(Kind::Company, name).is_none()
    {
        return false;
    }
    true
}

fn trim_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
}

/// Find English company names in `doc`.
pub fn find(doc: &Doc, out: &mut Vec<Co>) {
    let text = doc.text;
    let stretches = doc.latin_stretches();
    // Every pattern here needs an ASCII capital (module docs of `crate::text::latin`).
    for c in crate::text::latin::captures_iter(&LEGAL, text, stretches, |s| s.ascii_capital) {
        let (Some(x), Some(suf)) = (c.name("x"), c.name("suf")) else {
            continue;
        };
        if char_before(text, x.start()).is_some_and(char::is_alphanumeric)
            || char_after(text, suf.end()).is_some_and(|c| c.is_ascii_alphanumeric())
        {
            continue;
        }
        let Some(off) = strip_leading(x.as_str()) else {
            continue;
        };
        let core = &x.as_str()[off..];
        if core.ends_with("'s") || core.ends_with("’s") {
            continue;
        }
        let s = x.start() + off;
        let sfx = suf.as_str().trim_start_matches(',').trim();
        if matches!(
            sfx,
            "AG" | "SA" | "SE" | "NV" | "S.A." | "N.V." | "AB" | "ASA" | "BV"
        ) && !core.chars().any(|c| c.is_lowercase())
        {
            continue;
        }
        if sfx == "Group" {
            let last = core.rsplit(' ').next().unwrap_or("");
            if NOT_GROUP.contains(&last)
                || text.get(suf.end()..).is_some_and(|t| t.starts_with(" of"))
            {
                continue;
            }
        }
        if !name_ok(doc, core) || core.len() < 2 {
            continue;
        }
        out.push(Co::new(
            s,
            suf.end(),
            core,
            "company.en.legal",
            priority::COMPANY_LEGAL,
        ));
    }
    for c in crate::text::latin::captures_iter(&HEAD, text, stretches, |s| s.ascii_capital) {
        let (Some(x), Some(h)) = (c.name("x"), c.name("h")) else {
            continue;
        };
        if char_before(text, x.start()).is_some_and(char::is_alphanumeric)
            || text.get(h.end()..).is_some_and(|t| {
                t.starts_with(" of")
                    || t.starts_with('-')
                    || t.strip_prefix(' ')
                        .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_uppercase()))
            })
        {
            continue;
        }
        let Some(mut off) = strip_leading(x.as_str()) else {
            continue;
        };
        // `Hugo Marchetti of Greyfield Partners`: the name after the last `of`.
        if let Some(k) = x.as_str()[off..].rfind(" of ") {
            off += k + 4;
            if x.as_str()[off..].starts_with("the ") {
                off += 4;
            }
        }
        let core = &x.as_str()[off..];
        let first = core.split(' ').next().unwrap_or("");
        if core.is_empty()
            || core.ends_with("'s")
            || core.ends_with("’s")
            || core.contains(". ")
            || GENERIC_BEFORE_HEAD.contains(&first)
            || core.split(' ').any(|w| {
                matches!(
                    w,
                    "Development"
                        | "Reserve"
                        | "Central"
                        | "Federal"
                        | "Reconstruction"
                        | "Monetary"
                        | "Settlements"
                        | "Export-Import"
                        | "Infrastructure"
                )
            })
            || names::is_en_not_name(core)
            || names::is_en_calendar(first)
        {
            continue;
        }
        let s = x.start() + off;
        let name = &text[s..h.end()];
        if !name_ok(doc, name) || !name_ok(doc, core) {
            continue;
        }
        out.push(Co::new(
            s,
            h.end(),
            name,
            "company.en.head",
            priority::COMPANY_HEAD,
        ));
    }
    for c in CONTEXT
        .iter()
        .flat_map(|re| crate::text::latin::captures_iter(re, text, stretches, |s| s.ascii_capital))
    {
        let Some(x) = c.name("x") else {
            continue;
        };
        if char_before(text, x.start()).is_some_and(char::is_alphanumeric) {
            continue;
        }
        let Some(off) = strip_leading(x.as_str()) else {
            continue;
        };
        let core = trim_possessive(x.as_str()[off..].trim_end_matches('.'));
        let s = x.start() + off;
        if core.len() < 2 || !name_ok(doc, core) {
            continue;
        }
        // A person's name after `said` etc. is not a company; names with a given name are people.
        if names::is_en_given(core.split(' ').next().unwrap_or("")) {
            continue;
        }
        if core.ends_with("-based") || place_before_based(text, s + core.len()) {
            continue;
        }
        out.push(Co::new(
            s,
            s + core.len(),
            core,
            "company.en.context",
            priority::COMPANY_CONTEXT,
        ));
    }
    for c in crate::text::latin::captures_iter(&CAPS_SAID, text, stretches, |s| s.ascii_capital) {
        let Some(x) = c.name("x") else {
            continue;
        };
        if caps_said_ok(doc, x.start(), x.as_str()) {
            out.push(Co::new(
                x.start(),
                x.end(),
                x.as_str(),
                "company.en.said",
                priority::COMPANY_CONTEXT,
            ));
        }
    }
}

/// The name ending at `e` is a place: `-based` follows, directly or after a
/// capitalised state or country (`shares of the Santa Clara, California-based
/// company`, `the Tokyo-based firm`).
fn place_before_based(text: &str, e: usize) -> bool {
    let rest = text.get(e..).unwrap_or("");
    if rest.starts_with("-based") {
        return true;
    }
    let Some(region) = rest.strip_prefix(", ") else {
        return false;
    };
    let Some(dash) = region
        .get(..floor_boundary(region, 30))
        .and_then(|r| r.find('-'))
    else {
        return false;
    };
    region[dash..].starts_with("-based")
        && region[..dash].split(' ').all(|w| {
            w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
        })
}
