//! English names: title + name (`Treasury Secretary Scott Bessent`, `President
//! Trump`, `Mr O'Rourke`), apposition (`Amy Hood, CFO of Microsoft`), reporting
//! verbs (`said Jane Fraser`, `Jane Fraser said`) and capitalised sequences that
//! start with a known given name. Places, months, organisation words and
//! sentence-initial capitals do not make a name.

use super::names;
use super::Mention;
use crate::extract::{priority, Doc};
use crate::fact::Kind;
use crate::lang::words::WordSet;
use crate::text::around::{char_after, char_before, floor_boundary};
use regex::Regex;
use std::sync::LazyLock;

/// Titles and positions, as written before a name or in apposition after it.
pub static TITLES: LazyLock<Vec<&str>> =
    LazyLock::new(|| include_str!("data/en_titles.txt").lines().collect());

/// Honorifics: they vouch for a name but are not titles (SPEC).
const HONORIFICS: &[&str] = crate::lang::en::HONORIFICS;

// A hyphenated part may be lower case: romanised Korean and Chinese given names
// (`Ji-hoon`, `Kar-leung`).
const NAME: &str = r"(?:O['’])?\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{L}\p{Ll}+)?";
const PARTICLE: &str = r"(?:van|von|de|der|den|da|di|del|du|le|la|bin|al|ter|dos|das)";

static NAME_SEQ: LazyLock<Regex> = LazyLock::new(|| {
    let word =
        format!(r"(?:{NAME}|\p{{Lu}}\.|(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt)\.)");
    let p = format!(
        r"{word}(?: (?:{PARTICLE} (?:(?:der|den|la) )?)?{word}){{0,5}}(?:,? (?:Jr\.|Sr\.|III|II|IV)(?-u:\b))?"
    );
    Regex::new(&p).unwrap_or_else(|e| panic!("person.en name: {e}"))
});

/// A title before a name, with up to two modifiers (`senior analyst`), or two
/// such titles joined by `and`; a title or modifier written in lower case may
/// open the sentence (`Fund manager X said`).
static TITLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let longest_first = |mut v: Vec<String>| {
        v.sort_by_key(|t| std::cmp::Reverse(t.len()));
        v.join("|")
    };
    let titles = longest_first(TITLES.iter().map(|t| either_case_initial(t)).collect());
    let honorifics = longest_first(HONORIFICS.iter().map(|t| regex::escape(t)).collect());
    let modifiers = longest_first(
        TITLE_MODIFIERS
            .split('|')
            .map(|m| either_case_initial(&m.replace(r"\.", ".")))
            .collect(),
    );
    // Two titles joined by `and` are one title (`Chairman and Chief Executive
    // Officer`, `President and CEO`).
    let one = format!(r"(?:[Ff]ormer )?(?:(?:{modifiers}) ){{0,2}}(?:{titles})");
    Regex::new(&format!(
        r"(?-u:\b)(?P<t>(?:{one} (?:and|&) )?{one}|{honorifics})[.,]? $"
    ))
    .unwrap_or_else(|e| panic!("person.en title: {e}"))
});

/// `t` as a pattern (escaped) whose lower-case first letter may also be upper case.
fn either_case_initial(t: &str) -> String {
    let mut chars = t.chars();
    match chars.next() {
        Some(c) if c.is_ascii_lowercase() => format!(
            "[{c}{}]{}",
            c.to_ascii_uppercase(),
            regex::escape(chars.as_str())
        ),
        _ => regex::escape(t),
    }
}

/// Lower-case words written before an apposition title that belong to it
/// (`chief U.S. economist`, `chief investment strategist`, `economic adviser`).
const TITLE_MODIFIERS: &str = r"chief|senior|deputy|acting|interim|global|U\.S\.|US|investment|market|markets|economic|trade|national security|head|lead|principal|managing|executive|vice|equity|fixed-income|credit|rates|currency|FX|commodities|research|portfolio|political|foreign policy|top|associate|assistant|regional|European|Asian|international|emerging-markets";

