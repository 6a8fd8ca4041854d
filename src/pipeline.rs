//! The batch job: read sequentially, analyse in parallel article by article,
//! write in input order. Output bytes do not depend on the number of threads,
//! and memory is bounded by a window of articles in flight, not by the size of
//! the dump.
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
    /// At most this many articles are read and not yet written…
    pub window_articles: usize,
    /// …and no article is read while this many bytes of text are (a longer
    /// article is still read when it is the only one).
    pub window_bytes: usize,
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
            // The window must hold enough articles that no worker waits for
            // the one being written; what it costs is the text it holds and,
            // while the writing thread waits (an article ahead of the others
            // takes long, or the machine is busy), the rendered bytes of
            // those done meanwhile (CSV and JSONL are some 25 times the text).
            // Half a megabyte of text keeps that near 12 MB at worst, and is
            // still some 150 articles of a few kilobytes.
            window_articles: 128,
            window_bytes: 1 << 19,
        }
    }
}

/// A way to stop a run from another thread (a signal handler): the run stops
/// at the next article read or written, removes its temporaries and
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
/// the ids' length): the older ones in one sorted array, the recent ones in a
/// hash set that is merged into the array when it holds an eighth as many.
/// A hash set of every id took twice the room (its free slots) and, each time
/// it grew, its old and its new table at once: on a long run it was the one
/// part of memory that kept growing.
#[derive(Default)]
struct SeenIds {
    sorted: Vec<u128>,
    recent: HashSet<u128>,
}

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
        let key = (u128::from(half(1)) << 64) | u128::from(half(2));
        if self.sorted.binary_search(&key).is_ok() || !self.recent.insert(key) {
            return true;
        }
        if self.recent.len() >= (self.sorted.len() / 8).max(1 << 12) {
            self.merge();
        }
        false
    }

    /// Move the recent hashes into the sorted array, merging from the back in
    /// place: the array grows by the new ones only.
    fn merge(&mut self) {
        let mut new: Vec<u128> = self.recent.drain().collect();
        new.sort_unstable();
        let old = self.sorted.len();
        self.sorted.reserve_exact(new.len());
        self.sorted.resize(old + new.len(), 0);
        let (mut i, mut k) = (old, old + new.len());
        while let Some(&last) = new.last() {
            k -= 1;
            match i.checked_sub(1).map(|p| self.sorted[p]) {
                Some(prev) if prev > last => {
                    self.sorted[k] = prev;
                    i -= 1;
                }
                _ => {
                    self.sorted[k] = last;
                    new.pop();
                }
            }
        }
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
    let result = run_articles(
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

/// What a worker made of one article: its outcome, or the error that
/// rendering it met (which ends the run).
type Done = std::io::Result<Outcome>;

/// Analyse and render one article (on any thread).
fn work(a: &Article, cfg: &Config, res: &Resources, renderers: &Renderers) -> Done {
    let mut an = match analyze_guarded(a, res) {
        Ok(an) => an,
        Err(p) => return Ok(Err(p)),
    };
    if let Some(kinds) = &cfg.kinds {
        crate::extractor::keep_kinds(&mut an, kinds);
    }
    // The analysis is kept for the summary's counts (and the formats that do
    // not render on workers) until it is written: small beside the rendered
    // bytes.
    let r = renderers.render(&an)?;
    Ok(Ok((an, r)))
}

/// [`work`], with a panic outside the analysis (which [`analyze_guarded`]
/// already turns into a skipped article) turned into an error: a worker
/// always answers, so the writer never waits for an article that will not come.
fn work_guarded(a: &Article, cfg: &Config, res: &Resources, renderers: &Renderers) -> Done {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        work(a, cfg, res, renderers)
    }))
    .unwrap_or_else(|_| {
        Err(std::io::Error::other(format!(
            "internal error while rendering article {:?}",
            a.id
        )))
    })
}

/// What is written next, in input order: an article (its result comes back
/// from a worker) or a problem met between two articles.
enum Slot {
    /// An article being analysed, with its text length (its share of the
    /// window).
    Article(usize),
    /// A skipped input or a warning, written where it was met.
    Problem(Level, Problem),
}

