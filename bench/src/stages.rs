//! `bench stages`: where the time goes. One thread, in-process: each article is
//! read, then every stage of `analyze` is run and timed on its own (the same
//! calls `analyze` makes), then `analyze` itself is timed and its result written
//! to the output files. What `analyze` spends beyond the separately timed
//! stages (placing facts in sections and sentences, converting offsets, building
//! the records) is shown as "placement + offsets". `extract::candidates` (all
//! kinds in one call, as `analyze` makes it) is timed too, for comparison with
//! the sum of the per-kind rows.

use anyhow::Context as _;
use newsfacts::export::sink::DirSink;
use newsfacts::export::{Format, Options, Writer};
use newsfacts::extract::{self, Doc, RefSource};
use newsfacts::input::{collect_sources, Item, Reader};
use newsfacts::pipeline::{resources, Config};
use newsfacts::section::split_sections;
use newsfacts::text::sentence::split_sentences;
use newsfacts::text::Normalized;
use newsfacts::{analyze, Lang};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(clap::Args, Debug)]
pub struct StagesArgs {
    /// The dump: a folder from `bench gen`, a .jsonl or a .txt file.
    path: PathBuf,
    /// Where the export stage writes facts.csv, sections.csv and facts.jsonl.
    #[arg(long, default_value = "/tmp/nf-bench/stages-out")]
    out: PathBuf,
    /// What the stages are timed with: `cpu` (this thread's CPU time, steady on a
    /// shared machine; I/O waits excluded) or `wall`.
    #[arg(long, value_enum, default_value = "cpu")]
    clock: Clock,
    /// Stop after this much text (e.g. 20M); default: the whole dump.
    #[arg(long)]
    max: Option<String>,
}

/// Analyse a small article of each language first, so that rule sets compiled
/// on first use are not billed to the first article of the dump.
fn warm_up(res: &newsfacts::Resources) {
    for text in [
        "米中協議\n2025年6月9日、クアルコムは英アルファウェーブを約24億ドルで買収すると発表した。株価は７０％上昇。ベサント財務長官が会見した。",
        "Qualcomm to buy Alphawave\nOn June 9, 2025, Qualcomm agreed to buy Alphawave for $2.4 billion, a 5% premium, Treasury Secretary Scott Bessent said.",
    ] {
        let article = newsfacts::Article {
            id: "warm-up".into(),
            text: text.into(),
            ..Default::default()
        };
        black_box(analyze(&article, res));
        let norm = Normalized::new(text);
        let doc = Doc::new(&norm.text, Lang::detect(&norm.text), None, &res.gazetteer);
        let mut v = Vec::new();
        for f in EXTRACTORS {
            f.find(&doc, &mut v);
        }
        black_box(v);
    }
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Clock {
    Cpu,
    Wall,
}

impl Clock {
    /// What one reading of the clock costs (the least of a few trials), taken off
    /// every measured interval so that empty stages read as zero.
    fn overhead(self) -> Duration {
        (0..5)
            .map(|_| {
                let t0 = self.now();
                for _ in 0..1000 {
                    black_box(self.now());
                }
                self.now().saturating_sub(t0) / 1001
            })
            .min()
            .unwrap_or_default()
    }

    fn now(self) -> Duration {
        match self {
            Clock::Cpu => thread_cpu_time().unwrap_or_else(wall_time),
            Clock::Wall => wall_time(),
        }
    }
}

fn wall_time() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// CPU time of the calling thread (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`).
#[cfg(target_os = "linux")]
fn thread_cpu_time() -> Option<Duration> {
    #[repr(C)]
    struct Timespec {
        sec: std::ffi::c_long,
        nsec: std::ffi::c_long,
    }
    extern "C" {
        fn clock_gettime(clock: std::ffi::c_int, tp: *mut Timespec) -> std::ffi::c_int;
    }
    const CLOCK_THREAD_CPUTIME_ID: std::ffi::c_int = 3;
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `ts` is a live, properly sized local.
    if unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) } != 0 {
        return None;
    }
    Some(Duration::new(
        ts.sec.max(0) as u64,
        ts.nsec.clamp(0, 999_999_999) as u32,
    ))
}