/// Nationalities written before a title belong to it, as `仏` does in `仏大統領`
/// (`Saudi Energy Minister`, `Chinese President`).
const TITLE_NATIONALITIES: &str = r"Saudi|Chinese|Japanese|American|British|French|German|Russian|Indian|Israeli|Iranian|Iraqi|Italian|Spanish|Canadian|Australian|South Korean|North Korean|Korean|Brazilian|Mexican|Turkish|Ukrainian|Polish|Dutch|Swiss|Swedish|Norwegian|Danish|Finnish|Irish|Austrian|Belgian|Portuguese|Greek|Hungarian|Czech|Qatari|Emirati|Kuwaiti|Omani|Egyptian|Nigerian|South African|Indonesian|Thai|Vietnamese|Philippine|Malaysian|Singaporean|Taiwanese|Argentine|Chilean|Colombian|Venezuelan|Pakistani|Syrian|Lebanese|Jordanian|Palestinian|Hong Kong";

/// Titles that are also a royal or religious style written as part of a name
/// after an office (`Saudi Energy Minister Prince Abdulaziz`): the style stays
/// in the name, the office is the title.
const NAME_STYLES: &[&str] = &[
    "Prince",
    "Princess",
    "Crown Prince",
    "Sheikh",
    "King",
    "Queen",
];

/// Institutions written before a title that belong to it (`White House economic
/// adviser`, `Chicago Fed President`); a company's name does not (`SoftBank CEO`).
const TITLE_INSTITUTIONS: &str = r"White House|Federal Reserve|Fed|Treasury|State Department|Commerce Department|Justice Department|Pentagon|Kremlin|ECB|European Central Bank|IMF|World Bank|BOJ|Bank of England|Bank of Japan|Bank of Canada|People's Bank of China|Reserve Bank of India|Reserve Bank of Australia|Swiss National Bank|Bundesbank|SEC|European Commission|[A-Z][a-z]+(?: [A-Z][a-z]+)? Fed";

static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    let mut all: Vec<&str> = TITLES.to_vec();
    all.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let alt: Vec<String> = all.iter().map(|t| regex::escape(t)).collect();
    Regex::new(&format!(
        r"^, (?:[0-9]{{1,3}}, )?(?:(?:the|a|an|its|their|former) )?(?:[A-Za-z][\w.&-]*(?: [A-Z][\w.&-]*){{0,3}}(?:'s|’s) )?(?P<t>(?:(?:{TITLE_INSTITUTIONS}) )?(?:(?:{TITLE_MODIFIERS}) ){{0,3}}(?:{0})(?: and (?:(?:{TITLE_MODIFIERS}) ){{0,3}}(?:{0}))?(?: of [a-z]+(?: [a-z]+)?)?)(?-u:\b)",
        alt.join("|")
    ))
    .unwrap_or_else(|e| panic!("person.en apposition: {e}"))
});

static REPORT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,? (?:said|says|told|added|noted|wrote|warned|explained|argued|insisted|stated|tweeted|posted|announced)(?-u:\b)")
        .unwrap_or_else(|e| panic!("{e}"))
});
static REPORT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:said|says|told|added|[Aa]ccording to|wrote|warned|noted)[ ,]+$")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// Words that end a name sequence: organisation and business words.
const ORG_WORDS: &[&str] = &[
    "Economics",
    "Research",
    "Analytics",
    "Advisors",
    "Advisers",
    "Associates",
    "Consulting",
    "Management",
    "Asset",
    "Investors",
    "Markets",
    "Equity",
    "Global",
    "Bank",
    "Sachs",
    "Stanley",
    "Capital",
    "Securities",
    "Partners",
    "Group",
    "Holdings",
    "Corp",
    "Inc",
    "Co",
    "Ltd",
];

pub fn starts_with_capital_word(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c.is_uppercase()) && cs.next().is_some_and(|c| c.is_lowercase())
}

/// The words that can end a [`TITLE_BEFORE`] match before its `[.,]? `: the
/// last word of every title (a one-word title also with its initial in upper
/// case, as the pattern accepts it) and every honorific.
static TITLE_TAILS: LazyLock<WordSet<String>> = LazyLock::new(|| {
    let mut tails = WordSet::default();
    for t in TITLES.iter().chain(HONORIFICS) {
        match t.rsplit_once(' ') {
            Some((_, last)) => {
                tails.insert(last.to_string());
            }
            None => {
                tails.insert(t.to_string());
                let mut cs = t.chars();
                if let Some(c) = cs.next().filter(char::is_ascii_lowercase) {
                    tails.insert(format!("{}{}", c.to_ascii_uppercase(), cs.as_str()));
                }
            }
        }
    }
    tails
});

/// The longest word in [`TITLE_TAILS`], in bytes.
static TITLE_TAIL_MAX: LazyLock<usize> =
    LazyLock::new(|| TITLE_TAILS.iter().map(String::len).max().unwrap_or(0));

