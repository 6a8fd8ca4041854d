//! The library's one error type. A run that cannot go on returns one of these;
//! problems with single inputs (a file skipped, a line warned about) are not
//! errors but [`crate::input::Problem`] values handed to the run's observer.
//! The binary turns each variant into an exit status and a message.

use std::path::PathBuf;

/// Why a run stopped (or could not start).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The request itself is wrong (flags, paths): nothing was read or written.
    #[error("{0}")]
    Usage(String),
    /// A `--gazetteer` file that cannot be used.
    #[error("--gazetteer: {path}: {reason}")]
    Gazetteer {
        /// The file as given.
        path: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Another run holds the output folder.
    #[error("{dir}: another newsfacts run is writing to this output folder; wait for it to finish or choose another --out")]
    Locked {
        /// The output folder as given.
        dir: String,
    },
    /// An output file could not be created, written or put in place.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The file that failed (its final name in the output folder).
        path: String,
        /// The system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The run was stopped by a signal; no output was changed.
    #[error("interrupted by signal {signal}")]
    Interrupted {
        /// The signal number (2 for SIGINT, 15 for SIGTERM).
        signal: i32,
    },
    /// `--stdout` and the reader went away (`| head`): not a failure.
    #[error("standard output closed")]
    StdoutClosed,
}

impl Error {
    /// A write error on `path`.
    pub fn write(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Write {
            path: crate::input::path_text(&path.into()),
            source,
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
