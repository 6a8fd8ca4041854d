//! The JSON formats, all written as a stream, one article at a time:
//! - `jsonl`: `facts.jsonl` (one fact a line), `articles.jsonl` (one article a
//!   line: its sections, each with its facts, nested, and its events) and
//!   `events.jsonl` (one deal a line);
//! - `json`: `articles.json`, the same articles as one JSON array;
//! - `records`: `records.jsonl` (or stdout), every article, section, fact, event
//!   and input problem as one JSON object a line, tagged by `"record"`.
//!
//! A fact's fields are those of its [`FactRow`](super::row::FactRow), with the kind-specific ones
//! nested in `value` and the link ones in `link`; a section's, an article's and
//! an event's record are their rows' cells under the columns' names.
//!
//! The records are assembled by hand into a byte buffer, in the SPEC's field
//! order and serde_json's compact form, byte for byte: strings that need escaping
//! and `f64` numbers still go through serde_json, and tests hold every record
//! to what serde derives for it. A fact's fields from `"id"` on are the same in
//! every file, so they are rendered once, for `facts.jsonl` ([`FactLines`]), and
//! copied into the nested articles. Facts of one sentence follow each other, so
//! a sentence is escaped once and copied after that.

use super::row::{
    event_rows, section_rows, ArticleRow, Cell, Column, LinkCells, ARTICLE_COLUMNS, EVENT_COLUMNS,
    SECTION_COLUMNS,
};
use super::sink::{OutFile, Sink};
use super::{FileGroup, Level, Prerender, Rendered, Writer};
use crate::analyze::Analysis;
use crate::fact::Value;
use crate::input::Problem;
use std::io::{self, Write};
use std::ops::Range;

/// The file of the `records` format when it is not written to stdout.
pub const RECORDS_FILE: &str = "records.jsonl";

/// A JSON string appended to `out`, quoted and escaped as serde_json does it.
/// Most strings hold nothing to escape (no control character, quote or
/// backslash): those are copied between quotes, the others left to serde_json.
/// The check scans the whole string without an early exit, which the compiler
/// turns into a vector loop.
/// Returns where the string's bytes are in `out`.
fn push_str(out: &mut Vec<u8>, s: &str) -> std::io::Result<Range<usize>> {
    let start = out.len();
    let escape = s
        .bytes()
        .fold(false, |e, b| e | (b < 0x20) | (b == b'"') | (b == b'\\'));
    if escape {
        serde_json::to_writer(&mut *out, s)?;
    } else {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
    Ok(start..out.len())
}

/// Bytes written before at `at` in `out` (a repeated doc_id or sentence) appended
/// again; returns where the copy is.
fn copy_within(out: &mut Vec<u8>, at: Range<usize>) -> Range<usize> {
    let start = out.len();
    out.extend_from_within(at);
    start..out.len()
}

/// `n` in decimal appended to `out`, as serde_json writes it.
fn push_uint(out: &mut Vec<u8>, n: usize) {
    super::csv::push_uint(out, n as u64);
}

/// A field's key, `"name":`, appended to `$out` after `$sep`: `{` before an
/// object's first field, `,` before the others; one copy of one literal.
macro_rules! key {
    ($out:expr, $sep:literal, $name:literal) => {
        $out.extend_from_slice(concat!($sep, "\"", $name, "\":").as_bytes())
    };
}

/// A field's key, `"name":`, appended to `out` after `sep`: `{` before an
/// object's first field, `,` before the others. Keys are plain ASCII names.
/// (For names not known until run time; [`key!`] for literal ones.)
fn key(out: &mut Vec<u8>, sep: u8, name: &str) {
    out.push(sep);
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

/// A unit enum's name as serde writes it: `"money"`, `"heading"`.
fn push_name(out: &mut Vec<u8>, name: &str) {
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.push(b'"');
}

/// A number as serde_json writes an `f64` (`null` when not finite).
fn push_f64(out: &mut Vec<u8>, x: f64) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, &x)?;
    Ok(())
}

fn push_opt_f64(out: &mut Vec<u8>, x: Option<f64>) -> std::io::Result<()> {
    match x {
        Some(x) => push_f64(out, x),
        None => {
            out.extend_from_slice(b"null");
            Ok(())
        }
    }
}

fn push_opt_str(out: &mut Vec<u8>, s: Option<&str>) -> std::io::Result<()> {
    match s {
        Some(s) => push_str(out, s).map(|_| ()),
        None => {
            out.extend_from_slice(b"null");
            Ok(())
        }
    }
}

