//! `bench run`: the whole pipeline, as users run it. For each thread count the
//! real `newsfacts extract` binary runs as a child process with
//! `RAYON_NUM_THREADS` set; wall time and the child's own peak RSS and CPU time
//! come from `wait4`, the article/fact/byte counts from its `summary.json`.
//! Output files are then compared byte for byte across thread counts.
//!
//! With `--baseline OTHER`, a second newsfacts binary (the previous build, say)
//! runs on the same dump with the same thread counts, each of its runs right
//! before the corresponding run of the binary under test so that both see the
//! same load. Both are reported, with their ratio, and their outputs are
//! compared: every output file byte for byte, `summary.json` apart from the
//! figures that belong to one run (elapsed seconds, MB/s, threads).

use anyhow::{bail, Context as _};
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// Dumps: folders from `bench gen`, .jsonl or .txt files. With several, a
    /// summary row per dump follows their tables.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Thread counts, comma-separated; the first is the baseline of the speedup.
    /// Default: 1 and every core (`1,2` on two cores).
    #[arg(long)]
    threads: Option<String>,
    /// Where each run writes its output (one subfolder per thread count).
    #[arg(long, default_value = "/tmp/nf-bench/out")]
    out: PathBuf,
    /// Formats passed to `newsfacts extract --format`.
    #[arg(long, default_value = "csv,jsonl")]
    format: String,
    /// Run each thread count this many times and keep the fastest (the machine
    /// may be shared; the fastest run is the least disturbed).
    #[arg(long, default_value_t = 1)]
    repeat: usize,
    /// The newsfacts binary (default: the one next to this program).
    #[arg(long)]
    bin: Option<PathBuf>,
    /// Another newsfacts binary to run on the same dumps in the same session
    /// (the previous build): both are timed, the ratio given, and their outputs
    /// compared.
    #[arg(long, value_name = "OTHER_BINARY")]
    baseline: Option<PathBuf>,
}

/// One measured run.
struct Measure {
    threads: usize,
    wall: f64,
    cpu: f64,
    peak_rss_kb: u64,
    articles: u64,
    facts: u64,
    bytes: u64,
    out: PathBuf,
    /// CPU time the rest of the machine used meanwhile, in cores (None off Linux).
    others: Option<f64>,
}

