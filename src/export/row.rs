//! The flat rows every tabular format writes: [`FactRow`] (one fact),
//! [`SectionRow`] (one section), [`ArticleRow`] (one article without its
//! sections and facts) and [`EventRow`] (one deal). Each row type names its
//! columns once, with their types ([`FACT_COLUMNS`], [`SECTION_COLUMNS`],
//! [`ARTICLE_COLUMNS`], [`EVENT_COLUMNS`]), and gives its cells in that order
//! ([`FactRow::cells`]); the CSV, Parquet and XLSX writers all iterate those, so
//! a column added here reaches every format. The JSON writers write the same
//! fields under the same names (with a fact's kind-specific ones nested in
//! `value`; an event's cells as they are).
//!
//! A date fact's `date_start`/`date_end` ([`date_value_bounds`]) come from its
//! typed spec, through the date module, for tools that need real dates.

use crate::analyze::{Analysis, Section};
use crate::article::Lang;
use crate::fact::{DateValue, Fact, Value};
use crate::link::Event;
use chrono::NaiveDate;

/// How a column is typed in formats that have types (Parquet, XLSX), and how
/// CSV writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// Free text, mostly distinct from row to row.
    Text,
    /// Text from a small or much-repeated set (a kind, a currency, a rule, the
    /// doc_id and the sentence, which repeat on consecutive rows): dictionary
    /// encoded in Parquet.
    Category,
    /// A non-negative integer (offsets, counts).
    Int,
    /// A floating-point number; CSV writes it with a decimal point always, so
    /// readers that guess types from the text see a float.
    Float,
    /// `true` / `false`.
    Bool,
    /// A calendar day, `YYYY-MM-DD` in text formats.
    Date,
}

/// One column of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// The column's name (CSV header, Parquet field, JSON key).
    pub name: &'static str,
    /// How it is typed.
    pub ty: ColumnType,
}

const fn col(name: &'static str, ty: ColumnType) -> Column {
    Column { name, ty }
}

/// One cell's value. A cell is either [`Cell::Null`] or of its column's type.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell<'a> {
    /// No value (an empty CSV cell, a Parquet null).
    Null,
    /// A string.
    Text(&'a str),
    /// A non-negative integer.
    Int(u64),
    /// A floating-point number.
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// A calendar day.
    Date(NaiveDate),
}

impl<'a> Cell<'a> {
    fn text(s: Option<&'a str>) -> Cell<'a> {
        s.map_or(Cell::Null, Cell::Text)
    }
    fn float(x: Option<f64>) -> Cell<'a> {
        x.map_or(Cell::Null, Cell::Float)
    }
    fn bool(b: Option<bool>) -> Cell<'a> {
        b.map_or(Cell::Null, Cell::Bool)
    }
    fn date(d: Option<NaiveDate>) -> Cell<'a> {
        d.map_or(Cell::Null, Cell::Date)
    }
}

use ColumnType::{Bool, Category, Date, Float, Int, Text};

/// The columns of `facts.csv` (and of the facts table in every format), in order.
pub const FACT_COLUMNS: [Column; 41] = [
    col("id", Text),
    col("doc_id", Category),
    col("source", Category),
    col("lang", Category),
    col("article_date", Date),
    col("section", Int),
    col("section_kind", Category),
    col("section_heading", Category),
    col("field", Category),
    col("kind", Category),
    col("text", Text),
    col("start", Int),
    col("end", Int),
    col("display", Text),
    col("amount", Float),
    col("amount_max", Float),
    col("currency", Category),
    col("qualifier", Category),
    col("per", Category),
    col("percent", Float),
    col("percent_max", Float),
    col("unit", Category),
    col("date_iso", Text),
    col("granularity", Category),
    col("date_start", Date),
    col("date_end", Date),
    col("year_inferred", Bool),
    col("relative", Bool),
    col("fy_end", Category),
    col("year_source", Category),
    col("name", Text),
    col("title", Text),
    col("canonical", Category),
    col("subject_id", Text),
    col("subject", Category),
    col("metric", Category),
    col("period_id", Text),
    col("period", Category),
    col("change", Category),
    col("rule", Category),
    col("sentence", Category),
];

