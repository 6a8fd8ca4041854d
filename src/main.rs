//! The `newsfacts` binary: parse flags, set up threads and signal handling,
//! run the library's pipeline with a terminal observer (messages, progress
//! bar, the closing summary line), and pick the exit status:
//! 0 every input read, 1 some input skipped or none readable, 2 usage error,
//! 3 an output could not be written, 128 + signal when interrupted.

mod cli;
mod ui;

use clap::Parser;
use cli::{Cli, Command};
use newsfacts::pipeline::{self, Outputs};
use newsfacts::Error;
use std::process::ExitCode;
use std::time::Duration;

/// Exit status of a usage error.
const USAGE: u8 = 2;
/// Exit status of a fatal write error.
const WRITE_FAILED: u8 = 3;

/// How long an interrupted run may take to remove its temporaries itself
/// before the signal thread does it and exits.
const GRACE: Duration = Duration::from_secs(3);

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { USAGE } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let args = match cli.command {
        Command::Extract(args) => *args,
        Command::Eval(args) => return eval(args),
    };
    let quiet = args.quiet;
    let jobs = args.jobs;
    let mut config = match args.into_config() {
        Ok(c) => c,
        Err(msg) => {
            ui::error(&msg);
            return ExitCode::from(USAGE);
        }
    };
    if let Some(n) = jobs {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            ui::error(&format!("--jobs: {e}"));
            return ExitCode::from(USAGE);
        }
    }
    watch_signals(&config.cancel);
    release_freed_memory();
    let mut observer = ui::Terminal::new(quiet);
    config.measure_total = observer.shows_progress();
    let result = pipeline::run(&config, &mut observer);
    observer.finish();
    match result {
        Ok(report) => {
            if !quiet {
                observer.summary_line(&report, &config);
            }
            if report.outputs == Outputs::Untouched {
                ui::error(&format!(
                    "no article could be read; {} left as it was",
                    newsfacts::input::path_text(&config.out)
                ));
            }
            if report.had_skips() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        // `--stdout | head`: the reader has all it wanted.
        Err(Error::StdoutClosed) => ExitCode::SUCCESS,
        Err(e) => {
            let code = match &e {
                Error::Usage(_) | Error::Gazetteer { .. } | Error::Locked { .. } => USAGE,
                Error::Write { .. } => WRITE_FAILED,
                Error::Interrupted { signal } => 128u8.saturating_add(*signal as u8),
                Error::StdoutClosed => 0,
            };
            match &e {
                Error::Interrupted { .. } if config.stdout => ui::error("interrupted"),
                Error::Interrupted { .. } => ui::error(&format!(
                    "interrupted; temporary files removed, {} left as it was",
                    newsfacts::input::path_text(&config.out)
                )),
                Error::Write { .. } => ui::error(&format!(
                    "{e}; the run stopped and {} was left as it was",
                    newsfacts::input::path_text(&config.out)
                )),
                _ => ui::error(&e.to_string()),
            }
            ExitCode::from(code)
        }
    }
}

/// `newsfacts eval`: 0 when every floor holds, 1 when one does not, 2 when the
/// gold cannot be read or a floor is malformed.
fn eval(args: cli::EvalArgs) -> ExitCode {
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

/// On SIGINT or SIGTERM, ask the run to stop; if it has not stopped after
/// [`GRACE`] (a long article, a blocked read), remove its temporaries from
/// here and exit.
fn watch_signals(cancel: &pipeline::Cancel) {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    let cancel = cancel.clone();
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            cancel.trigger(signal);
            std::thread::sleep(GRACE);
            cancel.remove_temporaries();
            ui::error("interrupted; temporary files removed, previous outputs left as they were");
            std::process::exit(128 + signal);
        }
    });
}

/// How often the allocator is asked to give freed memory back.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_EVERY: Duration = Duration::from_secs(1);

/// Give memory the run freed back to the system, once a second, from a thread
/// of its own. glibc keeps what is freed in each thread's arena, and a long
/// run's arenas fill with holes: the articles' short-lived buffers come and go
/// between what lives for the whole run (automata, regex caches, the id set),
/// so the arenas only grow and the resident size crept up with the size of
/// the dump (a peak of 117 MB on the 1 GB bench dump; 102 MB with this, and
/// 55 to 65 MB for most of the run). `malloc_trim` returns the free pages
/// inside the arenas too, not only at their ends.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_freed_memory() {
    std::thread::spawn(|| loop {
        std::thread::sleep(TRIM_EVERY);
        // SAFETY: malloc_trim takes each arena's lock and only touches the
        // allocator's free lists; it may run while other threads allocate.
        unsafe {
            libc::malloc_trim(0);
        }
    });
}

/// Other allocators keep no such holes, or offer no way to return them.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_freed_memory() {}
