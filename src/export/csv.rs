//! `facts.csv`, `sections.csv` and `events.csv`: RFC 4180, UTF-8, the columns
//! of [`FACT_COLUMNS`], [`SECTION_COLUMNS`] and [`EVENT_COLUMNS`]. Floats always carry a decimal point
//! (`2400000000.0`) and booleans are `true`/`false`, so readers that guess types
//! from the text (pandas, DuckDB) guess right; dates are `YYYY-MM-DD`; a null is
//! an empty cell. With `--excel`: a BOM, CRLF line ends, and text cells that a
//! spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) prefixed with
//! `'`.
//!
//! Rows are written by hand straight into a byte buffer (see [`Row`]) rather than
//! through the `csv` crate: a fact row has 41 cells, and building them as strings
//! for a record writer cost more than everything else in the export. The quoting
//! is the `csv` crate's default, byte for byte (a unit test compares the two): a
//! cell is quoted when it holds a comma, a double quote, CR or LF, and its quotes
//! are doubled.

#[cfg(test)]
use super::row::fact_rows;
use super::row::{
    event_rows, section_rows, Cell, Column, ColumnType, EVENT_COLUMNS, FACT_COLUMNS,
    SECTION_COLUMNS,
};
use super::sink::Sink;
use super::{FileGroup, Prerender, Rendered, Writer};
use crate::analyze::Analysis;
use chrono::Datelike;
use std::io::{self, Write};
use std::ops::Range;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether a text cell would start a formula in a spreadsheet (and is not simply
/// a number such as `-3`).
fn risky(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err()
}

/// Guard a text cell against formula injection (only with `--excel`).
pub fn guard(cell: &str, excel: bool) -> std::borrow::Cow<'_, str> {
    if excel && risky(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Whether a cell must be quoted (it holds a delimiter, a quote or a line end),
/// and whether it holds a quote to double. The whole cell is scanned without an
/// early exit, which the compiler turns into a vector loop.
fn scan(cell: &[u8]) -> (bool, bool) {
    let (special, quote) = cell.iter().fold((false, false), |(special, quote), &b| {
        (
            special | (b == b',') | (b == b'\r') | (b == b'\n'),
            quote | (b == b'"'),
        )
    });
    (special | quote, quote)
}

/// `n` in decimal, appended to `out` (what `n.to_string()` gives, without the string).
pub(super) fn push_uint(out: &mut Vec<u8>, n: u64) {
    let mut buf = [0u8; 20];
    out.extend_from_slice(digits(n, &mut buf));
}

/// The decimal digits of `n`, written at the end of `buf`.
fn digits(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[i..]
}

/// A float as CSV writes it: Rust's shortest round-trip form, never with an
/// exponent, and always with a decimal point (`2400000000.0`, `2.69`), so that
/// a reader guessing column types sees a float even when every value is whole.
pub(super) fn push_float(out: &mut Vec<u8>, x: f64) {
    let start = out.len();
    // Writing into a Vec cannot fail.
    let _ = write!(out, "{x}");
    if x.is_finite() && !out[start..].contains(&b'.') {
        out.extend_from_slice(b".0");
    }
}

/// A day as `YYYY-MM-DD` (years 0 to 9999; others as chrono prints them).
pub(super) fn push_date(out: &mut Vec<u8>, d: chrono::NaiveDate) {
    let (y, m, day) = (d.year(), d.month(), d.day());
    if (0..=9999).contains(&y) {
        let y = y as u32;
        out.extend_from_slice(&[
            b'0' + (y / 1000) as u8,
            b'0' + (y / 100 % 10) as u8,
            b'0' + (y / 10 % 10) as u8,
            b'0' + (y % 10) as u8,
            b'-',
            b'0' + (m / 10) as u8,
            b'0' + (m % 10) as u8,
            b'-',
            b'0' + (day / 10) as u8,
            b'0' + (day % 10) as u8,
        ]);
    } else {
        let _ = write!(out, "{}", d.format("%Y-%m-%d"));
    }
}

/// One CSV row being appended to a buffer: [`Row::text`] and its siblings add a
/// cell each (with the comma before all but the first), [`Row::end`] the line end.
pub struct Row<'a> {
    out: &'a mut Vec<u8>,
    excel: bool,
    cells: usize,
}

impl<'a> Row<'a> {
    /// A row appended to `out`; `excel`: CRLF line end and formula-guarded
    /// text cells.
    pub fn new(out: &'a mut Vec<u8>, excel: bool) -> Self {
        Row {
            out,
            excel,
            cells: 0,
        }
    }

    fn sep(&mut self) {
        if self.cells > 0 {
            self.out.push(b',');
        }
        self.cells += 1;
    }

    /// A cell whose bytes were written before at `at` in the same buffer (a
    /// repeated doc_id, heading or sentence), copied rather than quoted again;
    /// returns where the copy is.
    pub fn copy(&mut self, at: Range<usize>) -> Range<usize> {
        self.sep();
        let start = self.out.len();
        self.out.extend_from_within(at);
        start..self.out.len()
    }

    /// A cell written as is, quoted if it must be; returns where its bytes are.
    pub fn plain(&mut self, cell: &str) -> Range<usize> {
        self.sep();
        self.quoted(cell, false)
    }

    /// A text cell: like [`Row::plain`], and guarded with `--excel`.
    pub fn text(&mut self, cell: &str) -> Range<usize> {
        self.sep();
        let guarded = self.excel && risky(cell);
        self.quoted(cell, guarded)
    }

    fn quoted(&mut self, cell: &str, guarded: bool) -> Range<usize> {
        let start = self.out.len();
        let bytes = cell.as_bytes();
        let (quoted, has_quote) = scan(bytes);
        if quoted {
            self.out.push(b'"');
            if guarded {
                self.out.push(b'\'');
            }
            if has_quote {
                for part in bytes.split_inclusive(|&b| b == b'"') {
                    self.out.extend_from_slice(part);
                    if part.ends_with(b"\"") {
                        self.out.push(b'"');
                    }
                }
            } else {
                self.out.extend_from_slice(bytes);
            }
            self.out.push(b'"');
        } else {
            if guarded {
                self.out.push(b'\'');
            }
            self.out.extend_from_slice(bytes);
        }
        start..self.out.len()
    }

    /// A cell that is one of the program's own names (a kind, a unit, a
    /// qualifier: lower-case ASCII words), which never needs quoting or a
    /// formula guard, written without scanning it.
    pub fn name(&mut self, cell: &'static str) {
        debug_assert!(cell
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit()));
        self.sep();
        self.out.extend_from_slice(cell.as_bytes());
    }

    /// `n` empty cells (nulls) in a row.
    pub fn nulls(&mut self, n: usize) {
        const COMMAS: &[u8; 32] = b",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,";
        if n == 0 {
            return;
        }
        self.null();
        let more = n - 1;
        if more <= COMMAS.len() {
            self.out.extend_from_slice(&COMMAS[..more]);
            self.cells += more;
        } else {
            for _ in 0..more {
                self.null();
            }
        }
    }

    /// Where the next cell's bytes will begin, less its separator: the end of
    /// the cells written so far.
    pub fn pos(&self) -> usize {
        self.out.len()
    }

    /// An unsigned integer cell.
    pub fn uint(&mut self, n: usize) {
        self.sep();
        push_uint(self.out, n as u64);
    }

    /// A float cell: the shortest digits that read back as `x`, always with
    /// a decimal point and never an exponent (`2400000000.0`, `2.69`).
    pub fn float(&mut self, x: f64) {
        self.sep();
        push_float(self.out, x);
    }

    /// `true` or `false`.
    pub fn bool(&mut self, b: bool) {
        self.sep();
        self.out
            .extend_from_slice(if b { b"true" } else { b"false" });
    }

    /// A date cell, `YYYY-MM-DD`.
    pub fn date(&mut self, d: chrono::NaiveDate) {
        self.sep();
        push_date(self.out, d);
    }

    /// An empty cell (a null).
    pub fn null(&mut self) {
        self.sep();
    }

    /// End the row (`\n`, or `\r\n` for Excel).
    pub fn end(self) {
        self.out
            .extend_from_slice(if self.excel { b"\r\n" } else { b"\n" });
    }
}

