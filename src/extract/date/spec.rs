//! What a date fact means, as typed data: a day, a month, a quarter, a half, a
//! fiscal year (or its quarter or half, with the month it ends in), a week, a
//! decade, a range of two of these, or a date that cannot be resolved.
//!
//! Productions and the article-wide passes (fiscal calendars, `来年4~6月期`,
//! offsets such as `2 weeks before`) build and change `DateSpec`s; the output
//! strings (`iso`, `display`, `fy_end`, `year_source`) are written from a spec in
//! one place, `render`, and never read back. The constructors here also check
//! that what the text wrote exists (month 13 is not a date).

use super::context::{reference, Reference};
use crate::extract::{Doc, RefSource};
use crate::fact::{DateValue, Granularity, Value};
use chrono::{Datelike, NaiveDate};

/// Where a year that was not written came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearSource {
    /// The reference date the article was read against.
    Reference(RefSource),
    /// An earlier fiscal-year mention in the article (`fiscal 2023 ... the third quarter`).
    Context,
}

impl YearSource {
    fn as_str(self) -> &'static str {
        match self {
            YearSource::Reference(r) => r.as_str(),
            YearSource::Context => "context",
        }
    }
}

/// A part of a fiscal year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum FiscalPart {
    Whole,
    Quarter(u32),
    Half(u32),
}

/// The period a date fact points at.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum When {
    Day(NaiveDate),
    /// A day whose year nothing gives (no reference date), with its month if written.
    YearlessDay {
        month: Option<u32>,
        day: u32,
    },
    /// A month; `year` None when nothing gives it.
    Month {
        year: Option<i32>,
        month: u32,
    },
    Year(i32),
    Quarter {
        year: Option<i32>,
        quarter: u32,
    },
    Half {
        year: Option<i32>,
        half: u32,
    },
    /// A fiscal year (named by the calendar year it ends in) or a part of it;
    /// `end` is the month the fiscal year ends in, when known.
    Fiscal {
        year: Option<i32>,
        end: Option<u32>,
        part: FiscalPart,
    },
    /// An ISO 8601 week (`2016-W45`).
    Week {
        year: i32,
        week: u32,
    },
    /// Week `week` of a month, weeks starting on Monday and the first holding
    /// the 1st (`2025-08-W02`, the TIMEX form).
    MonthWeek {
        year: i32,
        month: u32,
        week: u32,
    },
    /// The weekend (Saturday and Sunday) of an ISO week (`2016-W45-WE`).
    Weekend {
        year: i32,
        week: u32,
    },
    /// The ten years from `start`.
    Decade(i32),
    Range(Box<DateSpec>, Box<DateSpec>),
    /// What cannot be resolved without a reference date, shown as written.
    Unresolved {
        granularity: Granularity,
        written: String,
    },
}

/// A date fact's meaning and how its year was found.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DateSpec {
    pub(crate) when: When,
    /// The year was not written but taken from the reference date or the context.
    pub(crate) year_inferred: bool,
    /// Written relative to the reference date (昨年, last week).
    pub(crate) relative: bool,
    pub(crate) source: Option<YearSource>,
}

impl Default for DateSpec {
    /// An unresolved day with nothing written: a placeholder only.
    fn default() -> DateSpec {
        DateSpec {
            when: When::Unresolved {
                granularity: Granularity::Day,
                written: String::new(),
            },
            year_inferred: false,
            relative: false,
            source: None,
        }
    }
}

impl When {
    pub(crate) fn granularity(&self) -> Granularity {
        match self {
            When::Day(_) | When::YearlessDay { .. } => Granularity::Day,
            When::Month { .. } => Granularity::Month,
            When::Year(_) => Granularity::Year,
            When::Quarter { .. } => Granularity::Quarter,
            When::Half { .. } => Granularity::Half,
            When::Fiscal { part, .. } => match part {
                FiscalPart::Whole => Granularity::FiscalYear,
                FiscalPart::Quarter(_) => Granularity::FiscalQuarter,
                FiscalPart::Half(_) => Granularity::Half,
            },
            When::Week { .. } | When::MonthWeek { .. } | When::Weekend { .. } | When::Range(..) => {
                Granularity::Range
            }
            When::Decade(_) => Granularity::Decade,
            When::Unresolved { granularity, .. } => *granularity,
        }
    }

