//! The batch job: read sequentially, analyse in parallel in bounded chunks, write
//! in input order. Output bytes do not depend on the number of threads, and memory
//! is bounded by the chunk size, not by the size of the dump.
//!
//! The run prints nothing: what happens to single inputs (a file skipped, a
//! line warned about, a repeated id) and how far the run is go to an
//! [`Observer`] as [`Event`]s; a run that cannot go on returns an [`Error`].
//! Before anything is read, every path is resolved: an input that is one of
//! the run's own output files is a usage error, and the output folder is left
//! out of any folder walked. Files go to an [`OutDir`] (temporary names, one
//! run at a time, committed at the end); a run that reads no article, fails
//! or is interrupted leaves the previous outputs as they were.

use crate::analyze::{analyze, Analysis, Resources};
use crate::article::Article;
use crate::error::{Error, Result};
use crate::export::sink::{Sink, StdoutSink};
use crate::export::{Format, Level, Options, Rendered, Renderers, Summary, Writers};
use crate::fact::Kind;
use crate::gazetteer::{Entry, Gazetteer};
use crate::input::{path_text, Exclude, FileId, Item, Problem, ReadOptions, Reader, Walker};
use crate::outdir::{OutDir, Temporaries, KNOWN_OUTPUTS};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// A validated run configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// Files, folders, or `-` for JSONL on stdin.
    pub inputs: Vec<PathBuf>,
    /// The output folder.
    pub out: PathBuf,
    /// The formats to write (with `stdout`: ignored, the record stream is written).
    pub formats: Vec<Format>,
    /// The reference date for articles without one.
    pub ref_date: Option<NaiveDate>,
    /// The record stream on stdout instead of files.
    pub stdout: bool,
    /// CSV for Excel.
    pub excel: bool,
    /// Parquet facts in one file per kind (`facts-<kind>.parquet`).
    pub facts_by_kind: bool,
    /// User gazetteer files.
    pub gazetteers: Vec<PathBuf>,
    /// How inputs are read (JSONL field names, the article size cap).
    pub read: ReadOptions,
    /// Keep only facts of these kinds (all when None).
    pub kinds: Option<Vec<Kind>>,
    /// Measure the inputs' total size first, so progress can show a percentage.
    pub measure_total: bool,
    /// Set from outside to stop the run (a signal).
    pub cancel: Cancel,
    /// A chunk closes at this many articles…
    pub chunk_articles: usize,
    /// …or this many bytes of text, whichever comes first.
    pub chunk_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            inputs: vec![PathBuf::from("input")],
            out: PathBuf::from("output"),
            formats: Format::DEFAULT.to_vec(),
            ref_date: None,
            stdout: false,
            excel: false,
            facts_by_kind: false,
            gazetteers: Vec::new(),
            read: ReadOptions::default(),
            kinds: None,
            measure_total: false,
            cancel: Cancel::default(),
            chunk_articles: 256,
            chunk_bytes: 1 << 20,
        }
    }
}

/// A way to stop a run from another thread (a signal handler): the run stops
/// at the next article read or chunk written, removes its temporaries and
/// returns [`Error::Interrupted`].
#[derive(Clone, Debug, Default)]
pub struct Cancel {
    signal: Arc<AtomicI32>,
    temps: Temporaries,
}

impl Cancel {
    /// Ask the run to stop, naming the signal that asked.
    pub fn trigger(&self, signal: i32) {
        self.signal.store(signal, Ordering::SeqCst);
    }

    /// The signal that asked the run to stop, if one did.
    pub fn signal(&self) -> Option<i32> {
        match self.signal.load(Ordering::SeqCst) {
            0 => None,
            s => Some(s),
        }
    }

    /// Remove the run's temporary files now, whatever the run is doing (for a
    /// run that does not stop in time). Files already committed stay.
    pub fn remove_temporaries(&self) {
        self.temps.remove_all();
    }

    fn check(&self) -> Result<()> {
        match self.signal() {
            Some(signal) => Err(Error::Interrupted { signal }),
            None => Ok(()),
        }
    }
}

