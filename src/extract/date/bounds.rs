//! The first and last day a date fact covers (SPEC `date_start`, `date_end`),
//! read from its typed `DateSpec` rather than from the ISO string written for it:
//! - a day, a month, a year, a quarter, a half, an ISO week (Monday to Sunday)
//!   or its weekend (Saturday and Sunday), a week of a month (Monday-first,
//!   week 1 holding the 1st): the days it covers;
//! - a range, a decade: from the first day of its start to the last of its end;
//! - a fiscal year: the twelve months ending with its end month when it is
//!   known; without it, in a Japanese article, the 年度 convention the date
//!   rules use (FY2025 = April 2025 to March 2026), and in an English article
//!   nothing (`fiscal 2025` names the year it ends in, not the month);
//! - a fiscal quarter or half: its three or six months of that fiscal year,
//!   when the fiscal year has bounds.
//!
//! Anything not resolved (a year-less day, `XXXX-06`, an unresolved relative
//! date) has none. Only periods whose ISO form is written with a four-digit
//! year have bounds, as SPEC's `date_start`/`date_end` are read off `iso`.

use super::calendar::monday_of;
use super::spec::{DateSpec, FiscalPart, When};
use crate::article::Lang;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

impl DateSpec {
    /// The first and last day the date covers, None when it has no bounds
    /// (module docs). `lang` is the article's: it decides the fiscal year of
    /// a fiscal date without its end month.
    pub(crate) fn bounds(&self, lang: Lang) -> Option<(NaiveDate, NaiveDate)> {
        // The end month a fiscal year writes applies to the fact as a whole: a
        // range of two fiscal years reads its ends by the language's
        // convention, as its `fy_end` is empty.
        let fy_end = match self.when {
            When::Fiscal {
                year: Some(y),
                end: Some(m),
                ..
            } => Some((y, m)),
            _ => None,
        };
        when_bounds(&self.when, fy_end, lang)
    }
}

/// The bounds of `when`; `fy_end` (year, month) is the end of the fiscal year
/// the fact names, when it writes one.
fn when_bounds(
    when: &When,
    fy_end: Option<(i32, u32)>,
    lang: Lang,
) -> Option<(NaiveDate, NaiveDate)> {
    match *when {
        When::Day(d) => {
            four_digits(d.year())?;
            Some((d, d))
        }
        When::Month {
            year: Some(y),
            month,
        } => months(four_digits(y)?, month, 1),
        When::Year(y) => months(four_digits(y)?, 1, 12),
        When::Quarter {
            year: Some(y),
            quarter,
        } if (1..=4).contains(&quarter) => months(four_digits(y)?, 3 * quarter - 2, 3),
        When::Half {
            year: Some(y),
            half,
        } if (1..=2).contains(&half) => months(four_digits(y)?, 6 * half - 5, 6),
        When::Fiscal {
            year: Some(y),
            part,
            ..
        } => {
            let first = fiscal_year_start(four_digits(y)?, fy_end, lang)?;
            let (offset, months) = match part {
                FiscalPart::Whole => (0, 12),
                FiscalPart::Quarter(n) if (1..=4).contains(&n) => (3 * (n - 1), 3),
                FiscalPart::Half(n) if (1..=2).contains(&n) => (6 * (n - 1), 6),
                _ => return None,
            };
            let start = first.checked_add_months(Months::new(offset))?;
            Some((start, months_end(start, months)?))
        }
        When::Week { year, week } if week < 100 => {
            let y = four_digits(year)?;
            let monday = NaiveDate::from_isoywd_opt(y, week, Weekday::Mon)?;
            Some((monday, NaiveDate::from_isoywd_opt(y, week, Weekday::Sun)?))
        }
        When::Weekend { year, week } if week < 100 => {
            let y = four_digits(year)?;
            let saturday = NaiveDate::from_isoywd_opt(y, week, Weekday::Sat)?;
            Some((saturday, NaiveDate::from_isoywd_opt(y, week, Weekday::Sun)?))
        }
        When::MonthWeek { year, month, week } if (1..=6).contains(&week) => {
            let first = NaiveDate::from_ymd_opt(four_digits(year)?, month, 1)?;
            let start = monday_of(first).checked_add_days(Days::new(7 * u64::from(week - 1)))?;
            Some((start, start.checked_add_days(Days::new(6))?))
        }
        When::Decade(s) => {
            let (start, _) = months(four_digits(s)?, 1, 12)?;
            let (_, end) = months(four_digits(s + 9)?, 1, 12)?;
            Some((start, end))
        }
        When::Range(ref a, ref b) => {
            // Both ends must be known, as the range's ISO form is written only then.
            if !a.is_known() || !b.is_known() {
                return None;
            }
            let (start, _) = when_bounds(&a.when, fy_end, lang)?;
            let (_, end) = when_bounds(&b.when, fy_end, lang)?;
            (start <= end).then_some((start, end))
        }
        _ => None,
    }
}

/// `y` when its ISO form has four digits (0 to 9999).
fn four_digits(y: i32) -> Option<i32> {
    (0..=9999).contains(&y).then_some(y)
}

/// The `count` months from month `month` of `year`: its first and last day.
fn months(year: i32, month: u32, count: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    Some((start, months_end(start, count)?))
}

/// The first day of fiscal year `year` (module docs).
fn fiscal_year_start(year: i32, fy_end: Option<(i32, u32)>, lang: Lang) -> Option<NaiveDate> {
    match fy_end {
        Some((y, m)) => {
            let last_month = NaiveDate::from_ymd_opt(four_digits(y)?, m, 1)?;
            last_month.checked_sub_months(Months::new(11))
        }
        None if lang == Lang::Ja => NaiveDate::from_ymd_opt(year, 4, 1),
        None => None,
    }
}