/// A header row (with the BOM before it for `--excel`).
fn header(out: &mut Vec<u8>, columns: &[Column], excel: bool) {
    if excel {
        out.extend_from_slice(BOM);
    }
    let mut row = Row::new(out, excel);
    for c in columns {
        row.plain(c.name);
    }
    row.end();
}

/// A string cell as written: the string's (address, length), and where its
/// bytes are in the buffer.
type Written = ((usize, usize), Range<usize>);

/// Rows appended to one buffer. A category cell that repeats the previous row's
/// cell in the same column (the same string: the doc_id, the heading, the
/// sentence shared by a sentence's facts) is copied from the row before rather
/// than scanned and quoted again.
struct Rows<'o, const N: usize> {
    out: &'o mut Vec<u8>,
    excel: bool,
    /// Per column: the previous row's string (address, length) and where its
    /// bytes are in `out`.
    last: [Option<Written>; N],
}

impl<'o, const N: usize> Rows<'o, N> {
    fn new(out: &'o mut Vec<u8>, excel: bool) -> Self {
        Rows {
            out,
            excel,
            last: std::array::from_fn(|_| None),
        }
    }

    fn push(&mut self, columns: &[Column; N], cells: [Cell; N]) {
        let mut row = Row::new(self.out, self.excel);
        for ((c, cell), last) in columns.iter().zip(cells).zip(self.last.iter_mut()) {
            match cell {
                Cell::Null => row.null(),
                Cell::Text(s) if c.ty == ColumnType::Category => {
                    let id = (s.as_ptr() as usize, s.len());
                    let at = match last.take() {
                        Some((prev, at)) if prev == id => row.copy(at),
                        _ => row.text(s),
                    };
                    *last = Some((id, at));
                }
                Cell::Text(s) => {
                    row.text(s);
                }
                Cell::Int(n) => row.uint(n as usize),
                Cell::Float(x) => row.float(x),
                Cell::Bool(b) => row.bool(b),
                Cell::Date(d) => row.date(d),
            }
        }
        row.end();
    }
}