pub fn main(args: RunArgs) -> anyhow::Result<()> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let default = if cores > 1 {
        format!("1,{cores}")
    } else {
        "1".into()
    };
    let threads: Vec<usize> = args
        .threads
        .as_deref()
        .unwrap_or(&default)
        .split(',')
        .map(|t| t.trim().parse::<usize>())
        .collect::<Result<_, _>>()
        .ok()
        .filter(|v: &Vec<usize>| !v.is_empty() && v.iter().all(|&t| t > 0))
        .context("--threads: expected positive numbers, e.g. 1,2")?;
    let bin = match args.bin {
        Some(b) => b,
        None => crate::exe_dir()
            .map(|d| d.join(format!("newsfacts{}", std::env::consts::EXE_SUFFIX)))
            .context("cannot locate this program's folder")?,
    };
    if !bin.is_file() {
        bail!(
            "{}: not found (build it first: cargo build --release)",
            bin.display()
        );
    }
    if let Some(b) = &args.baseline {
        if !b.is_file() {
            bail!("--baseline {}: not found", b.display());
        }
    }
    for p in &args.paths {
        if !p.exists() {
            bail!("{}: no such file or directory", p.display());
        }
    }
    if let Ok(l) = std::fs::read_to_string("/proc/loadavg") {
        let l: Vec<&str> = l.split_whitespace().take(3).collect();
        println!(
            "{} cores; load average {} (a loaded machine slows wall times; MB per CPU-s is steadier)",
            std::thread::available_parallelism().map_or(0, |n| n.get()),
            l.join(" ")
        );
    }
    let mut rows = Vec::new();
    for path in &args.paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "input".into());
        let mut results: Vec<Measure> = Vec::new();
        let mut base_results: Vec<Measure> = Vec::new();
        for &t in &threads {
            let out = args.out.join(&name).join(format!("t{t}"));
            let mut best: Option<Measure> = None;
            let mut base_best: Option<Measure> = None;
            for _ in 0..args.repeat.max(1) {
                if let Some(other) = &args.baseline {
                    let base_out = args.out.join(&name).join(format!("baseline-t{t}"));
                    let m = run_once(other, path, &base_out, &args.format, t)?;
                    eprintln!(
                        "  {name}, threads {t}, baseline: {:.2} s wall, {:.2} s CPU, peak RSS {:.1} MB",
                        m.wall,
                        m.cpu,
                        m.peak_rss_kb as f64 / 1024.0
                    );
                    if base_best.as_ref().is_none_or(|b| m.wall < b.wall) {
                        base_best = Some(m);
                    }
                }
                let m = run_once(&bin, path, &out, &args.format, t)?;
                eprintln!(
                    "  {name}, threads {t}: {:.2} s wall, {:.2} s CPU, peak RSS {:.1} MB",
                    m.wall,
                    m.cpu,
                    m.peak_rss_kb as f64 / 1024.0
                );
                if best.as_ref().is_none_or(|b| m.wall < b.wall) {
                    best = Some(m);
                }
            }
            if let Some(b) = best {
                results.push(b);
            }
            if let Some(b) = base_best {
                base_results.push(b);
            }
        }
        println!();
        print_table(path, &results);
        if let Some(other) = &args.baseline {
            println!();
            println!("baseline {}:", other.display());
            print_table(path, &base_results);
            println!();
            print_comparison(&base_results, &results)?;
        }
        let identical = compare_outputs(&results)?;
        let shown = match identical {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "n/a (one thread count)",
        };
        println!("identical outputs across thread counts: {shown}");
        rows.push((name, results, shown));
    }
    if rows.len() > 1 {
        println!();
        println!("| dump | MB of text | MB/s, {} thread(s) | MB per CPU-s | best speedup | peak RSS MB | identical |", threads[0]);
        println!("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        for (name, rs, shown) in &rows {
            let Some(base) = rs.first() else { continue };
            let mb = base.bytes as f64 / 1e6;
            let speedup = rs
                .iter()
                .map(|m| base.wall / m.wall.max(1e-9))
                .fold(0.0, f64::max);
            let rss = rs.iter().map(|m| m.peak_rss_kb).max().unwrap_or(0);
            println!(
                "| {name} | {mb:.1} | {:.1} | {:.1} | {speedup:.2}× | {:.1} | {shown} |",
                mb / base.wall.max(1e-9),
                mb / base.cpu.max(1e-9),
                rss as f64 / 1024.0
            );
        }
    }
    Ok(())
}

fn run_once(
    bin: &Path,
    input: &Path,
    out: &Path,
    format: &str,
    threads: usize,
) -> anyhow::Result<Measure> {
    std::fs::create_dir_all(out).with_context(|| format!("{}: cannot create", out.display()))?;
    // Warnings (a 50 MB one-line article is reported) go to a file, not the table.
    let log = File::create(out.join("stderr.log"))?;
    let busy_before = machine_busy_seconds();
    let started = Instant::now();
    let child = Command::new(bin)
        .arg("extract")
        .arg(input)
        .arg("--out")
        .arg(out)
        .arg("--format")
        .arg(format)
        .arg("--quiet")
        .env("RAYON_NUM_THREADS", threads.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(log))
        .spawn()
        .with_context(|| format!("{}: cannot start", bin.display()))?;
    let usage = wait_child(child)?;
    let wall = started.elapsed().as_secs_f64();
    let others = match (busy_before, machine_busy_seconds()) {
        (Some(a), Some(b)) => Some(((b - a - usage.cpu_seconds) / wall.max(1e-9)).max(0.0)),
        _ => None,
    };
    // Exit 1 means some input was skipped; the numbers still stand.
    if usage.status > 1 {
        bail!(
            "newsfacts exited with status {} (see {})",
            usage.status,
            out.join("stderr.log").display()
        );
    }
    let summary: serde_json::Value = serde_json::from_reader(BufReader::new(
        File::open(out.join("summary.json")).context("reading summary.json")?,
    ))?;
    let field = |k: &str| summary.get(k).and_then(|v| v.as_u64()).unwrap_or(0);
    let ran_with = field("threads") as usize;
    if ran_with != threads {
        bail!("asked for {threads} threads, newsfacts ran with {ran_with}");
    }
    Ok(Measure {
        threads,
        wall,
        cpu: usage.cpu_seconds,
        peak_rss_kb: usage.max_rss_kb,
        articles: field("articles_read"),
        facts: field("facts"),
        bytes: field("bytes"),
        out: out.to_path_buf(),
        others,
    })
}

