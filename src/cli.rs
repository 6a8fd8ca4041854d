//! Command-line flags (clap) and their validation into the library's
//! `pipeline::Config`. Part of the binary: the library knows nothing of flags.

use clap::{Parser, Subcommand};
use newsfacts::export::Format;
use newsfacts::input::{Fields, ReadOptions};
use newsfacts::pipeline::Config;
use newsfacts::Kind;
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  newsfacts extract                          read input/, write output/
  newsfacts extract news/ -o tables          a folder, walked recursively
  newsfacts extract dump.jsonl --format jsonl --ref-date 2025-06-09
  cat dump.jsonl | newsfacts extract - --stdout | jq 'select(.record == \"fact\")'
  newsfacts extract dump.jsonl --format parquet      typed tables for DuckDB, Spark, pandas
  newsfacts extract dump.ndjson --text-field body --date-field published_at
  newsfacts extract input --kinds money,company -j 2
  newsfacts extract input --excel            CSV for Excel (BOM, CRLF, formula-safe)
  newsfacts extract input --gazetteer mine.tsv

Exit status: 0 every input read; 1 some input skipped (or none readable);
2 usage error (bad flag, unusable --gazetteer, output folder in use);
3 an output file could not be written; 130/143 interrupted (SIGINT/SIGTERM).";

/// The command line.
#[derive(Parser, Debug)]
#[command(name = "newsfacts", version, about = "Facts from Japanese and English news articles: dates, money, percentages, people, companies", after_help = EXAMPLES)]
pub struct Cli {
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract facts from articles and write CSV/JSON tables.
    #[command(after_help = EXAMPLES)]
    Extract(Box<ExtractArgs>),
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

/// `newsfacts extract`.
#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Files (.txt, .md, .jsonl, .ndjson), folders (walked recursively), or - for JSONL on stdin. Default: input/
    pub paths: Vec<PathBuf>,
    /// Output folder (relative to the current folder).
    #[arg(long, short = 'o', default_value = "output")]
    pub out: PathBuf,
    /// Formats to write, comma-separated: csv (facts.csv, sections.csv), jsonl (facts.jsonl, articles.jsonl), json (articles.json, one array), parquet (facts/sections/articles.parquet), xlsx (newsfacts.xlsx), records (records.jsonl: every record tagged).
    #[arg(long, default_value = "csv,jsonl")]
    pub format: String,
    /// Keep only these kinds of facts, comma-separated: date, money, percent, person, company.
    #[arg(long, value_name = "KIND,...")]
    pub kinds: Option<String>,
    /// Reference date (YYYY-MM-DD) for year-less and relative dates, when an article has none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub ref_date: Option<String>,
    /// Write the record stream (articles, sections, facts, problems; one tagged JSON record a line) to stdout instead of files.
    #[arg(long)]
    pub stdout: bool,
    /// CSV for Excel: UTF-8 BOM, CRLF, cells that start like a formula are guarded.
    #[arg(long)]
    pub excel: bool,
    /// Extra people/companies: kind<TAB>canonical<TAB>alias|alias...[<TAB>fiscal-year end month] (repeatable).
    #[arg(long, value_name = "FILE.tsv")]
    pub gazetteer: Vec<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Skip (and report) any article larger than this: a text file, or one JSONL line.
    #[arg(long, value_name = "MB", default_value_t = 1024)]
    pub max_article_mb: u64,
    /// JSONL field holding the article text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
    /// JSONL field holding the title.
    #[arg(long, value_name = "NAME", default_value = "title")]
    pub title_field: String,
    /// JSONL field holding the id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
    /// JSONL field holding the date (YYYY-MM-DD, RFC 3339, YYYY/MM/DD, epoch seconds).
    #[arg(long, value_name = "NAME", default_value = "date")]
    pub date_field: String,
    /// JSONL field holding the language (ja, en).
    #[arg(long, value_name = "NAME", default_value = "lang")]
    pub lang_field: String,
    /// Parquet: facts in one file per kind (facts-money.parquet, ...; no kind column), the parts of a dataset partitioned by kind.
    #[arg(long)]
    pub facts_by_kind: bool,
    /// Read only the lines that start within this byte range of each JSONL file (START:END, END excluded); line numbers and default ids stay those of the whole file. For cutting a dump into parts that separate runs process.
    #[arg(long, value_name = "START:END")]
    pub byte_range: Option<String>,
    /// No progress bar and no summary line (problems are still reported).
    #[arg(long, short)]
    pub quiet: bool,
}

