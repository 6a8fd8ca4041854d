//! The batch job: read sequentially, analyse in parallel in bounded chunks, write
//! in input order. Output bytes do not depend on the number of threads, and memory
//! is bounded by the chunk size, not by the size of the dump.

use crate::analyze::{analyze, Analysis, Resources};
use crate::article::Article;
use crate::export::sink::{DirSink, Sink, StdoutSink};
use crate::export::{Format, Level, Options, Rendered, Renderers, Summary, Writers};
use crate::input::{Item, Problem, Reader, Walker};
use anyhow::Context as _;
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

/// A validated run configuration.
#[derive(Clone, Debug)]
pub struct Config {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    /// The formats to write (with `stdout`: ignored, the record stream is written).
    pub formats: Vec<Format>,
    pub ref_date: Option<NaiveDate>,
    pub stdout: bool,
    pub excel: bool,
    pub gazetteers: Vec<PathBuf>,
    pub quiet: bool,
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
            gazetteers: Vec::new(),
            quiet: false,
            chunk_articles: 256,
            chunk_bytes: 1 << 20,
        }
    }
}

/// What a run did.
#[derive(Debug)]
pub struct Report {
    pub summary: Summary,
}

impl Report {
    /// Whether any input was skipped (exit status 1).
    pub fn had_skips(&self) -> bool {
        self.summary.articles_skipped > 0
    }
}

/// What became of one article: its analysis and the bytes the formats that
/// render on worker threads made of it, or why it was skipped.
type Outcome = Result<(Analysis, Vec<Option<Rendered>>), Problem>;

/// The writers of the run's formats, and the sink they create their files in:
/// the out folder, or stdout for the record stream.
fn open_writers(cfg: &Config) -> anyhow::Result<Writers> {
    let formats = if cfg.stdout {
        vec![Format::Records]
    } else {
        cfg.formats.clone()
    };
    let mut writers = Writers::new(&formats, &Options { excel: cfg.excel });
    let mut sink: Box<dyn Sink> = if cfg.stdout {
        Box::new(StdoutSink)
    } else {
        Box::new(
            DirSink::new(&cfg.out)
                .with_context(|| format!("{}: cannot create output folder", cfg.out.display()))?,
        )
    };
    writers
        .begin(sink.as_mut())
        .with_context(|| format!("{}: cannot create output files", cfg.out.display()))?;
    Ok(writers)
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    }
    let pb = ProgressBar::new_spinner();
    pb.set_style(
        ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    pb
}

/// Build the shared resources: the built-in gazetteer plus the user's files.
/// Malformed gazetteer lines are returned as problems (the run goes on without them).
pub fn resources(cfg: &Config) -> anyhow::Result<(Resources, Vec<Problem>)> {
    let mut gazetteer = crate::gazetteer::Gazetteer::builtin();
    let mut problems = Vec::new();
    for g in &cfg.gazetteers {
        let msgs = gazetteer.add_file(g).map_err(anyhow::Error::msg)?;
        problems.extend(msgs.into_iter().map(|m| Problem {
            path: g.display().to_string(),
            line: None,
            reason: m,
        }));
    }
    Ok((
        Resources {
            gazetteer,
            ref_date: cfg.ref_date,
        },
        problems,
    ))
}

