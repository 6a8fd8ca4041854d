//! date facts: rules per language (`ja/`, `en/`, numeric forms in `numeric.rs`),
//! corpus files beside them; what a date means is a typed `spec::DateSpec`, written
//! out as strings in one place (`spec::render`).
//!
//! Every value is normalised per SPEC: `iso` at the fact's own granularity.
//! Representations chosen where SPEC is silent:
//! - a week (`this week`, `先週`) is an ISO 8601 week, `2016-W45`, granularity `range`;
//! - a weekend is its ISO week with the suffix `-WE` (the TimeML convention),
//!   `2016-W45-WE` (Saturday 12 and Sunday 13 November 2016), granularity `range`;
//! - a weekday (`Tuesday`, `金曜日`) is the day itself: `this`/`next`/`last` pick the
//!   current/next/previous week (Monday first); a bare weekday is the nearest such day
//!   to the reference date (at most three days away; ties go to the past);
//! - `two days ago`, `3年前`, `in two weeks` are the day they point at (granularity `day`);
//! - a decade is the interval of its years, `1990/1999`, displayed `1990s`;
//! - a fiscal half is `FY2025-H1`, granularity `half`;
//! - a range of two dates is `start/end` (ISO 8601 interval), granularity `range`.
//!
//! `display` equals `iso`, except: decades (`1990s`); a relative date without any
//! reference date (`iso` null, display `昨年 (unresolved)`); a year-less date without a
//! reference (`iso` null, display `XXXX-06-05`).
//!
//! Reference date: the article's `date` (JSONL), else its dateline (`LONDON, March 4,
//! 2026 (Reuters) -`, `2025年6月9日 12:00 配信`, `Published 9 June 2025`), else
//! `--ref-date`, else the first full date (year, month and day) written in the
//! article; `year_source` says which (`article_date`, `dateline`, `ref_date`,
//! `first_date`, or `context` for a fiscal quarter whose fiscal year comes from an
//! earlier mention in the article).
//!
//! Adding a form: a `Rule` (name, pattern, production) in the language's
//! `mod.rs`, its production in `produce.rs` beside it, and a line in the
//! corpus (`ja.corpus`, `en.corpus`); see `crate::rule` for the gates a set
//! puts before its rules. A production rejecting matches by what stands
//! around them (`9日` right after `月`, `2025` before `年`) states that test
//! as a function of the match's bounds, given to the rule as its precheck
//! (`Rule::precheck`) and called first by the production: the matches it
//! rejects cost no capture search (`date.num.separated` rejects the decimals
//! of a news text this way, `date.ja.day` the day of a month-and-day).
//!
//! A known company's fiscal calendar (its fiscal-year end, from the gazetteer) decides
//! the fiscal year of quarters, halves and 今期/前期/来期 near it; see
//! `passes::company_fiscal_calendar`.

use crate::extract::{Doc, Finder, RefSource};
use crate::fact::{Candidate, Kind, Value};
use crate::rule::RuleSet;
use chrono::NaiveDate;
pub(crate) use context::{DateContext, Reference};
pub(crate) use spec::DateSpec;

mod bounds;
mod calendar;
mod context;
mod dateline;
mod en;
mod ja;
mod near;
mod numeric;
mod passes;
mod relative;
mod spec;
mod tense;
mod words;

fn run_all(doc: &Doc, out: &mut Vec<Candidate>) {
    let from = out.len();
    for set in rule_sets() {
        set.run(doc, out);
    }
    tidy(doc, out.get_mut(from..).unwrap_or_default());
}

/// What every candidate gets once its rule has run: a written offset before a
/// day (`2 weeks before May 13`), and no sentence stop at its end.
fn tidy(doc: &Doc, found: &mut [Candidate]) {
    for c in found {
        passes::compose(doc, c);
        passes::trim_sentence_stop(doc, c);
    }
}

/// The date rule sets, in the order their candidates are pushed.
fn rule_sets() -> [&'static RuleSet; 3] {
    [&ja::RULES, &en::RULES, &numeric::RULES]
}

/// One line where a rule set ran in the first pass (no reference date): its byte
/// range, the candidates it produced (a range of the first pass's output), and
/// whether a production there asked for the reference date.
struct LineRun {
    set: usize,
    start: usize,
    end: usize,
    cands: std::ops::Range<usize>,
    asked: bool,
}

/// Dates: the rule sets of `rule_sets`, run against the article's reference
/// date (found in a first pass when the article has none), then the passes
/// over what they found (fiscal context, relative years, company calendars).
pub struct DateFinder;

impl Finder for DateFinder {
    fn kind(&self) -> Kind {
        Kind::Date
    }

