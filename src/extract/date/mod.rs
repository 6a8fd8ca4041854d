//! date facts: rules per language (`ja.rs`, `en.rs`, numeric forms in `numeric.rs`),
//! corpus files beside them.
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
//! Reference date: the article's `date` (JSONL), else `--ref-date`, else the first full
//! date (year, month and day) written in the article; `year_source` says which
//! (`article_date`, `ref_date`, `first_date`, or `context` for a fiscal quarter whose
//! fiscal year comes from an earlier mention in the article).
//!
//! A known company's fiscal calendar (its fiscal-year end, from the gazetteer) decides
//! the fiscal year of quarters, halves and 今期/前期/来期 near it; see
//! `company_fiscal_calendar`.

use crate::extract::Doc;
use crate::fact::{Candidate, DateValue, Granularity, Value};
use crate::rule::RuleSet;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::cell::Cell;

mod en;
mod ja;
mod numeric;

thread_local! {
    /// The reference date of the article being extracted, and where it came from.
    static REF: Cell<Option<(NaiveDate, &'static str)>> = const { Cell::new(None) };
    /// Whether a production asked for the reference date (so the first-date pass
    /// can be skipped when nothing needed it).
    static USED_REF: Cell<bool> = const { Cell::new(false) };
    /// The fiscal-year mentions of the article being extracted (match end, year),
    /// found on first use; cleared at the start of every article.
    static FY_MENTIONS: std::cell::RefCell<Option<Vec<(usize, i32)>>> = const { std::cell::RefCell::new(None) };
}

/// The reference date in force, if any (and its source).
fn reference() -> Option<(NaiveDate, &'static str)> {
    USED_REF.with(|u| u.set(true));
    REF.with(|r| r.get())
}

fn run_all(doc: &Doc, out: &mut Vec<Candidate>) {
    let from = out.len();
    for set in rule_sets() {
        set.run(doc, out);
    }
    for c in out.iter_mut().skip(from) {
        compose(doc, c);
        trim_sentence_stop(doc, c);
    }
}

/// Abbreviations whose full stop belongs to the date (`Jan. 27`, `Wed.`).
const ABBREVIATED: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// A span that ends in a full stop after a whole word (`in April.`) ends before
/// it: the stop ends the sentence. After an abbreviation (`Jan.`) it stays.
fn trim_sentence_stop(doc: &Doc, c: &mut Candidate) {
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
    used_ref: bool,
}

static COMPOSE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?-u:\b)(?P<n>[0-9]{1,3}|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<u>day|week|month|year)s?\s+(?P<dir>from|after|before)\s+(?:the\s+)?$",
    )
    .unwrap_or_else(|e| panic!("date compose: {e}"))
});

/// `2 weeks before May 13 1999`, `3 days after January 12th`: a day shifted by a
/// written offset. The candidate grows to cover the offset.
fn compose(doc: &Doc, c: &mut Candidate) {
    let Value::Date(v) = &c.value else {
        return;
    };
    if v.granularity != Granularity::Day {
        return;
    }
    let Some(base) = v
        .iso
        .as_deref()
        .and_then(|i| NaiveDate::parse_from_str(i, "%Y-%m-%d").ok())
    else {
        return;
    };
    let head = before(doc, c.start, 40);
    let Some(m) = COMPOSE.captures(head) else {
        return;
    };
    let (Some(all), Some(n), Some(u), Some(dir)) =
        (m.get(0), m.name("n"), m.name("u"), m.name("dir"))
    else {
        return;
    };
    let Some(n) = en::count_word(n.as_str()) else {
        return;
    };
    let n = if dir.as_str().eq_ignore_ascii_case("before") {
        -n
    } else {
        n
    };
    let Some(d) = shift_by(base, en::en_unit(u.as_str()), n) else {
        return;
    };
    let iso = d.format("%Y-%m-%d").to_string();
    let new = DateValue {
        iso: Some(iso.clone()),
        display: iso,
        ..v.clone()
    };
    c.start = c.start - head.len() + all.start();
    c.value = Value::Date(new);
}

/// Push every date candidate found in `doc`.
pub fn extract(doc: &Doc, out: &mut Vec<Candidate>) {
    let from = out.len();
    FY_MENTIONS.with(|c| c.borrow_mut().take());
    let reference = extract_dates(doc, out);
    FY_MENTIONS.with(|c| c.borrow_mut().take());
    if let Some(found) = out.get_mut(from..) {
        fiscal_context(found);
        relative_year_months(doc, found);
        if let Some(r) = reference {
            company_fiscal_calendar(doc, r, found);
        }
    }
}

