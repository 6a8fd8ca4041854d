//! person facts: names of people with the titles bound to them and a canonical
//! name shared across languages.
//!
//! Work per article, in passes:
//! 1. *find* names: gazetteer aliases (`ベサント`, `Scott Bessent`), then the
//!    Japanese (`ja.rs`) and English (`en.rs`) rules: name + title, title + name,
//!    name + honorific, katakana full names, capitalised names with a given name,
//!    reporting verbs;
//! 2. *bind* titles: a title written right before or after the name (`米財務長官の
//!    ベサント氏`, `ベサント財務長官`, `Amy Hood, CFO of Microsoft`);
//! 3. *resolve* ambiguous gazetteer aliases (kept only with a title, an honorific,
//!    a reporting verb, or the full name elsewhere in the article);
//! 4. *coreference*: once a full name is known (`Scott Bessent`, `橋本英二`), the
//!    bare surname elsewhere in the article (`Bessent`, `橋本氏`) is the same
//!    person: same canonical, and the title carries when the text gives none.
//!
//! The span is the name alone; the title goes to `value.title`. The canonical is
//! the gazetteer's name, else null (never the name as written: a user can tell a
//! known person from an unknown one). The display is the canonical, else the full
//! name the article gives (`Okafor` after `Daniel Okafor`), else the name.

use crate::extract::{priority, Doc, Finder};
use crate::fact::{Candidate, Kind, Person, Value};
use crate::text::around::{char_after, char_before};
use std::collections::HashMap;

pub mod en;
pub mod ja;
pub mod names;

/// A name found in the article (byte offsets of the folded text).
#[derive(Clone, Debug)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub title: Option<String>,
    /// Gazetteer entry and whether the alias was ambiguous.
    pub gaz: Option<(usize, bool)>,
    /// Given and family name both written (`Scott Bessent`, `橋本英二`, `ドナルド・トランプ`).
    pub full: bool,
    /// A title, honorific or reporting verb vouches for it.
    pub cue: bool,
    pub rule: &'static str,
    pub priority: i32,
}

impl Mention {
    pub fn new(start: usize, end: usize, rule: &'static str, priority: i32) -> Mention {
        Mention {
            start,
            end,
            title: None,
            gaz: None,
            full: false,
            cue: false,
            rule,
            priority,
        }
    }

    pub fn title(mut self, title: Option<String>) -> Mention {
        self.cue |= title.is_some();
        self.title = title;
        self
    }

    pub fn cue(mut self) -> Mention {
        self.cue = true;
        self
    }

    pub fn full(mut self, full: bool) -> Mention {
        self.full = full;
        self
    }
}

/// People: a dictionary-and-cue finder (gazetteer names, then names found by
/// their titles, honorifics and name lists; module docs).
pub struct PersonFinder;

impl Finder for PersonFinder {
    fn kind(&self) -> Kind {
        Kind::Person
    }

    fn find(&self, doc: &Doc, out: &mut Vec<Candidate>) {
        extract(doc, out);
    }
}