#[cfg(not(target_os = "linux"))]
fn thread_cpu_time() -> Option<Duration> {
    None
}

const STAGES: [&str; 15] = [
    "read + decode (+ JSON parse)",
    "normalise (width folding)",
    "language detection",
    "sections",
    "sentences",
    "extract: money",
    "extract: percent",
    "extract: date",
    "extract: person",
    "extract: company",
    "overlap resolution",
    "placement + offsets",
    "export: csv (facts, sections)",
    "export: jsonl (facts, articles)",
    "export: records",
];
const READ: usize = 0;
const PLACEMENT: usize = 11;

/// The finders, one per kind, in the order `extract::candidates` runs them (the
/// row order of the table: money, percent, date, person, company).
const EXTRACTORS: [&dyn extract::Finder; 5] = extract::FINDERS;

pub fn main(args: StagesArgs) -> anyhow::Result<()> {
    let max = match &args.max {
        Some(s) => crate::parse_size(s).map_err(anyhow::Error::msg)?,
        None => u64::MAX,
    };
    let cfg = Config::default();
    let (res, _) = resources(&cfg)?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create", args.out.display()))?;
    let mut sink = DirSink::new(&args.out)?;
    let opts = Options::default();
    let mut exports: Vec<Box<dyn Writer>> = [Format::Csv, Format::Jsonl, Format::Records]
        .into_iter()
        .map(|f| f.writer(&opts))
        .collect();
    for w in &mut exports {
        w.begin(&mut sink)?;
    }

    warm_up(&res);
    let started = Instant::now();
    let clock = args.clock;
    let cost = clock.overhead();
    let span = |from: Duration, to: Duration| to.saturating_sub(from).saturating_sub(cost);
    // One slot more than there are stages: time that belongs to none.
    let mut t = [Duration::ZERO; STAGES.len() + 1];
    let mut analyze_total = Duration::ZERO;
    let mut candidates_total = Duration::ZERO;
    let (mut bytes, mut articles, mut facts) = (0u64, 0u64, 0u64);
    let (sources, _) = collect_sources(std::slice::from_ref(&args.path));
    let mut reader = Reader::new(sources);
    loop {
        let t0 = clock.now();
        let item = reader.next();
        t[READ] += span(t0, clock.now());
        let article = match item {
            None => break,
            Some(Item::Article(a)) => a,
            Some(_) => continue,
        };
        articles += 1;
        bytes += article.text.len() as u64;

        // Each stage of `analyze`, timed on its own.
        let mut last = clock.now();
        let mut lap = |t: &mut [Duration], i: usize| {
            let now = clock.now();
            t[i] += span(last, now);
            last = now;
        };
        let norm = Normalized::new(&article.text);
        lap(&mut t, 1);
        let lang = article.lang.unwrap_or_else(|| Lang::detect(&norm.text));
        lap(&mut t, 2);
        let spans = split_sections(&norm.text, article.markdown, article.title.is_some());
        lap(&mut t, 3);
        let sentences = split_sentences(&norm.text);
        lap(&mut t, 4);
        let ref_date = match (article.date, res.ref_date) {
            (Some(d), _) => Some((d, RefSource::ArticleDate)),
            (None, Some(d)) => Some((d, RefSource::RefDate)),
            (None, None) => None,
        };
        let doc = Doc::new(&norm.text, lang, ref_date, &res.gazetteer);
        // All kinds at once, as `analyze` runs them, for comparison with the sum
        // of the per-kind rows. It runs first on every other article, so that
        // neither side always pays for cold caches.
        let candidates_first = articles % 2 == 1;
        if candidates_first {
            let t0 = clock.now();
            black_box(extract::candidates(&doc));
            candidates_total += span(t0, clock.now());
            lap(&mut t, STAGES.len());
        }
        let mut cands = Vec::new();
        for (k, f) in EXTRACTORS.iter().enumerate() {
            f.find(&doc, &mut cands);
            lap(&mut t, 5 + k);
        }
        let kept = extract::resolve_overlaps(cands);
        lap(&mut t, 10);
        black_box((&spans, &sentences, &kept));
        if !candidates_first {
            let t0 = clock.now();
            black_box(extract::candidates(&doc));
            candidates_total += span(t0, clock.now());
        }

        // The real thing, for the remainder and the export.
        let t0 = clock.now();
        let a = analyze(&article, &res);
        analyze_total += span(t0, clock.now());
        facts += a.facts.len() as u64;
        for (k, w) in exports.iter_mut().enumerate() {
            let t0 = clock.now();
            w.write(&a)?;
            t[12 + k] += span(t0, clock.now());
        }
        if bytes >= max {
            break;
        }
    }
    let cpu = crate::run::sys::self_cpu_seconds();
    for (k, w) in exports.iter_mut().enumerate() {
        let t0 = clock.now();
        w.finish()?;
        t[12 + k] += span(t0, clock.now());
    }

    let parts: Duration = t[1..PLACEMENT].iter().sum();
    let rest = analyze_total.as_secs_f64() - parts.as_secs_f64();
    let secs: Vec<f64> = t
        .iter()
        .enumerate()
        .map(|(i, d)| {
            if i == PLACEMENT {
                rest
            } else {
                d.as_secs_f64()
            }
        })
        .collect();
    let total = t[READ].as_secs_f64()
        + analyze_total.as_secs_f64()
        + t[12..STAGES.len()]
            .iter()
            .map(Duration::as_secs_f64)
            .sum::<f64>();
    let mb = bytes as f64 / 1e6;
    println!(
        "{}: {:.1} MB of text, {} articles, {} facts; 1 thread, in-process, {} time",
        args.path.display(),
        mb,
        articles,
        facts,
        match clock {
            Clock::Cpu => "CPU",
            Clock::Wall => "wall",
        }
    );
    println!("| stage | seconds | share | MB/s |");
    println!("| --- | ---: | ---: | ---: |");
    for (name, s) in STAGES.iter().zip(&secs) {
        if *s < 0.0 {
            // A remainder below zero: smaller than the noise of the other rows.
            println!("| {name} | < noise | - | - |");
            continue;
        }
        // Below half a millisecond a rate means nothing.
        let rate = if *s >= 0.0005 {
            format!("{:.0}", mb / s)
        } else {
            "-".into()
        };
        println!(
            "| {name} | {s:.3} | {:.1}% | {rate} |",
            100.0 * s / total.max(1e-9)
        );
    }
    let extractors: f64 = t[5..10].iter().map(Duration::as_secs_f64).sum();
    println!(
        "| extractors, sum of the five rows | {extractors:.3} | {:.1}% | {} |",
        100.0 * extractors / total.max(1e-9),
        if extractors >= 0.0005 {
            format!("{:.0}", mb / extractors)
        } else {
            "-".into()
        }
    );
    let cs = candidates_total.as_secs_f64();
    println!(
        "| extract::candidates (all kinds at once, for comparison) | {cs:.3} | {:.1}% | {} |",
        100.0 * cs / total.max(1e-9),
        if cs >= 0.0005 {
            format!("{:.0}", mb / cs)
        } else {
            "-".into()
        }
    );
    println!(
        "| analyze (whole, for comparison) | {:.3} | {:.1}% | {:.0} |",
        analyze_total.as_secs_f64(),
        100.0 * analyze_total.as_secs_f64() / total.max(1e-9),
        mb / analyze_total.as_secs_f64().max(1e-9)
    );
    println!(
        "| **total** (read + analyze + export) | {total:.3} | 100% | {:.0} |",
        mb / total.max(1e-9)
    );
    if let Some(cpu) = cpu {
        let wall = started.elapsed().as_secs_f64();
        let busy = if matches!(clock, Clock::Wall) && cpu < 0.9 * wall {
            " (the machine was busy: stage times include waiting)"
        } else {
            ""
        };
        println!("process CPU time {cpu:.3} s for {wall:.3} s of wall time{busy}");
    }
    Ok(())
}