/// The sentence around byte `pos`: from after the last `。`, `. `, `? `, `! ` or line
/// break before it to the next one after it.
fn sentence_around(text: &str, pos: usize) -> (usize, usize) {
    let is_stop = |t: &str, i: usize| {
        let rest = t.get(i..).unwrap_or("");
        rest.starts_with(['。', '\n'])
            || (rest.starts_with(['.', '?', '!'])
                && rest[1..].chars().next().is_none_or(char::is_whitespace))
    };
    let start = text.get(..pos).map_or(0, |b| {
        b.char_indices()
            .rev()
            .find(|&(i, _)| is_stop(text, i))
            .map_or(0, |(i, ch)| i + ch.len_utf8())
    });
    let end = text.get(pos..).map_or(text.len(), |a| {
        a.char_indices()
            .find(|&(i, _)| is_stop(text, pos + i))
            .map_or(text.len(), |(i, _)| pos + i)
    });
    (start, end)
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
fn relative_year_months(doc: &Doc, found: &mut [Candidate]) {
    let years: Vec<(usize, usize, String)> = found
        .iter()
        .filter_map(|c| match &c.value {
            Value::Date(v) if v.relative && v.granularity == Granularity::Year => {
                Some((c.start, c.end, v.iso.clone()?))
            }
            _ => None,
        })
        .filter(|(_, _, y)| y.len() == 4)
        .collect();
    for (ys, ye, year) in years {
        for c in found.iter_mut() {
            let gap = doc.text.get(ye..c.start).unwrap_or("x");
            if c.start < ye || !(gap.is_empty() || gap == "の") {
                continue;
            }
            let Value::Date(v) = &mut c.value else {
                continue;
            };
            let months = matches!(v.granularity, Granularity::Month | Granularity::Range);
            let Some(iso) = v
                .iso
                .clone()
                .filter(|_| months && v.year_inferred && !v.relative)
            else {
                continue;
            };
            // Every part is `YYYY-MM`: replace each year.
            let parts: Vec<&str> = iso.split('/').collect();
            if !parts
                .iter()
                .all(|p| p.len() == 7 && p.as_bytes()[4] == b'-')
            {
                continue;
            }
            let shown = parts
                .iter()
                .map(|p| format!("{year}{}", &p[4..]))
                .collect::<Vec<_>>()
                .join("/");
            v.iso = Some(shown.clone());
            v.display = shown;
            v.year_inferred = false;
            v.relative = true;
            c.start = ys;
        }
    }
}

/// The fiscal year (named by the calendar year it ends in) that holds `day`, for a
/// year ending in month `end`.
fn fiscal_year_of(day: NaiveDate, end: u32) -> i32 {
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
fn nearest_fiscal_year(reference: NaiveDate, end: u32, n: u32, k: u32) -> Option<i32> {
    let fy = fiscal_year_of(reference, end);
    (fy - 1..=fy + 1).min_by_key(|&y| {
        fiscal_part_end(y, end, n, k).map_or(i64::MAX, |d| (d - reference).num_days().abs())
    })
}

/// Quarters, halves and relative fiscal years (`fiscal first quarter`, `Q4`, `the
/// fourth quarter`, `第1四半期`, `上期`, `今期`, `前期`, `来期`) near a company the
/// gazetteer knows to close its year in another month than December follow that
/// company's calendar: Microsoft's (June) fiscal first quarter in an October 2025
/// story is `FY2026-Q1`; Toyota's (March) 今期 in November 2025 is `FY2026` with
/// fy_end `2026-03`. A fiscal year is named by the calendar year it ends in. A
/// written year, or a fiscal year taken from the article's context, is kept.
fn company_fiscal_calendar(doc: &Doc, reference: NaiveDate, found: &mut [Candidate]) {
    for c in found.iter_mut() {
        let Value::Date(v) = &mut c.value else {
            continue;
        };
        let iso = v.iso.clone().unwrap_or_default();
        let span = doc.text.get(c.start..c.end).unwrap_or("");
        let change = match v.granularity {
            Granularity::FiscalQuarter | Granularity::Quarter
                if v.year_inferred
                    && !v.relative
                    && v.year_source.as_deref() != Some("context") =>
            {
                iso.rsplit_once("-Q")
                    .and_then(|(_, q)| q.parse::<u32>().ok())
                    .map(|q| (3, q))
            }
            Granularity::Half if v.year_inferred && !v.relative => iso
                .rsplit_once("-H")
                .and_then(|(_, h)| h.parse::<u32>().ok())
                .map(|h| (6, h)),
            Granularity::FiscalYear if v.relative && v.fy_end.is_none() => {
                let off = match span.chars().next() {
                    Some('今' | '当' | '本') => 0,
                    Some('前') => -1,
                    Some('来') => 1,
                    _ => continue,
                };
                let Some(end) = company_fy_end(doc, c.start) else {
                    continue;
                };
                let fy = fiscal_year_of(reference, end) + off;
                let shown = format!("FY{fy:04}");
                v.iso = Some(shown.clone());
                v.display = shown;
                v.fy_end = Some(format!("{fy:04}-{end:02}"));
                continue;
            }
            _ => None,
        };
        let Some((n, k)) = change else {
            continue;
        };
        let Some(end) = company_fy_end(doc, c.start) else {
            continue;
        };
        let Some(fy) = nearest_fiscal_year(reference, end, n, k) else {
            continue;
        };
        let (shown, granularity) = if n == 3 {
            (format!("FY{fy:04}-Q{k}"), Granularity::FiscalQuarter)
        } else {
            (format!("FY{fy:04}-H{k}"), Granularity::Half)
        };
        v.iso = Some(shown.clone());
        v.display = shown;
        v.granularity = granularity;
        v.fy_end = Some(format!("{fy:04}-{end:02}"));
    }
}

/// In an article that counts in fiscal quarters (`fiscal fourth-quarter`,
/// `Q1 FY2026`), a later bare `third quarter` without a year is a quarter of the
/// fiscal year in force, not of the calendar year.
fn fiscal_context(found: &mut [Candidate]) {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].start);
    let mut fiscal_quarters_seen = false;
    let mut fy: Option<i32> = None;
    for i in order {
        let Value::Date(v) = &mut found[i].value else {
            continue;
        };
        let iso = v.iso.clone().unwrap_or_default();
        match v.granularity {
            Granularity::FiscalQuarter | Granularity::FiscalYear => {
                if v.granularity == Granularity::FiscalQuarter {
                    fiscal_quarters_seen = true;
                }
                fy = iso.get(2..6).and_then(|y| y.parse().ok()).or(fy);
            }
            Granularity::Quarter if fiscal_quarters_seen && v.year_inferred && !v.relative => {
                let (Some(year), Some(q)) = (fy, iso.rsplit_once("-Q").map(|(_, q)| q.to_string()))
                else {
                    continue;
                };
                let shown = format!("FY{year}-Q{q}");
                v.iso = Some(shown.clone());
                v.display = shown;
                v.granularity = Granularity::FiscalQuarter;
                v.year_source = Some("context".into());
            }
            _ => {}
        }
    }
}

