//! Reading articles: files, folders (walked recursively, sorted by path), JSONL
//! dumps (one article a line, streamed) and JSONL on stdin (`-`).
//!
//! Reading is lazy and sequential: `Reader` yields one `Item` at a time, so a dump
//! larger than memory is never held whole. Anything that cannot become an article
//! is yielded as a `Problem` naming the path and line; the run goes on.

pub mod decode;

use crate::article::{Article, Lang};
use chrono::NaiveDate;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// A line longer than this (in bytes) is reported: such "articles" are usually a
/// dump with its line breaks lost. It is still processed.
pub const LONG_LINE_BYTES: usize = 1 << 20;

/// Something that went wrong (or looks wrong) with one input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub line: Option<usize>,
    pub reason: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.path, l, self.reason),
            None => write!(f, "{}: {}", self.path, self.reason),
        }
    }
}

/// One thing read from the input.
#[derive(Debug)]
pub enum Item {
    Article(Box<Article>),
    /// An input that was skipped: it yields no article.
    Skipped(Problem),
    /// An article was read but something about it deserves a note.
    Warning(Problem),
}

/// Where articles come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A text or Markdown file; `id` is its doc_id.
    Text { path: PathBuf, id: String },
    /// A JSONL file of articles.
    Jsonl { path: PathBuf },
    /// JSONL on standard input.
    Stdin,
    /// A path that could not be read at all.
    Unreadable { path: PathBuf, reason: String },
}

/// Turn command-line paths into sources, walking folders recursively, sorted by path.
/// Files in folders with other extensions are returned separately (not articles).
pub fn collect_sources(paths: &[PathBuf]) -> (Vec<Source>, Vec<PathBuf>) {
    let walker = Walker::new(paths);
    let ignored = walker.ignored();
    let sources: Vec<Source> = walker.collect();
    let paths = ignored.lock().map(|i| i.paths.clone()).unwrap_or_default();
    (sources, paths)
}

/// Files met in folders that are not .txt, .md or .jsonl: the first
/// `MAX_IGNORED` by name, and how many in all.
#[derive(Debug, Default)]
pub struct Ignored {
    pub paths: Vec<PathBuf>,
    pub count: usize,
}

/// The sources named by command-line paths, produced lazily: a folder is listed
/// (and sorted) only when the walk reaches it, so memory holds the listings along
/// the current path, not the whole tree.
pub struct Walker {
    roots: std::vec::IntoIter<PathBuf>,
    /// Open folders: (the root given on the command line, the folder's remaining entries).
    stack: Vec<(PathBuf, std::vec::IntoIter<PathBuf>)>,
    ignored: std::sync::Arc<std::sync::Mutex<Ignored>>,
}

/// At most this many ignored files are remembered by name.
pub const MAX_IGNORED: usize = 10_000;

impl Walker {
    pub fn new(paths: &[PathBuf]) -> Walker {
        Walker {
            roots: Vec::from(paths).into_iter(),
            stack: Vec::new(),
            ignored: Default::default(),
        }
    }

    /// A handle on the ignored files, readable while or after the walk runs.
    pub fn ignored(&self) -> std::sync::Arc<std::sync::Mutex<Ignored>> {
        self.ignored.clone()
    }

    /// List one folder, sorted; an unreadable folder or entry becomes a source
    /// that reports itself.
    fn open_dir(&mut self, root: &Path, dir: &Path) -> Option<Source> {
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
        let mut problem = None;
        for entry in entries {
            match entry {
                Ok(e) => paths.push(e.path()),
                Err(e) => {
                    problem = Some(Source::Unreadable {
                        path: dir.to_path_buf(),
                        reason: io_reason(&e),
                    })
                }
            }
        }
        paths.sort();
        self.stack.push((root.to_path_buf(), paths.into_iter()));
        problem
    }
}

