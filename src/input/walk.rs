//! The folder walk: command-line paths turned into sources, lazily, folders
//! sorted by name. Hostile trees are harmless: a folder reached twice (through
//! a symbolic link, or a link loop such as `ln -s . x`) is walked once; only
//! regular files are read (a FIFO or a device is reported and skipped, never
//! opened); a path that cannot be examined is reported, not ignored; and the
//! run's own output folder is left out of the walk.

use super::{extension, io_reason, Source, ARTICLE_EXTENSIONS};
use std::collections::HashSet;
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Files met in folders that are not articles (by extension): the first
/// [`MAX_IGNORED`] by name, and how many in all.
#[derive(Debug, Default)]
pub struct Ignored {
    /// The first ignored files, in walk order.
    pub paths: Vec<PathBuf>,
    /// How many were ignored in all.
    pub count: usize,
}

/// At most this many ignored files are remembered by name.
pub const MAX_IGNORED: usize = 10_000;

/// What the walk must not read: the output folder of the run.
#[derive(Clone, Debug, Default)]
pub struct Exclude {
    /// The output folder's identity (device, inode) or canonical path.
    pub out_dir: Option<FileId>,
    /// File names inside the output folder that the run writes or removes.
    pub out_names: Vec<String>,
}

/// A file's identity: device and inode where the system has them, else its
/// canonical path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FileId {
    /// Device and inode (Unix).
    Inode(u64, u64),
    /// Canonical path (elsewhere).
    Path(PathBuf),
}

impl FileId {
    /// The identity of `path` whose metadata (symbolic links followed) is `m`.
    pub fn of(path: &Path, m: &Metadata) -> FileId {
        #[cfg(unix)]
        {
            let _ = path;
            use std::os::unix::fs::MetadataExt;
            FileId::Inode(m.dev(), m.ino())
        }
        #[cfg(not(unix))]
        {
            let _ = m;
            FileId::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
        }
    }
}

/// The sources named by command-line paths, produced lazily: a folder is listed
/// (and sorted) only when the walk reaches it, so memory holds the listings along
/// the current path (and the identities of the folders seen), not the whole tree.
pub struct Walker {
    roots: std::vec::IntoIter<PathBuf>,
    /// Open folders: (the root given on the command line, the folder's remaining entries).
    stack: Vec<(PathBuf, std::vec::IntoIter<PathBuf>)>,
    ignored: Arc<Mutex<Ignored>>,
    visited: HashSet<FileId>,
    exclude: Exclude,
    /// Sources found while listing a folder, yielded before its entries.
    pending: Vec<Source>,
}

impl Walker {
    /// A walk of `paths` (files, folders, `-`), reading everything.
    pub fn new(paths: &[PathBuf]) -> Walker {
        Walker::excluding(paths, Exclude::default())
    }

    /// A walk of `paths` that leaves out what `exclude` names.
    pub fn excluding(paths: &[PathBuf], exclude: Exclude) -> Walker {
        Walker {
            roots: Vec::from(paths).into_iter(),
            stack: Vec::new(),
            ignored: Default::default(),
            visited: HashSet::new(),
            exclude,
            pending: Vec::new(),
        }
    }

    /// A handle on the ignored files, readable while or after the walk runs.
    pub fn ignored(&self) -> Arc<Mutex<Ignored>> {
        self.ignored.clone()
    }

    /// Enter folder `dir` (metadata `m`) unless it was walked already or is
    /// the output folder.
    fn enter(&mut self, root: &Path, dir: &Path, m: &Metadata) -> Option<Source> {
        let id = FileId::of(dir, m);
        // The output folder given as an input folder is walked (its outputs
        // are left out one by one); found inside one, it is left out whole.
        if dir != root && self.exclude.out_dir.as_ref() == Some(&id) {
            return Some(Source::Note {
                path: dir.to_path_buf(),
                reason: "the output folder is inside this input folder; left out of the walk"
                    .into(),
            });
        }
        if !self.visited.insert(id) {
            return Some(Source::Note {
                path: dir.to_path_buf(),
                reason: "folder already walked (a symbolic link to it); not walked again".into(),
            });
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                return Some(Source::Unreadable {
                    path: dir.to_path_buf(),
                    reason: io_reason(&e),
                })
            }
        };
        let mut paths: Vec<PathBuf> = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => paths.push(e.path()),
                Err(e) => self.pending.push(Source::Unreadable {
                    path: dir.to_path_buf(),
                    reason: io_reason(&e),
                }),
            }
        }
        paths.sort();
        self.stack.push((root.to_path_buf(), paths.into_iter()));
        None
    }

    /// Whether `p`, found in a folder, is one of the run's output files.
    fn is_output(&self, p: &Path) -> bool {
        let (Some(out), Some(parent), Some(name)) = (
            self.exclude.out_dir.as_ref(),
            p.parent(),
            p.file_name().and_then(|n| n.to_str()),
        ) else {
            return false;
        };
        (self.exclude.out_names.iter().any(|n| n == name) || super::is_temporary_name(name))
            && std::fs::metadata(parent).is_ok_and(|m| &FileId::of(parent, &m) == out)
    }

    fn ignore(&mut self, p: PathBuf) {
        if let Ok(mut ig) = self.ignored.lock() {
            ig.count += 1;
            if ig.paths.len() < MAX_IGNORED {
                ig.paths.push(p);
            }
        }
    }
}

impl Iterator for Walker {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        loop {
            if let Some(s) = self.pending.pop() {
                return Some(s);
            }
            if let Some((root, entries)) = self.stack.last_mut() {
                let Some(p) = entries.next() else {
                    self.stack.pop();
                    continue;
                };
                let root = root.clone();
                let m = match std::fs::metadata(&p) {
                    Ok(m) => m,
                    Err(e) => {
                        return Some(Source::Unreadable {
                            reason: io_reason(&e),
                            path: p,
                        })
                    }
                };
                let is_article = ARTICLE_EXTENSIONS.contains(&extension(&p).as_str());
                if m.is_dir() {
                    if let Some(s) = self.enter(&root, &p, &m) {
                        return Some(s);
                    }
                } else if !is_article {
                    self.ignore(p);
                } else if self.is_output(&p) {
                    // The run's own outputs (e.g. facts.jsonl) are never its input.
                    continue;
                } else if !m.is_file() {
                    return Some(not_regular(p, &m));
                } else {
                    return Some(super::file_source(&p, Some(&root)));
                }
                continue;
            }
            let p = self.roots.next()?;
            if p.as_os_str() == "-" {
                return Some(Source::Stdin);
            }
            match std::fs::metadata(&p) {
                Err(e) => {
                    return Some(Source::Unreadable {
                        reason: io_reason(&e),
                        path: p,
                    })
                }
                Ok(m) if m.is_dir() => {
                    if let Some(s) = self.enter(&p, &p, &m) {
                        return Some(s);
                    }
                }
                Ok(m) if !m.is_file() => return Some(not_regular(p, &m)),
                Ok(_) => return Some(super::file_source(&p, None)),
            }
        }
    }
}

/// A FIFO, socket or device: reported, never opened (opening a FIFO blocks,
/// reading `/dev/zero` never ends).
fn not_regular(path: PathBuf, m: &Metadata) -> Source {
    Source::Unreadable {
        reason: format!("not a regular file ({}); skipped", file_type_name(m)),
        path,
    }
}

/// What kind of non-regular file `m` describes, in words.
pub fn file_type_name(m: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
    }
    if m.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}