fn push_bool(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

/// A fact's value, as serde derives it for [`Value`]: the kind's own object, its
/// fields in declaration order. Written by hand, as the rest of a line is: through
/// serde it cost as much as everything else on the line. The test
/// `values_equal_the_serde_derived_ones` holds it to the derive, field by field.
fn push_value(out: &mut Vec<u8>, v: &Value) -> std::io::Result<()> {
    match v {
        Value::Money(m) => {
            key!(out, "{", "amount");
            push_f64(out, m.amount)?;
            key!(out, ",", "amount_max");
            push_opt_f64(out, m.amount_max)?;
            key!(out, ",", "currency");
            push_str(out, &m.currency)?;
            key!(out, ",", "qualifier");
            push_name(out, m.qualifier.as_str());
            key!(out, ",", "per");
            push_opt_str(out, m.per.as_deref())?;
            key!(out, ",", "display");
            push_str(out, &m.display)?;
        }
        Value::Percent(p) => {
            key!(out, "{", "value");
            push_f64(out, p.value)?;
            key!(out, ",", "value_max");
            push_opt_f64(out, p.value_max)?;
            key!(out, ",", "unit");
            push_name(out, p.unit.as_str());
            key!(out, ",", "qualifier");
            push_name(out, p.qualifier.as_str());
            key!(out, ",", "display");
            push_str(out, &p.display)?;
        }
        Value::Date(d) => {
            key!(out, "{", "iso");
            push_opt_str(out, d.iso.as_deref())?;
            key!(out, ",", "granularity");
            push_name(out, d.granularity.as_str());
            key!(out, ",", "year_inferred");
            push_bool(out, d.year_inferred);
            key!(out, ",", "relative");
            push_bool(out, d.relative);
            key!(out, ",", "fy_end");
            push_opt_str(out, d.fy_end.as_deref())?;
            key!(out, ",", "year_source");
            push_opt_str(out, d.year_source.as_deref())?;
            key!(out, ",", "display");
            push_str(out, &d.display)?;
        }
        Value::Person(p) => {
            key!(out, "{", "name");
            push_str(out, &p.name)?;
            key!(out, ",", "title");
            push_opt_str(out, p.title.as_deref())?;
            key!(out, ",", "canonical");
            push_opt_str(out, p.canonical.as_deref())?;
            key!(out, ",", "display");
            push_str(out, &p.display)?;
        }
        Value::Company(c) => {
            key!(out, "{", "name");
            push_str(out, &c.name)?;
            key!(out, ",", "canonical");
            push_opt_str(out, c.canonical.as_deref())?;
            key!(out, ",", "display");
            push_str(out, &c.display)?;
        }
    }
    out.push(b'}');
    Ok(())
}

fn push_null(out: &mut Vec<u8>) {
    out.extend_from_slice(b"null");
}

/// A day as a JSON string, `"YYYY-MM-DD"`.
fn push_date(out: &mut Vec<u8>, d: chrono::NaiveDate) {
    out.push(b'"');
    super::csv::push_date(out, d);
    out.push(b'"');
}

fn push_opt_date(out: &mut Vec<u8>, d: Option<chrono::NaiveDate>) {
    match d {
        Some(d) => push_date(out, d),
        None => push_null(out),
    }
}

/// A row's cells as the fields of a JSON object, each under its column's name,
/// appended after `sep` (`{` to open the object, `,` to go on with one).
fn push_cells(out: &mut Vec<u8>, sep: u8, columns: &[Column], cells: &[Cell]) -> io::Result<()> {
    let mut sep = sep;
    for (c, cell) in columns.iter().zip(cells) {
        key(out, sep, c.name);
        sep = b',';
        match *cell {
            Cell::Null => push_null(out),
            Cell::Text(s) => {
                push_str(out, s)?;
            }
            Cell::Int(n) => super::csv::push_uint(out, n),
            Cell::Float(x) => push_f64(out, x)?,
            Cell::Bool(b) => push_bool(out, b),
            Cell::Date(d) => push_date(out, d),
        }
    }
    out.push(b'}');
    Ok(())
}

/// A fact's `link` object, or `null` when the fact carries no link.
fn push_link(out: &mut Vec<u8>, l: &LinkCells) -> io::Result<()> {
    if *l == LinkCells::default() {
        push_null(out);
        return Ok(());
    }
    key!(out, "{", "subject_id");
    push_opt_str(out, l.subject_id)?;
    key!(out, ",", "subject");
    push_opt_str(out, l.subject)?;
    key!(out, ",", "metric");
    push_opt_str(out, l.metric)?;
    key!(out, ",", "period_id");
    push_opt_str(out, l.period_id)?;
    key!(out, ",", "period");
    push_opt_str(out, l.period)?;
    key!(out, ",", "change");
    push_opt_str(out, l.change)?;
    out.push(b'}');
    Ok(())
}

/// One article's `facts.jsonl` lines, and where each fact's fields from `"id"`
/// to its closing brace lie in them (what the nested articles list for it).
#[derive(Default)]
pub struct FactLines {
    /// The lines, each ending with `\n`.
    pub bytes: Vec<u8>,
    fields: Vec<Range<usize>>,
}

impl FactLines {
    /// Render the fact lines of `a`.
    pub fn new(a: &Analysis) -> io::Result<FactLines> {
        // About 600 bytes a line: one allocation rather than a dozen regrowths.
        let mut lines = FactLines {
            bytes: Vec::with_capacity(a.facts.len() * 640),
            fields: Vec::with_capacity(a.facts.len()),
        };
        lines.render(a)?;
        Ok(lines)
    }

    /// Render `a`'s lines, reusing the buffers of the previous article.
    pub fn render(&mut self, a: &Analysis) -> io::Result<()> {
        let out = &mut self.bytes;
        out.clear();
        self.fields.clear();
        // The fields that are the article's own, rendered once and copied; and
        // where the last sentence was written, to copy it while it repeats.
        let mut article: Option<Range<usize>> = None;
        let mut last_sentence: Option<(&str, Range<usize>)> = None;
        let mut id = String::with_capacity(a.doc_id.len() + 8);
        for (n, f) in a.facts.iter().enumerate() {
            article = Some(match article {
                Some(at) => copy_within(out, at),
                None => {
                    let start = out.len();
                    key!(out, "{", "doc_id");
                    push_str(out, &a.doc_id)?;
                    key!(out, ",", "source");
                    push_str(out, &a.source)?;
                    key!(out, ",", "lang");
                    push_name(out, a.lang.as_str());
                    key!(out, ",", "article_date");
                    push_opt_date(out, a.date);
                    start..out.len()
                }
            });
            key!(out, ",", "section");
            super::csv::push_uint(out, f.section as u64);
            key!(out, ",", "section_kind");
            push_name(
                out,
                a.sections.get(f.section).map_or("", |s| s.kind.as_str()),
            );
            key!(out, ",", "id");
            // The fields the nested articles list start at this key, after the comma.
            let fields_start = out.len() - br#""id":"#.len();
            id.clear();
            id.push_str(&a.doc_id);
            id.push('#');
            super::csv::push_decimal(&mut id, n);
            push_str(out, &id)?;
            key!(out, ",", "field");
            push_name(out, f.field.as_str());
            key!(out, ",", "kind");
            push_name(out, f.kind.as_str());
            key!(out, ",", "text");
            push_str(out, &f.text)?;
            key!(out, ",", "start");
            push_uint(out, f.start);
            key!(out, ",", "end");
            push_uint(out, f.end);
            key!(out, ",", "sentence");
            let sentence = match last_sentence {
                Some((prev, at)) if std::ptr::eq(prev, &*f.sentence) => copy_within(out, at),
                _ => push_str(out, &f.sentence)?,
            };
            last_sentence = Some((&*f.sentence, sentence));
            key!(out, ",", "value");
            push_value(out, &f.value)?;
            let (date_start, date_end) = match &f.value {
                Value::Date(d) => super::row::date_value_bounds(d, a.lang).unzip(),
                _ => (None, None),
            };
            key!(out, ",", "date_start");
            push_opt_date(out, date_start);
            key!(out, ",", "date_end");
            push_opt_date(out, date_end);
            key!(out, ",", "link");
            match &f.link {
                Some(l) => push_link(out, &LinkCells::of(l))?,
                None => push_null(out),
            }
            key!(out, ",", "rule");
            push_str(out, f.rule)?;
            out.push(b'}');
            self.fields.push(fields_start..out.len());
            out.push(b'\n');
        }
        Ok(())
    }
}

/// Append `a`'s nested record (`articles.jsonl`, `articles.json`) to `out`, its
/// facts copied from `lines` (rendered from the same article).
fn write_article(out: &mut Vec<u8>, a: &Analysis, lines: &FactLines) -> io::Result<()> {
    key!(out, "{", "doc_id");
    push_str(out, &a.doc_id)?;
    key!(out, ",", "source");
    push_str(out, &a.source)?;
    key!(out, ",", "lang");
    push_str(out, a.lang.as_str())?;
    key!(out, ",", "encoding");
    push_str(out, a.encoding)?;
    key!(out, ",", "title");
    push_opt_str(out, a.title.as_deref())?;
    key!(out, ",", "date");
    push_opt_date(out, a.date);
    key!(out, ",", "chars");
    push_uint(out, a.chars);
    key!(out, ",", "sections");
    out.push(b'[');
    // The facts of each section in their order; facts come in text order, so
    // this is nearly always sorted already (and the sort is then linear).
    let mut order: Vec<usize> = (0..a.facts.len())
        .filter(|&i| a.facts[i].section < a.sections.len())
        .collect();
    order.sort_by_key(|&i| a.facts[i].section);
    let mut next = order.iter().peekable();
    for (n, s) in a.sections.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        key!(out, "{", "section");
        push_uint(out, s.section);
        key!(out, ",", "kind");
        push_name(out, s.kind.as_str());
        key!(out, ",", "field");
        push_name(out, s.field.as_str());
        key!(out, ",", "heading");
        push_str(out, &s.heading)?;
        key!(out, ",", "start");
        push_uint(out, s.start);
        key!(out, ",", "end");
        push_uint(out, s.end);
        key!(out, ",", "chars");
        push_uint(out, s.chars);
        key!(out, ",", "facts");
        out.push(b'[');
        let mut first = true;
        while let Some(&i) = next.next_if(|&&i| a.facts[i].section == n) {
            let Some(fields) = lines
                .fields
                .get(i)
                .and_then(|at| lines.bytes.get(at.clone()))
            else {
                continue;
            };
            if !first {
                out.push(b',');
            }
            first = false;
            out.push(b'{');
            out.extend_from_slice(fields);
        }
        out.extend_from_slice(b"]}");
    }
    out.push(b']');
    // The article's deals, each with its fields from `id` on (the doc_id is
    // the article's).
    key!(out, ",", "events");
    out.push(b'[');
    for (n, e) in event_rows(a).enumerate() {
        if n > 0 {
            out.push(b',');
        }
        push_cells(out, b'{', &EVENT_COLUMNS[1..], &e.cells()[1..])?;
    }
    out.extend_from_slice(b"]}");
    Ok(())
}