/// Append one article's `facts.csv` rows to `out` the general way: each
/// fact's [`FactRow`](super::row::FactRow) cells in column order. What
/// [`write_fact_rows`] writes is held to this by a test.
#[cfg(test)]
fn write_fact_rows_by_cells(out: &mut Vec<u8>, a: &Analysis, excel: bool) {
    let mut rows = Rows::new(out, excel);
    for r in fact_rows(a) {
        rows.push(&FACT_COLUMNS, r.cells());
    }
}

/// Append one article's `facts.csv` rows to `out`, each written straight from
/// its [`Fact`](crate::fact::Fact) in [`FACT_COLUMNS`] order: the cells that
/// are the article's own (doc_id to article_date) and the section's are
/// written once and copied, names of the program's own (kinds, units,
/// qualifiers) go in unscanned, a kind's unused columns are a run of commas,
/// and the sentence shared by consecutive facts is quoted once. A fact row
/// is some 350 bytes of 41 cells; building its cells as values first cost
/// as much as writing them. Byte for byte what the cells give
/// (`fast_fact_rows_equal_the_cells`).
fn write_fact_rows(out: &mut Vec<u8>, a: &Analysis, excel: bool) {
    use crate::fact::Value;
    let mut id = String::with_capacity(a.doc_id.len() + 8);
    // Where the article's cells (doc_id … article_date), the current
    // section's cells and the last sentence were written.
    let mut article: Option<Range<usize>> = None;
    let mut section: Option<(usize, Range<usize>)> = None;
    let mut sentence: Option<(*const u8, usize, Range<usize>)> = None;
    for (n, f) in a.facts.iter().enumerate() {
        let mut row = Row::new(out, excel);
        id.clear();
        id.push_str(&a.doc_id);
        id.push('#');
        push_decimal(&mut id, n);
        row.text(&id);
        article = Some(match article.take() {
            Some(at) => row.copy(at),
            None => {
                let start = row.text(&a.doc_id).start;
                row.text(&a.source);
                row.text(a.lang.as_str());
                match a.date {
                    Some(d) => row.date(d),
                    None => row.null(),
                }
                start..row.pos()
            }
        });
        section = Some(match section.take() {
            Some((s, at)) if s == f.section => (s, row.copy(at)),
            _ => {
                let s = a.sections.get(f.section);
                let start = row.pos() + 1;
                row.uint(f.section);
                row.text(s.map_or("", |s| s.kind.as_str()));
                row.text(s.map_or("", |s| s.heading.as_str()));
                (f.section, start..row.pos())
            }
        });
        row.name(f.field.as_str());
        row.name(f.kind.as_str());
        row.text(&f.text);
        row.uint(f.start);
        row.uint(f.end);
        row.text(f.value.display());
        // amount … canonical: 19 columns, of which each kind fills its own.
        match &f.value {
            Value::Money(m) => {
                row.float(m.amount);
                opt_float(&mut row, m.amount_max);
                row.text(&m.currency);
                row.name(m.qualifier.as_str());
                opt_text(&mut row, m.per.as_deref());
                row.nulls(14);
            }
            Value::Percent(p) => {
                row.nulls(3);
                row.name(p.qualifier.as_str());
                row.null();
                row.float(p.value);
                opt_float(&mut row, p.value_max);
                row.name(p.unit.as_str());
                row.nulls(11);
            }
            Value::Date(d) => {
                row.nulls(8);
                opt_text(&mut row, d.iso.as_deref());
                row.name(d.granularity.as_str());
                match super::row::date_value_bounds(d, a.lang) {
                    Some((start, end)) => {
                        row.date(start);
                        row.date(end);
                    }
                    None => row.nulls(2),
                }
                row.bool(d.year_inferred);
                row.bool(d.relative);
                opt_text(&mut row, d.fy_end.as_deref());
                opt_text(&mut row, d.year_source.as_deref());
                row.nulls(3);
            }
            Value::Person(p) => {
                row.nulls(16);
                row.text(&p.name);
                opt_text(&mut row, p.title.as_deref());
                opt_text(&mut row, p.canonical.as_deref());
            }
            Value::Company(c) => {
                row.nulls(16);
                row.text(&c.name);
                row.null();
                opt_text(&mut row, c.canonical.as_deref());
            }
        }
        match &f.link {
            Some(l) => {
                opt_text(&mut row, l.subject_id.as_deref());
                opt_text(&mut row, l.subject_name.as_deref());
                row.text(l.metric.as_str());
                opt_text(&mut row, l.period_id.as_deref());
                opt_text(&mut row, l.period_iso.as_deref());
                opt_text(&mut row, l.change.map(|c| c.as_str()));
            }
            None => row.nulls(6),
        }
        row.text(f.rule);
        let key = (f.sentence.as_ptr(), f.sentence.len());
        let at = match sentence.take() {
            Some((p, l, at)) if (p, l) == key => row.copy(at),
            _ => row.text(&f.sentence),
        };
        sentence = Some((key.0, key.1, at));
        row.end();
    }
}

