//! Where output files are created. Every writer asks a [`Sink`] for its files by
//! name instead of opening paths itself, so the run decides how files come into
//! being (straight into the out folder, or under temporary names renamed into
//! place only when the whole run finished) without any writer knowing.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file a writer writes to.
pub type OutFile = Box<dyn Write + Send>;

/// Creates the output files of one run.
pub trait Sink {
    /// Create (or truncate) the output file `name` (a bare file name such as
    /// `facts.csv`) and return it, buffered.
    fn create(&mut self, name: &str) -> io::Result<OutFile>;
}

/// A sink writing straight into a folder, for callers that need no atomicity
/// (tests, embedding).
#[derive(Debug)]
pub struct DirSink {
    dir: PathBuf,
}

impl DirSink {
    /// A sink into `dir`, created if missing.
    pub fn new(dir: &Path) -> io::Result<DirSink> {
        std::fs::create_dir_all(dir)?;
        Ok(DirSink {
            dir: dir.to_path_buf(),
        })
    }
}

impl Sink for DirSink {
    fn create(&mut self, name: &str) -> io::Result<OutFile> {
        let f = File::create(self.dir.join(name))?;
        Ok(Box::new(BufWriter::with_capacity(1 << 16, f)))
    }
}

/// A sink whose every file is the process's standard output (`--stdout`: the
/// record stream goes down a pipe).
#[derive(Debug, Default)]
pub struct StdoutSink;

impl Sink for StdoutSink {
    fn create(&mut self, _name: &str) -> io::Result<OutFile> {
        Ok(Box::new(BufWriter::with_capacity(1 << 16, io::stdout())))
    }
}
