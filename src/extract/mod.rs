//! Runs every kind's finder over one article and resolves overlaps.
//!
//! Each kind lives in its own module with per-language rule files and corpora
//! beside them, and offers one [`Finder`]; [`FINDERS`] lists them and is all
//! the pipeline runs. A finder sees the whole article (`Doc`): dates need the
//! article's first full date, people need earlier mentions for coreference.
//! Two shapes of finder exist: rule sets (`crate::rule::RuleSet`, a pattern
//! and a production per form: dates, money, percentages) and the
//! dictionary-and-cue finders of people and companies (gazetteer names,
//! titles, honorifics, legal forms).
//!
//! Overlapping candidates are settled by length first, then by priority: the
//! constants of [`priority`] name the ladder every kind shares.

use crate::article::Lang;
use crate::fact::Candidate;
use crate::fact::Kind;
use crate::gazetteer::{Found, GazMatch, Gazetteer};
use crate::scan::{Cues, Lines};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::rc::Rc;

pub mod company;
pub mod date;
pub mod money;
pub mod percent;
pub mod person;

/// Where a reference date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefSource {
    /// The article's own `date` (JSONL).
    ArticleDate,
    /// `--ref-date` on the command line.
    RefDate,
    /// The article's dateline (`LONDON, March 4, 2026 (Reuters) -`,
    /// `2025年6月9日 12:00 配信`, `Published 9 June 2025`).
    Dateline,
    /// The first full date (year, month and day) written in the article.
    FirstDate,
}

impl RefSource {
    pub fn as_str(self) -> &'static str {
        match self {
            RefSource::ArticleDate => "article_date",
            RefSource::RefDate => "ref_date",
            RefSource::Dateline => "dateline",
            RefSource::FirstDate => "first_date",
        }
    }
}

/// What an extractor sees of one article.
pub struct Doc<'a> {
    /// The width-folded text (same code points as the original, half-width forms).
    pub text: &'a str,
    /// The article's language (given, or detected). Rules of both languages run on
    /// every article; this is a hint for ambiguous cases.
    pub lang: Lang,
    /// The reference date given for the article (JSONL `date`, else `--ref-date`).
    /// The date extractor falls back to the first full date written in the text.
    pub ref_date: Option<(NaiveDate, RefSource)>,
    pub gazetteer: &'a Gazetteer,
    /// Built-in and user names of people and companies found in `text`, by one
    /// pass of the gazetteer's automaton on first use: the person rules (names,
    /// and a company before a title), the company rules and the date rules
    /// (company calendars) all read them.
    names: std::cell::OnceCell<Found>,
    /// Where Latin patterns may match (`text::latin`), found on first use.
    latin: std::cell::OnceCell<Vec<crate::text::latin::Stretch>>,
    /// The lines holding a cue of each cue list asked for so far (indexed by
    /// `Cues::id`): rule sets that gate on the same cues search the text once.
    cue_lines: std::cell::RefCell<Vec<Option<Lines>>>,
    /// What the date rules read besides the text: the reference date in force
    /// and the article's fiscal-year mentions.
    pub(crate) dates: date::DateContext,
}

