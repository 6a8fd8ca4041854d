//! Writers for every output format, behind one [`Writer`] trait.
//!
//! A format is a [`Format`] variant plus one file here implementing [`Writer`]:
//! it opens its files through a [`Sink`] in [`Writer::begin`], takes each
//! article in input order in [`Writer::write`], and closes in
//! [`Writer::finish`]. The tabular formats take their columns from the row types
//! of [`row`], so a column is defined once for all of them. Each writer holds
//! only the current article (or, for Parquet, the current row group), so memory
//! does not grow with the dump.
//!
//! Formats whose bytes can be produced article by article (CSV, JSON) also offer
//! a [`Prerender`]: the pipeline's worker threads render each article's bytes
//! while analysing, and the ordered, single-threaded write is then a copy.

pub mod csv;
pub mod json;
pub mod parquet;
pub mod row;
pub mod sink;
pub mod summary;
pub mod xlsx;

pub use self::summary::Summary;
use crate::analyze::Analysis;
use crate::input::Problem;
use sink::{OutFile, Sink};
use std::io::{self, Write};

/// An output format, as named on the command line (`--format csv,jsonl`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// `facts.csv`, `sections.csv`, `events.csv`.
    Csv,
    /// `facts.jsonl` (one fact a line), `articles.jsonl` (one article a line,
    /// its sections and facts nested, and its events), `events.jsonl` (one
    /// deal a line).
    Jsonl,
    /// `articles.json`: the nested articles as one JSON array.
    Json,
    /// `facts.parquet`, `sections.parquet`, `articles.parquet`, `events.parquet`.
    Parquet,
    /// `newsfacts.xlsx`: sheets `facts`, `sections`, `events`, `summary`.
    Xlsx,
    /// `records.jsonl` (or stdout with `--stdout`): every fact, section, article,
    /// event and problem as one tagged JSON record a line.
    Records,
}

impl Format {
    /// Every format, in the order their files are written.
    pub const ALL: [Format; 6] = [
        Format::Csv,
        Format::Jsonl,
        Format::Json,
        Format::Parquet,
        Format::Xlsx,
        Format::Records,
    ];

    /// What a run writes without `--format`.
    pub const DEFAULT: [Format; 2] = [Format::Csv, Format::Jsonl];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Parquet => "parquet",
            Format::Xlsx => "xlsx",
            Format::Records => "records",
        }
    }

    /// The format named `s`, if any.
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == s)
    }

    /// The files the format writes.
    pub fn files(self) -> &'static [&'static str] {
        match self {
            Format::Csv => &["facts.csv", "sections.csv", "events.csv"],
            Format::Jsonl => &["facts.jsonl", "articles.jsonl", "events.jsonl"],
            Format::Json => &["articles.json"],
            Format::Parquet => &[
                "facts.parquet",
                "sections.parquet",
                "articles.parquet",
                "events.parquet",
            ],
            Format::Xlsx => &[xlsx::FILE],
            Format::Records => &[json::RECORDS_FILE],
        }
    }

    /// A writer of this format.
    pub fn writer(self, opts: &Options) -> Box<dyn Writer> {
        match self {
            Format::Csv => Box::new(csv::CsvWriter::new(opts.excel)),
            Format::Jsonl => Box::new(json::JsonlWriter::default()),
            Format::Json => Box::new(json::ArticlesJson::default()),
            Format::Parquet => {
                Box::new(parquet::ParquetWriter::default().facts_by_kind(opts.facts_by_kind))
            }
            Format::Xlsx => Box::new(xlsx::XlsxWriter::default()),
            Format::Records => Box::new(json::RecordsWriter::default()),
        }
    }
}

/// What writers are told about the run.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// CSV for spreadsheets: BOM, CRLF, formula-guarded text cells.
    pub excel: bool,
    /// Parquet: facts in one file per kind, `facts-<kind>.parquet`, instead of
    /// `facts.parquet`.
    pub facts_by_kind: bool,
}

/// How serious a problem is: an input skipped, or a note on one that was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// The input yielded no article.
    Skipped,
    /// The input was read; something about it deserves a note.
    Warning,
}

impl Level {
    /// The name the record stream writes.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Skipped => "skipped",
            Level::Warning => "warning",
        }
    }
}

/// One output format being written.
pub trait Writer: Send {
    /// Open the format's files (through `sink`) and write what comes before the
    /// first article.
    fn begin(&mut self, sink: &mut dyn Sink) -> io::Result<()>;

    /// Write one article (called in input order).
    fn write(&mut self, a: &Analysis) -> io::Result<()>;

    /// An input problem, in the order met. Only formats that carry problems
    /// (the record stream) write anything; the others leave them to
    /// `summary.json`.
    fn problem(&mut self, _level: Level, _p: &Problem) -> io::Result<()> {
        Ok(())
    }

    /// Write what closes the files, and flush them.
    fn finish(&mut self) -> io::Result<()>;