impl Iterator for Walker {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        loop {
            if let Some((root, entries)) = self.stack.last_mut() {
                let Some(p) = entries.next() else {
                    self.stack.pop();
                    continue;
                };
                let root = root.clone();
                if p.is_dir() {
                    if let Some(problem) = self.open_dir(&root, &p) {
                        return Some(problem);
                    }
                } else if matches!(extension(&p).as_str(), "txt" | "md" | "jsonl") {
                    return Some(file_source(&p, Some(&root)));
                } else {
                    if let Ok(mut ig) = self.ignored.lock() {
                        ig.count += 1;
                        if ig.paths.len() < MAX_IGNORED {
                            ig.paths.push(p);
                        }
                    }
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
                        path: p.clone(),
                        reason: io_reason(&e),
                    })
                }
                Ok(m) if m.is_dir() => {
                    if let Some(problem) = self.open_dir(&p, &p) {
                        return Some(problem);
                    }
                }
                Ok(_) => return Some(file_source(&p, None)),
            }
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn extension(p: &Path) -> String {
    p.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

fn file_source(p: &Path, root: Option<&Path>) -> Source {
    if extension(p) == "jsonl" {
        return Source::Jsonl {
            path: p.to_path_buf(),
        };
    }
    let id = match root.and_then(|r| p.strip_prefix(r).ok()) {
        Some(rel) => {
            let no_ext = rel.with_extension("");
            no_ext
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        }
        None => p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    Source::Text {
        path: p.to_path_buf(),
        id,
    }
}

/// Reads sources one after another and yields their articles and problems.
pub struct Reader {
    sources: Box<dyn Iterator<Item = Source> + Send>,
    jsonl: Option<JsonlState>,
    pending: Vec<Item>,
}

struct JsonlState {
    reader: Box<dyn BufRead + Send>,
    path: String,
    stem: String,
    line: usize,
    buf: Vec<u8>,
}

impl Reader {
    pub fn new(sources: Vec<Source>) -> Reader {
        Reader::from_sources(sources.into_iter())
    }

    /// Read from any source iterator, e.g. a lazy `Walker`.
    pub fn from_sources(sources: impl Iterator<Item = Source> + Send + 'static) -> Reader {
        Reader {
            sources: Box::new(sources),
            jsonl: None,
            pending: Vec::new(),
        }
    }

    fn open(&mut self, source: Source) {
        match source {
            Source::Unreadable { path, reason } => self.pending.push(Item::Skipped(Problem {
                path: path.display().to_string(),
                line: None,
                reason,
            })),
            Source::Text { path, id } => self
                .pending
                .extend(read_text_file(&path, id).into_iter().rev()),
            Source::Jsonl { path } => match File::open(&path) {
                Ok(f) => {
                    self.jsonl = Some(JsonlState {
                        reader: Box::new(BufReader::with_capacity(1 << 16, f)),
                        path: path.display().to_string(),
                        stem: path
                            .file_stem()
                            .map(|s| s.to_string_lossy().into_owned())
                            .unwrap_or_default(),
                        line: 0,
                        buf: Vec::new(),
                    })
                }
                Err(e) => self.pending.push(Item::Skipped(Problem {
                    path: path.display().to_string(),
                    line: None,
                    reason: io_reason(&e),
                })),
            },
            Source::Stdin => {
                self.jsonl = Some(JsonlState {
                    reader: Box::new(BufReader::with_capacity(1 << 16, std::io::stdin())),
                    path: "-".into(),
                    stem: "stdin".into(),
                    line: 0,
                    buf: Vec::new(),
                })
            }
        }
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop() {
                return Some(item);
            }
            if let Some(state) = self.jsonl.as_mut() {
                match next_jsonl(state) {
                    Some(items) => {
                        self.pending.extend(items.into_iter().rev());
                        continue;
                    }
                    None => self.jsonl = None,
                }
            }
            let source = self.sources.next()?;
            self.open(source);
        }
    }
}

/// Read one text or Markdown file into an article (or a problem).
fn read_text_file(path: &Path, id: String) -> Vec<Item> {
    let shown = path.display().to_string();
    let mut bytes = Vec::new();
    if let Err(e) = File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)) {
        return vec![Item::Skipped(Problem {
            path: shown,
            line: None,
            reason: io_reason(&e),
        })];
    }
    match decode::decode(&bytes) {
        Err(e) => vec![Item::Skipped(Problem {
            path: shown,
            line: e.line,
            reason: e.reason,
        })],
        Ok((text, encoding)) if text.trim().is_empty() => {
            let _ = encoding;
            vec![Item::Skipped(Problem {
                path: shown,
                line: None,
                reason: "empty file (only whitespace)".into(),
            })]
        }
        Ok((text, encoding)) => {
            let mut items = Vec::new();
            if let Some(w) = long_line_warning(&text, &shown, None) {
                items.push(Item::Warning(w));
            }
            let article = Article {
                id,
                text,
                title: None,
                date: None,
                lang: None,
                markdown: extension(path) == "md",
                source: shown,
                encoding,
            };
            items.insert(0, Item::Article(Box::new(article)));
            items
        }
    }
}

