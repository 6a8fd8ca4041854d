//! Article-wide passes over the date candidates once the rules have run: what
//! one date means can depend on the text before it or on other dates of the
//! article (`2 weeks before May 13`, `来年4~6月期`, a quarter of the fiscal year
//! in force, a company's fiscal calendar). Each works on the typed specs.

use super::calendar::{fiscal_year_of, nearest_fiscal_year, shift_by};
use super::near::{before, sentence_around};
use super::spec::{render, DateSpec, FiscalPart, When, YearSource};
use super::tense::{tense_before, Tense};
use super::words::{count_word, en_unit, ABBREVIATED};
use crate::extract::Doc;
use crate::fact::{Candidate, Value};
use chrono::{Datelike, NaiveDate};
use std::sync::LazyLock;

/// The spec of a date candidate.
fn spec_mut(c: &mut Candidate) -> Option<&mut DateSpec> {
    match &mut c.value {
        Value::Date(v) => Some(&mut v.spec),
        _ => None,
    }
}

/// Write a changed spec back into its candidate's value.
fn rerender(c: &mut Candidate) {
    if let Value::Date(v) = &mut c.value {
        *v = render(std::mem::take(&mut v.spec));
    }
}

/// A span that ends in a full stop after a whole word (`in April.`) ends before
/// it: the stop ends the sentence. After an abbreviation (`Jan.`) it stays.
pub(super) fn trim_sentence_stop(doc: &Doc, c: &mut Candidate) {
    let Some(span) = doc.text.get(c.start..c.end) else {
        return;
    };
    let Some(body) = span.strip_suffix('.') else {
        return;
    };
    let word: String = body
        .chars()
        .rev()
        .take_while(|ch| ch.is_ascii_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if !word.is_empty() && !ABBREVIATED.contains(&word.to_ascii_lowercase().as_str()) {
        c.end -= 1;
    }
}

static COMPOSE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?-u:\b)(?P<n>[0-9]{1,3}|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<u>day|week|month|year)s?\s+(?P<dir>from|after|before)\s+(?:the\s+)?$",
    )
    .unwrap_or_else(|e| panic!("date compose: {e}"))
});

/// `2 weeks before May 13 1999`, `3 days after January 12th`: a day shifted by a
/// written offset. The candidate grows to cover the offset.
pub(super) fn compose(doc: &Doc, c: &mut Candidate) {
    let start = c.start;
    let Some(spec) = spec_mut(c) else {
        return;
    };
    let When::Day(base) = spec.when else {
        return;
    };
    let head = before(doc, start, 40);
    let Some(m) = COMPOSE.captures(head) else {
        return;
    };
    let (Some(all), Some(n), Some(u), Some(dir)) =
        (m.get(0), m.name("n"), m.name("u"), m.name("dir"))
    else {
        return;
    };
    let Some(n) = count_word(n.as_str()) else {
        return;
    };
    let n = if dir.as_str().eq_ignore_ascii_case("before") {
        -n
    } else {
        n
    };
    let Some(d) = shift_by(base, en_unit(u.as_str()), n) else {
        return;
    };
    spec.when = When::Day(d);
    c.start = start - head.len() + all.start();
    rerender(c);
}