/// The last day of the `months` months starting with `start`'s month.
fn months_end(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    start
        .with_day(1)?
        .checked_add_months(Months::new(months))?
        .pred_opt()
}

#[cfg(test)]
mod tests {
    use super::super::spec::written;
    use super::*;
    use crate::fact::Granularity;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn spec(when: When) -> DateSpec {
        written(when)
    }

    fn range(a: When, b: When) -> When {
        When::Range(Box::new(spec(a)), Box::new(spec(b)))
    }

    /// The bounds of `when` in both languages.
    fn is(when: When, start: &str, end: &str) {
        for lang in [Lang::En, Lang::Ja] {
            assert_eq!(
                spec(when.clone()).bounds(lang),
                Some((d(start), d(end))),
                "{when:?} ({lang:?})"
            );
        }
    }

    fn month(year: i32, month: u32) -> When {
        When::Month {
            year: Some(year),
            month,
        }
    }

    #[test]
    fn bounds_of_calendar_granularities() {
        is(When::Day(d("2025-06-09")), "2025-06-09", "2025-06-09");
        is(month(2024, 2), "2024-02-01", "2024-02-29");
        is(month(2025, 2), "2025-02-01", "2025-02-28");
        is(month(2025, 12), "2025-12-01", "2025-12-31");
        is(When::Year(2025), "2025-01-01", "2025-12-31");
        let quarter = |quarter| When::Quarter {
            year: Some(2025),
            quarter,
        };
        is(quarter(1), "2025-01-01", "2025-03-31");
        is(quarter(3), "2025-07-01", "2025-09-30");
        is(quarter(4), "2025-10-01", "2025-12-31");
        let half = |half| When::Half {
            year: Some(2025),
            half,
        };
        is(half(1), "2025-01-01", "2025-06-30");
        is(half(2), "2025-07-01", "2025-12-31");
        // ISO weeks run Monday to Sunday; week 1 of 2026 starts in 2025.
        let week = |year, week| When::Week { year, week };
        is(week(2025, 41), "2025-10-06", "2025-10-12");
        is(week(2026, 1), "2025-12-29", "2026-01-04");
        // Weeks of a month: Monday-first, week 1 holds the 1st (a Friday here).
        let month_week = |week| When::MonthWeek {
            year: 2025,
            month: 8,
            week,
        };
        is(month_week(1), "2025-07-28", "2025-08-03");
        is(month_week(2), "2025-08-04", "2025-08-10");
        let weekend = When::Weekend {
            year: 2016,
            week: 45,
        };
        is(weekend, "2016-11-12", "2016-11-13");
        // Decades and ranges are intervals.
        is(When::Decade(1990), "1990-01-01", "1999-12-31");
        is(
            range(month(2025, 1), month(2025, 3)),
            "2025-01-01",
            "2025-03-31",
        );
        let days = range(When::Day(d("2025-01-01")), When::Day(d("2025-06-09")));
        is(days, "2025-01-01", "2025-06-09");
    }

    #[test]
    fn bounds_of_fiscal_granularities() {
        let fiscal = |year, end, part| {
            spec(When::Fiscal {
                year: Some(year),
                end,
                part,
            })
        };
        let pair = |a: &str, b: &str| Some((d(a), d(b)));
        use FiscalPart::{Half, Quarter, Whole};
        // With the end month written: the twelve months ending with it.
        for lang in [Lang::Ja, Lang::En] {
            let bounds = |year, end, part| fiscal(year, Some(end), part).bounds(lang);
            assert_eq!(bounds(2026, 3, Whole), pair("2025-04-01", "2026-03-31"));
            assert_eq!(bounds(2024, 6, Whole), pair("2023-07-01", "2024-06-30"));
            assert_eq!(bounds(2025, 12, Whole), pair("2025-01-01", "2025-12-31"));
            assert_eq!(
                bounds(2026, 3, Quarter(1)),
                pair("2025-04-01", "2025-06-30")
            );
        }
        // Without it: 年度 (April to March, named by its first year) in Japanese…
        let ja = |year, part| fiscal(year, None, part).bounds(Lang::Ja);
        assert_eq!(ja(2025, Whole), pair("2025-04-01", "2026-03-31"));
        assert_eq!(ja(2025, Quarter(1)), pair("2025-04-01", "2025-06-30"));
        assert_eq!(ja(2025, Quarter(4)), pair("2026-01-01", "2026-03-31"));
        assert_eq!(ja(2025, Half(2)), pair("2025-10-01", "2026-03-31"));
        // …and unknown in English.
        assert_eq!(fiscal(2025, None, Whole).bounds(Lang::En), None);
        assert_eq!(fiscal(2023, None, Quarter(4)).bounds(Lang::En), None);
    }

    #[test]
    fn unresolved_and_impossible_dates_have_no_bounds() {
        let none = [
            When::Month {
                year: None,
                month: 6,
            },
            When::YearlessDay {
                month: Some(6),
                day: 5,
            },
            When::Fiscal {
                year: None,
                end: None,
                part: FiscalPart::Quarter(1),
            },
            month(2025, 13),
            When::Quarter {
                year: Some(2025),
                quarter: 5,
            },
            When::Half {
                year: Some(2025),
                half: 3,
            },
            When::Week {
                year: 2025,
                week: 54,
            },
            range(month(2025, 6), month(2025, 1)),
            When::Year(20250),
            When::Fiscal {
                year: Some(2025),
                end: None,
                part: FiscalPart::Quarter(0),
            },
            When::Unresolved {
                granularity: Granularity::Year,
                written: "昨年".into(),
            },
        ];
        for when in none {
            assert_eq!(spec(when.clone()).bounds(Lang::Ja), None, "{when:?}");
        }
    }
}