/// What a money or percent fact is linked to (SPEC "linked facts"): whose figure
/// it is, what it measures and for which period. All null while the analysis
/// carries no links.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LinkCells<'a> {
    /// The id of the company or person fact the figure belongs to.
    pub subject_id: Option<&'a str>,
    /// That subject's canonical name.
    pub subject: Option<&'a str>,
    /// What the figure measures (`revenue`, `deal_value`, `growth`…).
    pub metric: Option<&'a str>,
    /// The id of the date fact the figure refers to.
    pub period_id: Option<&'a str>,
    /// That date's `iso`.
    pub period: Option<&'a str>,
    /// Percent facts: `increase` or `decrease`.
    pub change: Option<&'a str>,
}

impl<'a> LinkCells<'a> {
    /// The cells of a fact's link.
    pub fn of(l: &'a crate::link::Link) -> Self {
        LinkCells {
            subject_id: l.subject_id.as_deref(),
            subject: l.subject_name.as_deref(),
            metric: Some(l.metric.as_str()),
            period_id: l.period_id.as_deref(),
            period: l.period_iso.as_deref(),
            change: l.change.map(|c| c.as_str()),
        }
    }
}

/// One fact as a flat row: every column a named field.
#[derive(Clone, Debug, PartialEq)]
pub struct FactRow<'a> {
    /// `<doc_id>#<n>`, n counting the article's facts from 0 in output order.
    pub id: String,
    /// The article's id.
    pub doc_id: &'a str,
    /// Where the article came from: its path, plus `:line` for JSONL.
    pub source: &'a str,
    /// The article's language (`ja`, `en`).
    pub lang: &'static str,
    /// The article's own date (JSONL `date`).
    pub article_date: Option<NaiveDate>,
    /// The index of the section holding it.
    pub section: usize,
    /// That section's kind (`title`, `body`, `heading`, `related`).
    pub section_kind: &'static str,
    /// That section's heading (empty for `body`).
    pub section_heading: &'a str,
    /// The input field it was found in (`text`, `title`).
    pub field: &'static str,
    /// The kind of fact.
    pub kind: &'static str,
    /// The span as written.
    pub text: &'a str,
    /// Start, in code points of `field`.
    pub start: usize,
    /// End, in code points of `field`.
    pub end: usize,
    /// The compact human form of the value.
    pub display: &'a str,
    /// Money: the amount in currency units.
    pub amount: Option<f64>,
    /// Money: the upper end of a range.
    pub amount_max: Option<f64>,
    /// Money: the ISO 4217 code.
    pub currency: Option<&'a str>,
    /// Money and percent: how the value relates to the number written.
    pub qualifier: Option<&'static str>,
    /// Money: the unit of a per-unit price (`share`).
    pub per: Option<&'a str>,
    /// Percent: the value.
    pub percent: Option<f64>,
    /// Percent: the upper end of a range.
    pub percent_max: Option<f64>,
    /// Percent: `percent` or `point`.
    pub unit: Option<&'static str>,
    /// Date: the ISO form at its granularity.
    pub date_iso: Option<&'a str>,
    /// Date: its granularity.
    pub granularity: Option<&'static str>,
    /// Date: the first day it covers.
    pub date_start: Option<NaiveDate>,
    /// Date: the last day it covers.
    pub date_end: Option<NaiveDate>,
    /// Date: whether the year was not written.
    pub year_inferred: Option<bool>,
    /// Date: whether it is relative to the reference date.
    pub relative: Option<bool>,
    /// Date: the end month of a fiscal year, when written.
    pub fy_end: Option<&'a str>,
    /// Date: where an inferred year came from.
    pub year_source: Option<&'a str>,
    /// Person and company: the name.
    pub name: Option<&'a str>,
    /// Person: the title (`財務長官`).
    pub title: Option<&'a str>,
    /// Person and company: the canonical name.
    pub canonical: Option<&'a str>,
    /// What a money or percent figure is linked to.
    pub link: LinkCells<'a>,
    /// The rule that produced it.
    pub rule: &'static str,
    /// The sentence holding it.
    pub sentence: &'a str,
    /// The fact the row was made from (for the JSON writers' nested `value`).
    pub fact: &'a Fact,
}

