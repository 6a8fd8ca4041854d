//! The output folder of a run, written atomically and by one run at a time.
//!
//! Every file is first written under a temporary name in the folder itself
//! (`.facts.csv.<pid>.newsfacts-tmp`, so the final rename never crosses a file
//! system). Only when the whole run succeeded does [`OutDir::commit`] put them
//! in place: the previous `summary.json` is removed first, then each file is
//! renamed over its old version, outputs of an earlier run that this run did
//! not write are removed, and `summary.json` comes last. At every moment the
//! folder either has no `summary.json` or one that describes exactly the files
//! beside it. A run that fails or is interrupted removes its temporaries
//! ([`OutDir::abort`], also on drop) and leaves the previous outputs as they
//! were.
//!
//! The folder is locked (an advisory `flock` on the folder itself) for the
//! whole run: a second run into the same folder stops at once with
//! [`Error::Locked`] instead of interleaving its rows with the first's.

use crate::error::{Error, Result};
use crate::export::sink::{OutFile, Sink};
use crate::input::path_text;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The end of every temporary file name.
pub const TEMP_SUFFIX: &str = ".newsfacts-tmp";

/// Every file name a run of this program may write into its output folder.
/// One that a run does not write is removed when the run commits, so the
/// folder always describes one run.
pub const KNOWN_OUTPUTS: &[&str] = &[
    "facts.csv",
    "sections.csv",
    "events.csv",
    "facts.jsonl",
    "events.jsonl",
    "articles.json",
    "articles.jsonl",
    "facts.parquet",
    "facts-money.parquet",
    "facts-percent.parquet",
    "facts-date.parquet",
    "facts-person.parquet",
    "facts-company.parquet",
    "sections.parquet",
    "articles.parquet",
    "events.parquet",
    "newsfacts.xlsx",
    "records.jsonl",
    "summary.json",
];

/// The temporaries of a run, shared with whoever must be able to remove them
/// from another thread (a signal handler whose run does not stop in time).
#[derive(Clone, Debug, Default)]
pub struct Temporaries {
    inner: Arc<Mutex<TempState>>,
}

#[derive(Debug, Default)]
struct TempState {
    paths: Vec<PathBuf>,
    /// Set once the commit starts: from then on the files are the run's output.
    sealed: bool,
}

impl Temporaries {
    /// Remove every temporary not yet committed. Safe to call more than once,
    /// from any thread.
    pub fn remove_all(&self) {
        if let Ok(mut st) = self.inner.lock() {
            if st.sealed {
                return;
            }
            for p in st.paths.drain(..) {
                let _ = std::fs::remove_file(p);
            }
        }
    }

    fn add(&self, p: PathBuf) {
        if let Ok(mut st) = self.inner.lock() {
            st.paths.push(p);
        }
    }
}

/// An output folder, locked, whose files are written under temporary names.
#[derive(Debug)]
pub struct OutDir {
    dir: PathBuf,
    /// Held open for the lock; closing it releases the lock.
    _lock: File,
    /// (final name, temporary path), in creation order.
    files: Vec<(String, PathBuf)>,
    temps: Temporaries,
    /// The first file whose writing failed, for the error message.
    failed: Arc<Mutex<Option<String>>>,
}