/// Run the rules; returns the reference date the article's dates were read
/// against (given, or the first full date written), if any.
fn extract_dates(doc: &Doc, out: &mut Vec<Candidate>) -> Option<NaiveDate> {
    if let Some((d, src)) = doc.ref_date {
        REF.with(|r| r.set(Some((d, src.as_str()))));
        run_all(doc, out);
        REF.with(|r| r.set(None));
        return Some(d);
    }
    // No reference given: a first pass finds the first full date written. It
    // notes, line by line, whether a production asked for the reference date.
    REF.with(|r| r.set(None));
    USED_REF.with(|u| u.set(false));
    let mut raw: Vec<Candidate> = Vec::new();
    let mut lines: Vec<LineRun> = Vec::new();
    let text = doc.text;
    for (k, set) in rule_sets().into_iter().enumerate() {
        let mut start = 0;
        while start < text.len() {
            let end =
                memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |p| start + p);
            let from = raw.len();
            if set.run_line(doc, start, end, &mut raw) {
                let used_ref = USED_REF.with(|u| u.replace(false));
                lines.push(LineRun {
                    set: k,
                    start,
                    end,
                    cands: from..raw.len(),
                    used_ref,
                });
            }
            start = end + 1;
        }
    }
    let needed = lines.iter().any(|l| l.used_ref);
    let mut first = raw.clone();
    for c in first.iter_mut() {
        compose(doc, c);
        trim_sentence_stop(doc, c);
    }
    let found = first
        .iter()
        .filter_map(|c| match &c.value {
            Value::Date(v) if is_full_date(v) => {
                let iso = v.iso.as_deref()?;
                NaiveDate::parse_from_str(iso, "%Y-%m-%d")
                    .ok()
                    .map(|d| (c.start, d))
            }
            _ => None,
        })
        .min_by_key(|(s, _)| *s);
    match (needed, found) {
        (true, Some((_, d))) => {
            // Only the lines where a production asked for the reference date can
            // change; the others keep their first-pass candidates, in the same order
            // a full second run would push them.
            REF.with(|r| r.set(Some((d, "first_date"))));
            let sets = rule_sets();
            let from = out.len();
            for l in &lines {
                if l.used_ref {
                    if let Some(set) = sets.get(l.set) {
                        set.run_line(doc, l.start, l.end, out);
                    }
                } else if let Some(cs) = raw.get(l.cands.clone()) {
                    out.extend_from_slice(cs);
                }
            }
            REF.with(|r| r.set(None));
            for c in out.iter_mut().skip(from) {
                compose(doc, c);
                trim_sentence_stop(doc, c);
            }
        }
        _ => out.extend(first),
    }
    found.map(|(_, d)| d)
}

fn is_full_date(v: &DateValue) -> bool {
    v.granularity == Granularity::Day && !v.year_inferred && !v.relative
}

// ---------------------------------------------------------------------------
// Value construction

fn value(
    iso: Option<String>,
    granularity: Granularity,
    year_inferred: bool,
    relative: bool,
    fy_end: Option<String>,
    year_source: Option<&str>,
    display: String,
) -> Option<Value> {
    Some(Value::Date(DateValue {
        iso,
        granularity,
        year_inferred,
        relative,
        fy_end,
        year_source: year_source.map(str::to_string),
        display,
    }))
}

