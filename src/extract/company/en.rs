//! English company names: legal suffixes (`Qualcomm Inc.`, `Takeda Pharmaceutical
//! Co Ltd`, `Shire PLC`, `Volkswagen AG`) and context (`shares of X`, `X is
//! acquiring`, `rival X`, `CEO of X`, `X (NASDAQ: QCOM)`).

use super::Co;
use crate::extract::person::names;
use crate::extract::Doc;
use crate::fact::Kind;
use regex::Regex;
use std::sync::LazyLock;

/// A capitalised name: words joined by spaces, `&`, or `of` after Bank/Trust.
const CAPSEQ: &str = r"(?:[A-Z][A-Za-z0-9&'’.-]*[A-Za-z0-9&]|[A-Z])(?:(?: & | of (?:the )?| )(?:[A-Z][A-Za-z0-9&'’.-]*[A-Za-z0-9&]|[A-Z]\.?)){0,5}";

static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?P<x>{CAPSEQ})(?P<suf>,? Inc\.?|,? Incorporated| Corporation| Corp\.?| Co\.?,? Ltd\.?| Co\.| Ltd\.?| Limited| LLC| L\.L\.C\.| PLC| plc| AG| S\.A\.| SA| N\.V\.| NV| SE| GmbH| ASA| AB| Oyj| SpA| S\.p\.A\.| B\.V\.| BV| K\.K\.| Pty Ltd| Holdings| Group| LP| LLP| & Co\.)"
    );
    Regex::new(&p).unwrap_or_else(|e| panic!("company.en legal: {e}"))
});

static CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?-u:\b)(?:[Ss]hares of|stake in|acquisition of|takeover of|rival|rivals|CEO of|chief executive of|subsidiary of|unit of|parent of|merger with|bid for|investment in|invested in|acquire|acquired|acquiring|to buy|bought) (?:the )?(?P<x>{CAPSEQ})|(?P<y>{CAPSEQ})(?:'s|’s)? (?:shares|stock|is acquiring|agreed to (?:buy|acquire)|will acquire|is buying|has agreed to buy|said it would (?:buy|acquire)|reported (?:quarterly|annual|first|second|third|fourth))(?-u:\b)|(?P<z>{CAPSEQ}) \((?:NASDAQ|Nasdaq|NYSE|LSE|TSE|TYO|HKEX|ASX|TSX|XETRA|Euronext|OTC|NYSEArca)\s*:\s*[A-Z0-9.]{{1,6}}\)"
    );
    Regex::new(&p).unwrap_or_else(|e| panic!("company.en context: {e}"))
});

/// Words that start a capitalised sequence without being part of a name.
const LEADING: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "With",
    "But",
    "And",
    "Or",
    "As",
    "After",
    "Before",
    "While",
    "When",
    "Shares",
    "Rival",
    "Analysts",
    "Investors",
    "Both",
    "Also",
    "Meanwhile",
    "Last",
    "This",
    "That",
    "These",
    "Those",
    "If",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "Chinese",
    "Japanese",
    "U.S.",
    "US",
    "British",
    "German",
    "French",
    "American",
    "Korean",
    "Dutch",
    "Indian",
    "Taiwanese",
    "Canadian",
    "European",
    "Australian",
    "Italian",
    "Spanish",
    "Israeli",
    "Saudi",
    "Under",
    "Since",
    "Because",
    "Though",
    "Although",
    "Unlike",
    "Like",
    "Including",
    "Among",
    "Why",
    "How",
    "What",
    "Where",
    "Who",
    "Earlier",
    "Later",
    "Today",
    "Yesterday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Read",
    "See",
    "Related",
    "Subsidiary",
    "Chipmaker",
    "Automaker",
    "Carmaker",
    "Drugmaker",
    "Lender",
    "Retailer",
    "Insurer",
    "Conglomerate",
];

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
    for c in LEGAL.captures_iter(text) {
        let (Some(x), Some(suf)) = (c.name("x"), c.name("suf")) else {
            continue;
        };
        if text
            .get(..x.start())
            .and_then(|t| t.chars().next_back())
            .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        if text
            .get(suf.end()..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| c.is_ascii_alphanumeric())
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
        out.push(Co::new(s, suf.end(), core, "company.en.legal", 12));
    }
    for c in CONTEXT.captures_iter(text) {
        let Some(x) = c.name("x").or_else(|| c.name("y")).or_else(|| c.name("z")) else {
            continue;
        };
        if text
            .get(..x.start())
            .and_then(|t| t.chars().next_back())
            .is_some_and(|c| c.is_alphanumeric())
        {
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
        out.push(Co::new(s, s + core.len(), core, "company.en.context", 9));
    }
}