fn long_line_warning(text: &str, path: &str, jsonl_line: Option<usize>) -> Option<Problem> {
    for (line, l) in (1..).zip(text.split('\n')) {
        if l.len() > LONG_LINE_BYTES {
            return Some(Problem {
                path: path.to_string(),
                line: Some(jsonl_line.unwrap_or(line)),
                reason: format!(
                    "very long line ({} bytes without a line break); processed as one paragraph",
                    l.len()
                ),
            });
        }
    }
    None
}

#[derive(serde::Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    date: Option<String>,
    lang: Option<String>,
}

/// Read the next line of a JSONL source: None at end of input.
fn next_jsonl(st: &mut JsonlState) -> Option<Vec<Item>> {
    st.buf.clear();
    match st.reader.read_until(b'\n', &mut st.buf) {
        Ok(0) => return None,
        Ok(_) => {}
        Err(e) => {
            st.line += 1;
            // The stream is broken: report it and stop reading this source.
            st.reader = Box::new(std::io::empty());
            return Some(vec![Item::Skipped(Problem {
                path: st.path.clone(),
                line: Some(st.line),
                reason: format!("read error: {e}; rest of the input skipped"),
            })]);
        }
    }
    st.line += 1;
    let problem = |reason: String| Problem {
        path: st.path.clone(),
        line: Some(st.line),
        reason,
    };
    let mut raw: &[u8] = &st.buf;
    if st.line == 1 {
        raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
    }
    let line = match std::str::from_utf8(raw) {
        Ok(l) => l.trim_end_matches(['\n', '\r']),
        Err(e) => {
            return Some(vec![Item::Skipped(problem(format!(
                "invalid UTF-8 at byte {} of the line",
                e.valid_up_to()
            )))])
        }
    };
    if line.trim().is_empty() {
        return Some(Vec::new());
    }
    let parsed: JsonArticle = match serde_json::from_str(line) {
        Ok(a) => a,
        Err(e) => {
            return Some(vec![Item::Skipped(problem(format!(
                "not a JSON article: {e}"
            )))])
        }
    };
    let Some(text) = parsed.text else {
        return Some(vec![Item::Skipped(problem("no \"text\" field".into()))]);
    };
    if text.trim().is_empty() {
        return Some(vec![Item::Skipped(problem("empty \"text\"".into()))]);
    }
    let mut items = Vec::new();
    let date = match parsed
        .date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        None => None,
        Some(d) => match parse_date(d) {
            Some(nd) => Some(nd),
            None => {
                items.push(Item::Warning(problem(format!(
                    "unreadable \"date\" {d:?} (expected YYYY-MM-DD); ignored"
                ))));
                None
            }
        },
    };
    let lang = parsed.lang.as_deref().and_then(Lang::parse);
    let id = match parsed.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => format!("{}:{}", st.stem, st.line),
    };
    if let Some(w) = long_line_warning(&text, &st.path, Some(st.line)) {
        items.push(Item::Warning(w));
    }
    let article = Article {
        id,
        text,
        title: parsed.title,
        date,
        lang,
        markdown: false,
        source: format!("{}:{}", st.path, st.line),
        encoding: "UTF-8",
    };
    items.insert(0, Item::Article(Box::new(article)));
    Some(items)
}

/// `YYYY-MM-DD`, also accepting a full timestamp (`2025-06-09T10:00:00Z`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}