/// A value whose `iso` is also its display.
fn plain(
    iso: String,
    g: Granularity,
    inferred: bool,
    relative: bool,
    src: Option<&str>,
) -> Option<Value> {
    let display = iso.clone();
    value(Some(iso), g, inferred, relative, None, src, display)
}

/// A relative date that cannot be resolved (no reference date).
fn unresolved(text: &str, g: Granularity) -> Option<Value> {
    value(
        None,
        g,
        false,
        true,
        None,
        None,
        format!("{} (unresolved)", text.trim()),
    )
}

/// A day that is not relative but whose year nothing gives (no reference date):
/// `iso` null, `display` says what is known (`XXXX-XX-21`, `Thanksgiving (unresolved)`).
fn yearless_day(display: String) -> Option<Value> {
    value(None, Granularity::Day, false, false, None, None, display)
}

/// A year: written (`Some`) or inferred from the reference (`None`).
/// Returns (year, inferred, source).
fn resolve_year(y: Option<i32>) -> Option<(i32, bool, Option<&'static str>)> {
    match y {
        Some(y) => Some((y, false, None)),
        None => reference().map(|(d, s)| (d.year(), true, Some(s))),
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .map_or(31, |d| d.day())
}

/// A calendar day; the year may be missing (taken from the reference).
fn day(y: Option<i32>, m: u32, d: u32) -> Option<Value> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    match resolve_year(y) {
        Some((y, inferred, src)) => {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            calendar_day(date, inferred, src)
        }
        None => {
            if d > days_in_month(2000, m) {
                return None;
            }
            yearless_day(format!("XXXX-{m:02}-{d:02}"))
        }
    }
}

fn day_iso(y: i32, m: u32, d: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(y, m, d).map(|d| d.format("%Y-%m-%d").to_string())
}

/// A month; the year may be missing.
fn month(y: Option<i32>, m: u32) -> Option<Value> {
    if !(1..=12).contains(&m) {
        return None;
    }
    match resolve_year(y) {
        Some((y, inferred, src)) => plain(
            format!("{y:04}-{m:02}"),
            Granularity::Month,
            inferred,
            false,
            src,
        ),
        None => value(
            None,
            Granularity::Month,
            false,
            false,
            None,
            None,
            format!("XXXX-{m:02}"),
        ),
    }
}

fn year(y: i32) -> Option<Value> {
    if !(1..=2999).contains(&y) {
        return None;
    }
    plain(format!("{y:04}"), Granularity::Year, false, false, None)
}

fn quarter(y: Option<i32>, q: u32) -> Option<Value> {
    if !(1..=4).contains(&q) {
        return None;
    }
    match resolve_year(y) {
        Some((y, inferred, src)) => plain(
            format!("{y:04}-Q{q}"),
            Granularity::Quarter,
            inferred,
            false,
            src,
        ),
        None => value(
            None,
            Granularity::Quarter,
            false,
            false,
            None,
            None,
            format!("XXXX-Q{q}"),
        ),
    }
}

fn half(y: Option<i32>, h: u32) -> Option<Value> {
    if !(1..=2).contains(&h) {
        return None;
    }
    match resolve_year(y) {
        Some((y, inferred, src)) => plain(
            format!("{y:04}-H{h}"),
            Granularity::Half,
            inferred,
            false,
            src,
        ),
        None => value(
            None,
            Granularity::Half,
            false,
            false,
            None,
            None,
            format!("XXXX-H{h}"),
        ),
    }
}

fn fiscal_year(y: i32, end: Option<u32>) -> Option<Value> {
    if !(1000..=2999).contains(&y) {
        return None;
    }
    if let Some(m) = end {
        if !(1..=12).contains(&m) {
            return None;
        }
    }
    let iso = format!("FY{y:04}");
    let fy_end = end.map(|m| format!("{y:04}-{m:02}"));
    value(
        Some(iso.clone()),
        Granularity::FiscalYear,
        false,
        false,
        fy_end,
        None,
        iso,
    )
}

/// A fiscal year's half (`FY2025-H1`).
fn fiscal_half(y: i32, h: u32) -> Option<Value> {
    if !(1..=2).contains(&h) {
        return None;
    }
    plain(
        format!("FY{y:04}-H{h}"),
        Granularity::Half,
        false,
        false,
        None,
    )
}

/// The fiscal year in force at `pos`: the last fiscal-year mention before it.
fn context_fiscal_year(doc: &Doc, pos: usize) -> Option<i32> {
    // The article's fiscal-year mentions are found once (on first use) and kept
    // for the rest of the article, so each lookup is a binary search rather than
    // a scan of all the text before `pos`.
    FY_MENTIONS.with(|cell| {
        let mut cache = cell.borrow_mut();
        let mentions = cache.get_or_insert_with(|| {
            FY_CONTEXT
                .captures_iter(doc.text)
                .filter_map(|c| {
                    let end = c.get(0)?.end();
                    let y = c
                        .name("a")
                        .or_else(|| c.name("b"))
                        .or_else(|| c.name("c"))
                        .and_then(|m| m.as_str().parse::<i32>().ok())?;
                    Some((end, if y < 100 { 2000 + y } else { y }))
                })
                .collect()
        });
        let n = mentions.partition_point(|&(end, _)| end <= pos);
        n.checked_sub(1)
            .and_then(|k| mentions.get(k))
            .map(|&(_, y)| y)
    })
}