/// The fiscal-year end month of the company a date at byte `pos` belongs to: the
/// nearest company named before it in its sentence (else the first after it there),
/// and in a sentence naming no company, the article's subject (its first company)
/// when that is the last company with a known calendar named before the date. None
/// when the gazetteer gives that company no fiscal-year end other than December.
fn company_fy_end(doc: &Doc, pos: usize) -> Option<u32> {
    let matches = doc.company_matches();
    let (s, e) = sentence_around(doc.text, pos);
    let k = matches.partition_point(|m| m.end <= pos);
    let in_sentence = matches[..k]
        .iter()
        .rev()
        .find(|m| m.start >= s)
        .or_else(|| matches.get(k).filter(|m| m.end <= e));
    let known = |m: &&crate::gazetteer::GazMatch| {
        doc.gazetteer
            .entry(m.entry)
            .is_some_and(|e| e.fy_end_month.is_some())
    };
    // Outside such a sentence: the last company with a known calendar named before
    // the date, when it is the article's subject (its first company). In a market
    // wrap naming many companies, that is seldom so, and quarters stay calendar ones.
    let subject = || {
        let first = matches.first()?;
        matches[..k]
            .iter()
            .rev()
            .find(known)
            .filter(|m| m.entry == first.entry)
    };
    let m = match in_sentence {
        Some(m) => m,
        None => subject()?,
    };
    let end = doc.gazetteer.entry(m.entry)?.fy_end_month?;
    (end != 12).then_some(u32::from(end))
}

/// `来年4~6月期`, `来年1~3月`: a relative year written right before year-less months
/// gives them its year; the months' fact grows to cover it.
pub(super) fn relative_year_months(doc: &Doc, found: &mut [Candidate]) {
    let years: Vec<(usize, usize, i32)> = found
        .iter()
        .filter_map(|c| match &c.value {
            Value::Date(v) => match v.spec.when {
                When::Year(y) if v.spec.relative => Some((c.start, c.end, y)),
                _ => None,
            },
            _ => None,
        })
        .collect();
    if years.is_empty() {
        return;
    }
    // The candidates by start, so that each year finds the ones right after it
    // (or after `の`) without a pass over all of them: an article of a million
    // dates has thousands of relative years. A candidate changed below is
    // relative from then on and never changed again, so looking candidates up
    // by their first start finds what a pass over them would.
    let mut by_start: Vec<(usize, usize)> = found
        .iter()
        .enumerate()
        .map(|(i, c)| (c.start, i))
        .collect();
    by_start.sort_unstable();
    let starting_at = |at: usize| {
        let from = by_start.partition_point(|&(s, _)| s < at);
        by_start[from..]
            .iter()
            .take_while(move |&&(s, _)| s == at)
            .map(|&(_, i)| i)
    };
    for (ys, ye, year) in years {
        let mut next: Vec<usize> = starting_at(ye).collect();
        if doc.text.get(ye..).is_some_and(|t| t.starts_with('の')) {
            next.extend(starting_at(ye + 'の'.len_utf8()));
        }
        next.sort_unstable();
        for i in next {
            let c = &mut found[i];
            let gap = doc.text.get(ye..c.start).unwrap_or("x");
            if c.start < ye || !(gap.is_empty() || gap == "の") {
                continue;
            }
            let Some(spec) = spec_mut(c) else {
                continue;
            };
            if !spec.year_inferred || spec.relative {
                continue;
            }
            // A month, or a range of months, each with its year.
            let month_of = |s: &DateSpec| match s.when {
                When::Month {
                    year: Some(_),
                    month,
                } => Some(month),
                _ => None,
            };
            let with_year = |s: &mut DateSpec, month: u32| {
                s.when = When::Month {
                    year: Some(year),
                    month,
                };
                s.year_inferred = false;
                s.relative = true;
            };
            match &mut spec.when {
                When::Month { year: Some(_), .. } => {}
                When::Range(a, b) => {
                    let (Some(ma), Some(mb)) = (month_of(a), month_of(b)) else {
                        continue;
                    };
                    with_year(a, ma);
                    with_year(b, mb);
                }
                _ => continue,
            }
            if let Some(m) = month_of(spec) {
                with_year(spec, m);
            }
            spec.year_inferred = false;
            spec.relative = true;
            c.start = ys;
            rerender(c);
        }
    }
}

