//! Dates read against the reference date: `yesterday`, `昨年`, `next month`,
//! `先週`, `this weekend`, weekdays, `3日前`, `in two weeks`, `来月20日`, the `n`th
//! weekday of a month, week numbers, `year to date`. Without a reference date
//! each is unresolved (`iso` null, the written form shown).

use super::calendar::{
    iso_weeks_in, ja_fiscal_year_of, monday_of, nth_weekday_date, shift_by, shift_days,
    shift_months, weekday_date, Unit, WdMode,
};
use super::context::reference;
use super::spec::{
    calendar_day, date, range, relative_day, relative_to, unresolved, unresolved_day, written,
    DateSpec, FiscalPart, When, YearSource,
};
use crate::extract::Doc;
use crate::fact::{Granularity, Value};
use chrono::{Datelike, NaiveDate, Weekday};

pub(super) fn rel_day(doc: &Doc, text: &str, offset: i64) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::Day);
    };
    relative_day(shift_days(r.day, offset)?, r)
}

/// From the first day of the reference's `unit` (`year`, `month`, `quarter`) to
/// the reference day: `year to date`, `YTD`, `年初来`.
pub(super) fn period_to_date(doc: &Doc, text: &str, unit: &str) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::Range);
    };
    let d = r.day;
    let first_month = match unit {
        "year" => 1,
        "month" => d.month(),
        _ => (d.month() - 1) / 3 * 3 + 1,
    };
    let start = NaiveDate::from_ymd_opt(d.year(), first_month, 1)?;
    if start == d {
        return relative_day(d, r);
    }
    range(relative_day(start, r), relative_day(d, r))
}

/// `in two weeks`, `3 months ago`: the day `n` units from the reference.
pub(super) fn rel_offset(doc: &Doc, text: &str, unit: Unit, n: i64) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::Day);
    };
    relative_day(shift_by(r.day, unit, n)?, r)
}

/// `2 years 1 month 21 days ago`: months first, then days (`sign` -1 ago, 1 later).
pub(super) fn rel_compound(
    doc: &Doc,
    text: &str,
    months: i64,
    days: i64,
    sign: i64,
) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::Day);
    };
    let d = shift_days(shift_months(r.day, sign * months)?, sign * days)?;
    relative_day(d, r)
}

/// The month `offset` months from the reference's.
pub(super) fn rel_month(doc: &Doc, text: &str, offset: i64) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::Month);
    };
    let d = shift_months(r.day.with_day(1)?, offset)?;
    relative_to(
        When::Month {
            year: Some(d.year()),
            month: d.month(),
        },
        r,
    )
}

/// The year `offset` years from the reference's.
pub(super) fn rel_year(doc: &Doc, text: &str, offset: i64) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::Year);
    };
    let y = r.day.year() + i32::try_from(offset).ok()?;
    relative_to(When::Year(y), r)
}

/// `this month` / `来月` + a written month (`今年の9月`) or day (`来月20日`).
pub(super) fn rel_year_month(
    doc: &Doc,
    text: &str,
    year_offset: i64,
    m: u32,
    d: Option<u32>,
) -> Option<Value> {
    let Some(r) = reference(doc) else {
        let g = if d.is_some() {
            Granularity::Day
        } else {
            Granularity::Month
        };
        return unresolved(text, g);
    };
    let y = r.day.year() + i32::try_from(year_offset).ok()?;
    match d {
        Some(d) => relative_day(NaiveDate::from_ymd_opt(y, m, d)?, r),
        None if (1..=12).contains(&m) => relative_to(
            When::Month {
                year: Some(y),
                month: m,
            },
            r,
        ),
        None => None,
    }
}

/// Day `d` of the month `month_offset` months from the reference's.
pub(super) fn rel_month_day(doc: &Doc, text: &str, month_offset: i64, d: u32) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::Day);
    };
    let first = shift_months(r.day.with_day(1)?, month_offset)?;
    relative_day(NaiveDate::from_ymd_opt(first.year(), first.month(), d)?, r)
}

/// A fiscal year relative to the reference (Japanese 年度: April to March).
pub(super) fn rel_fiscal_year(doc: &Doc, text: &str, offset: i64) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::FiscalYear);
    };
    let y = ja_fiscal_year_of(r.day) + i32::try_from(offset).ok()?;
    relative_to(
        When::Fiscal {
            year: Some(y),
            end: None,
            part: FiscalPart::Whole,
        },
        r,
    )
}