/// One article's `events.jsonl` lines, as bytes (none for most articles).
pub fn render_events_jsonl(a: &Analysis) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    for e in event_rows(a) {
        push_cells(&mut out, b'{', &EVENT_COLUMNS, &e.cells())?;
        out.push(b'\n');
    }
    Ok(out)
}

/// One article's `facts.jsonl` lines, as bytes.
pub fn render_facts_jsonl(a: &Analysis) -> io::Result<Vec<u8>> {
    Ok(FactLines::new(a)?.bytes)
}

/// One article's nested record, as bytes, without a line end.
pub fn render_article_json(a: &Analysis) -> io::Result<Vec<u8>> {
    render_article_json_from(a, &FactLines::new(a)?)
}

/// [`render_article_json`] from the article's `facts.jsonl` lines, already
/// rendered: its facts are copied from them.
pub fn render_article_json_from(a: &Analysis, lines: &FactLines) -> io::Result<Vec<u8>> {
    // Nearly all of it is the facts' fields, copied from their lines.
    let mut out = Vec::with_capacity(lines.bytes.len() + a.sections.len() * 128 + 256);
    write_article(&mut out, a, lines)?;
    Ok(out)
}

/// One article's records in the record stream: the article, its sections, its
/// facts, its events, each a line.
pub fn render_records(a: &Analysis) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    key!(&mut out, "{", "record");
    push_name(&mut out, "article");
    push_cells(
        &mut out,
        b',',
        &ARTICLE_COLUMNS,
        &ArticleRow::new(a).cells(),
    )?;
    out.push(b'\n');
    for s in section_rows(a) {
        key!(&mut out, "{", "record");
        push_name(&mut out, "section");
        push_cells(&mut out, b',', &SECTION_COLUMNS, &s.cells())?;
        out.push(b'\n');
    }
    let lines = FactLines::new(a)?;
    for line in lines.bytes.split_inclusive(|&b| b == b'\n') {
        // A fact line is an object: the tag goes in after its opening brace.
        key!(&mut out, "{", "record");
        push_name(&mut out, "fact");
        out.push(b',');
        out.extend_from_slice(line.get(1..).unwrap_or_default());
    }
    for e in event_rows(a) {
        key!(&mut out, "{", "record");
        push_name(&mut out, "event");
        push_cells(&mut out, b',', &EVENT_COLUMNS, &e.cells())?;
        out.push(b'\n');
    }
    Ok(out)
}

