//! Calendar arithmetic the date rules share: moving a day by days, weeks, months
//! or years, the `n`th weekday of a month, weekdays relative to a day, fiscal
//! years and their parts, and the days holidays fall on. chrono does the
//! calendar itself (month lengths, weekdays, ISO weeks, month arithmetic).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// A unit of a written offset (`3 days`, `2週間`, `six months`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

pub(super) fn shift_days(d: NaiveDate, offset: i64) -> Option<NaiveDate> {
    if offset >= 0 {
        d.checked_add_days(Days::new(offset as u64))
    } else {
        d.checked_sub_days(Days::new(offset.unsigned_abs()))
    }
}

/// `d` moved by whole months; a day the month lacks becomes its last day
/// (31 March plus one month is 30 April).
pub(super) fn shift_months(d: NaiveDate, offset: i64) -> Option<NaiveDate> {
    if offset >= 0 {
        d.checked_add_months(Months::new(u32::try_from(offset).ok()?))
    } else {
        d.checked_sub_months(Months::new(u32::try_from(offset.unsigned_abs()).ok()?))
    }
}

/// `d` moved by `n` units (negative: back).
pub(super) fn shift_by(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    match unit {
        Unit::Day => shift_days(d, n),
        Unit::Week => shift_days(d, n.checked_mul(7)?),
        Unit::Month => shift_months(d, n),
        Unit::Year => shift_months(d, n.checked_mul(12)?),
    }
}

/// The second year of a year range as written after `y`: four digits, or
/// two that replace the last two of `y` (`2025–27` → 2027).
pub(super) fn range_end_year(y: i32, written: &str) -> Option<i32> {
    if written.len() == 2 {
        Some(y / 100 * 100 + written.parse::<i32>().ok()?)
    } else {
        written.parse().ok()
    }
}

/// The Monday that starts `d`'s week.
pub(super) fn monday_of(d: NaiveDate) -> NaiveDate {
    d.week(Weekday::Mon).first_day()
}

/// The `n`th (1–5; 0 = last) weekday `wd` of month `m` of year `y`.
pub(super) fn nth_weekday_date(y: i32, m: u32, n: u32, wd: Weekday) -> Option<NaiveDate> {
    if n == 0 {
        let next = NaiveDate::from_ymd_opt(y, m, 1)?.checked_add_months(Months::new(1))?;
        let last = next.pred_opt()?;
        let back = (last.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
        return shift_days(last, -i64::from(back));
    }
    NaiveDate::from_weekday_of_month_opt(y, m, wd, u8::try_from(n).ok()?)
}

/// How a weekday is picked relative to the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum WdMode {
    /// In the week `n` weeks from the reference's week (0 this, 1 next, -1 last).
    Week(i64),
    /// The nearest such day (bare `Tuesday`).
    Nearest,
    /// The next one strictly after the reference (`coming Thursday`).
    After,
    /// The last one strictly before the reference (`past Wednesday`).
    Before,
    /// The reference day or the next such day (`will meet on Monday`).
    OnOrAfter,
    /// The reference day or the last such day (`fell on Friday`); but the day
    /// after the reference stays the day after: a story dated in New York
    /// reports Tokyo's Wednesday trading on Tuesday.
    OnOrBefore,
}

/// The weekday `wd` picked from reference day `r` by `mode`.
pub(super) fn weekday_date(r: NaiveDate, wd: Weekday, mode: WdMode) -> Option<NaiveDate> {
    let rd = i64::from(r.weekday().num_days_from_monday());
    let t = i64::from(wd.num_days_from_monday());
    let fwd = (t - rd).rem_euclid(7);
    let off = match mode {
        WdMode::Week(n) => t - rd + 7 * n,
        WdMode::Nearest => match fwd {
            0..=3 => fwd,
            _ => fwd - 7,
        },
        WdMode::After => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        WdMode::Before => {
            let back = (rd - t).rem_euclid(7);
            -(if back == 0 { 7 } else { back })
        }
        WdMode::OnOrAfter => fwd,
        WdMode::OnOrBefore => match fwd {
            1 => 1,
            _ => -(rd - t).rem_euclid(7),
        },
    };
    shift_days(r, off)
}