static FY_CONTEXT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?:fiscal(?:\s+year)?\s+(?P<a>\d{4})|FY\s?'?(?P<b>\d{4}|\d{2})(?-u:\b)|(?-i:(?P<c>\d{4}|\d{2})年(?:度|\d{1,2}月期)))",
    )
    .unwrap_or_else(|e| panic!("date fiscal context: {e}"))
});

/// A fiscal quarter; without a written fiscal year, the one in force in the article,
/// else the reference year.
fn fiscal_quarter(doc: &Doc, pos: usize, fy: Option<i32>, q: u32) -> Option<Value> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let (y, inferred, src) = match fy {
        Some(y) => (y, false, None),
        None => match context_fiscal_year(doc, pos) {
            Some(y) => (y, true, Some("context")),
            None => match reference() {
                Some((d, s)) => (d.year(), true, Some(s)),
                None => {
                    return value(
                        None,
                        Granularity::FiscalQuarter,
                        false,
                        false,
                        None,
                        None,
                        format!("FYXXXX-Q{q}"),
                    )
                }
            },
        },
    };
    plain(
        format!("FY{y:04}-Q{q}"),
        Granularity::FiscalQuarter,
        inferred,
        false,
        src,
    )
}

fn decade(start: i32) -> Option<Value> {
    if start % 10 != 0 || !(1000..=2990).contains(&start) {
        return None;
    }
    value(
        Some(format!("{start:04}/{:04}", start + 9)),
        Granularity::Decade,
        false,
        false,
        None,
        None,
        format!("{start}s"),
    )
}

/// Join two values into a range (`start/end`).
fn range(a: Option<Value>, b: Option<Value>) -> Option<Value> {
    let (Some(Value::Date(a)), Some(Value::Date(b))) = (a, b) else {
        return None;
    };
    match (&a.iso, &b.iso) {
        (Some(x), Some(y)) => {
            if x >= y && x.len() == y.len() {
                return None;
            }
            let iso = format!("{x}/{y}");
            let src = a.year_source.clone().or(b.year_source.clone());
            value(
                Some(iso.clone()),
                Granularity::Range,
                a.year_inferred || b.year_inferred,
                a.relative || b.relative,
                None,
                src.as_deref(),
                iso,
            )
        }
        _ => value(
            None,
            Granularity::Range,
            false,
            a.relative || b.relative,
            None,
            None,
            format!("{}/{}", a.display, b.display),
        ),
    }
}

// ---------------------------------------------------------------------------
// Relative dates

fn rel_day(text: &str, offset: i64) -> Option<Value> {
    let Some((r, src)) = reference() else {
        return unresolved(text, Granularity::Day);
    };
    let d = shift_days(r, offset)?;
    relative_day(d, src)
}

/// From the first day of the reference's `unit` (`year`, `month`, `quarter`) to
/// the reference day: `year to date`, `YTD`, `年初来`.
fn period_to_date(text: &str, unit: &str) -> Option<Value> {
    let Some((r, src)) = reference() else {
        return unresolved(text, Granularity::Range);
    };
    let first_month = match unit {
        "year" => 1,
        "month" => r.month(),
        _ => (r.month() - 1) / 3 * 3 + 1,
    };
    let start = NaiveDate::from_ymd_opt(r.year(), first_month, 1)?;
    if start == r {
        return relative_day(r, src);
    }
    range(relative_day(start, src), relative_day(r, src))
}

fn shift_days(d: NaiveDate, offset: i64) -> Option<NaiveDate> {
    if offset >= 0 {
        d.checked_add_days(Days::new(offset as u64))
    } else {
        d.checked_sub_days(Days::new(offset.unsigned_abs()))
    }
}