/// A problem's record in the record stream.
pub fn render_problem(level: Level, p: &Problem) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    key!(&mut out, "{", "record");
    push_name(&mut out, "problem");
    key!(&mut out, ",", "level");
    push_name(&mut out, level.as_str());
    key!(&mut out, ",", "source");
    push_str(&mut out, &p.path)?;
    key!(&mut out, ",", "line");
    match p.line {
        Some(l) => push_uint(&mut out, l),
        None => push_null(&mut out),
    }
    key!(&mut out, ",", "reason");
    push_str(&mut out, &p.reason)?;
    out.extend_from_slice(b"}\n");
    Ok(out)
}

fn not_begun() -> io::Error {
    io::Error::other("writer used before begin")
}

/// The `jsonl` format: `facts.jsonl`, `articles.jsonl` and `events.jsonl`.
#[derive(Default)]
pub struct JsonlWriter {
    files: FileGroup<3>,
}

struct JsonlRender;

impl Prerender for JsonlRender {
    fn render(&self, a: &Analysis) -> io::Result<Rendered> {
        // The nested article copies its facts from the facts.jsonl lines.
        let lines = FactLines::new(a)?;
        let mut article = render_article_json_from(a, &lines)?;
        article.push(b'\n');
        Ok(vec![lines.bytes, article, render_events_jsonl(a)?])
    }
}

impl Writer for JsonlWriter {
    fn begin(&mut self, sink: &mut dyn Sink) -> io::Result<()> {
        self.files.open([
            sink.create("facts.jsonl")?,
            sink.create("articles.jsonl")?,
            sink.create("events.jsonl")?,
        ]);
        Ok(())
    }

    fn write(&mut self, a: &Analysis) -> io::Result<()> {
        let r = JsonlRender.render(a)?;
        self.write_rendered(a, r)
    }

    fn prerender(&self) -> Option<Box<dyn Prerender>> {
        Some(Box::new(JsonlRender))
    }

    fn write_rendered(&mut self, _a: &Analysis, rendered: Rendered) -> io::Result<()> {
        self.files.append(rendered)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.files.finish()
    }
}

/// The `json` format: `articles.json`, one JSON array written an article at a time.
#[derive(Default)]
pub struct ArticlesJson {
    file: Option<OutFile>,
    /// No article written yet (the first needs no comma).
    empty: bool,
}

struct ArticleRender;

