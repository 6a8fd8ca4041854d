//! `bench`: the throughput and memory benchmark of newsfacts.
//!
//! - `bench gen` writes a deterministic mixed Japanese/English dump (JSONL shards
//!   and `.txt` folders) built from the sample articles under `input/`, or one
//!   long article without line breaks (`--single-line`).
//! - `bench run` runs the real `newsfacts` binary over a dump with 1 and N threads
//!   and reports MB/s, articles/s, facts/s, peak RSS, speedup, and whether the
//!   outputs are byte-identical across thread counts; with `--baseline OTHER`
//!   it also times another newsfacts binary (the previous build) on the same
//!   dump in the same session, gives the ratio, and compares the two outputs.
//! - `bench stages` times each stage of the pipeline in-process, one thread.
//!
//! Nothing here asserts timings; the numbers are for reading.

mod gen;
mod rng;
mod run;
mod stages;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "bench",
    about = "Benchmark newsfacts: generate dumps, time the pipeline, split it by stage",
    after_help = "Examples:
  bench gen --size 100M --out /tmp/nf-bench/100M
  bench gen --single-line --size 50M --out /tmp/nf-bench/single-50M
  bench run /tmp/nf-bench/100M --threads 1,2
  bench run /tmp/nf-bench/100M --threads 1,2 --baseline /tmp/newsfacts-previous
  bench stages /tmp/nf-bench/10M"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Write a deterministic mixed Japanese/English dump.
    Gen(gen::GenArgs),
    /// Run the newsfacts binary over a dump with each thread count.
    Run(run::RunArgs),
    /// Time each pipeline stage in-process (one thread).
    Stages(stages::StagesArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Gen(a) => gen::main(a),
        Command::Run(a) => run::main(a),
        Command::Stages(a) => stages::main(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Parse a size such as `10M`, `1G`, `500K` or `12345` (decimal units: 1M = 10^6
/// bytes, the unit MB/s is counted in).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        None => (t, 1u64),
        Some((i, _)) => {
            let unit = t[i..].to_ascii_uppercase();
            let m = match unit.trim_end_matches('B') {
                "" => 1,
                "K" => 1_000,
                "M" => 1_000_000,
                "G" => 1_000_000_000,
                _ => return Err(format!("{s:?}: unknown size unit (use K, M or G)")),
            };
            (&t[..i], m)
        }
    };
    let n: f64 = num
        .trim()
        .parse()
        .map_err(|_| format!("{s:?}: not a size (e.g. 10M, 1G)"))?;
    if !(n.is_finite() && n > 0.0) {
        return Err(format!("{s:?}: the size must be positive"));
    }
    Ok((n * mult as f64) as u64)
}

/// The folder holding the binaries of this build (`target/release`).
pub fn exe_dir() -> Option<PathBuf> {
    std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.to_path_buf()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_in_decimal_units() {
        assert_eq!(parse_size("10M"), Ok(10_000_000));
        assert_eq!(parse_size("1G"), Ok(1_000_000_000));
        assert_eq!(parse_size("1.5mb"), Ok(1_500_000));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert!(parse_size("10X").is_err());
        assert!(parse_size("-1M").is_err());
    }
}