    /// The ISO form and the display form.
    fn forms(&self) -> (Option<String>, String) {
        let known = |s: String| (Some(s.clone()), s);
        match self {
            When::Day(d) => known(d.format("%Y-%m-%d").to_string()),
            When::YearlessDay { month, day } => match month {
                Some(m) => (None, format!("XXXX-{m:02}-{day:02}")),
                None => (None, format!("XXXX-XX-{day:02}")),
            },
            When::Month { year, month } => match year {
                Some(y) => known(format!("{y:04}-{month:02}")),
                None => (None, format!("XXXX-{month:02}")),
            },
            When::Year(y) => known(format!("{y:04}")),
            When::Quarter { year, quarter } => match year {
                Some(y) => known(format!("{y:04}-Q{quarter}")),
                None => (None, format!("XXXX-Q{quarter}")),
            },
            When::Half { year, half } => match year {
                Some(y) => known(format!("{y:04}-H{half}")),
                None => (None, format!("XXXX-H{half}")),
            },
            When::Fiscal { year, part, .. } => {
                let y = year.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
                let shown = match part {
                    FiscalPart::Whole => format!("FY{y}"),
                    FiscalPart::Quarter(q) => format!("FY{y}-Q{q}"),
                    FiscalPart::Half(h) => format!("FY{y}-H{h}"),
                };
                match year {
                    Some(_) => known(shown),
                    None => (None, shown),
                }
            }
            When::Week { year, week } => known(format!("{year:04}-W{week:02}")),
            When::Weekend { year, week } => known(format!("{year:04}-W{week:02}-WE")),
            When::MonthWeek { year, month, week } => {
                known(format!("{year:04}-{month:02}-W{week:02}"))
            }
            When::Decade(s) => (Some(format!("{s:04}/{:04}", s + 9)), format!("{s}s")),
            When::Range(a, b) => match (a.when.forms(), b.when.forms()) {
                ((Some(x), _), (Some(y), _)) => known(format!("{x}/{y}")),
                ((_, x), (_, y)) => (None, format!("{x}/{y}")),
            },
            When::Unresolved { written, .. } => (None, format!("{} (unresolved)", written.trim())),
        }
    }

    /// A key that orders two periods of the same kind in time (None: the kinds
    /// differ or a year is unknown): a range must run forwards.
    fn order_key(&self) -> Option<(u8, i64)> {
        let ym = |y: i32, n: u32| i64::from(y) * 16 + i64::from(n);
        Some(match self {
            When::Day(d) => (0, i64::from(d.num_days_from_ce())),
            When::Month {
                year: Some(y),
                month,
            } => (1, ym(*y, *month)),
            When::Year(y) => (2, i64::from(*y)),
            When::Quarter {
                year: Some(y),
                quarter,
            } => (3, ym(*y, *quarter)),
            When::Half {
                year: Some(y),
                half,
            } => (4, ym(*y, *half)),
            When::Fiscal {
                year: Some(y),
                part,
                ..
            } => match part {
                FiscalPart::Whole => (5, i64::from(*y)),
                FiscalPart::Quarter(q) => (6, ym(*y, *q)),
                FiscalPart::Half(h) => (7, ym(*y, *h)),
            },
            When::Week { year, week } => (8, ym(*year, *week) * 4),
            _ => return None,
        })
    }
}

impl DateSpec {
    /// Whether the date is known (not year-less, not unresolved).
    pub(crate) fn is_known(&self) -> bool {
        self.when.forms().0.is_some()
    }
}