impl Prerender for ArticleRender {
    fn render(&self, a: &Analysis) -> io::Result<Rendered> {
        Ok(vec![render_article_json(a)?])
    }
}

impl Writer for ArticlesJson {
    fn begin(&mut self, sink: &mut dyn Sink) -> io::Result<()> {
        let mut file = sink.create("articles.json")?;
        file.write_all(b"[")?;
        self.file = Some(file);
        self.empty = true;
        Ok(())
    }

    fn write(&mut self, a: &Analysis) -> io::Result<()> {
        let r = ArticleRender.render(a)?;
        self.write_rendered(a, r)
    }

    fn prerender(&self) -> Option<Box<dyn Prerender>> {
        Some(Box::new(ArticleRender))
    }

    fn write_rendered(&mut self, _a: &Analysis, rendered: Rendered) -> io::Result<()> {
        let file = self.file.as_mut().ok_or_else(not_begun)?;
        file.write_all(if self.empty { b"\n" } else { b",\n" })?;
        self.empty = false;
        file.write_all(&rendered.concat())
    }

    fn finish(&mut self) -> io::Result<()> {
        if let Some(mut file) = self.file.take() {
            file.write_all(b"\n]\n")?;
            file.flush()?;
        }
        Ok(())
    }
}

/// The `records` format: the tagged record stream, for mappers (`--stdout`).
#[derive(Default)]
pub struct RecordsWriter {
    file: Option<OutFile>,
}

struct RecordsRender;

impl Prerender for RecordsRender {
    fn render(&self, a: &Analysis) -> io::Result<Rendered> {
        Ok(vec![render_records(a)?])
    }
}

impl Writer for RecordsWriter {
    fn begin(&mut self, sink: &mut dyn Sink) -> io::Result<()> {
        self.file = Some(sink.create(RECORDS_FILE)?);
        Ok(())
    }

    fn write(&mut self, a: &Analysis) -> io::Result<()> {
        let r = RecordsRender.render(a)?;
        self.write_rendered(a, r)
    }

    fn problem(&mut self, level: Level, p: &Problem) -> io::Result<()> {
        let file = self.file.as_mut().ok_or_else(not_begun)?;
        file.write_all(&render_problem(level, p)?)
    }

    fn prerender(&self) -> Option<Box<dyn Prerender>> {
        Some(Box::new(RecordsRender))
    }

    fn write_rendered(&mut self, _a: &Analysis, rendered: Rendered) -> io::Result<()> {
        let file = self.file.as_mut().ok_or_else(not_begun)?;
        file.write_all(&rendered.concat())
    }

    fn finish(&mut self) -> io::Result<()> {
        if let Some(mut file) = self.file.take() {
            file.flush()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::row::{fact_rows, FactRow};
    use super::*;
    use crate::analyze::{analyze, Resources};
    use crate::article::Article;
    use crate::fact::{Field, Kind};
    use crate::section::SectionKind;
    use serde::Serialize;

    // The records as serde derives them: what the hand-written bytes must equal.
    #[derive(Serialize)]
    struct Link<'a> {
        subject_id: Option<&'a str>,
        subject: Option<&'a str>,
        metric: Option<&'a str>,
        period_id: Option<&'a str>,
        period: Option<&'a str>,
        change: Option<&'a str>,
    }

    #[derive(Serialize)]
    struct FactInSection<'a> {
        id: &'a str,
        field: Field,
        kind: Kind,
        text: &'a str,
        start: usize,
        end: usize,
        sentence: &'a str,
        value: &'a Value,
        date_start: Option<String>,
        date_end: Option<String>,
        link: Option<Link<'a>>,
        rule: &'a str,
    }