/// Quarters, halves and relative fiscal years (`fiscal first quarter`, `Q4`, `the
/// fourth quarter`, `第1四半期`, `上期`, `今期`, `前期`, `来期`) near a company the
/// gazetteer knows to close its year in another month than December follow that
/// company's calendar: Microsoft's (June) fiscal first quarter in an October 2025
/// story is `FY2026-Q1`; Toyota's (March) 今期 in November 2025 is `FY2026` with
/// fy_end `2026-03`. A fiscal year is named by the calendar year it ends in. A
/// written year, or a fiscal year taken from the article's context, is kept.
pub(super) fn company_fiscal_calendar(doc: &Doc, reference: NaiveDate, found: &mut [Candidate]) {
    for c in found.iter_mut() {
        let start = c.start;
        let first = doc.text.get(c.start..c.end).and_then(|s| s.chars().next());
        let Some(spec) = spec_mut(c) else {
            continue;
        };
        let inferred = spec.year_inferred && !spec.relative;
        // (months in a part, which part) of a quarter or half whose year was inferred.
        let part = match spec.when {
            When::Quarter {
                year: Some(_),
                quarter,
            } if inferred => Some((3, quarter)),
            When::Fiscal {
                year: Some(_),
                part: FiscalPart::Quarter(q),
                ..
            } if inferred && spec.source != Some(YearSource::Context) => Some((3, q)),
            When::Half {
                year: Some(_),
                half,
            } if inferred => Some((6, half)),
            When::Fiscal {
                year: Some(_),
                part: FiscalPart::Half(h),
                ..
            } if inferred => Some((6, h)),
            When::Fiscal {
                year: Some(_),
                end: None,
                part: FiscalPart::Whole,
            } if spec.relative => {
                let off = match first {
                    Some('今' | '当' | '本') => 0,
                    Some('前') => -1,
                    Some('来') => 1,
                    _ => continue,
                };
                let Some(end) = company_fy_end(doc, start) else {
                    continue;
                };
                spec.when = When::Fiscal {
                    year: Some(fiscal_year_of(reference, end) + off),
                    end: Some(end),
                    part: FiscalPart::Whole,
                };
                rerender(c);
                continue;
            }
            _ => None,
        };
        let Some((n, k)) = part else {
            continue;
        };
        let Some(end) = company_fy_end(doc, start) else {
            continue;
        };
        let Some(fy) = nearest_fiscal_year(reference, end, n, k) else {
            continue;
        };
        spec.when = When::Fiscal {
            year: Some(fy),
            end: Some(end),
            part: if n == 3 {
                FiscalPart::Quarter(k)
            } else {
                FiscalPart::Half(k)
            },
        };
        rerender(c);
    }
}

/// In an article that counts in fiscal quarters (`fiscal fourth-quarter`,
/// `Q1 FY2026`), a later bare `third quarter` without a year is a quarter of the
/// fiscal year in force, not of the calendar year.
pub(super) fn fiscal_context(found: &mut [Candidate]) {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].start);
    let mut fiscal_quarters_seen = false;
    let mut fy: Option<i32> = None;
    for i in order {
        let c = &mut found[i];
        let Some(spec) = spec_mut(c) else {
            continue;
        };
        match spec.when {
            When::Fiscal {
                year,
                part: part @ (FiscalPart::Whole | FiscalPart::Quarter(_)),
                ..
            } => {
                if matches!(part, FiscalPart::Quarter(_)) {
                    fiscal_quarters_seen = true;
                }
                fy = year.or(fy);
            }
            When::Quarter {
                year: Some(_),
                quarter,
            } if fiscal_quarters_seen && spec.year_inferred && !spec.relative => {
                let Some(year) = fy else {
                    continue;
                };
                spec.when = When::Fiscal {
                    year: Some(year),
                    end: None,
                    part: FiscalPart::Quarter(quarter),
                };
                spec.source = Some(YearSource::Context);
                rerender(c);
            }
            _ => {}
        }
    }
}

