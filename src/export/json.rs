//! `facts.jsonl` (one fact a line) and `articles.json` (a JSON array of articles,
//! each with its sections and their facts), both written as a stream.
//!
//! The records are assembled by hand into a byte buffer, in the SPEC's field
//! order and serde_json's compact form, byte for byte: strings that need escaping
//! and `f64` numbers still go through serde_json, and tests hold every record
//! to what serde derives for it. A fact's fields from `"kind"` on are the same in
//! both files, so they are rendered once, for `facts.jsonl` ([`FactLines`]), and
//! copied into `articles.json`. Facts of one sentence follow each other, so a
//! sentence is escaped once and copied after that.

use crate::analyze::Analysis;
use crate::fact::{Fact, Kind, Value};
use serde::Serialize;
use std::io::Write;
use std::ops::Range;

/// A fact as written to facts.jsonl: the SPEC's field order. (The writers below
/// produce the same bytes without going through this record.)
#[derive(Serialize)]
pub struct FactRecord<'a> {
    pub doc_id: &'a str,
    pub section: usize,
    pub kind: Kind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub sentence: &'a str,
    pub value: &'a Value,
    pub rule: &'a str,
}

impl<'a> FactRecord<'a> {
    pub fn new(doc_id: &'a str, f: &'a Fact) -> Self {
        FactRecord {
            doc_id,
            section: f.section,
            kind: f.kind,
            text: &f.text,
            start: f.start,
            end: f.end,
            sentence: &f.sentence,
            value: &f.value,
            rule: f.rule,
        }
    }
}

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

/// A field's key, `"name":`, appended to `out` after `sep`: `{` before an
/// object's first field, `,` before the others. Keys are plain ASCII names.
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
            key(out, b'{', "amount");
            push_f64(out, m.amount)?;
            key(out, b',', "amount_max");
            push_opt_f64(out, m.amount_max)?;
            key(out, b',', "currency");
            push_str(out, &m.currency)?;
            key(out, b',', "qualifier");
            push_name(out, m.qualifier.as_str());
            key(out, b',', "per");
            push_opt_str(out, m.per.as_deref())?;
            key(out, b',', "display");
            push_str(out, &m.display)?;
        }
        Value::Percent(p) => {
            key(out, b'{', "value");
            push_f64(out, p.value)?;
            key(out, b',', "value_max");
            push_opt_f64(out, p.value_max)?;
            key(out, b',', "unit");
            push_name(out, p.unit.as_str());
            key(out, b',', "qualifier");
            push_name(out, p.qualifier.as_str());
            key(out, b',', "display");
            push_str(out, &p.display)?;
        }
        Value::Date(d) => {
            key(out, b'{', "iso");
            push_opt_str(out, d.iso.as_deref())?;
            key(out, b',', "granularity");
            push_name(out, d.granularity.as_str());
            key(out, b',', "year_inferred");
            push_bool(out, d.year_inferred);
            key(out, b',', "relative");
            push_bool(out, d.relative);
            key(out, b',', "fy_end");
            push_opt_str(out, d.fy_end.as_deref())?;
            key(out, b',', "year_source");
            push_opt_str(out, d.year_source.as_deref())?;
            key(out, b',', "display");
            push_str(out, &d.display)?;
        }
        Value::Person(p) => {
            key(out, b'{', "name");
            push_str(out, &p.name)?;
            key(out, b',', "title");
            push_opt_str(out, p.title.as_deref())?;
            key(out, b',', "canonical");
            push_opt_str(out, p.canonical.as_deref())?;
            key(out, b',', "display");
            push_str(out, &p.display)?;
        }
        Value::Company(c) => {
            key(out, b'{', "name");
            push_str(out, &c.name)?;
            key(out, b',', "canonical");
            push_opt_str(out, c.canonical.as_deref())?;
            key(out, b',', "display");
            push_str(out, &c.display)?;
        }
    }
    out.push(b'}');
    Ok(())
}

/// One article's `facts.jsonl` lines, and where each fact's fields from `"kind"`
/// to its closing brace lie in them (what `articles.json` lists for the fact).
#[derive(Default)]
pub struct FactLines {
    pub bytes: Vec<u8>,
    fields: Vec<Range<usize>>,
}

impl FactLines {
    pub fn new(a: &Analysis) -> std::io::Result<FactLines> {
        let mut lines = FactLines::default();
        lines.render(a)?;
        Ok(lines)
    }