/// Can [`TITLE_BEFORE`] match `window` at all? It must end with a space after
/// a title's last word or an honorific (and perhaps `.` or `,`). Most words of
/// a capitalised sequence fail here, without running the pattern.
fn may_end_with_title(window: &str) -> bool {
    let Some(w) = window.strip_suffix(' ') else {
        return false;
    };
    let stripped = w.strip_suffix(['.', ',']);
    [Some(w), stripped].into_iter().flatten().any(|w| {
        // The word's last title word holds no space: it ends the last
        // space-free token of the window.
        let token = w.rsplit(' ').next().unwrap_or(w);
        let lo = token.len().saturating_sub(*TITLE_TAIL_MAX);
        // The last word starts the token (after the space) or follows an
        // ASCII word boundary (the pattern's `(?-u:\b)`): never between two
        // ASCII word bytes.
        let b = token.as_bytes();
        let word = |j: usize| {
            b.get(j)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
        };
        (lo..token.len()).any(|j| {
            (j == 0 || !(word(j - 1) && word(j)))
                && token.is_char_boundary(j)
                && token.get(j..).is_some_and(|x| TITLE_TAILS.contains(x))
        })
    })
}

/// The title (or honorific) written right before `[s, …)`. Honorifics give no title.
fn title_before(text: &str, s: usize) -> Option<(Option<String>, usize)> {
    // Room for two coordinated titles (`Executive Vice-President and Chief
    // Financial Officer `).
    let lo = floor_boundary(text, s.saturating_sub(100));
    let window = text.get(lo..s)?;
    let window = last_line(window);
    if !may_end_with_title(window) {
        return None;
    }
    // The match (found backwards from its end, cheaply) is the title `t`
    // followed by `[.,]? `: without a `.` or `,` before the space, `t` is the
    // match without its space, and only otherwise are the groups worth
    // computing (they say whether the `.` belongs to `t`).
    let m = TITLE_BEFORE.find(window)?;
    let (t_start, t) = match window.as_bytes().get(m.end().wrapping_sub(2)) {
        Some(b'.' | b',') => {
            let t = TITLE_BEFORE.captures(window)?.name("t")?;
            (t.start(), t.as_str())
        }
        _ => (m.start(), window.get(m.start()..m.end() - 1)?),
    };
    let start = s - window.len() + t_start;
    if HONORIFICS.contains(&t) || HONORIFICS.contains(&t.trim_end_matches('.')) {
        Some((None, start))
    } else {
        let ps = title_prefix_start(text, start);
        let end = start + t.len();
        Some((text.get(ps..end).map(str::to_string), ps))
    }
}

/// The part of `window` after its last line break (all of it without one),
/// found by a vectorised search.
fn last_line(window: &str) -> &str {
    match memchr::memrchr(b'\n', window.as_bytes()) {
        Some(i) => window.get(i + 1..).unwrap_or(""),
        None => window,
    }
}

/// Is an honorific (`Mr`, `Ms.`, `Dr`) written right before `s`?
pub fn has_honorific(text: &str, s: usize) -> bool {
    matches!(title_before(text, s), Some((None, _)))
}

/// The title bound to the English name at `[s, e)`: before it, or in apposition after it.
pub fn bind_title(text: &str, s: usize, e: usize) -> Option<String> {
    if !text.get(s..e).is_some_and(|n| n.is_ascii()) {
        return None;
    }
    if let Some((Some(t), _)) = title_before(text, s) {
        return Some(t);
    }
    let hi = floor_boundary(text, (e + 120).min(text.len()));
    let after = text.get(e..hi)?;
    let after = after.split('\n').next().unwrap_or(after);
    APPOSITION
        .captures(after)
        .and_then(|c| c.name("t"))
        .map(|t| trim_title(t.as_str()).to_string())
}

/// `head of research at` → `head of research`; `CFO of` stays without a lower-case object.
fn trim_title(t: &str) -> &str {
    // `chief executive of the firm`: the object is a noun phrase, not part of the title.
    let mut t = [" of the ", " of a ", " of an ", " of its ", " of their "]
        .iter()
        .find_map(|w| t.find(w).map(|i| &t[..i]))
        .unwrap_or(t);
    for w in [" at", " in", " for", " with", " and", " on", " the"] {
        if let Some(x) = t.strip_suffix(w) {
            t = x;
        }
    }
    t.strip_suffix(" of").unwrap_or(t)
}

