//! `facts.csv` and `sections.csv`: RFC 4180, UTF-8. With `--excel`: a BOM, CRLF line
//! ends, and text cells that a spreadsheet would run as a formula (`=`, `+`, `-`,
//! `@`, tab, CR) prefixed with `'`. Numbers in numeric columns are left as numbers.

use crate::analyze::Analysis;
use crate::fact::{Fact, Value};
use std::io::Write;

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

fn writer<W: Write>(out: W, excel: bool) -> std::io::Result<csv::Writer<W>> {
    let mut out = out;
    if excel {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    let mut b = csv::WriterBuilder::new();
    if excel {
        b.terminator(csv::Terminator::CRLF);
    }
    Ok(b.from_writer(out))
}

/// Guard a text cell against formula injection (only with `--excel`).
pub fn guard(cell: &str, excel: bool) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if excel && risky && cell.parse::<f64>().is_err() {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn opt_num(x: Option<f64>) -> String {
    x.map(num).unwrap_or_default()
}

/// The kind-specific cells of a fact, in column order from `display` to `canonical`.
fn value_cells(f: &Fact) -> [String; 13] {
    let mut c: [String; 13] = Default::default();
    c[0] = f.value.display().to_string();
    match &f.value {
        Value::Money(m) => {
            c[1] = num(m.amount);
            c[2] = opt_num(m.amount_max);
            c[3] = m.currency.clone();
            c[4] = m.qualifier.as_str().into();
        }
        Value::Percent(p) => {
            c[4] = p.qualifier.as_str().into();
            c[5] = num(p.value);
            c[6] = opt_num(p.value_max);
            c[7] = match p.unit {
                crate::fact::PercentUnit::Percent => "percent".into(),
                crate::fact::PercentUnit::Point => "point".into(),
            };
        }
        Value::Date(d) => {
            c[8] = d.iso.clone().unwrap_or_default();
            c[9] = d.granularity.as_str().into();
        }
        Value::Person(p) => {
            c[10] = p.name.clone();
            c[11] = p.title.clone().unwrap_or_default();
            c[12] = p.canonical.clone().unwrap_or_default();
        }
        Value::Company(co) => {
            c[10] = co.name.clone();
            c[12] = co.canonical.clone().unwrap_or_default();
        }
    }
    c
}

pub struct FactsCsv<W: Write> {
    w: csv::Writer<W>,
    excel: bool,
}

impl<W: Write> FactsCsv<W> {
    pub fn new(out: W, excel: bool) -> std::io::Result<Self> {
        let mut w = writer(out, excel)?;
        w.write_record(FACT_COLUMNS)?;
        Ok(FactsCsv { w, excel })
    }

    pub fn write(&mut self, a: &Analysis) -> std::io::Result<()> {
        write_fact_rows(&mut self.w, a, self.excel)
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.w.flush()
    }
}

pub struct SectionsCsv<W: Write> {
    w: csv::Writer<W>,
    excel: bool,
}

impl<W: Write> SectionsCsv<W> {
    pub fn new(out: W, excel: bool) -> std::io::Result<Self> {
        let mut w = writer(out, excel)?;
        w.write_record(SECTION_COLUMNS)?;
        Ok(SectionsCsv { w, excel })
    }

    pub fn write(&mut self, a: &Analysis) -> std::io::Result<()> {
        write_section_rows(&mut self.w, a, self.excel)
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.w.flush()
    }
}

fn write_fact_rows<W: Write>(
    w: &mut csv::Writer<W>,
    a: &Analysis,
    excel: bool,
) -> std::io::Result<()> {
    let g = |s: &str| guard(s, excel).into_owned();
    for f in &a.facts {
        let heading = a
            .sections
            .get(f.section)
            .map(|s| s.heading.as_str())
            .unwrap_or("");
        let v = value_cells(f);
        let mut row: Vec<String> = Vec::with_capacity(FACT_COLUMNS.len());
        row.push(g(&a.doc_id));
        row.push(f.section.to_string());
        row.push(g(heading));
        row.push(f.kind.as_str().into());
        row.push(g(&f.text));
        row.push(f.start.to_string());
        row.push(f.end.to_string());
        for (i, cell) in v.iter().enumerate() {
            // amount, amount_max, percent, percent_max are numbers.
            let numeric = matches!(i, 1 | 2 | 5 | 6);
            row.push(if numeric { cell.clone() } else { g(cell) });
        }
        row.push(f.rule.into());
        row.push(g(&f.sentence));
        w.write_record(&row)?;
    }
    Ok(())
}

fn write_section_rows<W: Write>(
    w: &mut csv::Writer<W>,
    a: &Analysis,
    excel: bool,
) -> std::io::Result<()> {
    for s in &a.sections {
        w.write_record([
            guard(&a.doc_id, excel).as_ref(),
            &s.section.to_string(),
            s.kind.as_str(),
            guard(&s.heading, excel).as_ref(),
            &s.start.to_string(),
            &s.end.to_string(),
            &s.chars.to_string(),
            &s.facts.to_string(),
        ])?;
    }
    Ok(())
}

fn into_bytes(w: csv::Writer<Vec<u8>>) -> std::io::Result<Vec<u8>> {
    w.into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))
}

/// A csv writer into memory for rows only: no BOM, the terminator of `excel`.
fn row_writer(excel: bool) -> csv::Writer<Vec<u8>> {
    let mut b = csv::WriterBuilder::new();
    if excel {
        b.terminator(csv::Terminator::CRLF);
    }
    b.from_writer(Vec::new())
}

/// The start of `facts.csv` (BOM with `--excel`, then the header row), as bytes.
pub fn facts_csv_header(excel: bool) -> std::io::Result<Vec<u8>> {
    let mut w = writer(Vec::new(), excel)?;
    w.write_record(FACT_COLUMNS)?;
    into_bytes(w)
}

/// The start of `sections.csv`, as bytes.
pub fn sections_csv_header(excel: bool) -> std::io::Result<Vec<u8>> {
    let mut w = writer(Vec::new(), excel)?;
    w.write_record(SECTION_COLUMNS)?;
    into_bytes(w)
}

/// One article's `facts.csv` rows, as bytes (what [`FactsCsv::write`] writes).
/// Rendering in memory lets worker threads format their own articles.
pub fn render_facts_csv(a: &Analysis, excel: bool) -> std::io::Result<Vec<u8>> {
    let mut w = row_writer(excel);
    write_fact_rows(&mut w, a, excel)?;
    into_bytes(w)
}

/// One article's `sections.csv` rows, as bytes (what [`SectionsCsv::write`] writes).
pub fn render_sections_csv(a: &Analysis, excel: bool) -> std::io::Result<Vec<u8>> {
    let mut w = row_writer(excel);
    write_section_rows(&mut w, a, excel)?;
    into_bytes(w)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn numbers_print_without_exponent() {
        assert_eq!(num(2.4e9), "2400000000");
        assert_eq!(num(2.69), "2.69");
        assert_eq!(num(-3.0), "-3");
    }
}