    /// Render `a`'s lines, reusing the buffers of the previous article.
    fn render(&mut self, a: &Analysis) -> std::io::Result<()> {
        let out = &mut self.bytes;
        out.clear();
        self.fields.clear();
        // Where the doc_id and the last sentence were written, to copy them.
        let mut doc_id: Option<Range<usize>> = None;
        let mut last_sentence: Option<(&Fact, Range<usize>)> = None;
        for f in &a.facts {
            key(out, b'{', "doc_id");
            doc_id = Some(match doc_id {
                Some(at) => copy_within(out, at),
                None => push_str(out, &a.doc_id)?,
            });
            key(out, b',', "section");
            push_uint(out, f.section);
            key(out, b',', "kind");
            // The fields articles.json lists start at this key, after the comma.
            let fields_start = out.len() - br#""kind":"#.len();
            push_name(out, f.kind.as_str());
            key(out, b',', "text");
            push_str(out, &f.text)?;
            key(out, b',', "start");
            push_uint(out, f.start);
            key(out, b',', "end");
            push_uint(out, f.end);
            key(out, b',', "sentence");
            let sentence = match last_sentence {
                Some((prev, at)) if prev.sentence == f.sentence => copy_within(out, at),
                _ => push_str(out, &f.sentence)?,
            };
            last_sentence = Some((f, sentence));
            key(out, b',', "value");
            push_value(out, &f.value)?;
            key(out, b',', "rule");
            push_str(out, f.rule)?;
            out.push(b'}');
            self.fields.push(fields_start..out.len());
            out.push(b'\n');
        }
        Ok(())
    }
}

/// Append `a`'s record in `articles.json` to `out`, its facts copied from `lines`
/// (rendered from the same article).
fn write_article(out: &mut Vec<u8>, a: &Analysis, lines: &FactLines) -> std::io::Result<()> {
    key(out, b'{', "doc_id");
    push_str(out, &a.doc_id)?;
    key(out, b',', "source");
    push_str(out, &a.source)?;
    key(out, b',', "lang");
    push_str(out, a.lang.as_str())?;
    key(out, b',', "encoding");
    push_str(out, a.encoding)?;
    key(out, b',', "title");
    serde_json::to_writer(&mut *out, &a.title)?;
    key(out, b',', "date");
    serde_json::to_writer(&mut *out, &a.date.map(|d| d.format("%Y-%m-%d").to_string()))?;
    key(out, b',', "chars");
    push_uint(out, a.chars);
    key(out, b',', "sections");
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
        key(out, b'{', "section");
        push_uint(out, s.section);
        key(out, b',', "kind");
        push_name(out, s.kind.as_str());
        key(out, b',', "heading");
        push_str(out, &s.heading)?;
        key(out, b',', "start");
        push_uint(out, s.start);
        key(out, b',', "end");
        push_uint(out, s.end);
        key(out, b',', "chars");
        push_uint(out, s.chars);
        key(out, b',', "facts");
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
    out.extend_from_slice(b"]}");
    Ok(())
}

/// `facts.jsonl` as a stream.
pub struct FactsJsonl<W: Write> {
    w: W,
    lines: FactLines,
}

impl<W: Write> FactsJsonl<W> {
    pub fn new(w: W) -> Self {
        FactsJsonl {
            w,
            lines: FactLines::default(),
        }
    }

    pub fn write(&mut self, a: &Analysis) -> std::io::Result<()> {
        self.lines.render(a)?;
        self.w.write_all(&self.lines.bytes)
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.w.flush()
    }
}

/// A JSON array written one article at a time.
pub struct ArticlesJson<W: Write> {
    w: W,
    first: bool,
    lines: FactLines,
    buf: Vec<u8>,
}

impl<W: Write> ArticlesJson<W> {
    pub fn new(mut w: W) -> std::io::Result<Self> {
        w.write_all(b"[")?;
        Ok(ArticlesJson {
            w,
            first: true,
            lines: FactLines::default(),
            buf: Vec::new(),
        })
    }

    pub fn write(&mut self, a: &Analysis) -> std::io::Result<()> {
        self.lines.render(a)?;
        self.buf.clear();
        self.buf
            .extend_from_slice(if self.first { b"\n" } else { b",\n" });
        self.first = false;
        write_article(&mut self.buf, a, &self.lines)?;
        self.w.write_all(&self.buf)
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.w.write_all(b"\n]\n")?;
        self.w.flush()
    }
}

