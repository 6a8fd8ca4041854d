//! Command-line flags (clap) and their validation into a `Config`.

use crate::pipeline::{Config, Formats};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  newsfacts extract                          read input/, write output/
  newsfacts extract news/ --out tables       a folder, walked recursively
  newsfacts extract dump.jsonl --format jsonl --ref-date 2025-06-09
  cat dump.jsonl | newsfacts extract - --stdout | jq .
  newsfacts extract input --excel            CSV for Excel (BOM, CRLF, formula-safe)
  newsfacts extract input --gazetteer mine.tsv";

#[derive(Parser, Debug)]
#[command(name = "newsfacts", version, about = "Facts from Japanese and English news articles: dates, money, percentages, people, companies", after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract facts from articles and write CSV/JSON tables.
    #[command(after_help = EXAMPLES)]
    Extract(ExtractArgs),
    /// Score the extraction (facts, links, events) against a gold file.
    Eval(EvalArgs),
}

/// `newsfacts eval --gold GOLD.jsonl [PATH]...`
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Gold annotations (JSON Lines, docs/SPEC.md "Gold files"); repeatable, merged.
    #[arg(long, required = true, value_name = "GOLD.jsonl")]
    pub gold: Vec<PathBuf>,
    /// Articles to analyse (files, folders, .jsonl). Default: input/
    pub paths: Vec<PathBuf>,
    /// Exit 1 when a score is under a floor: KIND=F1 (money=0.9), KIND.LANG=F1,
    /// events=F1, subject_precision=P, subject_coverage=R, metric=ACC, period=ACC (repeatable).
    #[arg(long, value_name = "NAME=VALUE")]
    pub min: Vec<String>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// List every miss, false positive, wrong value, link and event.
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Files (.txt, .md, .jsonl), folders (walked recursively), or - for JSONL on stdin. Default: input/
    pub paths: Vec<PathBuf>,
    /// Output folder.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// Files to write, comma-separated: csv (facts.csv, sections.csv), jsonl (facts.jsonl), json (articles.json).
    #[arg(long, default_value = "csv,jsonl,json")]
    pub format: String,
    /// Reference date (YYYY-MM-DD) for year-less and relative dates, when an article has none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub ref_date: Option<String>,
    /// Write facts as JSONL to stdout instead of files.
    #[arg(long)]
    pub stdout: bool,
    /// CSV for Excel: UTF-8 BOM, CRLF, cells that start like a formula are guarded.
    #[arg(long)]
    pub excel: bool,
    /// Extra people/companies: kind<TAB>canonical<TAB>alias|alias... (repeatable).
    #[arg(long, value_name = "FILE.tsv")]
    pub gazetteer: Vec<PathBuf>,
    /// Hide the progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

impl ExtractArgs {
    /// Validate the flags. Err is a usage error (exit status 2).
    pub fn into_config(self) -> Result<Config, String> {
        let mut formats = Formats {
            csv: false,
            jsonl: false,
            json: false,
        };
        for f in self
            .format
            .split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty())
        {
            match f {
                "csv" => formats.csv = true,
                "jsonl" => formats.jsonl = true,
                "json" => formats.json = true,
                other => {
                    return Err(format!(
                        "--format: unknown format {other:?} (expected csv, jsonl, json)"
                    ))
                }
            }
        }
        if !(formats.csv || formats.jsonl || formats.json) {
            return Err("--format: name at least one of csv, jsonl, json".into());
        }
        let ref_date = match self.ref_date {
            None => None,
            Some(s) => Some(
                chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
                    format!("--ref-date: {s:?} is not a date (expected YYYY-MM-DD)")
                })?,
            ),
        };
        for g in &self.gazetteer {
            if !g.is_file() {
                return Err(format!("--gazetteer: {}: no such file", g.display()));
            }
        }
        let inputs = if self.paths.is_empty() {
            vec![PathBuf::from("input")]
        } else {
            self.paths
        };
        Ok(Config {
            inputs,
            out: self.out,
            formats,
            ref_date,
            stdout: self.stdout,
            excel: self.excel,
            gazetteers: self.gazetteer,
            quiet: self.quiet,
            ..Config::default()
        })
    }
}
