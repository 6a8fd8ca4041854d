//! The fact model: one `Fact` type for every kind, with a typed `Value` per kind.
//!
//! Extractors produce `Candidate`s in byte offsets of the width-folded view; the
//! pipeline resolves overlaps and turns the winners into `Fact`s whose offsets are
//! code points of the original article text (SPEC: `text[start:end] == fact.text`).

use serde::{Serialize, Serializer};
use std::sync::Arc;

/// The five kinds of fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An amount of money.
    Money,
    /// A percentage or percentage points.
    Percent,
    /// A date, month, quarter, fiscal year, range…
    Date,
    /// A person's name.
    Person,
    /// A company's name.
    Company,
}

impl Kind {
    /// Every kind, in output order.
    pub const ALL: [Kind; 5] = [
        Kind::Money,
        Kind::Percent,
        Kind::Date,
        Kind::Person,
        Kind::Company,
    ];

    /// The kind as written in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Date => "date",
            Kind::Person => "person",
            Kind::Company => "company",
        }
    }

    /// The kind's position in [`Kind::ALL`] (for counting by kind in an array).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The kind named `s` (`money`, `date` …).
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How an amount relates to the number written (SPEC `qualifier`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// As written.
    Exact,
    /// 約, about, around.
    Approx,
    /// 超, more than.
    Over,
    /// 未満, less than, nearly.
    Under,
    /// 以上, at least.
    AtLeast,
    /// 以下, up to.
    AtMost,
    /// From one value to another (`*_max` set).
    Range,
}

impl Qualifier {
    /// The qualifier as written in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
        }
    }

    /// Decorate a display string: `+` suffix for over/at_least, `<` prefix for under/at_most.
    pub fn decorate(self, shown: String) -> String {
        match self {
            Qualifier::Over | Qualifier::AtLeast => shown + "+",
            Qualifier::Under | Qualifier::AtMost => format!("<{shown}"),
            _ => shown,
        }
    }
}

/// The value of a money fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Money {
    /// The amount in currency units.
    pub amount: f64,
    /// The upper end of a range.
    pub amount_max: Option<f64>,
    /// ISO 4217 code.
    pub currency: String,
    /// How the amount relates to the number written.
    pub qualifier: Qualifier,
    /// Unit of a per-unit price (`share` in "$2.69 a share"), else None.
    pub per: Option<String>,
    /// Compact human form (`$2.4B`).
    pub display: String,
}

/// Percent or percentage points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PercentUnit {
    /// `%`.
    Percent,
    /// Percentage points (`ポイント`, `pt`, basis points / 100).
    Point,
}

impl PercentUnit {
    /// The unit as written in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            PercentUnit::Percent => "percent",
            PercentUnit::Point => "point",
        }
    }
}

/// The value of a percent fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Percent {
    /// The number (5 for 5%).
    pub value: f64,
    /// The upper end of a range.
    pub value_max: Option<f64>,
    /// Percent or points.
    pub unit: PercentUnit,
    /// How the value relates to the number written.
    pub qualifier: Qualifier,
    /// Compact human form (`90%+`).
    pub display: String,
}

/// What a date covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// A day.
    Day,
    /// A month.
    Month,
    /// A year.
    Year,
    /// A calendar quarter.
    Quarter,
    /// A half year.
    Half,
    /// A fiscal year.
    FiscalYear,
    /// A quarter of a fiscal year.
    FiscalQuarter,
    /// A decade.
    Decade,
    /// From one date to another.
    Range,
}

impl Granularity {
    /// The granularity as written in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Month => "month",
            Granularity::Year => "year",
            Granularity::Quarter => "quarter",
            Granularity::Half => "half",
            Granularity::FiscalYear => "fiscal_year",
            Granularity::FiscalQuarter => "fiscal_quarter",
            Granularity::Decade => "decade",
            Granularity::Range => "range",
        }
    }
}

/// The value of a date fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DateValue {
    /// ISO form at the fact's own granularity (`2025-06-09`, `2025-06`, `2026-Q1`,
    /// `FY2025`, `2025-01/2025-03`); None when a relative date has no reference.
    pub iso: Option<String>,
    /// What the date covers.
    pub granularity: Granularity,
    /// The year was not written but taken from the reference date.
    pub year_inferred: bool,
    /// Written relative to the reference date (昨年, last week).
    pub relative: bool,
    /// End month of a fiscal year when the text writes it (`2026年3月期` → `2026-03`).
    pub fy_end: Option<String>,
    /// Where an inferred year came from: `article_date`, `ref_date`, `first_date`
    /// (first full date written in the article) or `context`; None when not inferred.
    pub year_source: Option<String>,
    /// Human form.
    pub display: String,
    /// What the date means, typed; every field above is written from it.
    #[serde(skip)]
    pub(crate) spec: crate::extract::date::DateSpec,
}