/// Capitalised words right before a title at `ts` that name an institution
/// (`Chicago Fed` in `Chicago Fed President`, `White House` in `White House
/// economic adviser`): the start of the whole title, else `ts`.
fn title_prefix_start(text: &str, ts: usize) -> usize {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:^|[^A-Za-z.])(?P<p>(?:[Ff]ormer )?(?:(?:{TITLE_NATIONALITIES}) (?:(?:{TITLE_INSTITUTIONS}) )?|(?:{TITLE_INSTITUTIONS}) )(?:(?:{TITLE_MODIFIERS}) ){{0,2}})$"
        ))
        .unwrap_or_else(|e| panic!("{e}"))
    });
    let lo = floor_boundary(text, ts.saturating_sub(50));
    let Some(window) = text.get(lo..ts) else {
        return ts;
    };
    let window = last_line(window);
    match PREFIX.captures(window).and_then(|c| c.name("p")) {
        Some(p) => ts - (window.len() - p.start()),
        None => ts,
    }
}

/// Find English names in `doc`.
pub fn find(doc: &Doc, out: &mut Vec<Mention>) {
    let text = doc.text;
    // Names need an upper-case letter (module docs of `text::latin`).
    let stretches = doc.latin_stretches();
    // Capitalised sequences of 2–3 words that no rule vouched for: they are names
    // when coordinated with a name (`Daniel Okafor and Mei Lin Zhao`).
    let mut pending: Vec<(usize, usize)> = Vec::new();
    for m in crate::text::latin::find_iter(
        &NAME_SEQ,
        text,
        stretches,
        crate::text::latin::Stretch::may_hold_capital,
    ) {
        let (s0, e0) = (m.start(), m.end());
        if char_before(text, s0).is_some_and(|c| c.is_alphanumeric() || c == '\'')
            || char_after(text, e0).is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        // Words with their offsets.
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut i = s0;
        for w in m.as_str().split(' ') {
            words.push((i, i + w.len()));
            i += w.len() + 1;
        }
        let word = |k: usize| {
            text.get(words[k].0..words[k].1)
                .unwrap_or("")
                .trim_end_matches(',')
        };
        // Leading title words inside the sequence (`Treasury Secretary Scott Bessent`).
        let mut k0 = 0;
        let mut cue = title_before(text, s0).is_some();
        // The longest title wins (`Chief Executive Officer Jane Doe`, not `Officer
        // Jane Doe`), except that a style after an office stays in the name
        // (`Energy Minister Prince Abdulaziz`).
        let titled: Vec<usize> = (1..words.len())
            .filter(|&k| title_before(text, words[k].0).is_some())
            .collect();
        if let Some(&k) = titled.last() {
            k0 = k;
            cue = true;
            if titled.len() >= 2 && NAME_STYLES.contains(&word(k - 1)) {
                k0 = titled[titled.len() - 2];
                while k0 + 1 < k && !NAME_STYLES.contains(&word(k0)) {
                    k0 += 1;
                }
            }
        }
        // Otherwise start at the first given name (`Like Jane Fraser` → `Jane Fraser`).
        if !cue {
            match (0..words.len()).find(|&k| is_given(word(k))) {
                Some(k) => k0 = k,
                None => k0 = 0,
            }
        }
        // Cut at the first organisation or place word.
        let mut k1 = words.len();
        for k in k0..words.len() {
            let w = word(k);
            // A romanised Korean or Chinese family name after a given name stays
            // (`Jihoon Park`), though `Park` alone is a place word.
            let cjk_last = k > k0 && k + 1 == words.len() && names::is_en_cjk_surname(w);
            if !cjk_last
                && (names::is_en_not_name(w)
                    || ORG_WORDS.contains(&w)
                    || crate::extract::company::en::is_head_word(w)
                    || w.ends_with('.') && w.len() > 2)
            {
                k1 = k;
                break;
            }
        }
        // Particles are never first or last.
        while k1 > k0 && is_particle(word(k1 - 1)) {
            k1 -= 1;
        }
        if k1 <= k0 || is_particle(word(k0)) {
            continue;
        }
        let (s, mut e) = (words[k0].0, words[k1 - 1].1);
        if text.get(s..e).is_some_and(|t| t.ends_with(',')) {
            e -= 1;
        }
        let n = k1 - k0;
        let first = word(k0);
        if names::is_en_calendar(first) && !cue || first.len() == 2 && first.ends_with('.') {
            continue;
        }
        // An org word right after the name makes it an organisation (`Jane Street Capital`).
        if k1 < words.len() && !cue {
            continue;
        }
        let is_company = doc
            .gazetteer
            .lookup(Kind::Company, text.get(s..e).unwrap_or(""))
            .is_some();
        let given = is_given(first);
        let tail = text.get(e..).unwrap_or("");
        let reported = REPORT_AFTER.is_match(tail)
            || text
                .get(floor_boundary(text, s.saturating_sub(20))..s)
                .is_some_and(|h| REPORT_BEFORE.is_match(h));
        let appos = text
            .get(e..floor_boundary(text, (e + 120).min(text.len())))
            .is_some_and(|a| APPOSITION.is_match(a.split('\n').next().unwrap_or(a)));
        // `Ji-hoon Park`, `Wong Kar-leung`: a hyphenated given name and a family name.
        let cjk = n == 2 && {
            let second = word(k0 + 1);
            names::is_en_cjk_given(first) && names::is_en_cjk_surname(second)
                || names::is_en_cjk_surname(first) && names::is_en_cjk_given(second)
        };
        let rule = if cue {
            "person.en.title_name"
        } else if cjk {
            "person.en.cjk_name"
        } else if given && n >= 2 {
            "person.en.given_name"
        } else if reported && n >= 2 {
            "person.en.reported"
        } else if appos && n >= 2 {
            "person.en.apposition"
        } else {
            if (2..=3).contains(&n) && !is_company {
                pending.push((s, e));
            }
            continue;
        };
        if is_company && !cue {
            continue;
        }
        if n > 4 {
            continue;
        }
        // A title's own word is no name (`The Chief Executive Officer role`).
        if n == 1 && is_title_word(first) {
            continue;
        }
        let prio = if cue {
            priority::PERSON_CUED
        } else {
            priority::PERSON_UNCUED
        };
        let mut m = Mention::new(s, e, rule, prio).full(n >= 2);
        if cue {
            m = m.cue();
            m.title = title_before(text, s).and_then(|(t, _)| t);
        }
        out.push(m);
    }
    coordinated(text, &pending, out);
}