/// CPU seconds all cores of the machine have spent busy since boot (/proc/stat:
/// user, nice, system, irq, softirq, steal; counted in 1/100 s).
fn machine_busy_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let line = stat.lines().next()?.strip_prefix("cpu ")?;
    let f: Vec<f64> = line
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    let busy = [0, 1, 2, 5, 6, 7]
        .iter()
        .map(|&i| f.get(i).copied().unwrap_or(0.0))
        .sum::<f64>();
    Some(busy / 100.0)
}

fn print_table(input: &Path, rs: &[Measure]) {
    let Some(base) = rs.first() else { return };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{}: {:.1} MB of text, {} articles, {} facts",
        input.display(),
        base.bytes as f64 / 1e6,
        base.articles,
        base.facts
    );
    println!(
        "| threads | wall s | MB/s | MB/s per thread | MB per CPU-s | articles/s | facts/s | peak RSS MB | speedup | others' CPU |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for m in rs {
        let mb = m.bytes as f64 / 1e6;
        let wall = m.wall.max(1e-9);
        println!(
            "| {} | {:.2} | {:.1} | {:.1} | {:.1} | {} | {} | {:.1} | {:.2}× | {} |",
            m.threads,
            m.wall,
            mb / wall,
            mb / wall / m.threads as f64,
            mb / m.cpu.max(1e-9),
            rate(m.articles as f64 / wall),
            rate(m.facts as f64 / wall),
            m.peak_rss_kb as f64 / 1024.0,
            base.wall / wall,
            m.others.map_or("-".into(), |o| format!("{o:.2} cores"))
        );
    }
    let crowded = rs.iter().any(|m| {
        m.others
            .is_some_and(|o| o + m.threads as f64 > cores as f64 + 0.25)
    });
    if crowded {
        println!(
            "note: other processes used CPU during these runs and the {cores} cores were oversubscribed; wall times, MB/s and speedup are pessimistic"
        );
    }
}

/// The binary under test against the baseline, thread count by thread count:
/// both rates, their ratio (above 1: the binary under test is faster), and
/// whether the two wrote the same outputs.
fn print_comparison(base: &[Measure], new: &[Measure]) -> anyhow::Result<()> {
    println!(
        "| threads | baseline MB/s | MB/s | ratio | baseline MB per CPU-s | MB per CPU-s | CPU ratio | baseline peak RSS MB | peak RSS MB | identical outputs |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (b, n) in base.iter().zip(new) {
        let (mb_b, mb_n) = (b.bytes as f64 / 1e6, n.bytes as f64 / 1e6);
        let differ = differing_outputs(&b.out, &n.out)?;
        let shown = if differ.is_empty() {
            "yes".to_string()
        } else {
            format!("NO ({})", differ.join(", "))
        };
        println!(
            "| {} | {:.1} | {:.1} | {:.2}× | {:.1} | {:.1} | {:.2}× | {:.1} | {:.1} | {shown} |",
            n.threads,
            mb_b / b.wall.max(1e-9),
            mb_n / n.wall.max(1e-9),
            b.wall / n.wall.max(1e-9),
            mb_b / b.cpu.max(1e-9),
            mb_n / n.cpu.max(1e-9),
            b.cpu / n.cpu.max(1e-9),
            b.peak_rss_kb as f64 / 1024.0,
            n.peak_rss_kb as f64 / 1024.0,
        );
    }
    Ok(())
}

/// `summary.json` fields that belong to one run, not to what was extracted.
const RUN_SPECIFIC: &[&str] = &["elapsed_seconds", "mb_per_s", "threads"];