impl ExtractArgs {
    /// Validate the flags. Err is a usage error (exit status 2).
    pub fn into_config(self) -> Result<Config, String> {
        let names = || {
            Format::ALL
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut formats = Vec::new();
        for f in self
            .format
            .split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty())
        {
            match Format::parse(f) {
                Some(f) => formats.push(f),
                None => {
                    return Err(format!(
                        "--format: unknown format {f:?} (expected {})",
                        names()
                    ))
                }
            }
        }
        if formats.is_empty() {
            return Err(format!("--format: name at least one of {}", names()));
        }
        let kinds = match self.kinds {
            None => None,
            Some(list) => {
                let mut kinds = Vec::new();
                for k in list.split(',').map(str::trim).filter(|k| !k.is_empty()) {
                    match Kind::parse(k) {
                        Some(k) => kinds.push(k),
                        None => {
                            return Err(format!(
                            "--kinds: unknown kind {k:?} (expected date, money, percent, person, company)"
                        ))
                        }
                    }
                }
                if kinds.is_empty() {
                    return Err("--kinds: name at least one kind".into());
                }
                Some(kinds)
            }
        };
        let ref_date = match self.ref_date {
            None => None,
            Some(s) => Some(
                chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
                    format!("--ref-date: {s:?} is not a date (expected YYYY-MM-DD)")
                })?,
            ),
        };
        if self.jobs == Some(0) {
            return Err("--jobs: give at least 1".into());
        }
        if self.max_article_mb == 0 {
            return Err("--max-article-mb: give at least 1".into());
        }
        let fields = Fields {
            id: self.id_field,
            text: self.text_field,
            title: self.title_field,
            date: self.date_field,
            lang: self.lang_field,
        };
        for (flag, name) in [
            ("--id-field", &fields.id),
            ("--text-field", &fields.text),
            ("--title-field", &fields.title),
            ("--date-field", &fields.date),
            ("--lang-field", &fields.lang),
        ] {
            if name.is_empty() {
                return Err(format!("{flag}: give a field name"));
            }
        }
        let inputs = if self.paths.is_empty() {
            vec![PathBuf::from("input")]
        } else {
            self.paths
        };
        if self.facts_by_kind && !formats.contains(&Format::Parquet) {
            return Err("--facts-by-kind: only with --format parquet".into());
        }
        let range = match &self.byte_range {
            None => None,
            Some(r) => Some(byte_range(r, &inputs)?),
        };
        Ok(Config {
            inputs,
            out: self.out,
            formats,
            ref_date,
            stdout: self.stdout,
            excel: self.excel,
            facts_by_kind: self.facts_by_kind,
            gazetteers: self.gazetteer,
            kinds,
            read: ReadOptions {
                fields,
                max_article_bytes: self.max_article_mb.saturating_mul(1 << 20),
                range,
            },
            ..Config::default()
        })
    }
}

/// `--byte-range START:END`, checked against the inputs: every input must be a
/// JSONL file (a range of a text file or of a folder means nothing).
fn byte_range(r: &str, inputs: &[PathBuf]) -> Result<(u64, u64), String> {
    let bad = || format!("--byte-range: {r:?} is not START:END (byte offsets, START <= END)");
    let (a, b) = r.split_once(':').ok_or_else(bad)?;
    let (a, b) = (
        a.trim().parse::<u64>().map_err(|_| bad())?,
        b.trim().parse::<u64>().map_err(|_| bad())?,
    );
    if a > b {
        return Err(bad());
    }
    for p in inputs {
        let jsonl = p.is_file()
            && p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson")
            });
        if !jsonl {
            return Err(format!(
                "--byte-range: {} is not a JSONL file (a range cuts JSONL files at line starts)",
                newsfacts::input::path_text(p)
            ));
        }
    }
    Ok((a, b))
}