/// Write a spec as the output value: the one place ISO strings are made.
pub(crate) fn render(spec: DateSpec) -> DateValue {
    let (iso, display) = spec.when.forms();
    let fy_end = match &spec.when {
        When::Fiscal {
            year: Some(y),
            end: Some(m),
            ..
        } => Some(format!("{y:04}-{m:02}")),
        _ => None,
    };
    DateValue {
        iso,
        granularity: spec.when.granularity(),
        year_inferred: spec.year_inferred,
        relative: spec.relative,
        fy_end,
        year_source: spec.source.map(|s| s.as_str().to_string()),
        display,
        spec,
    }
}

/// A date value as the rules return it.
pub(super) fn date(spec: DateSpec) -> Option<Value> {
    Some(Value::Date(render(spec)))
}

/// A spec neither inferred nor relative.
pub(super) fn written(when: When) -> DateSpec {
    DateSpec {
        when,
        year_inferred: false,
        relative: false,
        source: None,
    }
}

/// A date reached from the reference date.
pub(super) fn relative_to(when: When, r: Reference) -> Option<Value> {
    date(DateSpec {
        when,
        year_inferred: false,
        relative: true,
        source: Some(YearSource::Reference(r.source)),
    })
}

/// A relative date that cannot be resolved (no reference date).
pub(super) fn unresolved(text: &str, granularity: Granularity) -> Option<Value> {
    date(DateSpec {
        relative: true,
        ..written(When::Unresolved {
            granularity,
            written: text.to_string(),
        })
    })
}

/// A day that is not relative but whose year nothing gives, shown as written
/// (`Thanksgiving (unresolved)`).
pub(super) fn unresolved_day(text: &str) -> Option<Value> {
    date(written(When::Unresolved {
        granularity: Granularity::Day,
        written: text.to_string(),
    }))
}

/// A year: written (`Some`) or inferred from the reference (`None`).
/// Returns (year, inferred, source).
pub(super) fn resolve_year(doc: &Doc, y: Option<i32>) -> Option<(i32, bool, Option<YearSource>)> {
    match y {
        Some(y) => Some((y, false, None)),
        None => reference(doc).map(|r| (r.day.year(), true, Some(YearSource::Reference(r.source)))),
    }
}

/// A spec whose year may have been inferred.
fn maybe_inferred(when: When, inferred: bool, source: Option<YearSource>) -> DateSpec {
    DateSpec {
        when,
        year_inferred: inferred,
        relative: false,
        source,
    }
}

/// A calendar day; the year may be missing (taken from the reference).
pub(super) fn day(doc: &Doc, y: Option<i32>, m: u32, d: u32) -> Option<Value> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    match resolve_year(doc, y) {
        Some((y, inferred, src)) => {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            calendar_day(date, inferred, src)
        }
        None => {
            // Without a year, a day any year has (29 February counts).
            NaiveDate::from_ymd_opt(2000, m, d)?;
            super::spec::date(written(When::YearlessDay {
                month: Some(m),
                day: d,
            }))
        }
    }
}

/// A calendar day, not relative; `inferred` when its year was not written.
pub(super) fn calendar_day(d: NaiveDate, inferred: bool, src: Option<YearSource>) -> Option<Value> {
    date(maybe_inferred(When::Day(d), inferred, src))
}

/// A day reached from the reference date (`tomorrow`, `3日前`, `next Tuesday`).
pub(super) fn relative_day(d: NaiveDate, r: Reference) -> Option<Value> {
    relative_to(When::Day(d), r)
}

/// A month; the year may be missing.
pub(super) fn month(doc: &Doc, y: Option<i32>, m: u32) -> Option<Value> {
    if !(1..=12).contains(&m) {
        return None;
    }
    let (year, inferred, src) = match resolve_year(doc, y) {
        Some((y, inferred, src)) => (Some(y), inferred, src),
        None => (None, false, None),
    };
    date(maybe_inferred(
        When::Month { year, month: m },
        inferred,
        src,
    ))
}