/// `NAME and X Y`, `X Y and NAME`, `NAME, X Y and …`: the pending sequences
/// coordinated with a found full name.
fn coordinated(text: &str, pending: &[(usize, usize)], out: &mut Vec<Mention>) {
    let linked = |a: usize, b: usize| {
        text.get(a..b)
            .is_some_and(|g| matches!(g, " and " | ", " | ", and " | " or "))
    };
    // Where full ASCII names end and start: a coordinated name sits one link
    // (` and `, `, `…) away from one of them. Sets keep this linear.
    let full: Vec<(usize, usize)> = out
        .iter()
        .filter(|m| m.full && text.get(m.start..m.end).is_some_and(|t| t.is_ascii()))
        .map(|m| (m.start, m.end))
        .collect();
    let ends: std::collections::HashSet<usize> = full.iter().map(|&(_, e)| e).collect();
    let starts: std::collections::HashSet<usize> = full.iter().map(|&(s, _)| s).collect();
    const LINK_LENS: [usize; 3] = [2, 4, 5];
    let mut add = Vec::new();
    for &(s, e) in pending {
        let names = text.get(s..e).unwrap_or("");
        if names
            .split(' ')
            .any(|w| names::is_en_not_name(w) || names::is_en_calendar(w) || ORG_WORDS.contains(&w))
        {
            continue;
        }
        let ok = LINK_LENS.iter().chain([6usize].iter()).any(|&len| {
            s.checked_sub(len)
                .is_some_and(|me| ends.contains(&me) && linked(me, s))
                || starts.contains(&(e + len)) && linked(e, e + len)
        });
        if ok {
            add.push(
                Mention::new(s, e, "person.en.coordinated", priority::PERSON_UNCUED).full(true),
            );
        }
    }
    out.extend(add);
}

/// A capitalised word that ends some title (`Officer`, `President`, `Minister`).
fn is_title_word(w: &str) -> bool {
    static LAST: LazyLock<WordSet<&'static str>> = LazyLock::new(|| {
        TITLES
            .iter()
            .filter_map(|t| t.rsplit([' ', '-']).next())
            .collect()
    });
    LAST.contains(w)
}

/// A known given name (`Jean-Claude` by its first part).
fn is_given(w: &str) -> bool {
    names::is_en_given(w)
        || w.split_once('-')
            .is_some_and(|(a, _)| names::is_en_given(a))
}

fn is_particle(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_lowercase())
}
