//! `facts.csv` and `sections.csv`: RFC 4180, UTF-8. With `--excel`: a BOM, CRLF line
//! ends, and text cells that a spreadsheet would run as a formula (`=`, `+`, `-`,
//! `@`, tab, CR) prefixed with `'`. Numbers in numeric columns are left as numbers.
//!
//! Rows are written by hand straight into a byte buffer (see [`Row`]) rather than
//! through the `csv` crate: a fact row has 22 cells, and building them as strings
//! for a record writer cost more than everything else in the export. The quoting
//! is the `csv` crate's default, byte for byte: a cell is quoted when it holds a
//! comma, a double quote, CR or LF, and its quotes are doubled.

use crate::analyze::Analysis;
use crate::fact::{Fact, Value};
use std::io::Write;
use std::ops::Range;

pub const FACT_COLUMNS: [&str; 22] = [
    "doc_id",
    "section",
    "section_heading",
    "kind",
    "text",
    "start",
    "end",
    "display",
    "amount",
    "amount_max",
    "currency",
    "qualifier",
    "percent",
    "percent_max",
    "unit",
    "date_iso",
    "granularity",
    "name",
    "title",
    "canonical",
    "rule",
    "sentence",
];

pub const SECTION_COLUMNS: [&str; 8] = [
    "doc_id", "section", "kind", "heading", "start", "end", "chars", "facts",
];

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
pub(super) fn push_uint(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// A number of a numeric column: whole numbers below 10^15 without a decimal
/// point (2.4e9 → `2400000000`), others as Rust's `{}` prints them (never with
/// an exponent).
fn push_num(out: &mut Vec<u8>, x: f64) {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        let n = x as i64;
        if n < 0 {
            out.push(b'-');
        }
        push_uint(out, n.unsigned_abs());
    } else {
        // Writing into a Vec cannot fail.
        let _ = write!(out, "{x}");
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

    pub fn uint(&mut self, n: usize) {
        self.sep();
        push_uint(self.out, n as u64);
    }

    /// A number of a numeric column; empty for None.
    pub fn num(&mut self, x: Option<f64>) {
        self.sep();
        if let Some(x) = x {
            push_num(self.out, x);
        }
    }

    /// Empty cells.
    pub fn empty(&mut self, n: usize) {
        for _ in 0..n {
            self.sep();
        }
    }

    pub fn end(self) {
        self.out
            .extend_from_slice(if self.excel { b"\r\n" } else { b"\n" });
    }
}

/// A header row (with the BOM before it for `--excel`).
fn header(out: &mut Vec<u8>, columns: &[&str], excel: bool) {
    if excel {
        out.extend_from_slice(BOM);
    }
    let mut row = Row::new(out, excel);
    for c in columns {
        row.plain(c);
    }
    row.end();
}

/// The kind-specific cells of a fact, in column order from `display` to `canonical`.
fn value_cells(row: &mut Row, v: &Value) {
    row.text(v.display());
    match v {
        Value::Money(m) => {
            row.num(Some(m.amount));
            row.num(m.amount_max);
            row.text(&m.currency);
            row.text(m.qualifier.as_str());
            row.empty(8);
        }
        Value::Percent(p) => {
            row.empty(3);
            row.text(p.qualifier.as_str());
            row.num(Some(p.value));
            row.num(p.value_max);
            row.text(p.unit.as_str());
            row.empty(5);
        }
        Value::Date(d) => {
            row.empty(7);
            row.text(d.iso.as_deref().unwrap_or(""));
            row.text(d.granularity.as_str());
            row.empty(3);
        }
        Value::Person(p) => {
            row.empty(9);
            row.text(&p.name);
            row.text(p.title.as_deref().unwrap_or(""));
            row.text(p.canonical.as_deref().unwrap_or(""));
        }
        Value::Company(co) => {
            row.empty(9);
            row.text(&co.name);
            row.empty(1);
            row.text(co.canonical.as_deref().unwrap_or(""));
        }
    }
}

/// Append one article's `facts.csv` rows to `out`.
fn write_fact_rows(out: &mut Vec<u8>, a: &Analysis, excel: bool) {
    // Every row starts with the doc_id, and the facts of one section, and of one
    // sentence, follow each other: those cells are quoted once and then copied
    // (from the row before) while they repeat.
    let mut doc_id: Option<Range<usize>> = None;
    let mut heading: Option<(usize, Range<usize>)> = None;
    let mut sentence: Option<(&Fact, Range<usize>)> = None;
    for f in &a.facts {
        let mut row = Row::new(out, excel);
        doc_id = Some(match doc_id {
            Some(at) => row.copy(at),
            None => row.text(&a.doc_id),
        });
        row.uint(f.section);
        heading = Some(match heading {
            Some((section, at)) if section == f.section => (section, row.copy(at)),
            _ => {
                let text = a.sections.get(f.section).map_or("", |s| s.heading.as_str());
                (f.section, row.text(text))
            }
        });
        row.plain(f.kind.as_str());
        row.text(&f.text);
        row.uint(f.start);
        row.uint(f.end);
        value_cells(&mut row, &f.value);
        row.plain(f.rule);
        sentence = Some(match sentence {
            Some((prev, at)) if prev.sentence == f.sentence => (f, row.copy(at)),
            _ => (f, row.text(&f.sentence)),
        });
        row.end();
    }
}

/// Append one article's `sections.csv` rows to `out`.
fn write_section_rows(out: &mut Vec<u8>, a: &Analysis, excel: bool) {
    for s in &a.sections {
        let mut row = Row::new(out, excel);
        row.text(&a.doc_id);
        row.uint(s.section);
        row.plain(s.kind.as_str());
        row.text(&s.heading);
        row.uint(s.start);
        row.uint(s.end);
        row.uint(s.chars);
        row.uint(s.facts);
        row.end();
    }
}

/// `facts.csv` as a stream: the header, then each article's rows.
pub struct FactsCsv<W: Write> {
    w: W,
    excel: bool,
    /// The current article's rows, reused from one article to the next.
    buf: Vec<u8>,
}

impl<W: Write> FactsCsv<W> {
    pub fn new(mut w: W, excel: bool) -> std::io::Result<Self> {
        w.write_all(&facts_csv_header(excel)?)?;
        Ok(FactsCsv {
            w,
            excel,
            buf: Vec::new(),
        })
    }

    pub fn write(&mut self, a: &Analysis) -> std::io::Result<()> {
        self.buf.clear();
        write_fact_rows(&mut self.buf, a, self.excel);
        self.w.write_all(&self.buf)
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.w.flush()
    }
}

/// `sections.csv` as a stream: the header, then each article's rows.
pub struct SectionsCsv<W: Write> {
    w: W,
    excel: bool,
    buf: Vec<u8>,
}

impl<W: Write> SectionsCsv<W> {
    pub fn new(mut w: W, excel: bool) -> std::io::Result<Self> {
        w.write_all(&sections_csv_header(excel)?)?;
        Ok(SectionsCsv {
            w,
            excel,
            buf: Vec::new(),
        })
    }

    pub fn write(&mut self, a: &Analysis) -> std::io::Result<()> {
        self.buf.clear();
        write_section_rows(&mut self.buf, a, self.excel);
        self.w.write_all(&self.buf)
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.w.flush()
    }
}

/// The start of `facts.csv` (BOM with `--excel`, then the header row), as bytes.
pub fn facts_csv_header(excel: bool) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    header(&mut out, &FACT_COLUMNS, excel);
    Ok(out)
}