    #[derive(Serialize)]
    struct FactRecord<'a> {
        doc_id: &'a str,
        source: &'a str,
        lang: &'a str,
        article_date: Option<String>,
        section: usize,
        section_kind: &'a str,
        #[serde(flatten)]
        rest: FactInSection<'a>,
    }

    #[derive(Serialize)]
    struct SectionRecord<'a> {
        section: usize,
        kind: SectionKind,
        field: Field,
        heading: &'a str,
        start: usize,
        end: usize,
        chars: usize,
        facts: Vec<FactInSection<'a>>,
    }

    #[derive(Serialize)]
    struct ArticleRecord<'a> {
        doc_id: &'a str,
        source: &'a str,
        lang: &'a str,
        encoding: &'a str,
        title: Option<&'a str>,
        date: Option<String>,
        chars: usize,
        sections: Vec<SectionRecord<'a>>,
        events: Vec<EventInArticle<'a>>,
    }

    /// An event's fields from `id` on, named as the linked-facts contract names them.
    #[derive(Serialize)]
    struct EventInArticle<'a> {
        id: &'a str,
        #[serde(rename = "type")]
        kind: &'a str,
        status: Option<&'a str>,
        acquirer_id: Option<&'a str>,
        acquirer: Option<&'a str>,
        target_id: Option<&'a str>,
        target: Option<&'a str>,
        seller_id: Option<&'a str>,
        seller: Option<&'a str>,
        amount_id: Option<&'a str>,
        amount: Option<f64>,
        currency: Option<&'a str>,
        amount_display: Option<&'a str>,
        stake_id: Option<&'a str>,
        stake: Option<f64>,
        date_id: Option<&'a str>,
        date: Option<&'a str>,
        section: usize,
        sentence: &'a str,
        rule: &'a str,
    }

    #[derive(Serialize)]
    struct EventLine<'a> {
        doc_id: &'a str,
        #[serde(flatten)]
        rest: EventInArticle<'a>,
    }

    fn event_fields<'a>(e: &'a super::super::row::EventRow<'a>) -> EventInArticle<'a> {
        EventInArticle {
            id: &e.id,
            kind: e.kind,
            status: e.status,
            acquirer_id: e.acquirer_id.as_deref(),
            acquirer: e.acquirer,
            target_id: e.target_id.as_deref(),
            target: e.target,
            seller_id: e.seller_id.as_deref(),
            seller: e.seller,
            amount_id: e.amount_id.as_deref(),
            amount: e.amount,
            currency: e.currency,
            amount_display: e.amount_display,
            stake_id: e.stake_id.as_deref(),
            stake: e.stake,
            date_id: e.date_id.as_deref(),
            date: e.date,
            section: e.section,
            sentence: e.sentence,
            rule: e.rule,
        }
    }

    fn reference_events(a: &Analysis) -> Vec<u8> {
        let rows: Vec<_> = event_rows(a).collect();
        let mut out = Vec::new();
        for e in &rows {
            let line = EventLine {
                doc_id: e.doc_id,
                rest: event_fields(e),
            };
            serde_json::to_writer(&mut out, &line).unwrap();
            out.push(b'\n');
        }
        out
    }

    fn day(d: Option<chrono::NaiveDate>) -> Option<String> {
        d.map(|d| d.format("%Y-%m-%d").to_string())
    }

    fn in_section<'a>(r: &'a FactRow<'a>) -> FactInSection<'a> {
        let l = &r.link;
        FactInSection {
            id: &r.id,
            field: r.fact.field,
            kind: r.fact.kind,
            text: r.text,
            start: r.start,
            end: r.end,
            sentence: r.sentence,
            value: &r.fact.value,
            date_start: day(r.date_start),
            date_end: day(r.date_end),
            link: (*l != LinkCells::default()).then_some(Link {
                subject_id: l.subject_id,
                subject: l.subject,
                metric: l.metric,
                period_id: l.period_id,
                period: l.period,
                change: l.change,
            }),
            rule: r.rule,
        }
    }

    fn reference_jsonl(a: &Analysis) -> Vec<u8> {
        let rows: Vec<FactRow> = fact_rows(a).collect();
        let mut out = Vec::new();
        for r in &rows {
            let rec = FactRecord {
                doc_id: r.doc_id,
                source: r.source,
                lang: r.lang,
                article_date: day(r.article_date),
                section: r.section,
                section_kind: r.section_kind,
                rest: in_section(r),
            };
            serde_json::to_writer(&mut out, &rec).unwrap();
            out.push(b'\n');
        }
        out
    }

    fn reference_article(a: &Analysis) -> Vec<u8> {
        let rows: Vec<FactRow> = fact_rows(a).collect();
        let events: Vec<_> = event_rows(a).collect();
        let mut sections: Vec<SectionRecord> = a
            .sections
            .iter()
            .map(|s| SectionRecord {
                section: s.section,
                kind: s.kind,
                field: s.field,
                heading: &s.heading,
                start: s.start,
                end: s.end,
                chars: s.chars,
                facts: Vec::new(),
            })
            .collect();
        for r in &rows {
            if let Some(s) = sections.get_mut(r.section) {
                s.facts.push(in_section(r));
            }
        }
        serde_json::to_vec(&ArticleRecord {
            doc_id: &a.doc_id,
            source: &a.source,
            lang: a.lang.as_str(),
            encoding: a.encoding,
            title: a.title.as_deref(),
            date: day(a.date),
            chars: a.chars,
            sections,
            events: events.iter().map(event_fields).collect(),
        })
        .unwrap()
    }

    fn articles() -> Vec<Analysis> {
        let texts = [
            ("plain", None, "Apple said revenue rose 5% to $2.4 billion on June 9, 2025, Tim Cook said. Sony fell 3%.\n"),
            ("quote \"\\ \u{1}\u{2028}", Some("Title \"q\" ソニー、2026年3月期は売上高3%増\n"), "## Head \"x\"\n\nトヨタ自動車は2025年6月9日、売上高が約24億ドル（前年比７０％増）になったと発表した。\nベサント財務長官が会見した。\n"),
            ("empty", None, "nothing to see here\n"),
            ("deal", Some("Broadcom to buy Veridian for $14.7 billion"), "Broadcom Inc. has agreed to buy Veridian Networks PLC for about £11.2 billion ($14.7 billion) in cash.\nLumora Systems said it had raised $4 billion in a funding round led by SoftBank Group Corp.\n"),
        ];
        let mut v: Vec<Analysis> = texts
            .iter()
            .map(|(id, title, text)| {
                let article = Article {
                    id: id.to_string(),
                    title: title.map(String::from),
                    text: text.to_string(),
                    date: chrono::NaiveDate::from_ymd_opt(2025, 6, 9),
                    source: format!("{id}.jsonl:1"),
                    encoding: "UTF-8",
                    ..Default::default()
                };
                analyze(&article, &Resources::default())
            })
            .collect();
        // A fact out of any section is left out of articles.json (the last
        // article, so that the others keep their places).
        let mut odd = v[0].clone();
        odd.facts[0].section = 99;
        v.push(odd);
        v
    }

    #[test]
    fn values_equal_the_serde_derived_ones() {
        use crate::fact::*;
        let text = |s: &str| s.to_string();
        let numbers = [
            0.0,
            -0.0,
            2.69,
            2.4e9,
            -3.5,
            1e20,
            1.5e-7,
            f64::NAN,
            f64::INFINITY,
        ];
        let strs = [None, Some(text("a \"q\" \\ \u{1}")), Some(text("日本"))];
        let qualifiers = [
            Qualifier::Exact,
            Qualifier::Approx,
            Qualifier::Over,
            Qualifier::Under,
            Qualifier::AtLeast,
            Qualifier::AtMost,
            Qualifier::Range,
        ];
        let granularities = [
            Granularity::Day,
            Granularity::Month,
            Granularity::Year,
            Granularity::Quarter,
            Granularity::Half,
            Granularity::FiscalYear,
            Granularity::FiscalQuarter,
            Granularity::Decade,
            Granularity::Range,
        ];
        let mut values = Vec::new();
        for (i, &x) in numbers.iter().enumerate() {
            let max = [None, Some(numbers[(i + 3) % numbers.len()])];
            for (j, q) in qualifiers.into_iter().enumerate() {
                let s = strs[j % strs.len()].clone();
                values.push(Value::Money(Money {
                    amount: x,
                    amount_max: max[j % 2],
                    currency: text("USD"),
                    qualifier: q,
                    per: s.clone(),
                    display: text("$\"x\""),
                }));
                values.push(Value::Percent(Percent {
                    value: x,
                    value_max: max[(j + 1) % 2],
                    unit: [PercentUnit::Percent, PercentUnit::Point][j % 2],
                    qualifier: q,
                    display: s.unwrap_or_default(),
                }));
            }
        }
        for (i, g) in granularities.into_iter().enumerate() {
            let s = |k: usize| strs[(i + k) % strs.len()].clone();
            values.push(Value::Date(DateValue {
                iso: s(0),
                granularity: g,
                year_inferred: i % 2 == 0,
                relative: i % 3 == 0,
                fy_end: s(1),
                year_source: s(2),
                display: text("6月9日"),
                spec: Default::default(),
            }));
        }
        for (i, name) in strs.iter().flatten().enumerate() {
            for j in 0..strs.len() {
                let s = |k: usize| strs[(i + j + k) % strs.len()].clone();
                values.push(Value::Person(Person {
                    name: name.clone(),
                    title: s(0),
                    canonical: s(1),
                    display: name.clone(),
                }));
                values.push(Value::Company(Company {
                    name: name.clone(),
                    canonical: s(0),
                    display: text("Co"),
                }));
            }
        }
        for v in &values {
            let mut ours = Vec::new();
            push_value(&mut ours, v).unwrap();
            let want = serde_json::to_vec(v).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(want).unwrap()
            );
        }
    }

    #[test]
    fn kind_names_are_serdes() {
        for k in Kind::ALL {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        for k in [
            SectionKind::Title,
            SectionKind::Body,
            SectionKind::Heading,
            SectionKind::Related,
        ] {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
    }

    #[test]
    fn records_equal_the_serde_derived_ones() {
        let all = articles();
        assert!(all[1].facts.len() >= 3, "{:?}", all[1].facts);
        assert!(all[3].events.len() >= 2, "{:?}", all[3].events);
        for a in &all {
            assert_eq!(
                String::from_utf8(render_events_jsonl(a).unwrap()).unwrap(),
                String::from_utf8(reference_events(a)).unwrap()
            );
            assert_eq!(
                String::from_utf8(render_facts_jsonl(a).unwrap()).unwrap(),
                String::from_utf8(reference_jsonl(a)).unwrap()
            );
            assert_eq!(
                String::from_utf8(render_article_json(a).unwrap()).unwrap(),
                String::from_utf8(reference_article(a)).unwrap()
            );
        }
    }

    #[test]
    fn writers_write_what_is_rendered() {
        use super::super::sink::DirSink;
        let all = articles();
        let dir = tempfile::tempdir().unwrap();
        let mut sink = DirSink::new(dir.path()).unwrap();
        let mut writers: Vec<Box<dyn Writer>> = vec![
            Box::new(JsonlWriter::default()),
            Box::new(ArticlesJson::default()),
            Box::new(RecordsWriter::default()),
        ];
        for w in &mut writers {
            w.begin(&mut sink).unwrap();
        }
        let problem = Problem {
            path: "d.jsonl".into(),
            line: Some(3),
            reason: "not \"json\"".into(),
        };
        let (mut facts, mut nested, mut array, mut records, mut events) = (
            Vec::new(),
            Vec::new(),
            b"[".to_vec(),
            Vec::new(),
            Vec::new(),
        );
        for (i, a) in all.iter().enumerate() {
            for (k, w) in writers.iter_mut().enumerate() {
                // Half the articles through write, half pre-rendered.
                match w.prerender() {
                    Some(p) if (i + k) % 2 == 0 => w.write_rendered(a, p.render(a).unwrap()),
                    _ => w.write(a),
                }
                .unwrap();
                w.problem(Level::Warning, &problem).unwrap();
            }
            facts.extend(reference_jsonl(a));
            events.extend(reference_events(a));
            nested.extend(reference_article(a));
            nested.push(b'\n');
            array.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
            array.extend(reference_article(a));
            records.extend(render_records(a).unwrap());
            records.extend(render_problem(Level::Warning, &problem).unwrap());
        }
        for w in &mut writers {
            w.finish().unwrap();
        }
        array.extend_from_slice(b"\n]\n");
        let read = |f: &str| std::fs::read(dir.path().join(f)).unwrap();
        assert_eq!(read("facts.jsonl"), facts);
        assert_eq!(read("events.jsonl"), events);
        assert!(!events.is_empty());
        assert_eq!(read("articles.jsonl"), nested);
        assert_eq!(read("articles.json"), array);
        assert_eq!(read(RECORDS_FILE), records);
    }

    /// Every record in the stream is one JSON object a line, tagged, with the
    /// same fields as the files' rows.
    #[test]
    fn records_are_tagged_rows() {
        let all = articles();
        let a = &all[1];
        let text = String::from_utf8(render_records(a).unwrap()).unwrap();
        let recs: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(recs.len(), 1 + a.sections.len() + a.facts.len());
        assert_eq!(recs[0]["record"], "article");
        assert_eq!(recs[0]["doc_id"], a.doc_id.as_str());
        assert_eq!(recs[0]["facts"], a.facts.len());
        assert_eq!(recs[0]["sections"], a.sections.len());
        assert_eq!(recs[0]["date"], "2025-06-09");
        // The columns in their order, after the tag.
        let mut want = String::from("{\"record\":\"article\"");
        for c in ARTICLE_COLUMNS {
            want.push_str(&format!(",\"{}\":{}", c.name, recs[0][c.name]));
        }
        want.push('}');
        assert_eq!(text.lines().next().unwrap(), want);
        for (s, rec) in a.sections.iter().zip(&recs[1..]) {
            assert_eq!(rec["record"], "section");
            assert_eq!(rec["section"], s.section);
            assert_eq!(rec["section_kind"], s.kind.as_str());
            assert_eq!(rec["source"], a.source.as_str());
        }
        let jsonl = String::from_utf8(render_facts_jsonl(a).unwrap()).unwrap();
        for (line, rec) in jsonl.lines().zip(&recs[1 + a.sections.len()..]) {
            let mut rec = rec.clone();
            assert_eq!(rec["record"], "fact");
            rec.as_object_mut().unwrap().remove("record");
            let fact: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(rec, fact);
        }
        let p = Problem {
            path: "d.jsonl".into(),
            line: None,
            reason: "empty".into(),
        };
        let rec: serde_json::Value =
            serde_json::from_slice(&render_problem(Level::Skipped, &p).unwrap()).unwrap();
        assert_eq!(
            rec,
            serde_json::json!({"record": "problem", "level": "skipped", "source": "d.jsonl", "line": null, "reason": "empty"})
        );
    }

    /// An article's event records close its records, each an events.jsonl
    /// line with the tag; articles.jsonl nests the same events without the
    /// doc_id.
    #[test]
    fn event_records_are_events_jsonl_lines() {
        let all = articles();
        let a = &all[3];
        let text = String::from_utf8(render_records(a).unwrap()).unwrap();
        let recs: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let n = 1 + a.sections.len() + a.facts.len();
        assert_eq!(recs.len(), n + a.events.len());
        let lines = String::from_utf8(render_events_jsonl(a).unwrap()).unwrap();
        let article: serde_json::Value =
            serde_json::from_slice(&render_article_json(a).unwrap()).unwrap();
        let nested = article["events"].as_array().unwrap();
        assert_eq!(nested.len(), a.events.len());
        for ((line, rec), inner) in lines.lines().zip(&recs[n..]).zip(nested) {
            let mut rec = rec.clone();
            assert_eq!(rec["record"], "event");
            rec.as_object_mut().unwrap().remove("record");
            let mut want: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(rec, want);
            want.as_object_mut().unwrap().remove("doc_id");
            assert_eq!(*inner, want);
        }
    }

    /// A title given apart is the first section; its facts index the title.
    #[test]
    fn title_facts_index_the_title() {
        let all = articles();
        let a = &all[1];
        let title = a.title.as_deref().unwrap();
        assert_eq!(a.sections[0].kind, SectionKind::Title);
        assert_eq!(a.sections[0].field, Field::Title);
        let chars: Vec<char> = title.chars().collect();
        let in_title: Vec<_> = a.facts.iter().filter(|f| f.field == Field::Title).collect();
        assert!(!in_title.is_empty(), "{:?}", a.facts);
        for f in in_title {
            assert_eq!(f.section, 0);
            assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.text);
        }
    }
}