impl<'a> Doc<'a> {
    pub fn new(
        text: &'a str,
        lang: Lang,
        ref_date: Option<(NaiveDate, RefSource)>,
        gazetteer: &'a Gazetteer,
    ) -> Doc<'a> {
        Doc {
            text,
            lang,
            ref_date,
            gazetteer,
            names: std::cell::OnceCell::new(),
            latin: std::cell::OnceCell::new(),
            cue_lines: std::cell::RefCell::new(Vec::new()),
            dates: date::DateContext::new(
                ref_date.map(|(day, source)| date::Reference { day, source }),
            ),
        }
    }

    /// The same article, its dates read against `reference` (none: the date
    /// rules' first pass, which looks for the article's own date). What was
    /// searched in the text so far is kept.
    pub(crate) fn with_date_reference(&self, reference: Option<date::Reference>) -> Doc<'a> {
        Doc {
            text: self.text,
            lang: self.lang,
            ref_date: self.ref_date,
            gazetteer: self.gazetteer,
            names: self.names.clone(),
            latin: self.latin.clone(),
            cue_lines: self.cue_lines.clone(),
            dates: self.dates.with_reference(reference),
        }
    }

    /// The lines of `text` (byte ranges without the `\n`) that hold one of
    /// `cues`, searched once per article for each cue list.
    pub fn cue_lines(&self, cues: &Cues) -> Lines {
        let id = cues.id();
        if let Some(Some(found)) = self.cue_lines.borrow().get(id) {
            return Rc::clone(found);
        }
        // The first list asked for: every list's lines from one search of the
        // text (`scan::all_lines`).
        if self.cue_lines.borrow().is_empty() {
            let all: Vec<Option<Lines>> = crate::scan::all_lines(self.text)
                .into_iter()
                .map(Some)
                .collect();
            *self.cue_lines.borrow_mut() = all;
            if let Some(Some(found)) = self.cue_lines.borrow().get(id) {
                return Rc::clone(found);
            }
        }
        // A list compiled after that search.
        let found: Lines = cues.lines(self.text).into();
        let mut cache = self.cue_lines.borrow_mut();
        if cache.len() <= id {
            cache.resize(id + 1, None);
        }
        if let Some(slot) = cache.get_mut(id) {
            *slot = Some(Rc::clone(&found));
        }
        found
    }

    /// The gazetteer's names in `text`, both kinds from one search.
    fn names(&self) -> &Found {
        self.names
            .get_or_init(|| self.gazetteer.find_all(self.text))
    }

    /// The gazetteer's company matches in `text`, in text order, without overlaps.
    pub fn company_matches(&self) -> &[GazMatch] {
        &self.names().companies
    }

    /// The stretches of `text` outside its long Japanese runs, where the
    /// English rules' patterns may match (`text::latin`).
    pub fn latin_stretches(&self) -> &[crate::text::latin::Stretch] {
        self.latin
            .get_or_init(|| crate::text::latin::stretches(self.text))
    }

    /// Where the cue words of people and companies stand in `text` (titles,
    /// honorifics, legal forms, industry endings), found by the same pass of
    /// the gazetteer's automaton as the names.
    pub fn name_cues(&self) -> &crate::gazetteer::CueHits {
        &self.names().cues
    }

    /// The gazetteer's person matches in `text`, in text order, without overlaps.
    pub fn person_matches(&self) -> &[GazMatch] {
        &self.names().people
    }
}

/// Finds the candidates of one kind of fact in a whole article.
///
/// The name `Extractor` is taken by the library's entry point
/// (`crate::Extractor`, which runs every finder and more); a finder is one
/// kind's part of it.
pub trait Finder: Sync {
    /// The kind of fact this finder proposes.
    fn kind(&self) -> Kind;
    /// Push the candidates found in `doc` onto `out` (overlaps unresolved).
    fn find(&self, doc: &Doc, out: &mut Vec<Candidate>);
}

/// Every kind's finder, in the order their candidates are pushed (ties
/// between equal candidates keep this order). A new kind is one line here.
pub static FINDERS: [&dyn Finder; 5] = [
    &money::MoneyFinder,
    &percent::PercentFinder,
    &date::DateFinder,
    &person::PersonFinder,
    &company::CompanyFinder,
];

/// Every kind's candidates for `doc`, overlaps unresolved.
pub fn candidates(doc: &Doc) -> Vec<Candidate> {
    let mut out = Vec::new();
    for finder in FINDERS {
        finder.find(doc, &mut out);
    }
    out
}

/// Priorities break ties between overlapping candidates of equal length
/// (`resolve_overlaps`): higher wins. Candidates of every kind meet there, so
/// the ladder is one for all kinds; the numbers only order, their gaps mean
/// nothing.
pub mod priority {
    /// A rule with nothing to say about ties.
    pub const NONE: i32 = 0;
    /// A rule reading a form that a more specific rule may also read
    /// (`2025年` within `2025年度`, a relative word, a year range).
    pub const LOOSE: i32 = 1;
    /// A money range whose span an amount rule could also read.
    pub const MONEY_RANGE: i32 = 1;
    /// A rule reading two parts together (month and year, a quarter code,
    /// an n-th weekday of a month).
    pub const COMPOUND: i32 = 2;
    /// A rule reading a day of a month (`June 9, 2025`, `2025年6月9日`).
    pub const DAY: i32 = 3;
    /// A name found without a cue around it: by its given name alone, or by
    /// coordination with a name found before (`Tom and Jerry Smith`).
    pub const PERSON_UNCUED: i32 = 5;
    /// A whole Japanese name in kanji, found by its surname list.
    pub const PERSON_KANJI_FULL: i32 = 6;
    /// A company name repeated from an earlier mention in the article.
    pub const COMPANY_REPEAT: i32 = 8;
    /// A whole katakana name, found by its given-name list.
    pub const PERSON_KATAKANA_FULL: i32 = 8;
    /// A company found by the word after it (`社`) or the words around it.
    pub const COMPANY_CONTEXT: i32 = 9;
    /// A company found by its industry word or its English head noun.
    pub const COMPANY_HEAD: i32 = 10;
    /// A company followed by its ticker (`トヨタ(7203)`).
    pub const COMPANY_TICKER: i32 = 11;
    /// A company with its legal form (`株式会社`, `Inc.`).
    pub const COMPANY_LEGAL: i32 = 12;
    /// A later mention of a person by part of a name found earlier.
    pub const PERSON_COREF: i32 = 12;
    /// A name followed by an honorific (`さん`, `氏`).
    pub const PERSON_HONORIFIC: i32 = 14;
    /// A name next to its title (`社長`, `CEO`) or another cue (`said`, an
    /// apposition).
    pub const PERSON_CUED: i32 = 15;
    /// A name written just before a known company's name in brackets
    /// (`Name (Known Co)`), read as that company.
    pub const COMPANY_BRACKET_ALIAS: i32 = 18;
    /// A name the gazetteer knows (built-in or the user's).
    pub const GAZETTEER: i32 = 20;
}