/// The quarter `offset` quarters from the reference's.
pub(super) fn rel_quarter(doc: &Doc, text: &str, offset: i64) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::Quarter);
    };
    let idx = i64::from(r.day.year()) * 4 + i64::from(r.day.month0() / 3) + offset;
    let (y, q) = (idx.div_euclid(4), idx.rem_euclid(4) + 1);
    relative_to(
        When::Quarter {
            year: Some(i32::try_from(y).ok()?),
            quarter: u32::try_from(q).ok()?,
        },
        r,
    )
}

/// A quarter of the year `offset` years from the reference's (`Q3 next year`).
pub(super) fn rel_year_quarter(doc: &Doc, text: &str, offset: i32, q: u32) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::Quarter);
    };
    relative_to(
        When::Quarter {
            year: Some(r.day.year() + offset),
            quarter: q,
        },
        r,
    )
}

/// A half of the year `offset` years from the reference's (`the first half of next year`).
pub(super) fn rel_year_half(doc: &Doc, text: &str, offset: i32, h: u32) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::Half);
    };
    relative_to(
        When::Half {
            year: Some(r.day.year() + offset),
            half: h,
        },
        r,
    )
}

/// The ISO week holding `d`.
fn week_of(d: NaiveDate) -> When {
    let w = d.iso_week();
    When::Week {
        year: w.year(),
        week: w.week(),
    }
}

/// The week `offset` weeks from the reference's.
pub(super) fn rel_week(doc: &Doc, text: &str, offset: i64) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::Range);
    };
    let d = shift_days(r.day, offset.checked_mul(7)?)?;
    relative_to(week_of(d), r)
}

/// The weekend of the week `offset` weeks from the reference's.
pub(super) fn rel_weekend(doc: &Doc, text: &str, offset: i64) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::Range);
    };
    let sat = shift_days(monday_of(r.day), 5 + offset.checked_mul(7)?)?;
    let w = sat.iso_week();
    relative_to(
        When::Weekend {
            year: w.year(),
            week: w.week(),
        },
        r,
    )
}

/// A weekday picked from the reference by `mode`.
pub(super) fn rel_weekday(doc: &Doc, text: &str, wd: Weekday, mode: WdMode) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::Day);
    };
    relative_day(weekday_date(r.day, wd, mode)?, r)
}

/// A day of the month alone (`12日`, `Thursday the 21st`): the reference's month,
/// or the month before when the reference's has no such day.
pub(super) fn day_of_ref_month(doc: &Doc, d: u32) -> Option<Value> {
    if !(1..=31).contains(&d) {
        return None;
    }
    match reference(doc) {
        Some(r) => {
            let rd = r.day;
            let day = NaiveDate::from_ymd_opt(rd.year(), rd.month(), d).or_else(|| {
                let prev = shift_months(rd.with_day(1)?, -1)?;
                NaiveDate::from_ymd_opt(prev.year(), prev.month(), d)
            })?;
            calendar_day(day, true, Some(YearSource::Reference(r.source)))
        }
        None => date(written(When::YearlessDay {
            month: None,
            day: d,
        })),
    }
}

/// A day of the month written with its weekday (`Monday 21`, `31日の日曜日`): the month
/// nearest the reference in which that day falls on that weekday.
pub(super) fn day_with_weekday(doc: &Doc, d: u32, wd: Weekday) -> Option<Value> {
    if !(1..=31).contains(&d) {
        return None;
    }
    let Some(r) = reference(doc) else {
        return date(written(When::YearlessDay {
            month: None,
            day: d,
        }));
    };
    let first = r.day.with_day(1)?;
    for k in 0..=28i64 {
        for off in if k == 0 { vec![0] } else { vec![-k, k] } {
            let m = shift_months(first, off)?;
            if let Some(day) = NaiveDate::from_ymd_opt(m.year(), m.month(), d) {
                if day.weekday() == wd {
                    return calendar_day(day, true, Some(YearSource::Reference(r.source)));
                }
            }
        }
    }
    None
}