impl<'a> FactRow<'a> {
    /// The row of `a.facts[n]`.
    pub fn new(a: &'a Analysis, n: usize, f: &'a Fact) -> FactRow<'a> {
        let section = a.sections.get(f.section);
        let mut row = FactRow {
            id: fact_id(&a.doc_id, n),
            doc_id: &a.doc_id,
            source: &a.source,
            lang: a.lang.as_str(),
            article_date: a.date,
            section: f.section,
            section_kind: section.map_or("", |s| s.kind.as_str()),
            section_heading: section.map_or("", |s| s.heading.as_str()),
            field: f.field.as_str(),
            kind: f.kind.as_str(),
            text: &f.text,
            start: f.start,
            end: f.end,
            display: f.value.display(),
            amount: None,
            amount_max: None,
            currency: None,
            qualifier: None,
            per: None,
            percent: None,
            percent_max: None,
            unit: None,
            date_iso: None,
            granularity: None,
            date_start: None,
            date_end: None,
            year_inferred: None,
            relative: None,
            fy_end: None,
            year_source: None,
            name: None,
            title: None,
            canonical: None,
            link: f.link.as_ref().map(LinkCells::of).unwrap_or_default(),
            rule: f.rule,
            sentence: &f.sentence,
            fact: f,
        };
        match &f.value {
            Value::Money(m) => {
                row.amount = Some(m.amount);
                row.amount_max = m.amount_max;
                row.currency = Some(&m.currency);
                row.qualifier = Some(m.qualifier.as_str());
                row.per = m.per.as_deref();
            }
            Value::Percent(p) => {
                row.percent = Some(p.value);
                row.percent_max = p.value_max;
                row.unit = Some(p.unit.as_str());
                row.qualifier = Some(p.qualifier.as_str());
            }
            Value::Date(d) => {
                row.date_iso = d.iso.as_deref();
                row.granularity = Some(d.granularity.as_str());
                (row.date_start, row.date_end) = date_value_bounds(d, a.lang).unzip();
                row.year_inferred = Some(d.year_inferred);
                row.relative = Some(d.relative);
                row.fy_end = d.fy_end.as_deref();
                row.year_source = d.year_source.as_deref();
            }
            Value::Person(p) => {
                row.name = Some(&p.name);
                row.title = p.title.as_deref();
                row.canonical = p.canonical.as_deref();
            }
            Value::Company(c) => {
                row.name = Some(&c.name);
                row.canonical = c.canonical.as_deref();
            }
        }
        row
    }

    /// The cells in [`FACT_COLUMNS`] order.
    pub fn cells(&self) -> [Cell<'_>; FACT_COLUMNS.len()] {
        let l = &self.link;
        [
            Cell::Text(&self.id),
            Cell::Text(self.doc_id),
            Cell::Text(self.source),
            Cell::Text(self.lang),
            Cell::date(self.article_date),
            Cell::Int(self.section as u64),
            Cell::Text(self.section_kind),
            Cell::Text(self.section_heading),
            Cell::Text(self.field),
            Cell::Text(self.kind),
            Cell::Text(self.text),
            Cell::Int(self.start as u64),
            Cell::Int(self.end as u64),
            Cell::Text(self.display),
            Cell::float(self.amount),
            Cell::float(self.amount_max),
            Cell::text(self.currency),
            Cell::text(self.qualifier),
            Cell::text(self.per),
            Cell::float(self.percent),
            Cell::float(self.percent_max),
            Cell::text(self.unit),
            Cell::text(self.date_iso),
            Cell::text(self.granularity),
            Cell::date(self.date_start),
            Cell::date(self.date_end),
            Cell::bool(self.year_inferred),
            Cell::bool(self.relative),
            Cell::text(self.fy_end),
            Cell::text(self.year_source),
            Cell::text(self.name),
            Cell::text(self.title),
            Cell::text(self.canonical),
            Cell::text(l.subject_id),
            Cell::text(l.subject),
            Cell::text(l.metric),
            Cell::text(l.period_id),
            Cell::text(l.period),
            Cell::text(l.change),
            Cell::Text(self.rule),
            Cell::Text(self.sentence),
        ]
    }
}

/// A fact's id: `<doc_id>#<n>`.
pub fn fact_id(doc_id: &str, n: usize) -> String {
    let mut id = String::with_capacity(doc_id.len() + 4);
    id.push_str(doc_id);
    id.push('#');
    id.push_str(&n.to_string());
    id
}

/// The rows of an article's facts, in output order.
pub fn fact_rows(a: &Analysis) -> impl Iterator<Item = FactRow<'_>> {
    a.facts
        .iter()
        .enumerate()
        .map(move |(n, f)| FactRow::new(a, n, f))
}