/// `n` in decimal appended to `s`.
pub(super) fn push_decimal(s: &mut String, n: usize) {
    let mut buf = [0u8; 20];
    // Digits are ASCII, hence UTF-8.
    s.push_str(std::str::from_utf8(digits(n as u64, &mut buf)).unwrap_or_default());
}

fn opt_text(row: &mut Row, s: Option<&str>) {
    match s {
        Some(s) => {
            row.text(s);
        }
        None => row.null(),
    }
}

fn opt_float(row: &mut Row, x: Option<f64>) {
    match x {
        Some(x) => row.float(x),
        None => row.null(),
    }
}

/// Append one article's `sections.csv` rows to `out`.
fn write_section_rows(out: &mut Vec<u8>, a: &Analysis, excel: bool) {
    let mut rows = Rows::new(out, excel);
    for r in section_rows(a) {
        rows.push(&SECTION_COLUMNS, r.cells());
    }
}

/// Append one article's `events.csv` rows to `out`.
fn write_event_rows(out: &mut Vec<u8>, a: &Analysis, excel: bool) {
    let mut rows = Rows::new(out, excel);
    for r in event_rows(a) {
        rows.push(&EVENT_COLUMNS, r.cells());
    }
}

/// The start of `facts.csv` (BOM with `--excel`, then the header row), as bytes.
pub fn facts_csv_header(excel: bool) -> Vec<u8> {
    let mut out = Vec::new();
    header(&mut out, &FACT_COLUMNS, excel);
    out
}

