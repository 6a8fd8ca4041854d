//! The `xlsx` format: `newsfacts.xlsx`, a workbook for spreadsheets with the
//! sheets `facts`, `sections` and `events` (the columns of [`FACT_COLUMNS`],
//! [`SECTION_COLUMNS`] and [`EVENT_COLUMNS`]) and `summary` (counts of the run).
//!
//! Cells are typed: numbers as numbers, days as Excel dates (`yyyy-mm-dd`),
//! booleans as booleans, and text always as a string cell, so nothing in an
//! article can become a formula. Each sheet has its header row frozen, an
//! autofilter over its columns, and widths by column type.
//!
//! Sheets are written in constant-memory mode: each row goes to a temporary
//! file as it is written, so memory does not grow with the number of rows.
//! Excel holds at most 1,048,576 rows a sheet; facts past that continue on
//! `facts_2`, `facts_3`… (sections on `sections_2`…, events on `events_2`…),
//! each with the header
//! again. A text cell holds at most 32,767 characters in Excel: longer text
//! (a very long sentence or heading) is cut there.

use super::row::{
    event_rows, fact_rows, section_rows, Cell, Column, ColumnType, EVENT_COLUMNS, FACT_COLUMNS,
    SECTION_COLUMNS,
};
use super::sink::{OutFile, Sink};
use super::{Level, Writer};
use crate::analyze::Analysis;
use crate::fact::Kind;
use crate::input::Problem;
use chrono::Datelike;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::collections::BTreeMap;
use std::io;

/// The workbook's file name.
pub const FILE: &str = "newsfacts.xlsx";

/// Rows a sheet holds in Excel, the header included.
pub const MAX_ROWS: u32 = 1_048_576;

/// Characters a cell holds in Excel.
const MAX_CELL_CHARS: usize = 32_767;

fn to_io(e: XlsxError) -> io::Error {
    io::Error::other(e)
}

/// A column's width in Excel's character units.
fn width(c: &Column) -> f64 {
    match (c.ty, c.name) {
        (_, "sentence") => 80.0,
        (_, "text" | "heading" | "section_heading" | "title" | "name" | "canonical") => 24.0,
        (
            _,
            "id" | "doc_id" | "source" | "rule" | "display" | "subject" | "acquirer" | "target"
            | "seller",
        ) => 20.0,
        (ColumnType::Date, _) => 11.0,
        (ColumnType::Float, _) => 16.0,
        (ColumnType::Int | ColumnType::Bool, _) => 8.0,
        (ColumnType::Text | ColumnType::Category, _) => 12.0,
    }
}

/// One table spread over as many sheets as its rows need.
struct Table {
    name: &'static str,
    columns: &'static [Column],
    /// The sheets made so far (indexes into the workbook), and the next row
    /// of the last one.
    sheets: Vec<usize>,
    row: u32,
    /// Rows written on each full sheet (the last one's is `row`).
    full: Vec<u32>,
    /// Rows a sheet holds, the header included.
    limit: u32,
}

impl Table {
    fn new(name: &'static str, columns: &'static [Column], limit: u32) -> Table {
        Table {
            name,
            columns,
            sheets: Vec::new(),
            row: limit,
            full: Vec::new(),
            limit: limit.max(2),
        }
    }

    /// The sheet for the next row, begun (named, header written, frozen,
    /// filtered, widths set) when the current one is full.
    fn sheet<'w>(
        &mut self,
        book: &'w mut Workbook,
        header: &Format,
    ) -> io::Result<&'w mut Worksheet> {
        if self.row >= self.limit {
            let n = self.sheets.len() + 1;
            let name = if n == 1 {
                self.name.to_string()
            } else {
                format!("{}_{n}", self.name)
            };
            let sheet = book.add_worksheet_with_constant_memory().map_err(to_io)?;
            sheet.set_name(name).map_err(to_io)?;
            for (i, c) in (0u16..).zip(self.columns) {
                sheet.set_column_width(i, width(c)).map_err(to_io)?;
                sheet
                    .write_string_with_format(0, i, c.name, header)
                    .map_err(to_io)?;
            }
            sheet.set_freeze_panes(1, 0).map_err(to_io)?;
            if !self.sheets.is_empty() {
                self.full.push(self.row);
            }
            self.sheets.push(book.worksheets_mut().len() - 1);
            self.row = 1;
        }
        let index = *self.sheets.last().unwrap_or(&0);
        book.worksheet_from_index(index).map_err(to_io)
    }

    fn push(&mut self, book: &mut Workbook, formats: &Formats, cells: &[Cell]) -> io::Result<()> {
        let sheet = self.sheet(book, &formats.header)?;
        let row = self.row;
        for (i, cell) in (0u16..).zip(cells) {
            match *cell {
                Cell::Null => {}
                Cell::Text(s) => {
                    sheet.write_string(row, i, clip(s)).map_err(to_io)?;
                }
                Cell::Int(n) => {
                    sheet.write_number(row, i, n as f64).map_err(to_io)?;
                }
                Cell::Float(x) if x.is_finite() => {
                    sheet.write_number(row, i, x).map_err(to_io)?;
                }
                Cell::Float(_) => {}
                Cell::Bool(b) => {
                    sheet.write_boolean(row, i, b).map_err(to_io)?;
                }
                Cell::Date(d) => match excel_date(d) {
                    Some(x) => {
                        sheet
                            .write_datetime_with_format(row, i, &x, &formats.date)
                            .map_err(to_io)?;
                    }
                    // Excel has no dates before 1900: the ISO day as text.
                    None => {
                        sheet.write_string(row, i, d.to_string()).map_err(to_io)?;
                    }
                },
            }
        }
        self.row += 1;
        Ok(())
    }

    /// Put an autofilter over each sheet's header and rows.
    fn filter(&self, book: &mut Workbook) -> io::Result<()> {
        let last = u16::try_from(self.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
        let rows = self.full.iter().copied().chain([self.row]);
        for (&index, rows) in self.sheets.iter().zip(rows) {
            let sheet = book.worksheet_from_index(index).map_err(to_io)?;
            sheet
                .autofilter(0, 0, rows.saturating_sub(1), last)
                .map_err(to_io)?;
        }
        Ok(())
    }
}