/// The output files of two runs that differ: every file either wrote, byte for
/// byte, except `summary.json`, compared as JSON without [`RUN_SPECIFIC`] fields.
fn differing_outputs(a: &Path, b: &Path) -> anyhow::Result<Vec<String>> {
    let mut names = std::collections::BTreeSet::new();
    for dir in [a, b] {
        for e in
            std::fs::read_dir(dir).with_context(|| format!("{}: cannot read", dir.display()))?
        {
            let e = e?;
            if e.file_type()?.is_file() && e.file_name() != "stderr.log" {
                names.insert(e.file_name().to_string_lossy().into_owned());
            }
        }
    }
    let mut differ = Vec::new();
    for name in names {
        let (fa, fb) = (a.join(&name), b.join(&name));
        let same = if !fa.is_file() || !fb.is_file() {
            false
        } else if name == "summary.json" {
            same_summary(&fa, &fb)?
        } else {
            same_bytes(&fa, &fb)?
        };
        if !same {
            differ.push(name);
        }
    }
    Ok(differ)
}

fn same_summary(a: &Path, b: &Path) -> anyhow::Result<bool> {
    let read = |p: &Path| -> anyhow::Result<serde_json::Value> {
        let mut v: serde_json::Value = serde_json::from_reader(BufReader::new(
            File::open(p).with_context(|| format!("{}: cannot open", p.display()))?,
        ))
        .with_context(|| format!("{}: not JSON", p.display()))?;
        if let Some(o) = v.as_object_mut() {
            for k in RUN_SPECIFIC {
                o.remove(*k);
            }
        }
        Ok(v)
    };
    Ok(read(a)? == read(b)?)
}

/// A per-second rate: whole numbers, but keep a decimal for small ones.
fn rate(x: f64) -> String {
    if x < 10.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.0}")
    }
}

/// Whether every run wrote the same bytes (None with a single run).
fn compare_outputs(rs: &[Measure]) -> anyhow::Result<Option<bool>> {
    let Some((base, rest)) = rs.split_first() else {
        return Ok(None);
    };
    if rest.is_empty() {
        return Ok(None);
    }
    let mut same = true;
    for name in ["facts.jsonl", "facts.csv", "sections.csv", "articles.json"] {
        let a = base.out.join(name);
        if !a.exists() {
            continue;
        }
        for m in rest {
            let b = m.out.join(name);
            if !same_bytes(&a, &b)? {
                println!(
                    "  {name}: threads {} and {} differ",
                    base.threads, m.threads
                );
                same = false;
            }
        }
    }
    Ok(Some(same))
}

fn same_bytes(a: &Path, b: &Path) -> anyhow::Result<bool> {
    let open = |p: &Path| File::open(p).with_context(|| format!("{}: cannot open", p.display()));
    let (fa, fb) = (open(a)?, open(b)?);
    if fa.metadata()?.len() != fb.metadata()?.len() {
        return Ok(false);
    }
    let (mut ra, mut rb) = (BufReader::new(fa), BufReader::new(fb));
    let (mut ba, mut bb) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = read_full(&mut ra, &mut ba)?;
        let m = read_full(&mut rb, &mut bb)?;
        if n != m || ba[..n] != bb[..m] {
            return Ok(false);
        }
        if n == 0 {
            return Ok(true);
        }
    }
}

fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// What the kernel says about a finished child.
struct Usage {
    status: i32,
    cpu_seconds: f64,
    max_rss_kb: u64,
}

#[cfg(target_os = "linux")]
pub mod sys {
    //! `wait4(2)` from the C library std already links: it reaps one child and
    //! returns that child's own resource usage (its peak RSS, not the maximum over
    //! every child this process has had, which `getrusage(RUSAGE_CHILDREN)` gives).

    #[repr(C)]
    #[derive(Default)]
    pub struct Timeval {
        pub sec: std::ffi::c_long,
        pub usec: std::ffi::c_long,
    }

    /// `struct rusage`: two timevals then fourteen longs, `ru_maxrss` (KiB) first.
    #[repr(C)]
    #[derive(Default)]
    pub struct Rusage {
        pub utime: Timeval,
        pub stime: Timeval,
        pub maxrss: std::ffi::c_long,
        pub rest: [std::ffi::c_long; 13],
    }

    extern "C" {
        pub fn wait4(
            pid: i32,
            status: *mut std::ffi::c_int,
            options: std::ffi::c_int,
            rusage: *mut Rusage,
        ) -> i32;
        pub fn getrusage(who: std::ffi::c_int, rusage: *mut Rusage) -> std::ffi::c_int;
    }