/// The columns of `sections.csv` (and of the sections table in every format).
/// `kind` and `section_kind` hold the same value: `kind` as it always was,
/// `section_kind` under the name the facts table uses.
pub const SECTION_COLUMNS: [Column; 12] = [
    col("doc_id", Category),
    col("source", Category),
    col("lang", Category),
    col("section", Int),
    col("kind", Category),
    col("section_kind", Category),
    col("field", Category),
    col("heading", Text),
    col("start", Int),
    col("end", Int),
    col("chars", Int),
    col("facts", Int),
];

/// One section as a flat row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SectionRow<'a> {
    /// The article's id.
    pub doc_id: &'a str,
    /// Where the article came from: its path, plus `:line` for JSONL.
    pub source: &'a str,
    /// The article's language (`ja`, `en`).
    pub lang: &'static str,
    /// The index of the section holding it.
    pub section: usize,
    /// The kind of fact.
    pub kind: &'static str,
    /// The input field it was found in (`text`, `title`).
    pub field: &'static str,
    /// The heading or title text (empty for `body`).
    pub heading: &'a str,
    /// Start, in code points of `field`.
    pub start: usize,
    /// End, in code points of `field`.
    pub end: usize,
    /// Length in code points.
    pub chars: usize,
    /// How many facts it holds.
    pub facts: usize,
}

impl<'a> SectionRow<'a> {
    /// The row of section `s` of `a`.
    pub fn new(a: &'a Analysis, s: &'a Section) -> SectionRow<'a> {
        SectionRow {
            doc_id: &a.doc_id,
            source: &a.source,
            lang: a.lang.as_str(),
            section: s.section,
            kind: s.kind.as_str(),
            field: s.field.as_str(),
            heading: &s.heading,
            start: s.start,
            end: s.end,
            chars: s.chars,
            facts: s.facts,
        }
    }

    /// The cells in [`SECTION_COLUMNS`] order.
    pub fn cells(&self) -> [Cell<'a>; SECTION_COLUMNS.len()] {
        [
            Cell::Text(self.doc_id),
            Cell::Text(self.source),
            Cell::Text(self.lang),
            Cell::Int(self.section as u64),
            Cell::Text(self.kind),
            Cell::Text(self.kind),
            Cell::Text(self.field),
            Cell::Text(self.heading),
            Cell::Int(self.start as u64),
            Cell::Int(self.end as u64),
            Cell::Int(self.chars as u64),
            Cell::Int(self.facts as u64),
        ]
    }
}

/// The rows of an article's sections.
pub fn section_rows(a: &Analysis) -> impl Iterator<Item = SectionRow<'_>> {
    a.sections.iter().map(move |s| SectionRow::new(a, s))
}

/// The columns of the articles table (Parquet, the record stream): an article
/// without its sections and facts, with their counts.
pub const ARTICLE_COLUMNS: [Column; 9] = [
    col("doc_id", Text),
    col("source", Text),
    col("lang", Category),
    col("encoding", Category),
    col("title", Text),
    col("date", Date),
    col("chars", Int),
    col("sections", Int),
    col("facts", Int),
];

/// One article as a flat row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArticleRow<'a> {
    /// The article's id.
    pub doc_id: &'a str,
    /// Where the article came from: its path, plus `:line` for JSONL.
    pub source: &'a str,
    /// The article's language (`ja`, `en`).
    pub lang: &'static str,
    /// The encoding its text was decoded from.
    pub encoding: &'static str,
    /// The title given apart from the text (JSONL `title`), if any.
    pub title: Option<&'a str>,
    /// The article's own date (JSONL `date`).
    pub date: Option<NaiveDate>,
    /// Length in code points.
    pub chars: usize,
    /// How many sections it has.
    pub sections: usize,
    /// How many facts it holds.
    pub facts: usize,
}