/// Where the month of an `n`th-weekday phrase comes from.
#[derive(Clone, Copy, Debug)]
pub(super) enum MonthSpec {
    /// Written month, year written or not.
    Written(Option<i32>, u32),
    /// Months after the reference's (0 this month).
    Relative(i64),
}

/// The `n`th (0: last) weekday `wd` of a month (`the third Friday of June`).
pub(super) fn nth_weekday(
    doc: &Doc,
    text: &str,
    spec: MonthSpec,
    n: u32,
    wd: Weekday,
) -> Option<Value> {
    match spec {
        MonthSpec::Written(Some(y), m) => calendar_day(nth_weekday_date(y, m, n, wd)?, false, None),
        MonthSpec::Written(None, m) => {
            let Some(r) = reference(doc) else {
                return unresolved_day(text);
            };
            let d = nth_weekday_date(r.day.year(), m, n, wd)?;
            calendar_day(d, true, Some(YearSource::Reference(r.source)))
        }
        MonthSpec::Relative(off) => {
            let Some(r) = reference(doc) else {
                return unresolved(text, Granularity::Day);
            };
            let first = shift_months(r.day.with_day(1)?, off)?;
            relative_day(nth_weekday_date(first.year(), first.month(), n, wd)?, r)
        }
    }
}

/// ISO week `n` (0 = last) of a year; `year` None = the reference year plus `year_off`.
pub(super) fn week_of_year(
    doc: &Doc,
    text: &str,
    year: Option<i32>,
    year_off: i64,
    n: u32,
) -> Option<Value> {
    let (y, relative, source) = match year {
        Some(y) => (y, false, None),
        None => {
            let Some(r) = reference(doc) else {
                return unresolved(text, Granularity::Range);
            };
            (
                r.day.year() + i32::try_from(year_off).ok()?,
                true,
                Some(YearSource::Reference(r.source)),
            )
        }
    };
    let weeks = iso_weeks_in(y)?;
    let n = if n == 0 { weeks } else { n };
    if n < 1 || n > weeks {
        return None;
    }
    date(DateSpec {
        when: When::Week { year: y, week: n },
        year_inferred: false,
        relative,
        source,
    })
}

/// `n` units after the day `anchor` days from the reference (`two days after tomorrow`).
pub(super) fn anchored_offset(
    doc: &Doc,
    text: &str,
    anchor: i64,
    unit: Unit,
    n: i64,
) -> Option<Value> {
    let Some(r) = reference(doc) else {
        return unresolved(text, Granularity::Day);
    };
    let base = shift_days(r.day, anchor)?;
    relative_day(shift_by(base, unit, n)?, r)
}

/// A weekday in the week `weeks` weeks from the reference's (`2週後の月曜日`).
pub(super) fn weekday_in_weeks(doc: &Doc, text: &str, weeks: i64, wd: Weekday) -> Option<Value> {
    rel_weekday(doc, text, wd, WdMode::Week(weeks))
}

/// Week `n` (1–5; 0 = the last) of month `m`, counted from the week (Monday
/// first) that holds the 1st: `8月第2週` in 2025 is the week of 4–10 August,
/// `2025-08-W02`. Without a year and a reference, unresolved.
pub(super) fn week_of_month(
    doc: &Doc,
    text: &str,
    y: Option<i32>,
    m: u32,
    n: u32,
) -> Option<Value> {
    if !(1..=12).contains(&m) || n > 5 {
        return None;
    }
    let (year, inferred, source) = match y {
        Some(y) => (y, false, None),
        None => match reference(doc) {
            Some(r) => (r.day.year(), true, Some(YearSource::Reference(r.source))),
            None => {
                return date(written(When::Unresolved {
                    granularity: Granularity::Range,
                    written: text.to_string(),
                }))
            }
        },
    };
    let first = NaiveDate::from_ymd_opt(year, m, 1)?;
    let last = shift_days(shift_months(first, 1)?, -1)?;
    let weeks = u32::try_from((monday_of(last) - monday_of(first)).num_days() / 7 + 1).ok()?;
    let week = if n == 0 { weeks } else { n };
    if week > weeks {
        return None;
    }
    date(DateSpec {
        when: When::MonthWeek {
            year,
            month: m,
            week,
        },
        year_inferred: inferred,
        relative: false,
        source,
    })
}