pub(super) fn year(y: i32) -> Option<Value> {
    if !(1..=2999).contains(&y) {
        return None;
    }
    date(written(When::Year(y)))
}

pub(super) fn quarter(doc: &Doc, y: Option<i32>, q: u32) -> Option<Value> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let (year, inferred, src) = match resolve_year(doc, y) {
        Some((y, inferred, src)) => (Some(y), inferred, src),
        None => (None, false, None),
    };
    date(maybe_inferred(
        When::Quarter { year, quarter: q },
        inferred,
        src,
    ))
}

pub(super) fn half(doc: &Doc, y: Option<i32>, h: u32) -> Option<Value> {
    if !(1..=2).contains(&h) {
        return None;
    }
    let (year, inferred, src) = match resolve_year(doc, y) {
        Some((y, inferred, src)) => (Some(y), inferred, src),
        None => (None, false, None),
    };
    date(maybe_inferred(When::Half { year, half: h }, inferred, src))
}

/// A fiscal year, with the month it ends in when written (`2026年3月期`).
pub(super) fn fiscal_year(y: i32, end: Option<u32>) -> Option<Value> {
    if !(1000..=2999).contains(&y) || end.is_some_and(|m| !(1..=12).contains(&m)) {
        return None;
    }
    date(written(When::Fiscal {
        year: Some(y),
        end,
        part: FiscalPart::Whole,
    }))
}

/// A fiscal year's half (`FY2025-H1`).
pub(super) fn fiscal_half(y: i32, h: u32) -> Option<Value> {
    if !(1..=2).contains(&h) {
        return None;
    }
    date(written(When::Fiscal {
        year: Some(y),
        end: None,
        part: FiscalPart::Half(h),
    }))
}

/// A fiscal quarter; without a written fiscal year, the one in force in the
/// article, else the reference year.
pub(super) fn fiscal_quarter(doc: &Doc, pos: usize, fy: Option<i32>, q: u32) -> Option<Value> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let (year, inferred, src) = match fy {
        Some(y) => (Some(y), false, None),
        None => match super::context::context_fiscal_year(doc, pos) {
            Some(y) => (Some(y), true, Some(YearSource::Context)),
            None => match reference(doc) {
                Some(r) => (
                    Some(r.day.year()),
                    true,
                    Some(YearSource::Reference(r.source)),
                ),
                None => (None, false, None),
            },
        },
    };
    date(maybe_inferred(
        When::Fiscal {
            year,
            end: None,
            part: FiscalPart::Quarter(q),
        },
        inferred,
        src,
    ))
}

pub(super) fn decade(start: i32) -> Option<Value> {
    if start % 10 != 0 || !(1000..=2990).contains(&start) {
        return None;
    }
    date(written(When::Decade(start)))
}

/// The spec of a date value.
pub(super) fn spec_of(v: Option<Value>) -> Option<DateSpec> {
    match v? {
        Value::Date(d) => Some(d.spec),
        _ => None,
    }
}

/// Join two dates into a range (`start/end`); None unless it runs forwards.
pub(super) fn range(a: Option<Value>, b: Option<Value>) -> Option<Value> {
    let (a, b) = (spec_of(a)?, spec_of(b)?);
    if let (Some((ka, x)), Some((kb, y))) = (a.when.order_key(), b.when.order_key()) {
        if ka == kb && x >= y {
            return None;
        }
    }
    let known = a.is_known() && b.is_known();
    let spec = DateSpec {
        year_inferred: known && (a.year_inferred || b.year_inferred),
        relative: a.relative || b.relative,
        source: if known { a.source.or(b.source) } else { None },
        when: When::Range(Box::new(a), Box::new(b)),
    };
    date(spec)
}