    /// User + system CPU seconds of this process so far.
    pub fn self_cpu_seconds() -> Option<f64> {
        let mut ru = Rusage::default();
        // SAFETY: `ru` is a live, properly sized local; 0 is RUSAGE_SELF.
        if unsafe { getrusage(0, &mut ru) } != 0 {
            return None;
        }
        let tv = |t: &Timeval| t.sec as f64 + t.usec as f64 / 1e6;
        Some(tv(&ru.utime) + tv(&ru.stime))
    }
}

#[cfg(target_os = "linux")]
fn wait_child(child: std::process::Child) -> anyhow::Result<Usage> {
    let pid = child.id() as i32;
    let mut status: std::ffi::c_int = 0;
    let mut ru = sys::Rusage::default();
    loop {
        // SAFETY: both pointers are to live, properly sized locals; `pid` is our
        // own unreaped child (std never waits on it: we do not call `wait`).
        let r = unsafe { sys::wait4(pid, &mut status, 0, &mut ru) };
        if r == pid {
            break;
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e).context("wait4");
        }
    }
    drop(child);
    // WIFEXITED / WEXITSTATUS, else report the signal as a failure.
    let code = if status & 0x7f == 0 {
        (status >> 8) & 0xff
    } else {
        128 + (status & 0x7f)
    };
    let tv = |t: &sys::Timeval| t.sec as f64 + t.usec as f64 / 1e6;
    Ok(Usage {
        status: code,
        cpu_seconds: tv(&ru.utime) + tv(&ru.stime),
        max_rss_kb: ru.maxrss.max(0) as u64,
    })
}

#[cfg(not(target_os = "linux"))]
pub mod sys {
    pub fn self_cpu_seconds() -> Option<f64> {
        None
    }
}

#[cfg(not(target_os = "linux"))]
fn wait_child(mut child: std::process::Child) -> anyhow::Result<Usage> {
    // Elsewhere: no per-child peak RSS or CPU time (reported as 0).
    let st = child.wait()?;
    Ok(Usage {
        status: st.code().unwrap_or(128),
        cpu_seconds: 0.0,
        max_rss_kb: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_files_byte_for_byte() {
        let dir = std::env::temp_dir().join(format!("nf-bench-cmp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let big: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let mut other = big.clone();
        other[150_000] ^= 1;
        let (a, b, c) = (dir.join("a"), dir.join("b"), dir.join("c"));
        std::fs::write(&a, &big).unwrap();
        std::fs::write(&b, &big).unwrap();
        std::fs::write(&c, &other).unwrap();
        assert!(same_bytes(&a, &b).unwrap());
        assert!(!same_bytes(&a, &c).unwrap());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn outputs_compare_apart_from_run_specific_summary_fields() {
        let root = std::env::temp_dir().join(format!("nf-bench-diff-{}", std::process::id()));
        let (a, b) = (root.join("a"), root.join("b"));
        for (dir, secs, threads) in [(&a, 1.5, 1), (&b, 9.25, 2)] {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join("facts.csv"), "id,kind\na1,date\n").unwrap();
            std::fs::write(dir.join("stderr.log"), format!("{secs}")).unwrap();
            std::fs::write(
                dir.join("summary.json"),
                format!(
                    r#"{{"facts": 1, "elapsed_seconds": {secs}, "mb_per_s": {}, "threads": {threads}}}"#,
                    secs * 2.0
                ),
            )
            .unwrap();
        }
        assert!(differing_outputs(&a, &b).unwrap().is_empty());
        std::fs::write(b.join("facts.csv"), "id,kind\na1,money\n").unwrap();
        std::fs::write(
            b.join("summary.json"),
            r#"{"facts": 2, "elapsed_seconds": 1.5, "mb_per_s": 3.0, "threads": 1}"#,
        )
        .unwrap();
        std::fs::write(b.join("facts.jsonl"), "").unwrap();
        assert_eq!(
            differing_outputs(&a, &b).unwrap(),
            vec!["facts.csv", "facts.jsonl", "summary.json"]
        );
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn child_usage_is_reported() {
        let child = Command::new("sh").args(["-c", "exit 3"]).spawn().unwrap();
        let u = wait_child(child).unwrap();
        assert_eq!(u.status, 3);
        assert!(u.max_rss_kb > 0);
    }
}