/// The value of a person fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Person {
    /// The name as written, without title or honorific.
    pub name: String,
    /// The title written with the name (財務長官, CEO).
    pub title: Option<String>,
    /// The canonical English name, when the gazetteer knows the person.
    pub canonical: Option<String>,
    /// Human form.
    pub display: String,
}

/// The value of a company fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Company {
    /// The name as written (legal suffix kept).
    pub name: String,
    /// The canonical name, when the gazetteer knows the company.
    pub canonical: Option<String>,
    /// Human form.
    pub display: String,
}

/// A fact's normalised value; serialised as the kind's own object (SPEC "value by kind").
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A money value.
    Money(Money),
    /// A percent value.
    Percent(Percent),
    /// A date value.
    Date(DateValue),
    /// A person value.
    Person(Person),
    /// A company value.
    Company(Company),
}

impl Value {
    /// The kind of fact this value belongs to.
    pub fn kind(&self) -> Kind {
        match self {
            Value::Money(_) => Kind::Money,
            Value::Percent(_) => Kind::Percent,
            Value::Date(_) => Kind::Date,
            Value::Person(_) => Kind::Person,
            Value::Company(_) => Kind::Company,
        }
    }

    /// The compact human form.
    pub fn display(&self) -> &str {
        match self {
            Value::Money(v) => &v.display,
            Value::Percent(v) => &v.display,
            Value::Date(v) => &v.display,
            Value::Person(v) => &v.display,
            Value::Company(v) => &v.display,
        }
    }
}

/// What an extractor proposes: a span of the folded view (byte offsets), the rule that
/// matched, its priority (higher wins among equal-length overlapping spans) and value.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Start, in bytes of the folded text.
    pub start: usize,
    /// End, in bytes of the folded text.
    pub end: usize,
    /// The rule that matched.
    pub rule: &'static str,
    /// Higher wins among equal-length overlapping spans.
    pub priority: i32,
    /// The normalised value.
    pub value: Value,
}

impl Candidate {
    /// The kind of fact proposed.
    pub fn kind(&self) -> Kind {
        self.value.kind()
    }
}

/// Which field of the input a fact (or a section) was found in: the article's
/// text, or a title given apart from it (JSONL `title`). Offsets index that field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    #[default]
    /// The article's text.
    Text,
    /// A title given apart from the text (JSONL `title`).
    Title,
}

impl Field {
    /// The name written in the `field` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Text => "text",
            Field::Title => "title",
        }
    }
}

/// A resolved fact, offsets in code points of the original text (of the title
/// when `field` is [`Field::Title`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fact {
    /// Index of the article section holding the fact.
    pub section: usize,
    /// The input field the span was found in (`text`, or a title given apart).
    pub field: Field,
    /// What kind of fact.
    pub kind: Kind,
    /// The span as written in the original text.
    pub text: String,
    /// Start, in code points of the original text.
    pub start: usize,
    /// End, in code points of the original text.
    pub end: usize,
    /// The sentence that holds the fact. Facts of one sentence share one copy of
    /// it: a sentence often holds several facts, and it is the longest field.
    #[serde(serialize_with = "shared_str")]
    pub sentence: Arc<str>,
    /// The normalised value.
    pub value: Value,
    /// The rule that produced it.
    pub rule: &'static str,
    /// Money and percent facts: whose figure it is, what it measures, which
    /// period (crate::link). Written as the `link` object and columns.
    #[serde(skip)]
    pub link: Option<crate::link::Link>,
}

/// A shared sentence serialises as the string it holds.
fn shared_str<S: Serializer>(s: &Arc<str>, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s)
}

/// Format a magnitude compactly: 2.4e9 → "2.4B", 3.5e6 → "3.5M", 1280 → "1,280".
/// Used by money displays; up to three significant decimals, trailing zeros dropped.
pub fn compact_number(x: f64) -> String {
    let ax = x.abs();
    let (scaled, suffix) = if ax >= 1e12 {
        (x / 1e12, "T")
    } else if ax >= 1e9 {
        (x / 1e9, "B")
    } else if ax >= 1e6 {
        (x / 1e6, "M")
    } else if ax >= 1e4 {
        (x / 1e3, "K")
    } else {
        return plain_number(x);
    };
    let mut out = trim_decimals(scaled, 3);
    out.push_str(suffix);
    out
}

/// A number without exponent, grouping thousands, at most 2 decimals: 1280 → "1,280", 2.69 → "2.69".
pub fn plain_number(x: f64) -> String {
    grouped_number(x, 2)
}