fn shift_months(d: NaiveDate, offset: i64) -> Option<NaiveDate> {
    if offset >= 0 {
        d.checked_add_months(Months::new(u32::try_from(offset).ok()?))
    } else {
        d.checked_sub_months(Months::new(u32::try_from(offset.unsigned_abs()).ok()?))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// `n` units after (positive) or before (negative) the reference: the day it lands on.
/// `d` moved by `n` units (negative: back).
fn shift_by(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    match unit {
        Unit::Day => shift_days(d, n),
        Unit::Week => shift_days(d, n.checked_mul(7)?),
        Unit::Month => shift_months(d, n),
        Unit::Year => shift_months(d, n.checked_mul(12)?),
    }
}

/// A calendar day, not relative; `inferred` when its year was not written.
fn calendar_day(d: NaiveDate, inferred: bool, src: Option<&str>) -> Option<Value> {
    plain(
        d.format("%Y-%m-%d").to_string(),
        Granularity::Day,
        inferred,
        false,
        src,
    )
}

/// A day reached from the reference date (`tomorrow`, `3日前`, `next Tuesday`).
fn relative_day(d: NaiveDate, src: &'static str) -> Option<Value> {
    plain(
        d.format("%Y-%m-%d").to_string(),
        Granularity::Day,
        false,
        true,
        Some(src),
    )
}

/// Dates found in `text` after overlap resolution, as (span text, value): what the
/// unit tests of the rule files check.
#[cfg(test)]
pub(super) fn dates_in(
    text: &str,
    lang: crate::article::Lang,
    ref_date: Option<(&str, crate::extract::RefSource)>,
) -> Vec<(String, DateValue)> {
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

fn rel_offset(text: &str, unit: Unit, n: i64) -> Option<Value> {
    let Some((r, src)) = reference() else {
        return unresolved(text, Granularity::Day);
    };
    let d = shift_by(r, unit, n)?;
    relative_day(d, src)
}

/// `2 years 1 month 21 days ago`: months first, then days (`sign` -1 ago, 1 later).
fn rel_compound(text: &str, months: i64, days: i64, sign: i64) -> Option<Value> {
    let Some((r, src)) = reference() else {
        return unresolved(text, Granularity::Day);
    };
    let d = shift_days(shift_months(r, sign * months)?, sign * days)?;
    relative_day(d, src)
}

fn rel_month(text: &str, offset: i64) -> Option<Value> {
    let Some((r, src)) = reference() else {
        return unresolved(text, Granularity::Month);
    };
    let d = shift_months(r.with_day(1)?, offset)?;
    plain(
        d.format("%Y-%m").to_string(),
        Granularity::Month,
        false,
        true,
        Some(src),
    )
}

fn rel_year(text: &str, offset: i64) -> Option<Value> {
    let Some((r, src)) = reference() else {
        return unresolved(text, Granularity::Year);
    };
    let y = r.year() + i32::try_from(offset).ok()?;
    plain(format!("{y:04}"), Granularity::Year, false, true, Some(src))
}

/// `this month` / `来月` + a written month (`今年の9月`) or day (`来月20日`).
fn rel_year_month(text: &str, year_offset: i64, m: u32, d: Option<u32>) -> Option<Value> {
    let Some((r, src)) = reference() else {
        return unresolved(
            text,
            if d.is_some() {
                Granularity::Day
            } else {
                Granularity::Month
            },
        );
    };
    let y = r.year() + i32::try_from(year_offset).ok()?;
    match d {
        Some(d) => plain(day_iso(y, m, d)?, Granularity::Day, false, true, Some(src)),
        None if (1..=12).contains(&m) => plain(
            format!("{y:04}-{m:02}"),
            Granularity::Month,
            false,
            true,
            Some(src),
        ),
        None => None,
    }
}

fn rel_month_day(text: &str, month_offset: i64, d: u32) -> Option<Value> {
    let Some((r, src)) = reference() else {
        return unresolved(text, Granularity::Day);
    };
    let first = shift_months(r.with_day(1)?, month_offset)?;
    plain(
        day_iso(first.year(), first.month(), d)?,
        Granularity::Day,
        false,
        true,
        Some(src),
    )
}

/// A fiscal year relative to the reference (Japanese 年度: April to March).
fn rel_fiscal_year(text: &str, offset: i64) -> Option<Value> {
    let Some((r, src)) = reference() else {
        return unresolved(text, Granularity::FiscalYear);
    };
    let base = if r.month() >= 4 {
        r.year()
    } else {
        r.year() - 1
    };
    let y = base + i32::try_from(offset).ok()?;
    plain(
        format!("FY{y:04}"),
        Granularity::FiscalYear,
        false,
        true,
        Some(src),
    )
}

fn rel_quarter(text: &str, offset: i64) -> Option<Value> {
    let Some((r, src)) = reference() else {
        return unresolved(text, Granularity::Quarter);
    };
    let idx = r.year() as i64 * 4 + (r.month0() / 3) as i64 + offset;
    let (y, q) = (idx.div_euclid(4), idx.rem_euclid(4) + 1);
    plain(
        format!("{y:04}-Q{q}"),
        Granularity::Quarter,
        false,
        true,
        Some(src),
    )
}

fn monday_of(d: NaiveDate) -> Option<NaiveDate> {
    shift_days(d, -(d.weekday().num_days_from_monday() as i64))
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn rel_week(text: &str, offset: i64) -> Option<Value> {
    let Some((r, src)) = reference() else {
        return unresolved(text, Granularity::Range);
    };
    let d = shift_days(r, offset.checked_mul(7)?)?;
    plain(iso_week(d), Granularity::Range, false, true, Some(src))
}

fn rel_weekend(text: &str, offset: i64) -> Option<Value> {
    let Some((r, src)) = reference() else {
        return unresolved(text, Granularity::Range);
    };
    let sat = shift_days(monday_of(r)?, 5 + offset.checked_mul(7)?)?;
    plain(
        format!("{}-WE", iso_week(sat)),
        Granularity::Range,
        false,
        true,
        Some(src),
    )
}

/// How a weekday is picked relative to the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WdMode {
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

fn weekday_date(r: NaiveDate, wd: Weekday, mode: WdMode) -> Option<NaiveDate> {
    let rd = r.weekday().num_days_from_monday() as i64;
    let t = wd.num_days_from_monday() as i64;
    let off = match mode {
        WdMode::Week(n) => t - rd + 7 * n,
        WdMode::Nearest => {
            let fwd = (t - rd).rem_euclid(7);
            if fwd == 0 {
                0
            } else if fwd <= 3 {
                fwd
            } else {
                fwd - 7
            }
        }
        WdMode::After => {
            let fwd = (t - rd).rem_euclid(7);
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
        WdMode::OnOrAfter => (t - rd).rem_euclid(7),
        WdMode::OnOrBefore => match (t - rd).rem_euclid(7) {
            1 => 1,
            _ => -(rd - t).rem_euclid(7),
        },
    };
    shift_days(r, off)
}

fn rel_weekday(text: &str, wd: Weekday, mode: WdMode) -> Option<Value> {
    let Some((r, src)) = reference() else {
        return unresolved(text, Granularity::Day);
    };
    let d = weekday_date(r, wd, mode)?;
    relative_day(d, src)
}

/// A day of the month alone (`12日`, `Thursday the 21st`): the reference's month.
fn day_of_ref_month(d: u32) -> Option<Value> {
    if !(1..=31).contains(&d) {
        return None;
    }
    match reference() {
        Some((r, src)) => {
            let iso = day_iso(r.year(), r.month(), d).or_else(|| {
                let prev = shift_months(r.with_day(1)?, -1)?;
                day_iso(prev.year(), prev.month(), d)
            })?;
            plain(iso, Granularity::Day, true, false, Some(src))
        }
        None => yearless_day(format!("XXXX-XX-{d:02}")),
    }
}

/// A day of the month written with its weekday (`Monday 21`, `31日の日曜日`): the month
/// nearest the reference in which that day falls on that weekday.
fn day_with_weekday(d: u32, wd: Weekday) -> Option<Value> {
    if !(1..=31).contains(&d) {
        return None;
    }
    let Some((r, src)) = reference() else {
        return yearless_day(format!("XXXX-XX-{d:02}"));
    };
    let first = r.with_day(1)?;
    for k in 0..=28i64 {
        for off in if k == 0 { vec![0] } else { vec![-k, k] } {
            let m = shift_months(first, off)?;
            if let Some(date) = NaiveDate::from_ymd_opt(m.year(), m.month(), d) {
                if date.weekday() == wd {
                    return calendar_day(date, true, Some(src));
                }
            }
        }
    }
    None
}

/// The `n`th (1–5; 0 = last) weekday of a month.
fn nth_weekday_date(y: i32, m: u32, n: u32, wd: Weekday) -> Option<NaiveDate> {
    if n == 0 {
        let last = NaiveDate::from_ymd_opt(y, m, days_in_month(y, m))?;
        let back = (last.weekday().num_days_from_monday() as i64
            - wd.num_days_from_monday() as i64)
            .rem_euclid(7);
        return shift_days(last, -back);
    }
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let fwd = (wd.num_days_from_monday() as i64 - first.weekday().num_days_from_monday() as i64)
        .rem_euclid(7);
    let d = shift_days(first, fwd + 7 * (n as i64 - 1))?;
    (d.month() == m).then_some(d)
}

/// Where the month of an `n`th-weekday phrase comes from.
#[derive(Clone, Copy, Debug)]
enum MonthSpec {
    /// Written month, year written or not.
    Written(Option<i32>, u32),
    /// Months after the reference's (0 this month).
    Relative(i64),
}

fn nth_weekday(text: &str, spec: MonthSpec, n: u32, wd: Weekday) -> Option<Value> {
    match spec {
        MonthSpec::Written(Some(y), m) => {
            let d = nth_weekday_date(y, m, n, wd)?;
            calendar_day(d, false, None)
        }
        MonthSpec::Written(None, m) => {
            let Some((r, src)) = reference() else {
                return yearless_day(format!("{} (unresolved)", text.trim()));
            };
            let d = nth_weekday_date(r.year(), m, n, wd)?;
            calendar_day(d, true, Some(src))
        }
        MonthSpec::Relative(off) => {
            let Some((r, src)) = reference() else {
                return unresolved(text, Granularity::Day);
            };
            let first = shift_months(r.with_day(1)?, off)?;
            let d = nth_weekday_date(first.year(), first.month(), n, wd)?;
            relative_day(d, src)
        }
    }
}

/// ISO week `n` (0 = last) of a year; `year` None = the reference year plus `year_off`.
fn week_of_year(text: &str, year: Option<i32>, year_off: i64, n: u32) -> Option<Value> {
    let (y, relative, src) = match year {
        Some(y) => (y, false, None),
        None => {
            let Some((r, src)) = reference() else {
                return unresolved(text, Granularity::Range);
            };
            (r.year() + i32::try_from(year_off).ok()?, true, Some(src))
        }
    };
    let weeks = NaiveDate::from_ymd_opt(y, 12, 28)?.iso_week().week();
    let n = if n == 0 { weeks } else { n };
    if n < 1 || n > weeks {
        return None;
    }
    plain(
        format!("{y:04}-W{n:02}"),
        Granularity::Range,
        false,
        relative,
        src,
    )
}

/// `n` units after the day `anchor` days from the reference (`two days after tomorrow`).
fn anchored_offset(text: &str, anchor: i64, unit: Unit, n: i64) -> Option<Value> {
    let Some((r, src)) = reference() else {
        return unresolved(text, Granularity::Day);
    };
    let base = shift_days(r, anchor)?;
    let d = shift_by(base, unit, n)?;
    relative_day(d, src)
}

/// A weekday in the week `weeks` weeks from the reference's (`2週後の月曜日`).
fn weekday_in_weeks(text: &str, weeks: i64, wd: Weekday) -> Option<Value> {
    rel_weekday(text, wd, WdMode::Week(weeks))
}

// ---------------------------------------------------------------------------
// Small parsing and context helpers shared by the rule files

/// A two-digit year: 00–39 → 20xx, 40–99 → 19xx.
fn expand_year(y: i32) -> i32 {
    if y >= 100 {
        y
    } else if y < 40 {
        2000 + y
    } else {
        1900 + y
    }
}

/// The text after `pos`, up to `n` characters.
fn after<'a>(doc: &Doc<'a>, pos: usize, n: usize) -> &'a str {
    let rest = doc.text.get(pos..).unwrap_or("");
    let end = rest.char_indices().nth(n).map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// The text before `pos`, up to `n` characters.
fn before<'a>(doc: &Doc<'a>, pos: usize, n: usize) -> &'a str {
    let head = doc.text.get(..pos).unwrap_or("");
    let start = head
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &head[start..]
}

/// The ASCII word just before `pos` (skipping spaces), lower-cased.
fn prev_word(doc: &Doc, pos: usize) -> String {
    let head = doc
        .text
        .get(..pos)
        .unwrap_or("")
        .trim_end_matches([' ', '\t']);
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphabetic())
        .last()
        .map_or(head.len(), |(i, _)| i);
    head[start..].to_ascii_lowercase()
}

/// The ASCII word just after `pos` (skipping one run of spaces), as written.
fn next_word<'a>(doc: &Doc<'a>, pos: usize) -> &'a str {
    let rest = doc.text.get(pos..).unwrap_or("");
    let rest = rest.trim_start_matches([' ', '\t']);
    let end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    &rest[..end]
}