/// `s`, cut to the characters an Excel cell holds.
fn clip(s: &str) -> &str {
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

/// A day as an Excel date, when Excel can show it (1900 to 9999).
fn excel_date(d: chrono::NaiveDate) -> Option<ExcelDateTime> {
    let y = u16::try_from(d.year())
        .ok()
        .filter(|y| (1900..=9999).contains(y))?;
    ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok()
}

struct Formats {
    header: Format,
    date: Format,
}

/// What the summary sheet counts.
#[derive(Default)]
struct Counts {
    articles: usize,
    sections: usize,
    events: usize,
    facts_by_kind: BTreeMap<&'static str, usize>,
    articles_by_lang: BTreeMap<&'static str, usize>,
    skipped: usize,
    warnings: usize,
}

/// The `xlsx` format.
pub struct XlsxWriter {
    state: Option<State>,
    limit: u32,
}

struct State {
    file: OutFile,
    book: Workbook,
    formats: Formats,
    facts: Table,
    sections: Table,
    events: Table,
    counts: Counts,
}

impl Default for XlsxWriter {
    fn default() -> Self {
        XlsxWriter::with_max_rows(MAX_ROWS)
    }
}

impl XlsxWriter {
    /// A writer starting a new sheet after `rows` rows (header included; at
    /// most Excel's limit).
    pub fn with_max_rows(rows: u32) -> Self {
        XlsxWriter {
            state: None,
            limit: rows.min(MAX_ROWS),
        }
    }
}

impl State {
    fn summary(&mut self) -> io::Result<()> {
        let sheet = self.book.add_worksheet();
        sheet.set_name("summary").map_err(to_io)?;
        sheet.set_column_width(0, 28.0).map_err(to_io)?;
        sheet.set_column_width(1, 14.0).map_err(to_io)?;
        let c = &self.counts;
        let mut rows: Vec<(String, f64)> = vec![
            ("articles".into(), c.articles as f64),
            ("articles skipped".into(), c.skipped as f64),
            ("warnings".into(), c.warnings as f64),
            ("sections".into(), c.sections as f64),
            ("events".into(), c.events as f64),
            (
                "facts".into(),
                c.facts_by_kind.values().sum::<usize>() as f64,
            ),
        ];
        for k in Kind::ALL {
            let n = c.facts_by_kind.get(k.as_str()).copied().unwrap_or(0);
            rows.push((format!("facts: {}", k.as_str()), n as f64));
        }
        for (lang, n) in &c.articles_by_lang {
            rows.push((format!("articles: {lang}"), *n as f64));
        }
        let sheets = |t: &Table| t.sheets.len().max(1) as f64;
        rows.push(("facts sheets".into(), sheets(&self.facts)));
        rows.push(("sections sheets".into(), sheets(&self.sections)));
        rows.push(("events sheets".into(), sheets(&self.events)));
        sheet
            .write_string_with_format(0, 0, "what", &self.formats.header)
            .map_err(to_io)?;
        sheet
            .write_string_with_format(0, 1, "count", &self.formats.header)
            .map_err(to_io)?;
        for (r, (what, n)) in (1u32..).zip(rows) {
            sheet.write_string(r, 0, what).map_err(to_io)?;
            sheet.write_number(r, 1, n).map_err(to_io)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(to_io)?;
        Ok(())
    }
}

impl Writer for XlsxWriter {
    fn begin(&mut self, sink: &mut dyn Sink) -> io::Result<()> {
        let file = sink.create(FILE)?;
        let mut book = Workbook::new();
        // A fixed creation date: the same input gives the same bytes.
        let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(to_io)?;
        book.set_properties(&DocProperties::new().set_creation_datetime(&created));
        let formats = Formats {
            header: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        };
        let mut state = State {
            file,
            book,
            formats,
            facts: Table::new("facts", &FACT_COLUMNS, self.limit),
            sections: Table::new("sections", &SECTION_COLUMNS, self.limit),
            events: Table::new("events", &EVENT_COLUMNS, self.limit),
            counts: Counts::default(),
        };
        // The three sheets exist (with their headers) even when no row comes;
        // continuation sheets then come after `events`.
        state.facts.sheet(&mut state.book, &state.formats.header)?;
        state
            .sections
            .sheet(&mut state.book, &state.formats.header)?;
        state.events.sheet(&mut state.book, &state.formats.header)?;
        self.state = Some(state);
        Ok(())
    }

    fn write(&mut self, a: &Analysis) -> io::Result<()> {
        let s = self
            .state
            .as_mut()
            .ok_or_else(|| io::Error::other("xlsx writer used before begin"))?;
        for r in fact_rows(a) {
            s.facts.push(&mut s.book, &s.formats, &r.cells())?;
            *s.counts.facts_by_kind.entry(r.kind).or_default() += 1;
        }
        for r in section_rows(a) {
            s.sections.push(&mut s.book, &s.formats, &r.cells())?;
        }
        for r in event_rows(a) {
            s.events.push(&mut s.book, &s.formats, &r.cells())?;
        }
        s.counts.events += a.events.len();
        s.counts.articles += 1;
        s.counts.sections += a.sections.len();
        *s.counts
            .articles_by_lang
            .entry(a.lang.as_str())
            .or_default() += 1;
        Ok(())
    }

    fn problem(&mut self, level: Level, _p: &Problem) -> io::Result<()> {
        if let Some(s) = self.state.as_mut() {
            match level {
                Level::Skipped => s.counts.skipped += 1,
                Level::Warning => s.counts.warnings += 1,
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        let Some(mut s) = self.state.take() else {
            return Ok(());
        };
        s.facts.filter(&mut s.book)?;
        s.sections.filter(&mut s.book)?;
        s.events.filter(&mut s.book)?;
        s.summary()?;
        s.book.save_to_writer(&mut s.file).map_err(to_io)?;
        s.file.flush()
    }
}

use std::io::Write as _;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{analyze, Resources};
    use crate::article::Article;
    use crate::export::sink::DirSink;

    fn written(limit: u32) -> (Vec<u8>, Vec<String>, usize) {
        let article = Article {
            id: "=cmd".into(),
            text: "=HYPERLINK(\"x\") rose 5% to $2.4 billion on June 9, 2025, Tim Cook said.\nトヨタ自動車の2026年3月期は増収。\n".into(),
            ..Default::default()
        };
        let a = analyze(&article, &Resources::default());
        let dir = tempfile::tempdir().unwrap();
        let mut sink = DirSink::new(dir.path()).unwrap();
        let mut w = XlsxWriter::with_max_rows(limit);
        w.begin(&mut sink).unwrap();
        for _ in 0..3 {
            w.write(&a).unwrap();
        }
        let names = {
            let s = w.state.as_mut().unwrap();
            let names: Vec<String> = s.book.worksheets_mut().iter().map(|ws| ws.name()).collect();
            names
        };
        w.finish().unwrap();
        (
            std::fs::read(dir.path().join(FILE)).unwrap(),
            names,
            a.facts.len(),
        )
    }

    #[test]
    fn rows_past_the_limit_continue_on_numbered_sheets() {
        let (bytes, names, facts) = written(5);
        assert!(bytes.starts_with(b"PK"), "a zip file");
        // 4 rows a sheet under the header.
        let fact_sheets = (3 * facts).div_ceil(4);
        assert!(fact_sheets >= 3, "{facts} facts");
        assert_eq!(names[0], "facts");
        assert_eq!(names[1], "sections");
        assert_eq!(names[2], "events");
        assert!(names.contains(&format!("facts_{fact_sheets}")), "{names:?}");
        assert!(!names.contains(&format!("facts_{}", fact_sheets + 1)));
    }

    #[test]
    fn same_bytes_for_the_same_input() {
        assert_eq!(written(MAX_ROWS).0, written(MAX_ROWS).0);
    }

    #[test]
    fn long_text_is_cut_at_the_cell_limit() {
        let long = "字".repeat(MAX_CELL_CHARS + 10);
        assert_eq!(clip(&long).chars().count(), MAX_CELL_CHARS);
        assert_eq!(clip("short"), "short");
    }
}