/// The start of `sections.csv`, as bytes.
pub fn sections_csv_header(excel: bool) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    header(&mut out, &SECTION_COLUMNS, excel);
    Ok(out)
}

/// One article's `facts.csv` rows, as bytes (what [`FactsCsv::write`] writes).
/// Rendering in memory lets worker threads format their own articles.
pub fn render_facts_csv(a: &Analysis, excel: bool) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_fact_rows(&mut out, a, excel);
    Ok(out)
}

/// One article's `sections.csv` rows, as bytes (what [`SectionsCsv::write`] writes).
pub fn render_sections_csv(a: &Analysis, excel: bool) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_section_rows(&mut out, a, excel);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(x: f64) -> String {
        let mut out = Vec::new();
        push_num(&mut out, x);
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
    fn numbers_print_without_exponent() {
        assert_eq!(num(2.4e9), "2400000000");
        assert_eq!(num(2.69), "2.69");
        assert_eq!(num(-3.0), "-3");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(0.0), "0");
        assert_eq!(num(999_999_999_999_999.0), "999999999999999");
        assert_eq!(num(1e15), "1000000000000000");
        assert_eq!(num(1e20), "100000000000000000000");
        assert_eq!(num(1.5e-7), "0.00000015");
        assert_eq!(num(-12.25), "-12.25");
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