/// One article's `facts.jsonl` lines, as bytes (what [`FactsJsonl::write`] writes).
/// Rendering in memory lets worker threads format their own articles.
pub fn render_facts_jsonl(a: &Analysis) -> std::io::Result<Vec<u8>> {
    Ok(FactLines::new(a)?.bytes)
}

/// One article's record in `articles.json`, as bytes, without the separator
/// [`ArticlesJson::write`] puts before it.
pub fn render_article_json(a: &Analysis) -> std::io::Result<Vec<u8>> {
    render_article_json_from(a, &FactLines::new(a)?)
}

/// [`render_article_json`] from the article's `facts.jsonl` lines, already
/// rendered: its facts are copied from them.
pub fn render_article_json_from(a: &Analysis, lines: &FactLines) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_article(&mut out, a, lines)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{analyze, Resources};
    use crate::article::Article;
    use crate::section::SectionKind;

    // The records as serde derives them: what the hand-written bytes must equal.
    #[derive(Serialize)]
    struct FactInSection<'a> {
        kind: Kind,
        text: &'a str,
        start: usize,
        end: usize,
        sentence: &'a str,
        value: &'a Value,
        rule: &'a str,
    }

    #[derive(Serialize)]
    struct SectionRecord<'a> {
        section: usize,
        kind: SectionKind,
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
    }

    fn reference_jsonl(a: &Analysis) -> Vec<u8> {
        let mut out = Vec::new();
        for f in &a.facts {
            serde_json::to_writer(&mut out, &FactRecord::new(&a.doc_id, f)).unwrap();
            out.push(b'\n');
        }
        out
    }

    fn reference_article(a: &Analysis) -> Vec<u8> {
        let mut sections: Vec<SectionRecord> = a
            .sections
            .iter()
            .map(|s| SectionRecord {
                section: s.section,
                kind: s.kind,
                heading: &s.heading,
                start: s.start,
                end: s.end,
                chars: s.chars,
                facts: Vec::new(),
            })
            .collect();
        for f in &a.facts {
            if let Some(s) = sections.get_mut(f.section) {
                s.facts.push(FactInSection {
                    kind: f.kind,
                    text: &f.text,
                    start: f.start,
                    end: f.end,
                    sentence: &f.sentence,
                    value: &f.value,
                    rule: f.rule,
                });
            }
        }
        serde_json::to_vec(&ArticleRecord {
            doc_id: &a.doc_id,
            source: &a.source,
            lang: a.lang.as_str(),
            encoding: a.encoding,
            title: a.title.as_deref(),
            date: a.date.map(|d| d.format("%Y-%m-%d").to_string()),
            chars: a.chars,
            sections,
        })
        .unwrap()
    }

    fn articles() -> Vec<Analysis> {
        let texts = [
            ("plain", None, "Apple said revenue rose 5% to $2.4 billion on June 9, 2025, Tim Cook said. Sony fell 3%.\n"),
            ("quote \"\\ \u{1}\u{2028}", Some("Title \"q\"\n"), "## Head \"x\"\n\nトヨタ自動車は2025年6月9日、売上高が約24億ドル（前年比７０％増）になったと発表した。\nベサント財務長官が会見した。\n"),
            ("empty", None, "nothing to see here\n"),
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
        // A fact out of any section is left out of articles.json.
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
        for a in &all {
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
    fn stream_writers_write_what_is_rendered() {
        let all = articles();
        let (mut jsonl_out, mut json_out) = (Vec::new(), Vec::new());
        let mut jsonl = FactsJsonl::new(&mut jsonl_out);
        let mut json = ArticlesJson::new(&mut json_out).unwrap();
        let (mut want_jsonl, mut want_json) = (Vec::new(), b"[".to_vec());
        for (i, a) in all.iter().enumerate() {
            jsonl.write(a).unwrap();
            json.write(a).unwrap();
            want_jsonl.extend(reference_jsonl(a));
            want_json.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
            want_json.extend(reference_article(a));
        }
        jsonl.finish().unwrap();
        json.finish().unwrap();
        want_json.extend_from_slice(b"\n]\n");
        assert_eq!(jsonl_out, want_jsonl);
        assert_eq!(json_out, want_json);
    }
}