/// Push every person candidate found in `doc`.
fn extract(doc: &Doc, out: &mut Vec<Candidate>) {
    let text = doc.text;
    let gz = doc.gazetteer;
    let mut ms: Vec<Mention> = Vec::new();
    for m in doc.person_matches() {
        let mut x = Mention::new(m.start, m.end, "person.gazetteer", priority::GAZETTEER);
        x.gaz = Some((m.entry, m.ambiguous));
        x.full = is_full_name(text.get(m.start..m.end).unwrap_or(""));
        ms.push(x);
    }
    ja::find(doc, &mut ms);
    en::find(doc, &mut ms);
    let mut ms = merge(doc, ms);
    if ms.is_empty() {
        return;
    }

    // Bind titles written around the name; look names up in the gazetteer.
    for m in ms.iter_mut() {
        let name = text.get(m.start..m.end).unwrap_or("");
        if m.title.is_none() {
            let bound = ja::bind_title(doc, m.start, m.end)
                .or_else(|| en::bind_title(text, m.start, m.end));
            if let Some(t) = bound {
                m.title = Some(t);
                m.cue = true;
            }
        }
        m.cue |= ja::has_honorific(text, m.end) || en::has_honorific(text, m.start);
        if m.gaz.is_none() {
            m.gaz = gz.lookup_index(Kind::Person, name);
        }
    }

    // Ambiguous aliases need a cue or the full name elsewhere in the article.
    let certain: Vec<usize> = ms
        .iter()
        .filter_map(|m| m.gaz.filter(|g| !g.1).map(|g| g.0))
        .collect();
    ms.retain(|m| match m.gaz {
        Some((e, true)) => m.cue || certain.contains(&e),
        _ => true,
    });

    // Coreference: surnames of full names found in the article. `canon` is the
    // person a mention stands for (the gazetteer's name, else the full name the
    // article gives); `known` says whether the gazetteer gave it, for only then
    // is it the fact's `canonical`.
    let mut canon: Vec<Option<String>> = Vec::with_capacity(ms.len());
    let mut known: Vec<bool> = Vec::with_capacity(ms.len());
    for m in &ms {
        let name = text.get(m.start..m.end).unwrap_or("");
        match m.gaz.and_then(|(e, _)| gz.entry(e)) {
            Some(e) => {
                canon.push(Some(e.canonical.clone()));
                known.push(true);
            }
            None => {
                canon.push(m.full.then(|| name.to_string()));
                known.push(false);
            }
        }
    }
    let mut surnames: HashMap<String, (String, bool)> = HashMap::new();
    for ((m, c), &k) in ms.iter().zip(&canon).zip(&known) {
        if let (true, Some(c)) = (m.full, c) {
            let name = text.get(m.start..m.end).unwrap_or("");
            if let Some(s) = surname_of(name) {
                surnames
                    .entry(s.to_string())
                    .or_insert_with(|| (c.clone(), k));
            }
        }
    }
    if !surnames.is_empty() {
        let mut extra = Vec::new();
        for s in surnames.keys() {
            // The occurrences `match_indices` gives (left to right, without
            // overlaps), by a vectorised search.
            for i in memchr::memmem::find_iter(text.as_bytes(), s.as_bytes()) {
                let e = i + s.len();
                if surname_boundary(doc, s, i, e) && !ms.iter().any(|m| m.start < e && i < m.end) {
                    extra.push(Mention::new(i, e, "person.coref", priority::PERSON_COREF));
                }
            }
        }
        for mut m in extra {
            m.title = ja::bind_title(doc, m.start, m.end)
                .or_else(|| en::bind_title(text, m.start, m.end));
            canon.push(None);
            known.push(false);
            ms.push(m);
        }
        for ((m, c), k) in ms.iter().zip(canon.iter_mut()).zip(known.iter_mut()) {
            if c.is_none() {
                let name = text.get(m.start..m.end).unwrap_or("");
                if let Some((full, from_gazetteer)) = surnames.get(name) {
                    *c = Some(full.clone());
                    *k = *from_gazetteer;
                }
            }
        }
    }

    // Titles carry along a person's mentions: the nearest earlier title, else the first.
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by_key(|&i| ms[i].start);
    let mut first_title: HashMap<&str, &str> = HashMap::new();
    for &i in &order {
        if let (Some(c), Some(t)) = (&canon[i], &ms[i].title) {
            first_title.entry(c.as_str()).or_insert(t.as_str());
        }
    }
    let mut last_title: HashMap<String, String> = HashMap::new();
    let mut carried: Vec<Option<String>> = vec![None; ms.len()];
    for &i in &order {
        let Some(c) = &canon[i] else { continue };
        match &ms[i].title {
            Some(t) => {
                last_title.insert(c.clone(), t.clone());
            }
            None => {
                carried[i] = last_title
                    .get(c)
                    .cloned()
                    .or_else(|| first_title.get(c.as_str()).map(|t| t.to_string()));
            }
        }
    }

    for (i, m) in ms.into_iter().enumerate() {
        let name = text.get(m.start..m.end).unwrap_or("").to_string();
        let title = m.title.or_else(|| carried[i].take());
        // The display names the person (the full name the article gives when the
        // gazetteer does not know them); `canonical` is the gazetteer's name only.
        let person = canon[i].take();
        let base = person.clone().unwrap_or_else(|| name.clone());
        let canonical = person.filter(|_| known[i]);
        let display = match &title {
            Some(t) => format!("{base} ({t})"),
            None => base,
        };
        out.push(Candidate {
            start: m.start,
            end: m.end,
            rule: m.rule,
            priority: m.priority,
            value: Value::Person(Person {
                name,
                title,
                canonical,
                display,
            }),
        });
    }
}