/// Read the next chunk: up to `chunk_articles` articles or `chunk_bytes` of text.
/// Skipped inputs and warnings go to stderr and the summary as they come.
/// Problems go to the writers too (the record stream carries them).
fn read_chunk(
    reader: &mut Reader,
    cfg: &Config,
    summary: &mut Summary,
    writers: &mut Writers,
) -> std::io::Result<Vec<Article>> {
    let mut bytes = 0usize;
    let mut chunk = Vec::with_capacity(cfg.chunk_articles.min(4096));
    for item in reader.by_ref() {
        match item {
            Item::Article(a) => {
                bytes += a.text.len();
                chunk.push(*a);
            }
            Item::Skipped(p) => {
                eprintln!("{p}");
                summary.skip(&p);
                writers.problem(Level::Skipped, &p)?;
            }
            Item::Warning(p) => {
                eprintln!("warning: {p}");
                summary.warn(&p);
                writers.problem(Level::Warning, &p)?;
            }
        }
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

/// Run the whole job.
pub fn run(cfg: &Config) -> anyhow::Result<Report> {
    let started = Instant::now();
    let (res, gaz_problems) = resources(cfg)?;
    let mut summary = Summary {
        threads: rayon::current_num_threads(),
        ..Default::default()
    };
    let mut writers = open_writers(cfg)?;
    let renderers: Renderers = writers.renderers();
    for p in &gaz_problems {
        eprintln!("warning: {}", p.reason);
        summary.warn(p);
        writers
            .problem(Level::Warning, p)
            .context("writing output")?;
    }
    let walker = Walker::new(&cfg.inputs);
    let ignored = walker.ignored();
    let pb = progress_bar(cfg.quiet);

    let mut reader = Reader::from_sources(walker);
    // Three chunks are in flight: while the workers analyse (and render) one, one
    // worker also writes the previous chunk's results and reads the next chunk,
    // so reading and writing overlap the analysis. The order of everything
    // written is the input order, whatever the number of threads.
    let mut chunk =
        read_chunk(&mut reader, cfg, &mut summary, &mut writers).context("writing output")?;
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
                        let an = match analyze_guarded(a, &res) {
                            Ok(an) => an,
                            Err(p) => return Ok((i, Err(p))),
                        };
                        // The analysis is kept for the summary's counts until
                        // it is written: small beside the rendered bytes, as
                        // the facts of a sentence share one copy of it.
                        let r = renderers.render(&an)?;
                        Ok((i, Ok((an, r))))
                    })
                    .collect::<std::io::Result<_>>()?;
                results.sort_unstable_by_key(|(i, _)| *i);
                Ok(results.into_iter().map(|(_, r)| r).collect())
            },
            || -> anyhow::Result<Vec<Article>> {
                for item in done.drain(..) {
                    match item {
                        Ok((a, r)) => {
                            writers.write(&a, r).context("writing output")?;
                            summary.add(&a);
                        }
                        Err(p) => {
                            eprintln!("{p}");
                            summary.skip(&p);
                            writers
                                .problem(Level::Skipped, &p)
                                .context("writing output")?;
                        }
                    }
                }
                let secs = started.elapsed().as_secs_f64().max(1e-9);
                let mb = summary.bytes as f64 / 1e6;
                pb.set_message(format!(
                    "{} articles, {:.1} MB, {:.1} MB/s",
                    summary.articles_read,
                    mb,
                    mb / secs
                ));
                pb.tick();
                read_chunk(&mut reader, cfg, &mut summary, &mut writers).context("writing output")
            },
        );
        done = results.context("writing output")?;
        chunk = io?;
    }
    writers.finish().context("writing output")?;
    if let Ok(ig) = ignored.lock() {
        summary.ignored_files = ig.paths.iter().map(|p| p.display().to_string()).collect();
        summary.ignored_files_count = ig.count;
    }
    pb.finish_and_clear();

    summary.elapsed_seconds = started.elapsed().as_secs_f64();
    summary.mb_per_s = if summary.elapsed_seconds > 0.0 {
        summary.bytes as f64 / 1e6 / summary.elapsed_seconds
    } else {
        0.0
    };
    if !cfg.stdout {
        let p = cfg.out.join("summary.json");
        let mut f = BufWriter::new(
            File::create(&p).with_context(|| format!("{}: cannot create", p.display()))?,
        );
        serde_json::to_writer_pretty(&mut f, &summary)?;
        f.write_all(b"\n")?;
        f.flush()?;
    }
    Ok(Report { summary })
}
