//! `summary.json`: what a run read, skipped and found.

use crate::analyze::Analysis;
use crate::fact::Kind;
use crate::input::Problem;
use serde::Serialize;
use std::collections::BTreeMap;

/// At most this many skipped inputs and warnings are listed one by one; the
/// counts are always complete.
pub const MAX_LISTED: usize = 10_000;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ProblemRecord {
    pub path: String,
    pub line: Option<usize>,
    pub reason: String,
}

impl From<&Problem> for ProblemRecord {
    fn from(p: &Problem) -> Self {
        ProblemRecord {
            path: p.path.clone(),
            line: p.line,
            reason: p.reason.clone(),
        }
    }
}

#[derive(Debug, Default, Clone, Serialize)]
pub struct Summary {
    pub articles_read: usize,
    pub articles_skipped: usize,
    pub skipped: Vec<ProblemRecord>,
    pub warnings_count: usize,
    pub warnings: Vec<ProblemRecord>,
    /// Files met while walking folders that are not .txt, .md or .jsonl.
    pub ignored_files: Vec<String>,
    pub ignored_files_count: usize,
    pub facts: usize,
    pub facts_by_kind: BTreeMap<String, usize>,
    pub facts_by_lang: BTreeMap<String, BTreeMap<String, usize>>,
    pub articles_by_lang: BTreeMap<String, usize>,
    /// Facts found on marker lines (もっと見る, Related…), which belong to no section.
    pub facts_outside_sections: usize,
    pub sections: usize,
    pub encodings: BTreeMap<String, usize>,
    pub bytes: u64,
    pub elapsed_seconds: f64,
    pub mb_per_s: f64,
    pub threads: usize,
}

impl Summary {
    pub fn add(&mut self, a: &Analysis) {
        self.articles_read += 1;
        self.bytes += a.bytes as u64;
        self.sections += a.sections.len();
        self.facts += a.facts.len();
        self.facts_outside_sections += a.outside_sections;
        *self.encodings.entry(a.encoding.to_string()).or_default() += 1;
        let lang = a.lang.as_str().to_string();
        *self.articles_by_lang.entry(lang.clone()).or_default() += 1;
        let by_lang = self.facts_by_lang.entry(lang).or_default();
        // Counted per kind first: the maps' keys are strings, looked up once per
        // kind rather than once per fact.
        let mut by_kind = [0usize; Kind::ALL.len()];
        for f in &a.facts {
            by_kind[f.kind.index()] += 1;
        }
        for (kind, n) in Kind::ALL.into_iter().zip(by_kind) {
            if n > 0 {
                *self.facts_by_kind.entry(kind.as_str().into()).or_default() += n;
                *by_lang.entry(kind.as_str().into()).or_default() += n;
            }
        }
    }

    pub fn skip(&mut self, p: &Problem) {
        self.articles_skipped += 1;
        if self.skipped.len() < MAX_LISTED {
            self.skipped.push(p.into());
        }
    }

    pub fn warn(&mut self, p: &Problem) {
        self.warnings_count += 1;
        if self.warnings.len() < MAX_LISTED {
            self.warnings.push(p.into());
        }
    }
}