fn weekday_from_ja(c: char) -> Option<Weekday> {
    Some(match c {
        '月' => Weekday::Mon,
        '火' => Weekday::Tue,
        '水' => Weekday::Wed,
        '木' => Weekday::Thu,
        '金' => Weekday::Fri,
        '土' => Weekday::Sat,
        '日' => Weekday::Sun,
        _ => return None,
    })
}

fn weekday_from_en(s: &str) -> Option<Weekday> {
    let s = s.to_ascii_lowercase();
    let s = s.trim_end_matches('.');
    Some(match s.get(..3)? {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

fn month_from_en(s: &str) -> Option<u32> {
    let s = s.to_ascii_lowercase();
    Some(match s.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_weekday_modes() {
        let r = NaiveDate::from_ymd_opt(2016, 11, 7).unwrap(); // Monday
        let f = |wd, m| {
            weekday_date(r, wd, m)
                .unwrap()
                .format("%Y-%m-%d")
                .to_string()
        };
        assert_eq!(f(Weekday::Fri, WdMode::Nearest), "2016-11-04");
        assert_eq!(f(Weekday::Tue, WdMode::Nearest), "2016-11-08");
        assert_eq!(f(Weekday::Mon, WdMode::Nearest), "2016-11-07");
        assert_eq!(f(Weekday::Fri, WdMode::Week(0)), "2016-11-11");
        assert_eq!(f(Weekday::Sun, WdMode::Week(1)), "2016-11-20");
        assert_eq!(f(Weekday::Sun, WdMode::Week(-1)), "2016-11-06");
        assert_eq!(f(Weekday::Mon, WdMode::After), "2016-11-14");
        assert_eq!(f(Weekday::Wed, WdMode::Before), "2016-11-02");
    }

    #[test]
    fn date_rules_compile() {
        assert!(!ja::RULES.is_empty());
        assert!(!en::RULES.is_empty());
        assert!(!numeric::RULES.is_empty());
        assert!(FY_CONTEXT.is_match("FY2025"));
    }

    #[test]
    fn date_two_digit_years() {
        assert_eq!(expand_year(24), 2024);
        assert_eq!(expand_year(89), 1989);
        assert_eq!(expand_year(2025), 2025);
    }
}