/// The number of ISO weeks in year `y` (52 or 53): 28 December is always in the
/// year's last week.
pub(super) fn iso_weeks_in(y: i32) -> Option<u32> {
    Some(NaiveDate::from_ymd_opt(y, 12, 28)?.iso_week().week())
}

/// A two-digit year: 00–39 → 20xx, 40–99 → 19xx.
pub(super) fn expand_year(y: i32) -> i32 {
    if y >= 100 {
        y
    } else if y < 40 {
        2000 + y
    } else {
        1900 + y
    }
}

// ---------------------------------------------------------------------------
// Fiscal years

/// The fiscal year (named by the calendar year it ends in) that holds `day`, for a
/// year ending in month `end`.
pub(super) fn fiscal_year_of(day: NaiveDate, end: u32) -> i32 {
    if day.month() <= end {
        day.year()
    } else {
        day.year() + 1
    }
}

/// The last day of the `n`-month part `k` (1-based) of fiscal year `fy` ending in
/// month `end`: quarters are `n = 3`, halves `n = 6`.
fn fiscal_part_end(fy: i32, end: u32, n: u32, k: u32) -> Option<NaiveDate> {
    // The fiscal year starts the month after `end` of the year before.
    let start = NaiveDate::from_ymd_opt(fy - 1, end, 1)?.checked_add_months(Months::new(1))?;
    start
        .checked_add_months(Months::new(n * k))?
        .checked_sub_days(Days::new(1))
}

/// The fiscal year whose part `k` ends nearest the reference day (a quarter just
/// reported, or the one under way).
pub(super) fn nearest_fiscal_year(reference: NaiveDate, end: u32, n: u32, k: u32) -> Option<i32> {
    let fy = fiscal_year_of(reference, end);
    (fy - 1..=fy + 1).min_by_key(|&y| {
        fiscal_part_end(y, end, n, k).map_or(i64::MAX, |d| (d - reference).num_days().abs())
    })
}

/// The Japanese fiscal year (April to March, named by the year it starts in)
/// that holds `day`.
pub(super) fn ja_fiscal_year_of(day: NaiveDate) -> i32 {
    if day.month() >= 4 {
        day.year()
    } else {
        day.year() - 1
    }
}

// ---------------------------------------------------------------------------
// Holidays

/// When a holiday falls: a fixed day, or a rule that needs the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Holiday {
    Fixed(u32, u32),
    /// The `n`th weekday of a month (`n` 0: the last), shifted by some days
    /// (Black Friday is the day after Thanksgiving).
    NthWeekday(u32, u32, Weekday, i64),
    /// Days after Easter Sunday (Good Friday: -2).
    Easter(i64),
}

impl Holiday {
    /// The day the holiday falls on in year `y`.
    pub(super) fn in_year(self, y: i32) -> Option<NaiveDate> {
        match self {
            Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
            Holiday::NthWeekday(m, n, wd, shift) => {
                shift_days(nth_weekday_date(y, m, n, wd)?, shift)
            }
            Holiday::Easter(shift) => shift_days(easter_sunday(y)?, shift),
        }
    }
}

