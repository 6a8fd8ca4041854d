//! The `newsfacts` binary: parse flags, run the library's pipeline, pick the exit
//! status (0 all read, 1 some input skipped, 2 usage error).

use clap::Parser;
use newsfacts::cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let Command::Extract(args) = cli.command;
    let config = match args.into_config() {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("error: {msg}");
            return ExitCode::from(2);
        }
    };
    match newsfacts::pipeline::run(&config) {
        Ok(report) if report.had_skips() => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}