/// `同日`, `the same day`: the last day written before it (`2025年11月5日 ... 同日`),
/// not the reference date; the reference only when no day comes before.
pub(super) fn same_day(doc: &Doc, found: &mut [Candidate]) {
    let is_same_day = |c: &Candidate| {
        doc.text.get(c.start..c.end).is_some_and(|t| {
            let words = t.split_whitespace().collect::<Vec<_>>().join(" ");
            t == "同日" || words.eq_ignore_ascii_case("the same day")
        })
    };
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].start);
    for &i in &order {
        if !is_same_day(&found[i]) {
            continue;
        }
        let start = found[i].start;
        // The day ending last before it; of those ending together, the longest
        // (`2024年6月9日`, not the `6月9日` inside it).
        let anchor = found
            .iter()
            .filter(|c| c.end <= start)
            .filter_map(|c| match &c.value {
                Value::Date(v) => match v.spec.when {
                    When::Day(_) => Some((c.end, c.end - c.start, v.spec.clone())),
                    _ => None,
                },
                _ => None,
            })
            .max_by_key(|&(end, len, _)| (end, len))
            .map(|(_, _, s)| s);
        let Some(anchor) = anchor else {
            continue;
        };
        let c = &mut found[i];
        if let Some(spec) = spec_mut(c) {
            spec.when = anchor.when;
            spec.year_inferred = anchor.year_inferred;
            spec.source = anchor.source;
            spec.relative = true;
            rerender(c);
        }
    }
}

/// A year-less month or day taken from the reference year but after the
/// reference date, in a clause written in the past tense (`sales fell in
/// October` in a January story, `10月に発表した`), is of the year before: what
/// has happened cannot lie ahead.
pub(super) fn past_year_less(doc: &Doc, reference: NaiveDate, found: &mut [Candidate]) {
    // Only a written month and day moves with its year: a holiday or a weekday
    // falls on another day in another year.
    const WRITTEN: &[&str] = &[
        "date.en.month_day",
        "date.en.day_month",
        "date.en.month",
        "date.ja.month_day",
        "date.ja.month",
        "date.num.separated",
    ];
    for c in found.iter_mut() {
        if !WRITTEN.contains(&c.rule) {
            continue;
        }
        let (start, end) = (c.start, c.end);
        let Some(spec) = spec_mut(c) else {
            continue;
        };
        if !spec.year_inferred
            || spec.relative
            || !matches!(spec.source, Some(YearSource::Reference(_)))
        {
            continue;
        }
        let later = match spec.when {
            When::Day(d) => d > reference && d.year() == reference.year(),
            When::Month {
                year: Some(y),
                month,
            } => y == reference.year() && month > reference.month(),
            _ => false,
        };
        if !later || reference.month() > 3 || !past_clause(doc, start, end) {
            continue;
        }
        spec.when = match spec.when {
            When::Day(d) => match d.with_year(d.year() - 1) {
                Some(p) => When::Day(p),
                None => continue,
            },
            When::Month { year, month } => When::Month {
                year: year.map(|y| y - 1),
                month,
            },
            _ => continue,
        };
        rerender(c);
    }
}

/// Whether the clause around `start..end` is in the past tense: an English verb
/// before it (`fell in October`), or a Japanese sentence that ends in `た` after it.
fn past_clause(doc: &Doc, start: usize, end: usize) -> bool {
    if tense_before(doc, start) == Some(Tense::Past) {
        return true;
    }
    let (_, stop) = sentence_around(doc.text, end);
    let tail = doc.text.get(end..stop).unwrap_or("");
    let tail = tail.trim_end_matches(['。', '」', '』', ' ', '.']);
    // `10月に発表する方針を決めた`: the past is the decision's, the date is ahead.
    const AHEAD: &[&str] = &[
        "予定",
        "方針",
        "見通し",
        "計画",
        "目標",
        "目指",
        "予想",
        "見込",
        "めど",
        "メド",
        "まで",
        "以降",
        "から",
        "する",
        "される",
        "なる",
    ];
    !tail.is_ascii() && tail.ends_with('た') && !AHEAD.iter().any(|w| tail.contains(w))
}