/// The holiday an English name means (lower case). Movable ones follow the US
/// calendar, as the English-language business press does (Thanksgiving, Labor Day).
pub(super) fn holiday_of(name: &str) -> Option<Holiday> {
    use Holiday::*;
    let w: Vec<&str> = name.split_whitespace().collect();
    let bare = |t: &&str| {
        let t = t.trim_end_matches(['\'', '’']);
        t.strip_suffix("'s")
            .or(t.strip_suffix("’s"))
            .unwrap_or(t)
            .to_string()
    };
    let first = bare(w.first()?);
    let last = bare(w.last()?);
    Some(match (first.as_str(), last.as_str()) {
        ("christmas", "eve") => Fixed(12, 24),
        ("christmas", _) => Fixed(12, 25),
        ("new", "eve") => Fixed(12, 31),
        ("new", "day") => Fixed(1, 1),
        ("independence", _) => Fixed(7, 4),
        ("halloween", _) => Fixed(10, 31),
        ("valentine" | "valentines", _) => Fixed(2, 14),
        ("juneteenth", _) => Fixed(6, 19),
        ("boxing", _) => Fixed(12, 26),
        ("veteran" | "veterans", _) => Fixed(11, 11),
        ("earth", _) => Fixed(4, 22),
        ("saint" | "st." | "st", _) => Fixed(3, 17),
        ("thanksgiving", _) => NthWeekday(11, 4, Weekday::Thu, 0),
        ("black", _) => NthWeekday(11, 4, Weekday::Thu, 1),
        ("cyber", _) => NthWeekday(11, 4, Weekday::Thu, 4),
        ("labor", _) => NthWeekday(9, 1, Weekday::Mon, 0),
        ("memorial", _) => NthWeekday(5, 0, Weekday::Mon, 0),
        ("martin" | "mlk", _) => NthWeekday(1, 3, Weekday::Mon, 0),
        ("president" | "presidents", _) => NthWeekday(2, 3, Weekday::Mon, 0),
        ("mother" | "mothers", _) => NthWeekday(5, 2, Weekday::Sun, 0),
        ("father" | "fathers", _) => NthWeekday(6, 3, Weekday::Sun, 0),
        ("columbus", _) => NthWeekday(10, 2, Weekday::Mon, 0),
        ("good", _) => Easter(-2),
        ("easter", "monday") => Easter(1),
        ("easter", _) => Easter(0),
        _ => return None,
    })
}

/// Easter Sunday of year `y` (Gregorian calendar; the anonymous algorithm
/// published in Nature, 1876). chrono has no Easter.
fn easter_sunday(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn date_weekday_modes() {
        let r = ymd(2016, 11, 7); // Monday
        let f = |wd, m| weekday_date(r, wd, m).unwrap();
        assert_eq!(f(Weekday::Fri, WdMode::Nearest), ymd(2016, 11, 4));
        assert_eq!(f(Weekday::Tue, WdMode::Nearest), ymd(2016, 11, 8));
        assert_eq!(f(Weekday::Mon, WdMode::Nearest), ymd(2016, 11, 7));
        assert_eq!(f(Weekday::Fri, WdMode::Week(0)), ymd(2016, 11, 11));
        assert_eq!(f(Weekday::Sun, WdMode::Week(1)), ymd(2016, 11, 20));
        assert_eq!(f(Weekday::Sun, WdMode::Week(-1)), ymd(2016, 11, 6));
        assert_eq!(f(Weekday::Mon, WdMode::After), ymd(2016, 11, 14));
        assert_eq!(f(Weekday::Wed, WdMode::Before), ymd(2016, 11, 2));
    }

    #[test]
    fn date_nth_weekday_and_holidays() {
        assert_eq!(
            nth_weekday_date(2025, 11, 4, Weekday::Thu),
            Some(ymd(2025, 11, 27))
        );
        assert_eq!(
            nth_weekday_date(2025, 5, 0, Weekday::Mon),
            Some(ymd(2025, 5, 26))
        );
        assert_eq!(nth_weekday_date(2025, 2, 5, Weekday::Mon), None);
        assert_eq!(
            holiday_of("good friday").and_then(|h| h.in_year(2025)),
            Some(ymd(2025, 4, 18))
        );
        assert_eq!(monday_of(ymd(2025, 6, 15)), ymd(2025, 6, 9));
    }

    #[test]
    fn date_two_digit_years() {
        assert_eq!(expand_year(24), 2024);
        assert_eq!(expand_year(89), 1989);
        assert_eq!(expand_year(2025), 2025);
    }
}
