//! What the binary shows on stderr: problems as `path:line: reason` (control
//! characters escaped, so a hostile file name cannot drive the terminal), a
//! progress bar (percent and ETA when the inputs' size is known, a spinner
//! otherwise) when stderr is a terminal, and one closing summary line.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsfacts::pipeline::{Config, Event, Observer, Outputs, Report};
use std::borrow::Cow;
use std::io::IsTerminal;

/// `s` with every control character written as an escape (`\u{1b}`).
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Print an error line.
pub fn error(msg: &str) {
    eprintln!("error: {}", escape_controls(msg));
}

/// The terminal observer of a run.
pub struct Terminal {
    bar: Option<ProgressBar>,
}

impl Terminal {
    /// A progress bar only when asked for (not `--quiet`) and stderr is a terminal.
    pub fn new(quiet: bool) -> Terminal {
        let bar = (!quiet && std::io::stderr().is_terminal())
            .then(|| ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()));
        Terminal { bar }
    }

    /// Whether a progress bar is drawn (then the inputs' size is worth measuring).
    pub fn shows_progress(&self) -> bool {
        self.bar.is_some()
    }

    fn print(&self, line: String) {
        let line = escape_controls(&line).into_owned();
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Clear the bar.
    pub fn finish(&mut self) {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
    }

    /// The closing line: what was read and found, how fast.
    pub fn summary_line(&self, report: &Report, cfg: &Config) {
        let s = &report.summary;
        let kinds: Vec<String> = s
            .facts_by_kind
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        let whereto = match report.outputs {
            Outputs::Written => format!(" → {}", newsfacts::input::path_text(&cfg.out)),
            Outputs::Stdout => " → stdout".into(),
            Outputs::Untouched => String::new(),
        };
        self.print(format!(
            "newsfacts: {} articles, {} skipped, {} warnings, {} facts ({}), {:.1} s, {:.1} MB/s{}",
            s.articles_read,
            s.articles_skipped,
            s.warnings_count + s.duplicate_ids_count,
            s.facts,
            if kinds.is_empty() {
                "none".into()
            } else {
                kinds.join(", ")
            },
            s.elapsed_seconds,
            s.mb_per_s,
            whereto
        ));
    }
}

impl Observer for Terminal {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Started { total_bytes } => {
                let Some(b) = &self.bar else { return };
                match total_bytes {
                    Some(total) => {
                        b.set_length(total);
                        b.set_style(
                            ProgressStyle::with_template(
                                "{bar:30} {percent:>3}% {bytes}/{total_bytes} ETA {eta} {msg}",
                            )
                            .unwrap_or_else(|_| ProgressStyle::default_bar()),
                        );
                    }
                    None => b.set_style(
                        ProgressStyle::with_template("{spinner} {elapsed_precise} {bytes} {msg}")
                            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                    ),
                }
            }
            Event::Skipped(p) => self.print(p.to_string()),
            Event::Warning(p) | Event::DuplicateId(p) => self.print(format!("warning: {p}")),
            Event::Progress {
                articles,
                bytes_read,
                ..
            } => {
                if let Some(b) = &self.bar {
                    b.set_position(bytes_read);
                    b.set_message(format!("{articles} articles"));
                }
            }
        }
    }
}