    /// What renders this format's bytes for one article on any thread, if the
    /// format can be rendered article by article.
    fn prerender(&self) -> Option<Box<dyn Prerender>> {
        None
    }

    /// Write one article from what [`Prerender::render`] made of it.
    fn write_rendered(&mut self, a: &Analysis, _rendered: Rendered) -> io::Result<()> {
        self.write(a)
    }
}

/// One article's bytes for a format, one buffer per file the format writes.
pub type Rendered = Vec<Vec<u8>>;

/// Renders one article for a [`Writer`], on a worker thread.
pub trait Prerender: Send + Sync {
    /// The format's bytes for `a`, one buffer per file.
    fn render(&self, a: &Analysis) -> io::Result<Rendered>;
}

/// Writes to several formats at once.
pub struct Writers {
    writers: Vec<Box<dyn Writer>>,
}

/// Renders an article for every format of a [`Writers`] that can be rendered
/// article by article; shared by the worker threads while the writers write.
pub struct Renderers {
    prerenders: Vec<Option<Box<dyn Prerender>>>,
}

impl Writers {
    /// Writers of `formats` (duplicates ignored), in the order of [`Format::ALL`].
    pub fn new(formats: &[Format], opts: &Options) -> Writers {
        let mut formats = formats.to_vec();
        formats.sort_unstable();
        formats.dedup();
        Writers {
            writers: formats.iter().map(|f| f.writer(opts)).collect(),
        }
    }

    /// The renderers of these writers' formats.
    pub fn renderers(&self) -> Renderers {
        Renderers {
            prerenders: self.writers.iter().map(|w| w.prerender()).collect(),
        }
    }

    /// Begin every writer, its files created in `sink`.
    pub fn begin(&mut self, sink: &mut dyn Sink) -> io::Result<()> {
        self.writers.iter_mut().try_for_each(|w| w.begin(sink))
    }

    /// Write `a` to every format, from `rendered` (what [`Renderers::render`]
    /// gave) where there is one.
    pub fn write(&mut self, a: &Analysis, rendered: Vec<Option<Rendered>>) -> io::Result<()> {
        let mut rendered = rendered.into_iter();
        for w in &mut self.writers {
            match rendered.next().flatten() {
                Some(r) => w.write_rendered(a, r)?,
                None => w.write(a)?,
            }
        }
        Ok(())
    }

    /// An input problem, to every writer.
    pub fn problem(&mut self, level: Level, p: &Problem) -> io::Result<()> {
        self.writers
            .iter_mut()
            .try_for_each(|w| w.problem(level, p))
    }

    /// Finish every writer.
    pub fn finish(&mut self) -> io::Result<()> {
        self.writers.iter_mut().try_for_each(|w| w.finish())
    }
}

impl Renderers {
    /// Every prerendering format's bytes for `a` (on the calling thread).
    pub fn render(&self, a: &Analysis) -> io::Result<Vec<Option<Rendered>>> {
        self.prerenders
            .iter()
            .map(|p| p.as_ref().map(|p| p.render(a)).transpose())
            .collect()
    }
}

/// The files of a format that renders one buffer per file for each article
/// (CSV, JSONL): opened in `begin`, each article's buffers appended to them in
/// turn, flushed in `finish`. The writers of such formats hold one of these
/// instead of repeating the bodies of `write_rendered` and `finish`.
pub(crate) struct FileGroup<const N: usize> {
    files: Option<[OutFile; N]>,
}

impl<const N: usize> Default for FileGroup<N> {
    fn default() -> Self {
        FileGroup { files: None }
    }
}

impl<const N: usize> FileGroup<N> {
    /// Hold `files`, in the order of the buffers rendered for them.
    pub(crate) fn open(&mut self, files: [OutFile; N]) {
        self.files = Some(files);
    }

    /// Append buffer `i` of `rendered` to file `i`.
    pub(crate) fn append(&mut self, rendered: Rendered) -> io::Result<()> {
        let files = self
            .files
            .as_mut()
            .ok_or_else(|| io::Error::other("writer used before begin"))?;
        for (file, part) in files.iter_mut().zip(rendered) {
            file.write_all(&part)?;
        }
        Ok(())
    }

    /// Flush and close the files (nothing when they were never opened).
    pub(crate) fn finish(&mut self) -> io::Result<()> {
        if let Some(files) = self.files.take() {
            for mut f in files {
                f.flush()?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The output folder clears files a run did not write by this list: every
    /// format's files must be on it.
    #[test]
    fn every_format_file_is_a_known_output() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.name()), Some(f));
            for file in f.files() {
                assert!(
                    crate::outdir::KNOWN_OUTPUTS.contains(file),
                    "{file} of {}",
                    f.name()
                );
            }
        }
        for kind in crate::fact::Kind::ALL {
            let file = parquet::by_kind_file(kind);
            assert!(
                crate::outdir::KNOWN_OUTPUTS.contains(&file.as_str()),
                "{file}"
            );
        }
    }
}
