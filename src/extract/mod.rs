//! Runs every kind's extractor over one article and resolves overlaps.
//!
//! Each kind lives in its own module with per-language rule files and corpora
//! beside them. An extractor sees the whole article (`Doc`): dates need the
//! article's first full date, people need earlier mentions for coreference.

use crate::article::Lang;
use crate::fact::Candidate;
use crate::fact::Kind;
use crate::gazetteer::{GazMatch, Gazetteer};
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
    /// Built-in and user company names found in `text`, searched once on first
    /// use: both the person rules (a company before a title) and the company
    /// rules need them.
    company_matches: std::cell::OnceCell<Vec<GazMatch>>,
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
            company_matches: std::cell::OnceCell::new(),
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
            company_matches: self.company_matches.clone(),
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

    /// The gazetteer's company matches in `text`, in text order, without overlaps.
    pub fn company_matches(&self) -> &[GazMatch] {
        self.company_matches
            .get_or_init(|| self.gazetteer.find(Kind::Company, self.text))
    }
}

/// Every kind's candidates for `doc`, overlaps unresolved.
pub fn candidates(doc: &Doc) -> Vec<Candidate> {
    let mut out = Vec::new();
    money::extract(doc, &mut out);
    percent::extract(doc, &mut out);
    date::extract(doc, &mut out);
    person::extract(doc, &mut out);
    company::extract(doc, &mut out);
    out
}

/// Keep a set of non-overlapping candidates: longest span first, then higher rule
/// priority, then earlier start (so the result does not depend on rule order).
/// Returned in text order.
pub fn resolve_overlaps(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.priority.cmp(&a.priority))
            .then(a.start.cmp(&b.start))
            .then(a.rule.cmp(b.rule))
    });
    // start -> end of accepted spans; no two overlap, so neighbours suffice.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kept = Vec::with_capacity(cands.len());
    for c in cands {
        let clash_before = taken
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &e)| e > c.start);
        if clash_before {
            continue;
        }
        taken.insert(c.start, c.end);
        kept.push(c);
    }
    kept.sort_by_key(|c| (c.start, c.end));
    kept
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

    #[test]
    fn contained_span_loses() {
        let kept = resolve_overlaps(vec![cand(2, 4, 5, "inner"), cand(0, 10, 0, "outer")]);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].rule, "outer");
    }
}
