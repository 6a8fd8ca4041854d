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
    let args = match cli.command {
        Command::Extract(args) => args,
        Command::Eval(args) => return eval(args),
    };
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

/// `newsfacts eval`: 0 when every floor holds, 1 when one does not, 2 when the
/// gold cannot be read or a floor is malformed.
fn eval(args: newsfacts::cli::EvalArgs) -> ExitCode {
    use newsfacts::eval;
    let mut gold = eval::Gold::default();
    for p in &args.gold {
        let parsed = std::fs::read_to_string(p)
            .map_err(|e| e.to_string())
            .and_then(|t| eval::Gold::parse(&t).map_err(|e| e.to_string()));
        match parsed {
            Ok(g) => gold.extend(g),
            Err(e) => {
                eprintln!("error: {}: {e}", p.display());
                return ExitCode::from(2);
            }
        }
    }
    let mut floors = Vec::new();
    for m in &args.min {
        match m.split_once('=').map(|(k, v)| (k, v.parse::<f64>())) {
            Some((k, Ok(v))) => floors.push((k.to_string(), v)),
            _ => {
                eprintln!("error: --min: {m:?} is not NAME=NUMBER");
                return ExitCode::from(2);
            }
        }
    }
    let paths = if args.paths.is_empty() {
        vec![std::path::PathBuf::from("input")]
    } else {
        args.paths
    };
    let (analyses, problems) = eval::analyse(&paths);
    for p in &problems {
        eprintln!("{p}");
    }
    let report = eval::score(&gold, &analyses);
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(j) => println!("{j}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        print!("{}", eval::render(&report, args.verbose));
    }
    let mut short = false;
    for (name, floor) in &floors {
        match eval::check_floor(&report, name, *floor) {
            Ok(_) => {}
            Err(msg) => {
                eprintln!("SHORT: {msg}");
                short = true;
            }
        }
    }
    if short {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