/// The start of `sections.csv`, as bytes.
pub fn sections_csv_header(excel: bool) -> Vec<u8> {
    let mut out = Vec::new();
    header(&mut out, &SECTION_COLUMNS, excel);
    out
}

/// The start of `events.csv`, as bytes.
pub fn events_csv_header(excel: bool) -> Vec<u8> {
    let mut out = Vec::new();
    header(&mut out, &EVENT_COLUMNS, excel);
    out
}

/// One article's `events.csv` rows, as bytes (none for most articles).
pub fn render_events_csv(a: &Analysis, excel: bool) -> Vec<u8> {
    let mut out = Vec::new();
    write_event_rows(&mut out, a, excel);
    out
}

/// One article's `facts.csv` rows, as bytes.
pub fn render_facts_csv(a: &Analysis, excel: bool) -> Vec<u8> {
    // About 350 bytes a row: one allocation rather than a dozen regrowths.
    let mut out = Vec::with_capacity(a.facts.len() * 384);
    write_fact_rows(&mut out, a, excel);
    out
}

/// One article's `sections.csv` rows, as bytes.
pub fn render_sections_csv(a: &Analysis, excel: bool) -> Vec<u8> {
    let mut out = Vec::new();
    write_section_rows(&mut out, a, excel);
    out
}

/// The `csv` format: `facts.csv`, `sections.csv` and `events.csv`.
pub struct CsvWriter {
    excel: bool,
    files: FileGroup<3>,
}

impl CsvWriter {
    /// A writer of the three CSV files; `excel`: for spreadsheets (BOM, CRLF,
    /// formula-guarded text cells).
    pub fn new(excel: bool) -> Self {
        CsvWriter {
            excel,
            files: FileGroup::default(),
        }
    }
}

/// Renders an article's CSV rows: `[facts.csv rows, sections.csv rows,
/// events.csv rows]`.
struct CsvRender {
    excel: bool,
}

impl Prerender for CsvRender {
    fn render(&self, a: &Analysis) -> io::Result<Rendered> {
        Ok(vec![
            render_facts_csv(a, self.excel),
            render_sections_csv(a, self.excel),
            render_events_csv(a, self.excel),
        ])
    }
}

impl Writer for CsvWriter {
    fn begin(&mut self, sink: &mut dyn Sink) -> io::Result<()> {
        let mut facts = sink.create("facts.csv")?;
        facts.write_all(&facts_csv_header(self.excel))?;
        let mut sections = sink.create("sections.csv")?;
        sections.write_all(&sections_csv_header(self.excel))?;
        let mut events = sink.create("events.csv")?;
        events.write_all(&events_csv_header(self.excel))?;
        self.files.open([facts, sections, events]);
        Ok(())
    }

    fn write(&mut self, a: &Analysis) -> io::Result<()> {
        let r = CsvRender { excel: self.excel }.render(a)?;
        self.write_rendered(a, r)
    }

    fn prerender(&self) -> Option<Box<dyn Prerender>> {
        Some(Box::new(CsvRender { excel: self.excel }))
    }