/// A number without exponent, grouping thousands, at most `places` decimals.
pub fn grouped_number(x: f64, places: usize) -> String {
    let s = trim_decimals(x, places);
    let (sign, s) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let mut out =
        String::with_capacity(sign.len() + grouped.len() + frac.map_or(0, |f| f.len() + 1));
    out.push_str(sign);
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// `x` with at most `places` decimals, trailing zeros and dot removed.
pub fn trim_decimals(x: f64, places: usize) -> String {
    if let Some(s) = fixed_fast(x, places) {
        return s;
    }
    let s = format!("{:.*}", places, x);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// What `trim_decimals` prints, without the float formatter, for the values
/// news holds (below 10^12 once scaled by `10^places`, not within a
/// thousandth of a tie); `None` for the others, which take the general path.
///
/// `{:.*}` rounds the exact binary value to the nearest decimal of `places`
/// places. `x * 10^places` is off from the exact product by at most half a
/// unit in its last place, under 10^-4 below 10^12, so rounding it to an
/// integer gives the same nearest integer unless its fraction is within that
/// error of one half; such values are left to the formatter.
fn fixed_fast(x: f64, places: usize) -> Option<String> {
    const POW10: [u64; 7] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
    let unit = *POW10.get(places)?;
    if !x.is_finite() {
        return None;
    }
    let scaled = x.abs() * unit as f64;
    if scaled >= 1e12 || (scaled.fract() - 0.5).abs() < 1e-3 {
        return None;
    }
    let n = scaled.round() as u64;
    if n == 0 {
        // `0.00` and `-0.00` both print `0`.
        return Some("0".into());
    }
    let (int, mut frac) = (n / unit, n % unit);
    let mut out = String::with_capacity(24);
    if x < 0.0 {
        out.push('-');
    }
    out.push_str(&int.to_string());
    if frac != 0 {
        let mut width = places;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        out.push('.');
        let digits = frac.to_string();
        for _ in digits.len()..width {
            out.push('0');
        }
        out.push_str(&digits);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_index_is_position_in_all() {
        for (i, k) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(k.index(), i);
        }
    }

    #[test]
    fn compact_number_magnitudes() {
        assert_eq!(compact_number(2.4e9), "2.4B");
        assert_eq!(compact_number(1e10), "10B");
        assert_eq!(compact_number(1e12), "1T");
        assert_eq!(compact_number(3.5e6), "3.5M");
        assert_eq!(compact_number(500_000.0), "500K");
        assert_eq!(compact_number(1280.0), "1,280");
        assert_eq!(compact_number(2.69), "2.69");
        assert_eq!(compact_number(2.45e9), "2.45B");
    }

    /// The fast path prints what the float formatter does, over whole
    /// numbers, ties, values near ties and values spread over every magnitude.
    #[test]
    fn trim_decimals_fast_path_matches_the_formatter() {
        let general = |x: f64, places: usize| {
            let s = format!("{:.*}", places, x);
            let s = if s.contains('.') {
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            } else {
                s
            };
            if s == "-0" {
                "0".to_string()
            } else {
                s
            }
        };
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -3.0,
            1280.0,
            2.4e9,
            1e15,
            1e20,
            2.5,
            0.125,
            0.0005,
            -0.004,
            2.675,
            1.005,
            38.7,
            3.7,
            0.15,
            93.0,
            37.2,
            2222.13,
            0.999_96,
            12_345.678_95,
            1e-9,
        ];
        // A fixed pseudo-random spread: mantissas at every magnitude, and
        // short decimals as news writes them (`3.7`, `2222.13`).
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let mantissa = (seed >> 11) as f64 / (1u64 << 53) as f64;
            let exp = ((seed >> 3) % 24) as i32 - 10;
            let sign = if seed & 1 == 1 { -1.0 } else { 1.0 };
            values.push(sign * mantissa * 10f64.powi(exp));
            let divisor = [1.0, 10.0, 100.0, 1000.0][(seed >> 40) as usize % 4];
            values.push((seed % 1_000_000) as f64 / divisor);
        }
        for x in values {
            for places in [0, 1, 2, 3, 4] {
                assert_eq!(
                    trim_decimals(x, places),
                    general(x, places),
                    "{x:e} {places}"
                );
            }
        }
    }

    #[test]
    fn qualifier_decorates_display() {
        assert_eq!(Qualifier::Over.decorate("$10B".into()), "$10B+");
        assert_eq!(Qualifier::Under.decorate("$10B".into()), "<$10B");
        assert_eq!(Qualifier::Approx.decorate("$2.4B".into()), "$2.4B");
    }
}