impl<'a> ArticleRow<'a> {
    /// The row of `a`.
    pub fn new(a: &'a Analysis) -> ArticleRow<'a> {
        ArticleRow {
            doc_id: &a.doc_id,
            source: &a.source,
            lang: a.lang.as_str(),
            encoding: a.encoding,
            title: a.title.as_deref(),
            date: a.date,
            chars: a.chars,
            sections: a.sections.len(),
            facts: a.facts.len(),
        }
    }

    /// The cells in [`ARTICLE_COLUMNS`] order.
    pub fn cells(&self) -> [Cell<'a>; ARTICLE_COLUMNS.len()] {
        [
            Cell::Text(self.doc_id),
            Cell::Text(self.source),
            Cell::Text(self.lang),
            Cell::Text(self.encoding),
            Cell::text(self.title),
            Cell::date(self.date),
            Cell::Int(self.chars as u64),
            Cell::Int(self.sections as u64),
            Cell::Int(self.facts as u64),
        ]
    }
}

/// The columns of `events.csv` (and of the events table in every format), in
/// the linked-facts contract's order. Role columns come in pairs: the id of the
/// fact that fills the role, then its name or value.
pub const EVENT_COLUMNS: [Column; 21] = [
    col("doc_id", Category),
    col("id", Text),
    col("type", Category),
    col("status", Category),
    col("acquirer_id", Text),
    col("acquirer", Category),
    col("target_id", Text),
    col("target", Category),
    col("seller_id", Text),
    col("seller", Category),
    col("amount_id", Text),
    col("amount", Float),
    col("currency", Category),
    col("amount_display", Text),
    col("stake_id", Text),
    col("stake", Float),
    col("date_id", Text),
    col("date", Category),
    col("section", Int),
    col("sentence", Category),
    col("rule", Category),
];

/// One deal as a flat row: each role's fact id and its name or value. Its
/// serde form is an events.jsonl line.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct EventRow<'a> {
    /// The article's id.
    pub doc_id: &'a str,
    /// `<doc_id>@<n>`, n counting the article's events from 0.
    pub id: String,
    /// `acquisition`, `merger`, `investment`, `divestiture` or `ipo` (the
    /// column `type`).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// `completed`, `agreed`, `proposed`, `talks`, or unknown.
    pub status: Option<&'static str>,
    /// The buyer's (or investor's) company or person fact.
    pub acquirer_id: Option<String>,
    /// Its canonical name.
    pub acquirer: Option<&'a str>,
    /// The company bought, merged with or invested in.
    pub target_id: Option<String>,
    /// Its canonical name.
    pub target: Option<&'a str>,
    /// The seller of a divested unit or stake.
    pub seller_id: Option<String>,
    /// Its canonical name.
    pub seller: Option<&'a str>,
    /// The money fact of the deal's price.
    pub amount_id: Option<String>,
    /// Its amount in currency units.
    pub amount: Option<f64>,
    /// Its ISO 4217 currency.
    pub currency: Option<&'a str>,
    /// Its compact display (`$2.4B`).
    pub amount_display: Option<&'a str>,
    /// The percent fact of the stake bought.
    pub stake_id: Option<String>,
    /// Its value in percent.
    pub stake: Option<f64>,
    /// The date fact of the deal.
    pub date_id: Option<String>,
    /// Its ISO form.
    pub date: Option<&'a str>,
    /// The section of the mention the record was built from.
    pub section: usize,
    /// That mention's sentence.
    pub sentence: &'a str,
    /// The rule that found the deal.
    pub rule: &'static str,
}

impl<'a> EventRow<'a> {
    /// The row of event `n` of article `doc_id`, whose facts (which the
    /// event's roles index) are `facts`.
    pub fn new(doc_id: &'a str, n: usize, e: &'a Event, facts: &'a [Fact]) -> Self {
        let fact = |r: Option<usize>| r.and_then(|i| facts.get(i));
        let id = |r: Option<usize>| r.filter(|&i| i < facts.len()).map(|i| fact_id(doc_id, i));
        let name = |r: Option<usize>| fact(r).and_then(crate::link::name_of);
        let money = fact(e.amount).and_then(|f| match &f.value {
            Value::Money(m) => Some(m),
            _ => None,
        });
        let mut event_id = String::with_capacity(doc_id.len() + 3);
        event_id.push_str(doc_id);
        event_id.push('@');
        event_id.push_str(&n.to_string());
        EventRow {
            doc_id,
            id: event_id,
            kind: e.kind.as_str(),
            status: e.status.map(|s| s.as_str()),
            acquirer_id: id(e.acquirer),
            acquirer: name(e.acquirer),
            target_id: id(e.target),
            target: name(e.target),
            seller_id: id(e.seller),
            seller: name(e.seller),
            amount_id: id(e.amount),
            amount: money.map(|m| m.amount),
            currency: money.map(|m| m.currency.as_str()),
            amount_display: money.map(|m| m.display.as_str()),
            stake_id: id(e.stake),
            stake: fact(e.stake).and_then(|f| match &f.value {
                Value::Percent(p) => Some(p.value),
                _ => None,
            }),
            date_id: id(e.date),
            date: fact(e.date).and_then(|f| match &f.value {
                Value::Date(d) => d.iso.as_deref(),
                _ => None,
            }),
            section: e.section,
            sentence: &e.sentence,
            rule: e.rule,
        }
    }

