//! `facts.jsonl` (one fact a line) and `articles.json` (a JSON array of articles,
//! each with its sections and their facts), both written as a stream.

use crate::analyze::Analysis;
use crate::fact::{Fact, Kind, Value};
use crate::section::SectionKind;
use serde::Serialize;
use std::io::Write;

/// A fact as written to facts.jsonl: the SPEC's field order.
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

pub struct FactsJsonl<W: Write> {
    w: W,
}

impl<W: Write> FactsJsonl<W> {
    pub fn new(w: W) -> Self {
        FactsJsonl { w }
    }

    pub fn write(&mut self, a: &Analysis) -> std::io::Result<()> {
        for f in &a.facts {
            serde_json::to_writer(&mut self.w, &FactRecord::new(&a.doc_id, f))?;
            self.w.write_all(b"\n")?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.w.flush()
    }
}

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

/// A JSON array written one article at a time.
pub struct ArticlesJson<W: Write> {
    w: W,
    first: bool,
}

impl<W: Write> ArticlesJson<W> {
    pub fn new(mut w: W) -> std::io::Result<Self> {
        w.write_all(b"[")?;
        Ok(ArticlesJson { w, first: true })
    }

    pub fn write(&mut self, a: &Analysis) -> std::io::Result<()> {
        self.w.write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        write_article(&mut self.w, a)
    }
    pub fn finish(mut self) -> std::io::Result<()> {
        self.w.write_all(b"\n]\n")?;
        self.w.flush()
    }
}

fn write_article<W: Write>(w: &mut W, a: &Analysis) -> std::io::Result<()> {
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
    let rec = ArticleRecord {
        doc_id: &a.doc_id,
        source: &a.source,
        lang: a.lang.as_str(),
        encoding: a.encoding,
        title: a.title.as_deref(),
        date: a.date.map(|d| d.format("%Y-%m-%d").to_string()),
        chars: a.chars,
        sections,
    };
    serde_json::to_writer(w, &rec)?;
    Ok(())
}

/// One article's `facts.jsonl` lines, as bytes (what [`FactsJsonl::write`] writes).
/// Rendering in memory lets worker threads format their own articles.
pub fn render_facts_jsonl(a: &Analysis) -> std::io::Result<Vec<u8>> {
    let mut w = FactsJsonl::new(Vec::new());
    w.write(a)?;
    Ok(w.w)
}

/// One article's record in `articles.json`, as bytes, without the separator
/// [`ArticlesJson::write`] puts before it.
pub fn render_article_json(a: &Analysis) -> std::io::Result<Vec<u8>> {
    let mut w = Vec::new();
    write_article(&mut w, a)?;
    Ok(w)
}