/// Merge mentions over the same span (title, gazetteer entry and cues combine)
/// and drop empty or out-of-range ones.
fn merge(doc: &Doc, mut ms: Vec<Mention>) -> Vec<Mention> {
    ms.retain(|m| m.start < m.end && doc.text.get(m.start..m.end).is_some());
    ms.sort_by_key(|m| (m.start, m.end, -m.priority));
    let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
    for m in ms {
        match out.last_mut() {
            Some(p) if p.start == m.start && p.end == m.end => {
                if p.title.is_none() {
                    p.title = m.title;
                }
                if p.gaz.is_none() {
                    p.gaz = m.gaz;
                }
                p.full |= m.full;
                p.cue |= m.cue;
                if p.rule == "person.gazetteer" {
                    p.rule = m.rule;
                }
            }
            _ => out.push(m),
        }
    }
    out
}

/// A name with given and family name: two English words, a katakana name with
/// `・`, or kanji with a known surname and more.
fn is_full_name(name: &str) -> bool {
    if name.contains('・') || spaced_kanji(name).is_some() {
        return true;
    }
    if name.is_ascii() {
        return name
            .split_whitespace()
            .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
            .count()
            >= 2;
    }
    let n = name.chars().count();
    name.chars().all(crate::gazetteer::is_kanji) && {
        let s = names::surname_prefix(name);
        s >= 1 && n > s && n >= 3
    }
}

/// The family name of a full name: the last English word or katakana part, the
/// known surname that starts a kanji name.
fn surname_of(name: &str) -> Option<&str> {
    if let Some((family, _)) = spaced_kanji(name) {
        return (family.chars().count() >= 2).then_some(family);
    }
    if let Some((_, last)) = name.rsplit_once('・') {
        return (last.chars().count() >= 2).then_some(last);
    }
    if name.is_ascii() {
        // `Wong Kar-leung`: the family name comes first.
        if let Some((first, given)) = name.split_once(' ') {
            if names::is_en_cjk_surname(first) && names::is_en_cjk_given(given) {
                return Some(first);
            }
        }
        let last = name.split_whitespace().last()?;
        let last = last.trim_end_matches('.');
        return (last.len() >= 3 && !matches!(last, "Jr" | "Sr" | "II" | "III" | "IV"))
            .then_some(last);
    }
    let s = names::surname_prefix(name);
    let end = name.char_indices().nth(s).map(|(i, _)| i)?;
    // One-character surnames (習, 菅) alone are too ambiguous to search for.
    (s >= 2).then(|| name.get(..end)).flatten()
}

/// A kanji name written with a space (`山本 健`): family and given name.
fn spaced_kanji(name: &str) -> Option<(&str, &str)> {
    let (a, b) = name.split_once([' ', '\u{3000}'])?;
    let kanji = |s: &str| !s.is_empty() && s.chars().all(crate::gazetteer::is_kanji);
    (kanji(a) && kanji(b)).then_some((a, b))
}

