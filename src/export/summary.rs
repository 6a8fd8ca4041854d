//! `summary.json`: what a run read, skipped and found. It is the last file a
//! run puts in place, with `"complete": true`: a folder whose `summary.json`
//! is missing holds no finished run.

use crate::analyze::Analysis;
use crate::fact::Kind;
use crate::input::Problem;
use serde::Serialize;
use std::collections::BTreeMap;

/// At most this many skipped inputs and warnings are listed one by one; the
/// counts are always complete.
pub const MAX_LISTED: usize = 10_000;

/// One skipped input or warning, as listed in `summary.json`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ProblemRecord {
    /// The input's path as given.
    pub path: String,
    /// The 1-based line (JSONL, decoding errors).
    pub line: Option<usize>,
    /// What happened.
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

/// The counts of one run (the content of `summary.json`).
#[derive(Debug, Default, Clone, Serialize)]
pub struct Summary {
    /// True once the run finished and every file listed in `files` is in place.
    pub complete: bool,
    /// The files this run wrote into its output folder.
    pub files: Vec<String>,
    /// Articles read and analysed.
    pub articles_read: usize,
    /// Inputs (files, JSONL lines) that yielded no article.
    pub articles_skipped: usize,
    /// The skipped inputs with their reasons (the first [`MAX_LISTED`]).
    pub skipped: Vec<ProblemRecord>,
    /// How many warnings the run gave.
    pub warnings_count: usize,
    /// The warnings (the first [`MAX_LISTED`]).
    pub warnings: Vec<ProblemRecord>,
    /// Articles whose doc_id an earlier article of the run already had.
    pub duplicate_ids_count: usize,
    /// Those articles: path (source) and the repeated id (the first [`MAX_LISTED`]).
    pub duplicate_ids: Vec<ProblemRecord>,
    /// Files met while walking folders that are not .txt, .md or .jsonl.
    pub ignored_files: Vec<String>,
    /// How many files were ignored in all.
    pub ignored_files_count: usize,
    /// Facts written.
    pub facts: usize,
    /// Facts per kind.
    pub facts_by_kind: BTreeMap<String, usize>,
    /// Facts per language, then kind.
    pub facts_by_lang: BTreeMap<String, BTreeMap<String, usize>>,
    /// Articles per language.
    pub articles_by_lang: BTreeMap<String, usize>,
    /// Facts found on marker lines (もっと見る, Related…), which belong to no section.
    pub facts_outside_sections: usize,
    /// Sections written.
    pub sections: usize,
    /// Deals written (events.jsonl, events.csv…).
    pub events: usize,
    /// Deals per type (`acquisition`, `investment`…).
    pub events_by_type: BTreeMap<String, usize>,
    /// Articles per encoding found.
    pub encodings: BTreeMap<String, usize>,
    /// Bytes of article text analysed.
    pub bytes: u64,
    /// Wall time of the run.
    pub elapsed_seconds: f64,
    /// Text megabytes (10^6 bytes) per second.
    pub mb_per_s: f64,
    /// Worker threads.
    pub threads: usize,
}

impl Summary {
    /// Count one analysed article.
    pub fn add(&mut self, a: &Analysis) {
        self.articles_read += 1;
        self.bytes += a.bytes as u64;
        self.sections += a.sections.len();
        self.facts += a.facts.len();
        self.facts_outside_sections += a.outside_sections;
        self.events += a.events.len();
        for e in &a.events {
            *self
                .events_by_type
                .entry(e.kind.as_str().into())
                .or_default() += 1;
        }
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

    /// Count one skipped input.
    pub fn skip(&mut self, p: &Problem) {
        self.articles_skipped += 1;
        if self.skipped.len() < MAX_LISTED {
            self.skipped.push(p.into());
        }
    }

    /// Count one warning.
    pub fn warn(&mut self, p: &Problem) {
        self.warnings_count += 1;
        if self.warnings.len() < MAX_LISTED {
            self.warnings.push(p.into());
        }
    }

    /// Count one article whose id was already taken.
    pub fn duplicate(&mut self, p: &Problem) {
        self.duplicate_ids_count += 1;
        if self.duplicate_ids.len() < MAX_LISTED {
            self.duplicate_ids.push(p.into());
        }
    }
}