    fn write_rendered(&mut self, _a: &Analysis, rendered: Rendered) -> io::Result<()> {
        self.files.append(rendered)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.files.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(x: f64) -> String {
        let mut out = Vec::new();
        push_float(&mut out, x);
        String::from_utf8(out).unwrap()
    }

    /// What the `csv` crate writes for one record, for comparison.
    fn csv_crate(cells: &[&str], excel: bool) -> Vec<u8> {
        let mut b = ::csv::WriterBuilder::new();
        if excel {
            b.terminator(::csv::Terminator::CRLF);
        }
        let mut w = b.from_writer(Vec::new());
        w.write_record(cells).unwrap();
        w.into_inner().unwrap()
    }

    fn ours(cells: &[&str], excel: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let mut row = Row::new(&mut out, excel);
        for c in cells {
            row.plain(c);
        }
        row.end();
        out
    }

    #[test]
    fn guards_formulas_only_with_excel() {
        assert_eq!(guard("=SUM(A1)", true), "'=SUM(A1)");
        assert_eq!(guard("@cmd", true), "'@cmd");
        assert_eq!(guard("-3%", true), "'-3%");
        assert_eq!(guard("-3", true), "-3");
        assert_eq!(guard("=SUM(A1)", false), "=SUM(A1)");
        assert_eq!(guard("plain", true), "plain");
    }

    #[test]
    fn guarded_cells_are_quoted_around_the_guard() {
        let mut out = Vec::new();
        let mut row = Row::new(&mut out, true);
        row.text("=A1,\"B\"");
        row.text("-3");
        row.text("+1 2");
        row.end();
        assert_eq!(out, b"\"'=A1,\"\"B\"\"\",-3,'+1 2\r\n");
    }

    #[test]
    fn quoting_matches_the_csv_crate() {
        let cells = [
            "",
            "plain",
            "a,b",
            "say \"hi\"",
            "\"",
            "\"\"",
            "line\nbreak",
            "cr\rhere",
            "crlf\r\n",
            "日本語、カンマ",
            " spaced ",
            "'quote",
            "tab\there",
            "#hash",
        ];
        for excel in [false, true] {
            assert_eq!(ours(&cells, excel), csv_crate(&cells, excel));
            for c in cells {
                assert_eq!(ours(&[c, c], excel), csv_crate(&[c, c], excel), "{c:?}");
            }
        }
    }

    #[test]
    fn floats_print_without_exponent_and_with_a_point() {
        assert_eq!(num(2.4e9), "2400000000.0");
        assert_eq!(num(2.69), "2.69");
        assert_eq!(num(-3.0), "-3.0");
        assert_eq!(num(0.0), "0.0");
        assert_eq!(num(999_999_999_999_999.0), "999999999999999.0");
        assert_eq!(num(1e20), "100000000000000000000.0");
        assert_eq!(num(1.5e-7), "0.00000015");
        assert_eq!(num(-12.25), "-12.25");
        for x in [2.4e9, 2.69, -3.0, 1e20, 1.5e-7, 0.1 + 0.2] {
            assert_eq!(num(x).parse::<f64>().unwrap(), x);
        }
    }

    #[test]
    fn dates_print_as_iso_days() {
        for s in ["2025-06-09", "0999-01-31", "2026-12-01"] {
            let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
            let mut out = Vec::new();
            push_date(&mut out, d);
            assert_eq!(out, s.as_bytes());
        }
    }

    /// Every fact and section row, read back with the `csv` crate, has the
    /// header's cells, each cell what its row gives.
    #[test]
    fn rows_read_back_with_the_csv_crate() {
        use crate::analyze::{analyze, Resources};
        use crate::article::Article;
        let article = Article {
            id: "a,\"b\"".into(),
            title: Some("=Sony \"rose\" 5%".into()),
            text: "Apple paid $2.69 a share, about $2.4 billion, on June 9, 2025, Tim Cook said.\nトヨタ自動車の2026年3月期は、売上高が1兆円、前年比-3%。\n".into(),
            date: chrono::NaiveDate::from_ymd_opt(2025, 6, 10),
            source: "x.jsonl:1".into(),
            ..Default::default()
        };
        let a = analyze(&article, &Resources::default());
        for excel in [false, true] {
            let mut bytes = facts_csv_header(excel);
            bytes.extend(render_facts_csv(&a, excel));
            let body = bytes.strip_prefix(BOM).unwrap_or(&bytes);
            let mut r = ::csv::Reader::from_reader(body);
            let head: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
            let names: Vec<&str> = FACT_COLUMNS.iter().map(|c| c.name).collect();
            assert_eq!(head, names);
            let rows: Vec<::csv::StringRecord> = r.records().map(Result::unwrap).collect();
            assert_eq!(rows.len(), a.facts.len());
            for (rec, fr) in rows.iter().zip(fact_rows(&a)) {
                for ((c, cell), got) in FACT_COLUMNS.iter().zip(fr.cells()).zip(rec.iter()) {
                    let want = match cell {
                        Cell::Null => String::new(),
                        Cell::Text(s) => guard(s, excel).into_owned(),
                        Cell::Int(n) => n.to_string(),
                        Cell::Float(x) => {
                            assert_eq!(got.parse::<f64>().unwrap(), x, "{}", c.name);
                            assert!(got.contains('.'), "{}: {got}", c.name);
                            continue;
                        }
                        Cell::Bool(b) => b.to_string(),
                        Cell::Date(d) => d.to_string(),
                    };
                    assert_eq!(got, want, "{}", c.name);
                }
            }
            let mut bytes = sections_csv_header(excel);
            bytes.extend(render_sections_csv(&a, excel));
            let body = bytes.strip_prefix(BOM).unwrap_or(&bytes);
            let mut r = ::csv::Reader::from_reader(body);
            let rows: Vec<::csv::StringRecord> = r.records().map(Result::unwrap).collect();
            assert_eq!(rows.len(), a.sections.len());
            assert_eq!(&rows[0][0], "a,\"b\"");
            assert_eq!(&rows[0][5], "title");
            assert_eq!(&rows[0][6], "title");
        }
    }

    /// Articles that reach every branch of the fact rows: each kind, a title
    /// given apart, links and deals, several sections, ids and sources that
    /// need quoting or a formula guard, a fact outside any section.
    fn varied_articles() -> Vec<Analysis> {
        use crate::analyze::{analyze, Resources};
        use crate::article::Article;
        let texts: [(&str, Option<&str>, &str); 6] = [
            ("plain", None, "Apple said revenue rose 5% to $2.4 billion on June 9, 2025, Tim Cook said. Sony fell 3 points.\n"),
            ("a,\"b\"", Some("=Sony \"rose\" 5%"), "Apple paid $2.69 a share, about $2.4 billion, on June 9, 2025, Tim Cook said.\nトヨタ自動車の2026年3月期は、売上高が1兆円、前年比-3%。\n"),
            ("-3", Some("ソニー、2026年3月期は売上高3%増\n"), "## Head, \"x\"\n\nトヨタ自動車は2025年6月9日、売上高が約24億ドル（前年比７０％増）になったと発表した。\nベサント財務長官が会見した。\n\n## 関連\n\n昨年の売上高は10億円以上だった。\n"),
            ("deal", Some("Broadcom to buy Veridian for $14.7 billion"), "Broadcom Inc. has agreed to buy Veridian Networks PLC for about £11.2 billion ($14.7 billion) in cash.\nLumora Systems said it had raised $4 billion in a funding round led by SoftBank Group Corp.\nIn the first quarter, revenue at Broadcom rose 12% to $3 billion.\n"),
            ("@x", None, "nothing to see here\n"),
            ("", None, "Shares fell \"sharply\", by 4%,\r\non Monday.\n"),
        ];
        let mut v: Vec<Analysis> = texts
            .iter()
            .enumerate()
            .map(|(i, (id, title, text))| {
                let article = Article {
                    id: id.to_string(),
                    title: title.map(String::from),
                    text: text.to_string(),
                    date: chrono::NaiveDate::from_ymd_opt(2025, 6, 9).filter(|_| i % 2 == 0),
                    markdown: true,
                    source: format!("{i},{id}.jsonl:1"),
                    encoding: "UTF-8",
                    ..Default::default()
                };
                analyze(&article, &Resources::default())
            })
            .collect();
        let mut odd = v[0].clone();
        odd.facts[0].section = 99;
        v.push(odd);
        v
    }

    #[test]
    fn fast_fact_rows_equal_the_cells() {
        let all = varied_articles();
        let kinds: std::collections::BTreeSet<_> = all
            .iter()
            .flat_map(|a| a.facts.iter().map(|f| f.kind))
            .collect();
        assert_eq!(kinds.len(), 5);
        assert!(all.iter().any(|a| a.facts.iter().any(|f| f.link.is_some())));
        assert!(all.iter().any(|a| a.sections.len() >= 3));
        for excel in [false, true] {
            for a in &all {
                let mut fast = Vec::new();
                write_fact_rows(&mut fast, a, excel);
                let mut cells = Vec::new();
                write_fact_rows_by_cells(&mut cells, a, excel);
                assert_eq!(
                    String::from_utf8(fast).unwrap(),
                    String::from_utf8(cells).unwrap(),
                    "{} (excel: {excel})",
                    a.doc_id
                );
            }
        }
    }

    #[test]
    fn uints_print_like_to_string() {
        for n in [0u64, 7, 10, 99, 100, 12345, u64::MAX] {
            let mut out = Vec::new();
            push_uint(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
        }
    }
}