/// May the bare surname at `[s, e)` stand for the person?
fn surname_boundary(doc: &Doc, surname: &str, s: usize, e: usize) -> bool {
    let text = doc.text;
    let before = char_before(text, s);
    let after = char_after(text, e);
    if surname.is_ascii() {
        return !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
            && !text
                .get(e..)
                .is_some_and(|t| t.starts_with(" ") && en::starts_with_capital_word(&t[1..]));
    }
    let k = crate::gazetteer::is_katakana;
    let h = crate::gazetteer::is_kanji;
    match surname.chars().next() {
        Some(c) if k(c) => {
            !before.is_some_and(|b| k(b) || b == '・') && !after.is_some_and(|a| k(a) || a == '・')
        }
        Some(_) => {
            !before.is_some_and(h)
                && (!after.is_some_and(h)
                    || ja::has_honorific(text, e)
                    || ja::title_at(text, e).is_some())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {

    fn people(text: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
        crate::analyze::facts_of_text(text)
            .into_iter()
            .filter_map(|f| match f.value {
                crate::Value::Person(p) => Some((f.text, p.display, p.title, p.canonical)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn person_ja_title_after_name() {
        let got =
            people("米国側からはベサント財務長官、ラトニック商務長官、グリアUSTR代表が参加した。");
        let titles: Vec<_> = got.iter().map(|g| (g.0.as_str(), g.2.as_deref())).collect();
        assert_eq!(
            titles,
            vec![
                ("ベサント", Some("財務長官")),
                ("ラトニック", Some("商務長官")),
                ("グリア", Some("USTR代表"))
            ]
        );
    }

    #[test]
    fn person_ja_title_before_name_and_coref() {
        let got = people("会長兼CEO北野健一氏は会見した。北野氏は「前進だ」と述べた。");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "北野健一");
        assert_eq!(got[0].1, "北野健一 (会長兼CEO)");
        assert_eq!(got[1].0, "北野");
        // The article names him in full; no gazetteer entry, so no canonical.
        assert_eq!(got[1].1, "北野健一 (会長兼CEO)");
        assert_eq!(got[1].3, None);
        assert_eq!(got[1].2.as_deref(), Some("会長兼CEO"));
    }

    #[test]
    fn person_en_title_and_coref() {
        let got =
            people("Treasury Secretary Scott Bessent met reporters. Bessent said talks went well.");
        assert_eq!(got[0].0, "Scott Bessent");
        assert_eq!(got[0].2.as_deref(), Some("Treasury Secretary"));
        assert_eq!(got[1].0, "Bessent");
        assert_eq!(got[1].3.as_deref(), Some("Scott Bessent"));
        assert_eq!(got[1].2.as_deref(), Some("Treasury Secretary"));
    }

    #[test]
    fn person_en_coordinated_names() {
        let got = people("It was founded by Daniel Okafor and Mei Lin Zhao in 2022.");
        let spans: Vec<_> = got.iter().map(|g| (g.0.as_str(), g.3.as_deref())).collect();
        assert_eq!(spans, vec![("Daniel Okafor", None), ("Mei Lin Zhao", None)]);
    }

    #[test]
    fn person_en_institution_title_and_apposition_modifiers() {
        let got = people(
            "Chicago Fed President Austan Goolsbee dissented, said Rosa Delgado, chief U.S. economist at Tallow Point Advisors.",
        );
        let titles: Vec<_> = got.iter().map(|g| (g.0.as_str(), g.2.as_deref())).collect();
        assert_eq!(
            titles,
            vec![
                ("Austan Goolsbee", Some("Chicago Fed President")),
                ("Rosa Delgado", Some("chief U.S. economist"))
            ]
        );
    }

    #[test]
    fn person_ja_compound_analyst_title() {
        let got = people("三井住友DSアセットマネジメントのチーフマーケットストラテジスト、森川亜紀氏は指摘した。");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "森川亜紀");
        assert_eq!(got[0].2.as_deref(), Some("チーフマーケットストラテジスト"));
    }

    #[test]
    fn person_en_honorific_possessive() {
        let got = people("Mr O'Rourke said Donald Trump's plan was bold.");
        let spans: Vec<_> = got.iter().map(|g| (g.0.as_str(), g.2.clone())).collect();
        assert_eq!(spans, vec![("O'Rourke", None), ("Donald Trump", None)]);
    }
}