    fn find(&self, doc: &Doc, out: &mut Vec<Candidate>) {
        extract(doc, out);
    }
}

/// Push every date candidate found in `doc`.
fn extract(doc: &Doc, out: &mut Vec<Candidate>) {
    let from = out.len();
    let reference = extract_dates(doc, out);
    if let Some(found) = out.get_mut(from..) {
        passes::fiscal_context(found);
        passes::relative_year_months(doc, found);
        if let Some(r) = reference {
            passes::company_fiscal_calendar(doc, r, found);
            passes::past_year_less(doc, r, found);
        }
        passes::same_day(doc, found);
    }
}

/// Run the rules; returns the reference date the article's dates were read
/// against, if any. In order: the article's metadata date, its dateline, the
/// `--ref-date`, the first full date written in it.
fn extract_dates(doc: &Doc, out: &mut Vec<Candidate>) -> Option<NaiveDate> {
    if let Some((d, RefSource::ArticleDate)) = doc.ref_date {
        run_all(doc, out);
        return Some(d);
    }
    // A first pass without a reference finds the dateline and the first full
    // date. It notes, line by line, whether a production asked for the reference.
    let bare = doc.with_date_reference(None);
    bare.dates.take_asked();
    let mut raw: Vec<Candidate> = Vec::new();
    let mut lines: Vec<LineRun> = Vec::new();
    let text = doc.text;
    for (k, set) in rule_sets().into_iter().enumerate() {
        let mut start = 0;
        while start < text.len() {
            let end =
                memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |p| start + p);
            let from = raw.len();
            if set.run_line(&bare, start, end, &mut raw) {
                lines.push(LineRun {
                    set: k,
                    start,
                    end,
                    cands: from..raw.len(),
                    asked: bare.dates.take_asked(),
                });
            }
            start = end + 1;
        }
    }
    let needed = lines.iter().any(|l| l.asked);
    let mut first = raw.clone();
    tidy(doc, &mut first);
    let full_dates = || {
        first.iter().filter_map(|c| match &c.value {
            Value::Date(v) => match v.spec.when {
                spec::When::Day(d) if is_full_date(&v.spec) => Some((c, d)),
                _ => None,
            },
            _ => None,
        })
    };
    let head = dateline::Head::new(doc.text);
    let reference = full_dates()
        .filter(|(c, _)| head.is_dateline(doc.text, c.start, c.end))
        .min_by_key(|(c, _)| c.start)
        .map(|(_, d)| (d, RefSource::Dateline))
        .or(doc.ref_date)
        .or_else(|| {
            full_dates()
                .min_by_key(|(c, _)| c.start)
                .map(|(_, d)| (d, RefSource::FirstDate))
        });
    match (needed, reference) {
        (true, Some((day, source))) => {
            // Only the lines where a production asked for the reference date can
            // change; the others keep their first-pass candidates, in the same order
            // a full second run would push them.
            let second = doc.with_date_reference(Some(Reference { day, source }));
            let sets = rule_sets();
            let from = out.len();
            for l in &lines {
                if l.asked {
                    if let Some(set) = sets.get(l.set) {
                        set.run_line(&second, l.start, l.end, out);
                    }
                } else if let Some(cs) = raw.get(l.cands.clone()) {
                    out.extend_from_slice(cs);
                }
            }
            tidy(doc, out.get_mut(from..).unwrap_or_default());
        }
        _ => out.extend(first),
    }
    reference.map(|(d, _)| d)
}

/// A day with its year written, not relative: what can be the reference date.
fn is_full_date(s: &DateSpec) -> bool {
    matches!(s.when, spec::When::Day(_)) && !s.year_inferred && !s.relative
}

/// Dates found in `text` after overlap resolution, as (span text, value): what the
/// unit tests of the rule files check.
#[cfg(test)]
pub(super) fn dates_in(
    text: &str,
    lang: crate::article::Lang,
    ref_date: Option<(&str, RefSource)>,
) -> Vec<(String, crate::fact::DateValue)> {
    let gaz = crate::gazetteer::Gazetteer::default();
    let ref_date = ref_date.and_then(|(d, src)| {
        NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .ok()
            .map(|d| (d, src))
    });
    let doc = Doc::new(text, lang, ref_date, &gaz);
    let mut out = Vec::new();
    extract(&doc, &mut out);
    crate::extract::resolve_overlaps(out)
        .into_iter()
        .filter_map(|c| match c.value {
            Value::Date(v) => Some((text.get(c.start..c.end)?.to_string(), v)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_rules_compile() {
        assert!(!ja::RULES.is_empty());
        assert!(!en::RULES.is_empty());
        assert!(!numeric::RULES.is_empty());
    }
}