/// Keep a set of non-overlapping candidates: longest span first, then higher rule
/// priority, then earlier start (so the result does not depend on rule order).
/// Returned in text order.
///
/// The candidates themselves are not moved about: a candidate carries its value
/// (strings and all), so the sorting is done on small keys that point at them.
/// Ties keep the extractors' order, as a stable sort of the candidates would.
/// The accepted spans are kept in a map, not a sorted vector: an article on
/// one line can hold a million facts.
pub fn resolve_overlaps(cands: Vec<Candidate>) -> Vec<Candidate> {
    // (length, priority, start, rule, index): longest, then highest priority,
    // then earliest, then rule name, then the order the extractors gave.
    let mut order: Vec<(usize, i32, usize, &'static str, usize)> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| (c.end - c.start, c.priority, c.start, c.rule, i))
        .collect();
    order.sort_unstable_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(b.3))
            .then(a.4.cmp(&b.4))
    });
    // start -> end of accepted spans; no two overlap, so the one starting
    // last before a candidate's end is the only one it can clash with.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    // Indices of the kept candidates, in the order they were accepted.
    let mut kept: Vec<usize> = Vec::with_capacity(order.len());
    for &(_, _, start, _, i) in &order {
        let end = cands[i].end;
        let clash = taken
            .range(..end)
            .next_back()
            .is_some_and(|(_, &e)| e > start);
        if clash {
            continue;
        }
        taken.insert(start, end);
        kept.push(i);
    }
    // Text order; accepted order among equal spans (a stable sort).
    kept.sort_by_key(|&i| (cands[i].start, cands[i].end));
    let mut rank = vec![usize::MAX; cands.len()];
    for (r, &i) in kept.iter().enumerate() {
        rank[i] = r;
    }
    let mut out: Vec<Option<Candidate>> =
        std::iter::repeat_with(|| None).take(kept.len()).collect();
    for (i, c) in cands.into_iter().enumerate() {
        if let Some(slot) = out.get_mut(rank[i]) {
            *slot = Some(c);
        }
    }
    out.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::{Company, Value};

    fn cand(start: usize, end: usize, priority: i32, rule: &'static str) -> Candidate {
        Candidate {
            start,
            end,
            rule,
            priority,
            value: Value::Company(Company {
                name: String::new(),
                canonical: None,
                display: String::new(),
            }),
        }
    }

    /// The resolution as it was first written, sorting the candidates
    /// themselves and keeping the accepted spans in a map: what the key sort
    /// must give, candidate for candidate.
    fn resolve_by_sorting(mut cands: Vec<Candidate>) -> Vec<Candidate> {
        cands.sort_by(|a, b| {
            (b.end - b.start)
                .cmp(&(a.end - a.start))
                .then(b.priority.cmp(&a.priority))
                .then(a.start.cmp(&b.start))
                .then(a.rule.cmp(b.rule))
        });
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let mut kept = Vec::new();
        for c in cands {
            if taken
                .range(..c.end)
                .next_back()
                .is_some_and(|(_, &e)| e > c.start)
            {
                continue;
            }
            taken.insert(c.start, c.end);
            kept.push(c);
        }
        kept.sort_by_key(|c| (c.start, c.end));
        kept
    }

    #[test]
    fn key_sort_resolves_as_sorting_the_candidates() {
        // Small spans over a short text, so that ties of every kind (same
        // span, same length and priority, empty spans) are frequent.
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        const RULES: [&str; 3] = ["a", "b", "c"];
        for _ in 0..2000 {
            let n = next(12);
            let cands: Vec<Candidate> = (0..n)
                .map(|k| {
                    let start = next(20);
                    let mut c = cand(start, start + next(6), next(3) as i32, RULES[next(3)]);
                    // Tell equal-looking candidates apart by their value.
                    c.value = Value::Company(Company {
                        name: k.to_string(),
                        canonical: None,
                        display: String::new(),
                    });
                    c
                })
                .collect();
            assert_eq!(resolve_overlaps(cands.clone()), resolve_by_sorting(cands));
        }
    }

    #[test]
    fn longest_wins_then_priority() {
        let kept = resolve_overlaps(vec![
            cand(0, 3, 9, "short"),
            cand(0, 5, 0, "long"),
            cand(6, 8, 0, "low"),
            cand(6, 8, 1, "high"),
            cand(8, 9, 0, "adjacent"),
        ]);
        let rules: Vec<_> = kept.iter().map(|c| c.rule).collect();
        assert_eq!(rules, vec!["long", "high", "adjacent"]);
    }

    /// The rules of `text`'s resolved candidates, in text order.
    fn rules_in(text: &str, lang: Lang) -> Vec<(String, &'static str)> {
        let gazetteer = Gazetteer::default();
        let day = NaiveDate::from_ymd_opt(2025, 6, 9);
        let doc = Doc::new(
            text,
            lang,
            day.map(|d| (d, RefSource::ArticleDate)),
            &gazetteer,
        );
        resolve_overlaps(candidates(&doc))
            .into_iter()
            .map(|c| (text[c.start..c.end].to_string(), c.rule))
            .collect()
    }

    #[test]
    fn a_rule_name_says_which_form_fired() {
        let got = rules_in(
            "昨年と先週と明日、今週末と来月。今期と上期と2025年度。",
            Lang::Ja,
        );
        let want = [
            ("昨年", "date.ja.relative.year"),
            ("先週", "date.ja.relative.week"),
            ("明日", "date.ja.relative.day"),
            ("今週末", "date.ja.relative.weekend"),
            ("来月", "date.ja.relative.month"),
            ("今期", "date.ja.relative.fiscal_period"),
            ("上期", "date.ja.half"),
            ("2025年度", "date.ja.fiscal_year"),
        ];
        let want: Vec<_> = want.iter().map(|(t, r)| (t.to_string(), *r)).collect();
        assert_eq!(got, want);
        let got = rules_in(
            "Sales fell yesterday and last year; H1 2025 beat the first half of 2024.",
            Lang::En,
        );
        let want = [
            ("yesterday", "date.en.relative.day"),
            ("last year", "date.en.relative.year"),
            ("H1 2025", "date.en.half.code"),
            ("first half of 2024", "date.en.half.words"),
        ];
        let want: Vec<_> = want.iter().map(|(t, r)| (t.to_string(), *r)).collect();
        assert_eq!(got, want);
    }

    /// Money and percent read a qualifier word the same way (the tables of
    /// `crate::lang`): a plus sign is over, `or higher` at least.
    #[test]
    fn qualifiers_mean_the_same_in_money_and_percent() {
        use crate::fact::Qualifier::{AtLeast, Over};
        let text =
            "It spent $10B+ and $5 billion or higher; 90%+ agreed, 5% or higher.\n株価は5%+上昇";
        let gazetteer = Gazetteer::default();
        let doc = Doc::new(text, Lang::En, None, &gazetteer);
        let got: Vec<(&str, crate::fact::Qualifier)> = resolve_overlaps(candidates(&doc))
            .into_iter()
            .filter_map(|c| {
                let q = match &c.value {
                    Value::Money(m) => m.qualifier,
                    Value::Percent(p) => p.qualifier,
                    _ => return None,
                };
                Some((&text[c.start..c.end], q))
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("$10B+", Over),
                ("$5 billion or higher", AtLeast),
                ("90%+", Over),
                ("5% or higher", AtLeast),
                ("5%+", Over),
            ]
        );
    }

    #[test]
    fn the_registry_holds_one_finder_per_kind() {
        let kinds: Vec<Kind> = FINDERS.iter().map(|f| f.kind()).collect();
        let mut sorted = kinds.clone();
        sorted.sort_by_key(|k| k.index());
        assert_eq!(sorted, Kind::ALL.to_vec());
    }

    #[test]
    fn contained_span_loses() {
        let kept = resolve_overlaps(vec![cand(2, 4, 5, "inner"), cand(0, 10, 0, "outer")]);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].rule, "outer");
    }
}