impl OutDir {
    /// Create `dir` if needed, lock it, and remove temporaries that a killed
    /// earlier run left behind.
    pub fn open(dir: &Path, temps: Temporaries) -> Result<OutDir> {
        std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
        let lock = File::open(dir).map_err(|e| Error::write(dir, e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(Error::Locked {
                    dir: path_text(dir),
                })
            }
            Err(TryLockError::Error(e)) => return Err(Error::write(dir, e)),
        }
        // Holding the lock, no other run is writing here: any temporary is stale.
        if let Ok(rd) = std::fs::read_dir(dir) {
            for e in rd.flatten() {
                if let Some(name) = e.file_name().to_str() {
                    if crate::input::is_temporary_name(name) {
                        let _ = std::fs::remove_file(e.path());
                    }
                }
            }
        }
        Ok(OutDir {
            dir: dir.to_path_buf(),
            _lock: lock,
            files: Vec::new(),
            temps,
            failed: Arc::default(),
        })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The final names of the files created so far.
    pub fn names(&self) -> Vec<String> {
        self.files.iter().map(|(n, _)| n.clone()).collect()
    }

    /// The final path of the first file whose writing failed, if any.
    pub fn failed(&self) -> Option<PathBuf> {
        let name = self.failed.lock().ok()?.clone()?;
        Some(self.dir.join(name))
    }

    fn temp_path(&self, name: &str) -> PathBuf {
        self.dir
            .join(format!(".{name}.{}{TEMP_SUFFIX}", std::process::id()))
    }

    /// Put every file in place (see the module docs). Writers must have been
    /// finished (flushed) before.
    pub fn commit(mut self) -> Result<()> {
        if let Ok(mut st) = self.temps.inner.lock() {
            st.sealed = true;
        }
        let files = std::mem::take(&mut self.files);
        let summary = "summary.json";
        let target = |name: &str| self.dir.join(name);
        // No summary while the folder is between two runs.
        match std::fs::remove_file(target(summary)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(Error::write(target(summary), e))
            }
            _ => {}
        }
        let mut last = None;
        let mut written = Vec::new();
        for (name, tmp) in files {
            if name == summary {
                last = Some((name, tmp));
                continue;
            }
            std::fs::rename(&tmp, target(&name)).map_err(|e| Error::write(target(&name), e))?;
            written.push(name);
        }
        for stale in KNOWN_OUTPUTS {
            if !written.iter().any(|w| w == stale) && *stale != summary {
                match std::fs::remove_file(target(stale)) {
                    Err(e) if e.kind() != io::ErrorKind::NotFound => {
                        return Err(Error::write(target(stale), e))
                    }
                    _ => {}
                }
            }
        }
        if let Some((name, tmp)) = last {
            std::fs::rename(&tmp, target(&name)).map_err(|e| Error::write(target(&name), e))?;
        }
        Ok(())
    }

    /// Remove every temporary; the folder keeps its previous outputs.
    pub fn abort(mut self) {
        self.remove_temporaries();
    }

    fn remove_temporaries(&mut self) {
        for (_, tmp) in self.files.drain(..) {
            let _ = std::fs::remove_file(tmp);
        }
        self.temps.remove_all();
    }
}

impl Drop for OutDir {
    fn drop(&mut self) {
        self.remove_temporaries();
    }
}

impl Sink for OutDir {
    fn create(&mut self, name: &str) -> io::Result<OutFile> {
        if name.contains(['/', '\\']) || name.starts_with('.') {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("not a plain output file name: {name:?}"),
            ));
        }
        let tmp = self.temp_path(name);
        let _ = std::fs::remove_file(&tmp);
        // Registered before it exists, so an abort at any point removes it.
        self.temps.add(tmp.clone());
        let f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        if let Some(i) = self.files.iter().position(|(n, _)| n == name) {
            self.files.remove(i);
        }
        self.files.push((name.to_string(), tmp));
        Ok(Box::new(Tracked {
            inner: BufWriter::with_capacity(1 << 16, f),
            name: name.to_string(),
            failed: self.failed.clone(),
        }))
    }
}

/// A file that remembers, in its folder, that writing it failed.
struct Tracked {
    inner: BufWriter<File>,
    name: String,
    failed: Arc<Mutex<Option<String>>>,
}

impl Tracked {
    fn note<T>(&self, r: io::Result<T>) -> io::Result<T> {
        if r.is_err() {
            if let Ok(mut f) = self.failed.lock() {
                f.get_or_insert_with(|| self.name.clone());
            }
        }
        r
    }
}

impl Write for Tracked {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.inner.write(buf);
        self.note(r)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        let r = self.inner.write_all(buf);
        self.note(r)
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.inner.flush();
        self.note(r)
    }
}