/// Something that happened during a run, for the caller to show.
#[derive(Debug)]
pub enum Event<'a> {
    /// The inputs' total size in bytes, when known (files and folders, not stdin).
    Started {
        /// Total bytes.
        total_bytes: Option<u64>,
    },
    /// An input yielded no article.
    Skipped(&'a Problem),
    /// Something deserves a note; the article (if any) was still read.
    Warning(&'a Problem),
    /// An article repeats the doc_id of an earlier one (both are written).
    DuplicateId(&'a Problem),
    /// How far the run is.
    Progress {
        /// Articles analysed and written.
        articles: usize,
        /// Input bytes consumed.
        bytes_read: u64,
        /// Article text bytes analysed.
        text_bytes: u64,
    },
}

/// Receives a run's [`Event`]s.
pub trait Observer: Send {
    /// One event.
    fn event(&mut self, event: Event<'_>);
}

/// An observer that ignores everything.
#[derive(Debug, Default)]
pub struct Silent;

impl Observer for Silent {
    fn event(&mut self, _: Event<'_>) {}
}

/// What became of the output folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outputs {
    /// The run's files are in place.
    Written,
    /// Facts went to stdout; no file was written.
    Stdout,
    /// No article could be read: the folder was left as it was.
    Untouched,
}

/// What a run did.
#[derive(Debug)]
pub struct Report {
    /// The counts (as in `summary.json`).
    pub summary: Summary,
    /// What became of the output folder.
    pub outputs: Outputs,
}

impl Report {
    /// Whether any input was skipped, or nothing could be read (exit status 1).
    pub fn had_skips(&self) -> bool {
        self.summary.articles_skipped > 0 || self.outputs == Outputs::Untouched
    }
}

/// What became of one article: its analysis and the bytes the formats that
/// render on worker threads made of it, or why it was skipped.
type Outcome = Result<(Analysis, Vec<Option<Rendered>>), Problem>;

/// The writers of the run's formats, begun in `sink` (the output folder), or
/// the record stream on stdout.
fn open_writers(cfg: &Config, sink: Option<&mut dyn Sink>) -> std::io::Result<Writers> {
    let opts = Options {
        excel: cfg.excel,
        facts_by_kind: cfg.facts_by_kind,
    };
    match sink.filter(|_| !cfg.stdout) {
        Some(sink) => {
            let mut writers = Writers::new(&cfg.formats, &opts);
            writers.begin(sink)?;
            Ok(writers)
        }
        None => {
            let mut writers = Writers::new(&[Format::Records], &opts);
            writers.begin(&mut StdoutSink)?;
            Ok(writers)
        }
    }
}

/// Where `path` would be if it existed: the canonical form of its nearest
/// existing ancestor, with the rest appended.
fn canonical_or_planned(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut rest = Vec::new();
    let mut cur = abs.as_path();
    loop {
        if let Ok(c) = std::fs::canonicalize(cur) {
            let mut out = c;
            for r in rest.iter().rev() {
                out.push(r);
            }
            return out;
        }
        match (cur.parent(), cur.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                cur = parent;
            }
            _ => return abs,
        }
    }
}

/// Refuse inputs that are output files of this run: writing would destroy
/// them (or, for a folder walk, the walk leaves the outputs out).
fn check_inputs(cfg: &Config) -> Result<()> {
    if cfg.stdout {
        return Ok(());
    }
    let out = canonical_or_planned(&cfg.out);
    for input in &cfg.inputs {
        if input.as_os_str() == "-" {
            continue;
        }
        let Ok(c) = std::fs::canonicalize(input) else {
            continue;
        };
        let is_output = c.parent() == Some(out.as_path())
            && c.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| KNOWN_OUTPUTS.contains(&n) || crate::input::is_temporary_name(n));
        if is_output {
            return Err(Error::Usage(format!(
                "{}: this input is an output file of the run (--out {}); it would be replaced. Move it or choose another --out",
                path_text(input),
                path_text(&cfg.out)
            )));
        }
        if c == out {
            // Reading the output folder itself: its outputs are left out by the walk.
            continue;
        }
    }
    Ok(())
}

/// Read one `--gazetteer` file: it must be a regular file of UTF-8 text.
pub(crate) fn read_gazetteer(path: &Path) -> Result<String> {
    let err = |reason: String| Error::Gazetteer {
        path: path_text(path),
        reason,
    };
    let m = std::fs::metadata(path).map_err(|e| {
        err(match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".into(),
            _ => format!("cannot read: {e}"),
        })
    })?;
    if m.is_dir() {
        return Err(err("is a folder, not a file".into()));
    }
    if !m.is_file() {
        return Err(err(format!(
            "{}, not a regular file",
            crate::input::walk::file_type_name(&m)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| err(format!("cannot read: {e}")))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        err(format!(
            "not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Build the shared resources: the built-in gazetteer plus the user's files.
/// Every file is parsed first and the gazetteer compiled once. A later file's
/// entry replaces an earlier file's entry of the same kind and canonical name,
/// as user entries replace built-in ones. Malformed lines are returned as
/// problems (the run goes on without them); a file that cannot be used at all
/// is an [`Error::Gazetteer`].
pub fn resources(cfg: &Config) -> Result<(Resources, Vec<Problem>)> {
    let mut gazetteer = Gazetteer::builtin();
    let mut problems = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    for g in &cfg.gazetteers {
        let text = read_gazetteer(g)?;
        let (new, msgs) = Gazetteer::parse(&text, &path_text(g));
        let mut new = new;
        if !entries.is_empty() {
            // As the gazetteer does for built-in entries: a fiscal-year-only
            // line keeps the aliases of the earlier file's entry it replaces.
            for n in new.iter_mut() {
                if n.aliases.is_empty() && n.fy_end_month.is_some() {
                    if let Some(old) = entries
                        .iter()
                        .rev()
                        .find(|e| e.kind == n.kind && !e.organisation && e.canonical == n.canonical)
                    {
                        n.aliases.clone_from(&old.aliases);
                    }
                }
            }
            let names: HashSet<(Kind, bool, &str)> = new
                .iter()
                .map(|e| (e.kind, e.organisation, e.canonical.as_str()))
                .collect();
            entries.retain(|e| !names.contains(&(e.kind, e.organisation, e.canonical.as_str())));
        }
        entries.extend(new);
        problems.extend(msgs.into_iter().map(|m| Problem {
            path: path_text(g),
            line: None,
            reason: m,
        }));
    }
    gazetteer.extend(entries);
    Ok((
        Resources {
            gazetteer,
            ref_date: cfg.ref_date,
        },
        problems,
    ))
}

/// Read the next chunk: up to `chunk_articles` articles or `chunk_bytes` of text.
/// Skipped inputs and warnings go to the observer, the summary and the writers
/// (the record stream carries them) as they come.
fn read_chunk(
    reader: &mut Reader,
    cfg: &Config,
    summary: &mut Summary,
    obs: &mut dyn Observer,
    writers: &mut Writers,
) -> Result<Vec<Article>, StageError> {
    let mut bytes = 0usize;
    let mut chunk = Vec::with_capacity(cfg.chunk_articles.min(4096));
    for item in reader.by_ref() {
        match item {
            Item::Article(a) => {
                bytes += a.text.len();
                chunk.push(*a);
            }
            Item::Skipped(p) => {
                obs.event(Event::Skipped(&p));
                summary.skip(&p);
                writers.problem(Level::Skipped, &p)?;
            }
            Item::Warning(p) => {
                obs.event(Event::Warning(&p));
                summary.warn(&p);
                writers.problem(Level::Warning, &p)?;
            }
        }
        cfg.cancel.check()?;
        if chunk.len() >= cfg.chunk_articles || bytes >= cfg.chunk_bytes {
            break;
        }
    }
    Ok(chunk)
}

/// Analyse one article; a bug that panics on some text costs that article (reported
/// as skipped, with its source), never the run.
fn analyze_guarded(a: &Article, res: &Resources) -> Result<Analysis, Problem> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyze(a, res))).map_err(|e| {
        let what = e
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| e.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Problem {
            path: a.source.clone(),
            line: None,
            reason: format!("internal error while analysing article {:?}: {what}", a.id),
        }
    })
}

/// The doc_ids seen so far, as 128-bit hashes (16 bytes an article, whatever
/// the ids' length).
#[derive(Default)]
struct SeenIds(HashSet<u128>);

impl SeenIds {
    /// Whether `id` was seen before (and remember it).
    fn repeated(&mut self, id: &str) -> bool {
        use std::hash::{Hash, Hasher};
        let half = |salt: u8| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            salt.hash(&mut h);
            id.hash(&mut h);
            h.finish()
        };
        !self
            .0
            .insert((u128::from(half(1)) << 64) | u128::from(half(2)))
    }
}

/// The write error of a run: the file that failed, by its final name.
fn write_error(out: Option<&OutDir>, cfg: &Config, e: std::io::Error) -> Error {
    if cfg.stdout {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Error::StdoutClosed;
        }
        return Error::Write {
            path: "standard output".into(),
            source: e,
        };
    }
    let path = out
        .and_then(OutDir::failed)
        .unwrap_or_else(|| cfg.out.clone());
    Error::write(path, e)
}

/// Run the whole job.
pub fn run(cfg: &Config, obs: &mut dyn Observer) -> Result<Report> {
    let started = Instant::now();
    check_inputs(cfg)?;
    let (res, gaz_problems) = resources(cfg)?;
    let mut summary = Summary {
        threads: rayon::current_num_threads(),
        ..Default::default()
    };
    for p in &gaz_problems {
        obs.event(Event::Warning(p));
        summary.warn(p);
    }
    let mut outdir = if cfg.stdout {
        None
    } else {
        Some(OutDir::open(&cfg.out, cfg.cancel.temps.clone())?)
    };
    let exclude = Exclude {
        out_dir: outdir.as_ref().and_then(|o| {
            std::fs::metadata(o.dir())
                .ok()
                .map(|m| FileId::of(o.dir(), &m))
        }),
        out_names: KNOWN_OUTPUTS.iter().map(|s| s.to_string()).collect(),
    };
    let total_bytes = if cfg.measure_total {
        let mut total = Some(0u64);
        for s in Walker::excluding(&cfg.inputs, exclude.clone()) {
            total = total.and_then(|t| crate::input::source_size(&s).map(|n| t + n));
            if total.is_none() {
                break;
            }
        }
        total
    } else {
        None
    };
    obs.event(Event::Started { total_bytes });
    let result = run_chunks(
        cfg,
        obs,
        (&res, &gaz_problems),
        &mut summary,
        outdir.as_mut(),
        exclude,
    );
    if let Err(e) = result {
        let e = match e {
            StageError::Io(io) => write_error(outdir.as_ref(), cfg, io),
            StageError::Other(other) => other,
        };
        if let Some(o) = outdir {
            o.abort();
        }
        return Err(e);
    }
    summary.elapsed_seconds = started.elapsed().as_secs_f64();
    summary.mb_per_s = if summary.elapsed_seconds > 0.0 {
        summary.bytes as f64 / 1e6 / summary.elapsed_seconds
    } else {
        0.0
    };
    let Some(mut o) = outdir else {
        // The stream closes with the run's summary, tagged like every other
        // record, so a job that runs many processes can add their counts up.
        summary.complete = true;
        let closing = (|| -> std::io::Result<()> {
            let body = serde_json::to_string(&summary)?;
            let mut out = StdoutSink.create("summary")?;
            out.write_all(b"{\"record\":\"summary\",")?;
            out.write_all(body.get(1..).unwrap_or("}").as_bytes())?;
            out.write_all(b"\n")?;
            out.flush()
        })();
        if let Err(e) = closing {
            return Err(write_error(None, cfg, e));
        }
        return Ok(Report {
            summary,
            outputs: Outputs::Stdout,
        });
    };
    if summary.articles_read == 0 {
        o.abort();
        return Ok(Report {
            summary,
            outputs: Outputs::Untouched,
        });
    }
    if let Err(e) = cfg.cancel.check() {
        o.abort();
        return Err(e);
    }
    summary.complete = true;
    summary.files = o.names();
    summary.files.push("summary.json".into());
    let written = (|| -> std::io::Result<()> {
        let mut f = o.create("summary.json")?;
        serde_json::to_writer_pretty(&mut f, &summary)?;
        f.write_all(b"\n")?;
        f.flush()
    })();
    if let Err(e) = written {
        let e = write_error(Some(&o), cfg, e);
        o.abort();
        return Err(e);
    }
    o.commit()?;
    Ok(Report {
        summary,
        outputs: Outputs::Written,
    })
}

/// A stage of the run that failed: an I/O error on some output (named by the
/// caller) or another error.
enum StageError {
    Io(std::io::Error),
    Other(Error),
}

impl From<std::io::Error> for StageError {
    fn from(e: std::io::Error) -> Self {
        StageError::Io(e)
    }
}

impl From<Error> for StageError {
    fn from(e: Error) -> Self {
        StageError::Other(e)
    }
}

/// Read, analyse and write every article. The problems met before (in the
/// gazetteers) go to the writers first.
fn run_chunks(
    cfg: &Config,
    obs: &mut dyn Observer,
    (res, early): (&Resources, &[Problem]),
    summary: &mut Summary,
    sink: Option<&mut OutDir>,
    exclude: Exclude,
) -> Result<(), StageError> {
    let walker = Walker::excluding(&cfg.inputs, exclude);
    let ignored = walker.ignored();
    let mut writers = open_writers(cfg, sink.map(|s| s as &mut dyn Sink))?;
    let renderers: Renderers = writers.renderers();
    for p in early {
        writers.problem(Level::Warning, p)?;
    }
    let mut reader = Reader::with_options(walker, cfg.read.clone());
    let mut seen = SeenIds::default();

    // Three chunks are in flight: while the workers analyse (and render) one, one
    // worker also writes the previous chunk's results and reads the next chunk,
    // so reading and writing overlap the analysis. The order of everything
    // written is the input order, whatever the number of threads.
    let mut chunk = read_chunk(&mut reader, cfg, summary, obs, &mut writers)?;
    let mut done: Vec<Outcome> = Vec::new();
    while !chunk.is_empty() || !done.is_empty() {
        let (results, io) = rayon::join(
            || -> std::io::Result<Vec<Outcome>> {
                // Longest articles first, one task each: the chunk ends with
                // short articles on both threads rather than one long article
                // on one thread while the other waits. Results go back to input
                // order below.
                let mut order: Vec<usize> = (0..chunk.len()).collect();
                order.sort_by_key(|&i| std::cmp::Reverse(chunk.get(i).map_or(0, |a| a.text.len())));
                let mut results: Vec<(usize, Outcome)> = order
                    .par_iter()
                    .with_max_len(1)
                    .filter_map(|&i| chunk.get(i).map(|a| (i, a)))
                    .map(|(i, a)| {
                        let mut an = match analyze_guarded(a, res) {
                            Ok(an) => an,
                            Err(p) => return Ok((i, Err(p))),
                        };
                        if let Some(kinds) = &cfg.kinds {
                            crate::extractor::keep_kinds(&mut an, kinds);
                        }
                        // The analysis is kept for the summary's counts until
                        // it is written: small beside the rendered bytes.
                        let r = renderers.render(&an)?;
                        Ok((i, Ok((an, r))))
                    })
                    .collect::<std::io::Result<_>>()?;
                results.sort_unstable_by_key(|(i, _)| *i);
                Ok(results.into_iter().map(|(_, r)| r).collect())
            },
            || -> Result<Vec<Article>, StageError> {
                for item in done.drain(..) {
                    match item {
                        Ok((a, r)) => {
                            if seen.repeated(&a.doc_id) {
                                let p = Problem {
                                    path: a.source.clone(),
                                    line: None,
                                    reason: format!(
                                        "duplicate doc_id {:?}: an earlier article of this run has the same id (both are written; tell them apart by source)",
                                        a.doc_id
                                    ),
                                };
                                obs.event(Event::DuplicateId(&p));
                                summary.duplicate(&p);
                                writers.problem(Level::Warning, &p)?;
                            }
                            writers.write(&a, r)?;
                            summary.add(&a);
                        }
                        Err(p) => {
                            obs.event(Event::Skipped(&p));
                            summary.skip(&p);
                            writers.problem(Level::Skipped, &p)?;
                        }
                    }
                }
                obs.event(Event::Progress {
                    articles: summary.articles_read,
                    bytes_read: reader.consumed(),
                    text_bytes: summary.bytes,
                });
                cfg.cancel.check()?;
                read_chunk(&mut reader, cfg, summary, obs, &mut writers)
            },
        );
        done = results?;
        chunk = io?;
    }
    writers.finish()?;
    if let Ok(ig) = ignored.lock() {
        summary.ignored_files = ig.paths.iter().map(|p| path_text(p)).collect();
        summary.ignored_files_count = ig.count;
    }
    Ok(())
}