    /// The cells in [`EVENT_COLUMNS`] order.
    pub fn cells(&self) -> [Cell<'_>; EVENT_COLUMNS.len()] {
        [
            Cell::Text(self.doc_id),
            Cell::Text(&self.id),
            Cell::Text(self.kind),
            Cell::text(self.status),
            Cell::text(self.acquirer_id.as_deref()),
            Cell::text(self.acquirer),
            Cell::text(self.target_id.as_deref()),
            Cell::text(self.target),
            Cell::text(self.seller_id.as_deref()),
            Cell::text(self.seller),
            Cell::text(self.amount_id.as_deref()),
            Cell::float(self.amount),
            Cell::text(self.currency),
            Cell::text(self.amount_display),
            Cell::text(self.stake_id.as_deref()),
            Cell::float(self.stake),
            Cell::text(self.date_id.as_deref()),
            Cell::text(self.date),
            Cell::Int(self.section as u64),
            Cell::Text(self.sentence),
            Cell::Text(self.rule),
        ]
    }
}

/// The rows of an article's events, in order of their first mention.
pub fn event_rows(a: &Analysis) -> impl Iterator<Item = EventRow<'_>> {
    a.events
        .iter()
        .enumerate()
        .map(move |(n, e)| EventRow::new(&a.doc_id, n, e, &a.facts))
}

/// The first and last day of a date fact, None when unresolved: read from
/// its typed spec by the date module (`DateSpec::bounds`).
pub fn date_value_bounds(d: &DateValue, lang: Lang) -> Option<(NaiveDate, NaiveDate)> {
    d.spec.bounds(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{analyze, Resources};
    use crate::article::Article;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn cells_match_their_columns() {
        let article = Article {
            id: "a".into(),
            title: Some("Sony rose 5%".into()),
            text: "Apple paid $2.69 a share, about $2.4 billion, on June 9, 2025, Tim Cook said.\nトヨタ自動車の2026年3月期は増収。\n".into(),
            date: Some(d("2025-06-10")),
            source: "a.jsonl:1".into(),
            ..Default::default()
        };
        let a = analyze(&article, &Resources::default());
        let rows: Vec<FactRow> = fact_rows(&a).collect();
        let kinds: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.kind).collect();
        assert_eq!(kinds.len(), 5, "{rows:#?}");
        for r in &rows {
            for (c, cell) in FACT_COLUMNS.iter().zip(r.cells()) {
                assert!(type_fits(c.ty, cell), "{}: {cell:?}", c.name);
            }
        }
        for s in section_rows(&a) {
            for (c, cell) in SECTION_COLUMNS.iter().zip(s.cells()) {
                assert!(type_fits(c.ty, cell), "{}: {cell:?}", c.name);
            }
        }
        for (c, cell) in ARTICLE_COLUMNS.iter().zip(ArticleRow::new(&a).cells()) {
            assert!(type_fits(c.ty, cell), "{}: {cell:?}", c.name);
        }
        // Ids count the article's facts in output order.
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids[0], "a#0");
        assert_eq!(ids[ids.len() - 1], format!("a#{}", ids.len() - 1));
        // The title's facts come first, from the title field.
        assert_eq!((rows[0].field, rows[0].text), ("title", "Sony"));
        assert_eq!(rows[0].section_kind, "title");
        let price = rows.iter().find(|r| r.text == "$2.69").unwrap();
        assert_eq!(price.per, Some("share"));
        assert_eq!(price.amount, Some(2.69));
        let fy = rows.iter().find(|r| r.fy_end.is_some()).unwrap();
        assert_eq!(fy.date_iso, Some("FY2026"));
        assert_eq!(
            (fy.date_start, fy.date_end),
            (Some(d("2025-04-01")), Some(d("2026-03-31")))
        );
        assert_eq!(fy.year_inferred, Some(false));
        let names: Vec<&str> = FACT_COLUMNS.iter().map(|c| c.name).collect();
        let unique: std::collections::BTreeSet<&str> = names.iter().copied().collect();
        assert_eq!(unique.len(), names.len());
    }

    fn type_fits(ty: ColumnType, cell: Cell) -> bool {
        matches!(
            (ty, cell),
            (_, Cell::Null)
                | (Text | Category, Cell::Text(_))
                | (Int, Cell::Int(_))
                | (Float, Cell::Float(_))
                | (Bool, Cell::Bool(_))
                | (Date, Cell::Date(_))
        )
    }
}