/// The ordered writing end of the run: everything read, in input order, and
/// the results of the articles as workers return them.
struct Ordered<'a> {
    obs: &'a mut dyn Observer,
    summary: &'a mut Summary,
    writers: Writers,
    seen: SeenIds,
    /// What is to be written, in input order.
    queue: std::collections::VecDeque<Slot>,
    /// The results of the articles of `queue`, in the same order (None while
    /// the article is being analysed).
    results: std::collections::VecDeque<Option<Done>>,
    /// The number of the article whose result is first in `results`.
    first: usize,
    /// Articles read and not yet written, and their text bytes.
    in_flight: (usize, usize),
    /// When progress was last reported (in articles written).
    reported: usize,
}

impl Ordered<'_> {
    /// Queue a problem met while reading: it is reported and written in its
    /// place among the articles.
    fn problem(&mut self, level: Level, p: Problem) {
        self.queue.push_back(Slot::Problem(level, p));
    }

    /// Queue an article sent to be analysed; returns its number (articles are
    /// numbered from 0 in input order).
    fn article(&mut self, bytes: usize) -> usize {
        self.queue.push_back(Slot::Article(bytes));
        self.results.push_back(None);
        self.in_flight.0 += 1;
        self.in_flight.1 += bytes;
        self.first + self.results.len() - 1
    }

    /// The result of article number `n`.
    fn done(&mut self, n: usize, r: Done) {
        if let Some(slot) = self.results.get_mut(n - self.first) {
            *slot = Some(r);
        }
    }

    /// Write everything at the head of the queue that is ready.
    fn flush(&mut self, reader: &Reader) -> Result<(), StageError> {
        let mut taken = 0;
        loop {
            match self.queue.front() {
                Some(Slot::Problem(..)) => {
                    if let Some(Slot::Problem(level, p)) = self.queue.pop_front() {
                        match level {
                            Level::Skipped => {
                                self.obs.event(Event::Skipped(&p));
                                self.summary.skip(&p);
                            }
                            Level::Warning => {
                                self.obs.event(Event::Warning(&p));
                                self.summary.warn(&p);
                            }
                        }
                        self.writers.problem(level, &p)?;
                    }
                }
                Some(&Slot::Article(bytes)) => {
                    if !matches!(self.results.front(), Some(Some(_))) {
                        break;
                    }
                    self.queue.pop_front();
                    let Some(Some(r)) = self.results.pop_front() else {
                        break;
                    };
                    taken += 1;
                    self.first += 1;
                    self.in_flight.0 -= 1;
                    self.in_flight.1 -= bytes;
                    self.write(r?)?;
                }
                None => break,
            }
        }
        if taken > 0 && self.summary.articles_read >= self.reported + PROGRESS_EVERY {
            self.progress(reader);
        }
        Ok(())
    }

    /// Write one article's outcome.
    fn write(&mut self, outcome: Outcome) -> Result<(), StageError> {
        match outcome {
            Ok((a, r)) => {
                if self.seen.repeated(&a.doc_id) {
                    let p = Problem {
                        path: a.source.clone(),
                        line: None,
                        reason: format!(
                            "duplicate doc_id {:?}: an earlier article of this run has the same id (both are written; tell them apart by source)",
                            a.doc_id
                        ),
                    };
                    self.obs.event(Event::DuplicateId(&p));
                    self.summary.duplicate(&p);
                    self.writers.problem(Level::Warning, &p)?;
                }
                self.writers.write(&a, r)?;
                self.summary.add(&a);
            }
            Err(p) => {
                self.obs.event(Event::Skipped(&p));
                self.summary.skip(&p);
                self.writers.problem(Level::Skipped, &p)?;
            }
        }
        Ok(())
    }

    fn progress(&mut self, reader: &Reader) {
        self.reported = self.summary.articles_read;
        self.obs.event(Event::Progress {
            articles: self.summary.articles_read,
            bytes_read: reader.consumed(),
            text_bytes: self.summary.bytes,
        });
    }
}

/// Progress is reported every this many articles written (and at the end).
const PROGRESS_EVERY: usize = 64;

/// Read, analyse and write every article. The problems met before (in the
/// gazetteers) go to the writers first.
///
/// The calling thread reads and writes; the worker threads analyse and render
/// one article each at a time, taking articles in the order read. Articles
/// are written in input order as their results come back, whatever the number
/// of threads, so the bytes written do not depend on it. At most a window of
/// articles (by count and by text bytes, see [`Config`]) is read and not yet
/// written: memory holds that window, never the dump, and no worker waits for
/// the others between groups of articles. With one thread the calling thread
/// does everything itself, one article after another.
/// The most articles, and text bytes, one worker task analyses in a row.
const BATCH_ARTICLES: usize = 8;
/// See [`BATCH_ARTICLES`].
const BATCH_BYTES: usize = 1 << 15;

fn run_articles(
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
    let mut out = Ordered {
        obs,
        summary,
        writers,
        seen: SeenIds::default(),
        queue: Default::default(),
        results: Default::default(),
        first: 0,
        in_flight: (0, 0),
        reported: 0,
    };
    let inline = rayon::current_num_threads() <= 1;
    let (tx, rx) = std::sync::mpsc::channel::<Vec<(usize, Done)>>();
    let result = rayon::in_place_scope(|scope| -> Result<(), StageError> {
        let mut eof = false;
        // Articles read and not yet given to a worker: handed over in batches,
        // so that a worker wakes the writing thread once per batch rather than
        // once per article (with more threads than cores, each wake-up took a
        // core from a worker).
        let mut batch: Vec<(usize, Box<Article>)> = Vec::new();
        let mut batch_bytes = 0usize;
        let send = |batch: &mut Vec<(usize, Box<Article>)>, batch_bytes: &mut usize| {
            if batch.is_empty() {
                return;
            }
            let items = std::mem::take(batch);
            *batch_bytes = 0;
            let tx = tx.clone();
            let renderers = &renderers;
            scope.spawn(move |_| {
                let done: Vec<(usize, Done)> = items
                    .into_iter()
                    .map(|(n, a)| (n, work_guarded(&a, cfg, res, renderers)))
                    .collect();
                // The writer may have stopped on an error: nobody listens
                // then, and nothing is lost.
                let _ = tx.send(done);
            });
        };
        loop {
            out.flush(&reader)?;
            cfg.cancel.check()?;
            let room = out.in_flight.0 == 0
                || (out.in_flight.0 < cfg.window_articles && out.in_flight.1 < cfg.window_bytes);
            if !eof && room {
                match reader.next() {
                    Some(Item::Article(a)) => {
                        let n = out.article(a.text.len());
                        if inline {
                            let r = work_guarded(&a, cfg, res, &renderers);
                            out.done(n, r);
                        } else {
                            batch_bytes += a.text.len();
                            batch.push((n, a));
                            if batch.len() >= BATCH_ARTICLES || batch_bytes >= BATCH_BYTES {
                                send(&mut batch, &mut batch_bytes);
                            }
                        }
                    }
                    Some(Item::Skipped(p)) => out.problem(Level::Skipped, p),
                    Some(Item::Warning(p)) => out.problem(Level::Warning, p),
                    None => eof = true,
                }
            } else if out.in_flight.0 == 0 {
                // Read to the end and everything written (a problem is
                // written as soon as no article is before it).
                return Ok(());
            } else {
                // The window is full, or the input read: hand over what is
                // read, then wait for a worker.
                send(&mut batch, &mut batch_bytes);
                let done = rx
                    .recv()
                    .map_err(|_| std::io::Error::other("the worker threads stopped"))?;
                for (n, r) in done {
                    out.done(n, r);
                }
            }
        }
    });
    result?;
    out.progress(&reader);
    out.writers.finish()?;
    if let Ok(ig) = ignored.lock() {
        out.summary.ignored_files = ig.paths.iter().map(|p| path_text(p)).collect();
        out.summary.ignored_files_count = ig.count;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A JSONL dump of `n` short articles, with a line that is not JSON after
    /// the second and a repeated id at the fourth.
    fn dump(dir: &Path, n: usize) -> PathBuf {
        let mut lines = Vec::new();
        for i in 0..n {
            let id = if i == 3 {
                "a0".to_string()
            } else {
                format!("a{i}")
            };
            let text = format!(
                "Acme Corp said on June {} 2025 that sales rose {}% to $1.{} billion.\n\n株式会社テストの売上高は前年比{}%増の{}億円だった。",
                i % 28 + 1,
                i % 40,
                i % 10,
                i % 30,
                i + 100
            );
            lines.push(serde_json::json!({"id": id, "text": text, "lang": if i % 2 == 0 { "en" } else { "ja" }}).to_string());
            if i == 1 {
                lines.push("{not json".into());
            }
        }
        let path = dir.join("dump.jsonl");
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        path
    }

    fn run_with(input: &Path, out: &Path, window_articles: usize, window_bytes: usize) -> Summary {
        let cfg = Config {
            inputs: vec![input.to_path_buf()],
            out: out.to_path_buf(),
            formats: vec![Format::Csv, Format::Jsonl, Format::Records],
            window_articles,
            window_bytes,
            ..Config::default()
        };
        run(&cfg, &mut Silent).unwrap().summary
    }

    /// Problems are written where they are met among the articles, in the
    /// record stream as in the summary, and a repeated id just before its
    /// article.
    #[test]
    fn problems_are_written_in_their_place_among_the_articles() {
        let dir = tempfile::tempdir().unwrap();
        let input = dump(dir.path(), 6);
        let summary = run_with(&input, &dir.path().join("out"), 256, 1 << 20);
        assert_eq!(summary.articles_read, 6);
        assert_eq!(summary.articles_skipped, 1);
        assert_eq!(summary.skipped[0].line, Some(3));
        assert_eq!(summary.duplicate_ids_count, 1);
        let records = std::fs::read_to_string(dir.path().join("out/records.jsonl")).unwrap();
        let order: Vec<String> = records
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter_map(|r| match r["record"].as_str() {
                Some("article") => Some(r["doc_id"].as_str().unwrap().to_string()),
                Some("problem") => Some(format!("problem:{}", r["reason"].as_str().unwrap())),
                _ => None,
            })
            .map(|s| s.chars().take(24).collect())
            .collect();
        assert_eq!(
            order,
            [
                "a0",
                "a1",
                "problem:not a JSON artic",
                "a2",
                "problem:duplicate doc_id",
                "a0",
                "a4",
                "a5"
            ]
        );
    }

    /// Ids are told apart across the merges of the recent ones into the
    /// sorted ones, whichever part holds the earlier one.
    #[test]
    fn repeated_ids_are_found_in_either_part() {
        let mut seen = SeenIds::default();
        let n = 40_000;
        for i in 0..n {
            assert!(!seen.repeated(&format!("id-{i}")), "{i}");
            if i % 7 == 0 {
                assert!(seen.repeated(&format!("id-{}", i / 2)), "{i}");
            }
        }
        assert!(seen.sorted.len() > n / 2, "the recent ones were merged");
        assert!(seen.sorted.windows(2).all(|w| w[0] < w[1]));
        for i in (0..n).step_by(997) {
            assert!(seen.repeated(&format!("id-{i}")));
        }
        assert!(!seen.repeated("id-new"));
    }

    /// The bytes written do not depend on how many articles are in flight:
    /// one at a time, a few, or all of them.
    #[test]
    fn outputs_do_not_depend_on_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let input = dump(dir.path(), 40);
        let windows = [(1, 1), (3, 1 << 20), (256, 1 << 20)];
        let outs: Vec<PathBuf> = windows
            .iter()
            .enumerate()
            .map(|(i, &(n, bytes))| {
                let out = dir.path().join(format!("out{i}"));
                let summary = run_with(&input, &out, n, bytes);
                assert_eq!(summary.articles_read, 40);
                out
            })
            .collect();
        for name in [
            "facts.csv",
            "sections.csv",
            "events.csv",
            "facts.jsonl",
            "articles.jsonl",
            "records.jsonl",
        ] {
            let first = std::fs::read(outs[0].join(name)).unwrap();
            assert!(!first.is_empty(), "{name}");
            for out in &outs[1..] {
                assert!(
                    std::fs::read(out.join(name)).unwrap() == first,
                    "{name} differs"
                );
            }
        }
    }
}
