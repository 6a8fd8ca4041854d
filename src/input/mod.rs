//! Reading articles: files, folders (walked recursively, sorted by path), JSONL
//! dumps (one article a line, streamed) and JSONL on stdin (`-`).
//!
//! Reading is lazy and sequential: `Reader` yields one `Item` at a time, so a dump
//! larger than memory is never held whole. Anything that cannot become an article
//! is yielded as a `Problem` naming the path and line; the run goes on. Reading is
//! bounded: a file is read up to the size it had when opened (a file that keeps
//! growing, or a device, cannot make the run read forever), and no article
//! (a text file or a JSONL line) larger than [`ReadOptions::max_article_bytes`]
//! is held in memory.

pub mod decode;
pub mod walk;

pub use walk::{Exclude, FileId, Ignored, Walker, MAX_IGNORED};

use crate::article::{Article, Lang};
use chrono::NaiveDate;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// A line longer than this (in bytes) is reported: such "articles" are usually a
/// dump with its line breaks lost. It is still processed.
pub const LONG_LINE_BYTES: usize = 1 << 20;

/// The default cap on one article (a text file, or one JSONL line): 1 GiB,
/// five times the largest single-line article known to be processed well.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 1 << 30;

/// File extensions read as articles when met in a folder.
pub const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "md", "jsonl", "ndjson"];

/// The reserved JSONL field that sets an article's `source` (a distributed job
/// passes the original `path:line` with it).
pub const SOURCE_FIELD: &str = "newsfacts_source";

/// Something that went wrong (or looks wrong) with one input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The input's path as given (`-` for stdin).
    pub path: String,
    /// The 1-based line, for JSONL and decoding problems.
    pub line: Option<usize>,
    /// What happened, in words.
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
    /// An article to analyse.
    Article(Box<Article>),
    /// An input that was skipped: it yields no article.
    Skipped(Problem),
    /// An article was read but something about it deserves a note (or the walk
    /// left something out on purpose).
    Warning(Problem),
}

/// The JSONL field names an article is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    /// The article's id (a string or a number); default `id`.
    pub id: String,
    /// The article's text (required); default `text`.
    pub text: String,
    /// A title given apart from the text; default `title`.
    pub title: String,
    /// The reference date; default `date`.
    pub date: String,
    /// The language (`ja`, `en`); default `lang`.
    pub lang: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            id: "id".into(),
            text: "text".into(),
            title: "title".into(),
            date: "date".into(),
            lang: "lang".into(),
        }
    }
}

/// How inputs are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// JSONL field names.
    pub fields: Fields,
    /// The largest article (text file or JSONL line) read, in bytes; larger
    /// ones are skipped and reported.
    pub max_article_bytes: u64,
    /// Read only the lines of each JSONL file that start at a byte offset in
    /// `start..end` (None: every line). A line belongs to the range its first
    /// byte is in, so ranges that tile a file read each line exactly once; line
    /// numbers (and the default ids made from them) count from the file's start.
    pub range: Option<(u64, u64)>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            fields: Fields::default(),
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            range: None,
        }
    }
}

/// Where articles come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A text or Markdown file; `id` is its doc_id.
    Text {
        /// The file.
        path: PathBuf,
        /// Its doc_id.
        id: String,
    },
    /// A JSONL file of articles (`.jsonl`, `.ndjson`).
    Jsonl {
        /// The file.
        path: PathBuf,
    },
    /// JSONL on standard input.
    Stdin,
    /// A path that could not be read at all (reported, skipped).
    Unreadable {
        /// The path.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// Something the walk left out on purpose (reported as a warning).
    Note {
        /// The path.
        path: PathBuf,
        /// What was left out and why.
        reason: String,
    },
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

/// A path as text for messages, ids and the `source` column: as written when
/// it is UTF-8; otherwise each byte that is not UTF-8 is written `\xNN`, so two
/// different names never print the same.
pub fn path_text(p: &Path) -> String {
    if let Some(s) = p.to_str() {
        return s.to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in p.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        p.to_string_lossy().into_owned()
    }
}

/// Whether `name` is a temporary output file name (see [`crate::outdir`]).
pub fn is_temporary_name(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(crate::outdir::TEMP_SUFFIX)
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

fn is_jsonl(p: &Path) -> bool {
    matches!(extension(p).as_str(), "jsonl" | "ndjson")
}

fn file_source(p: &Path, root: Option<&Path>) -> Source {
    if is_jsonl(p) {
        return Source::Jsonl {
            path: p.to_path_buf(),
        };
    }
    let id = match root.and_then(|r| p.strip_prefix(r).ok()) {
        Some(rel) => {
            let no_ext = rel.with_extension("");
            no_ext
                .components()
                .map(|c| path_text(Path::new(c.as_os_str())))
                .collect::<Vec<_>>()
                .join("/")
        }
        None => p
            .file_stem()
            .map(|s| path_text(Path::new(s)))
            .unwrap_or_default(),
    };
    Source::Text {
        path: p.to_path_buf(),
        id,
    }
}

/// The size of a source in bytes where it is known (files), for progress.
pub fn source_size(s: &Source) -> Option<u64> {
    match s {
        Source::Text { path, .. } | Source::Jsonl { path } => {
            std::fs::metadata(path).ok().map(|m| m.len())
        }
        Source::Stdin => None,
        Source::Unreadable { .. } | Source::Note { .. } => Some(0),
    }
}

/// Reads sources one after another and yields their articles and problems.
pub struct Reader {
    sources: Box<dyn Iterator<Item = Source> + Send>,
    jsonl: Option<JsonlState>,
    pending: Vec<Item>,
    options: ReadOptions,
    consumed: u64,
}

struct JsonlState {
    reader: Box<dyn BufRead + Send>,
    path: String,
    stem: String,
    line: usize,
    buf: Vec<u8>,
    /// How many more bytes may hold the start of a line of this source
    /// ([`ReadOptions::range`]; `u64::MAX` when unbounded).
    left: u64,
}

/// Move `r` to the first line start at or after byte `start` (a line starts at
/// 0 and after every line break), and return how many lines lie before it and
/// its offset.
fn seek_line_start(r: &mut impl BufRead, start: u64) -> std::io::Result<(usize, u64)> {
    if start == 0 {
        return Ok((0, 0));
    }
    // Count the line breaks in bytes 0..start-1, then look at byte start-1: a
    // line break there means a line starts at `start`; else the line running
    // through `start` began before it, and belongs to an earlier range.
    let (mut at, mut lines) = (0u64, 0usize);
    let mut last = b'\n';
    while at < start {
        let avail = r.fill_buf()?;
        if avail.is_empty() {
            return Ok((lines, at));
        }
        let n = avail
            .len()
            .min(usize::try_from(start - at).unwrap_or(usize::MAX));
        lines += memchr::memchr_iter(b'\n', &avail[..n]).count();
        last = avail[n - 1];
        r.consume(n);
        at += n as u64;
    }
    if last != b'\n' {
        loop {
            let avail = r.fill_buf()?;
            if avail.is_empty() {
                return Ok((lines, at));
            }
            match memchr::memchr(b'\n', avail) {
                Some(i) => {
                    r.consume(i + 1);
                    at += i as u64 + 1;
                    lines += 1;
                    break;
                }
                None => {
                    let n = avail.len();
                    r.consume(n);
                    at += n as u64;
                }
            }
        }
    }
    Ok((lines, at))
}

impl Reader {
    /// Read these sources with the default options.
    pub fn new(sources: Vec<Source>) -> Reader {
        Reader::from_sources(sources.into_iter())
    }

    /// Read from any source iterator, e.g. a lazy `Walker`, with the default options.
    pub fn from_sources(sources: impl Iterator<Item = Source> + Send + 'static) -> Reader {
        Reader::with_options(sources, ReadOptions::default())
    }

    /// Read from any source iterator with these options.
    pub fn with_options(
        sources: impl Iterator<Item = Source> + Send + 'static,
        options: ReadOptions,
    ) -> Reader {
        Reader {
            sources: Box::new(sources),
            jsonl: None,
            pending: Vec::new(),
            options,
            consumed: 0,
        }
    }

    /// Input bytes consumed so far (file bytes, not decoded text), for progress.
    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    fn open(&mut self, source: Source) {
        let skipped = |path: &Path, reason: String| {
            Item::Skipped(Problem {
                path: path_text(path),
                line: None,
                reason,
            })
        };
        match source {
            Source::Unreadable { path, reason } => self.pending.push(skipped(&path, reason)),
            Source::Note { path, reason } => self.pending.push(Item::Warning(Problem {
                path: path_text(&path),
                line: None,
                reason,
            })),
            Source::Text { path, id } => {
                let (items, n) = read_text_file(&path, id, self.options.max_article_bytes);
                self.consumed += n;
                self.pending.extend(items.into_iter().rev())
            }
            Source::Jsonl { path } => match open_regular(&path) {
                Ok((f, size)) => {
                    // Read no further than the size at open: a file that
                    // keeps growing ends where it was.
                    let mut reader = BufReader::with_capacity(1 << 16, f.take(size));
                    let (line, end) = match self.options.range {
                        None => (0, u64::MAX),
                        Some((start, end)) => match seek_line_start(&mut reader, start) {
                            Ok((lines, at)) => {
                                self.consumed += at;
                                (lines, end.saturating_sub(at))
                            }
                            Err(e) => {
                                self.pending.push(skipped(&path, io_reason(&e)));
                                return;
                            }
                        },
                    };
                    self.jsonl = Some(JsonlState {
                        reader: Box::new(reader),
                        path: path_text(&path),
                        stem: path
                            .file_stem()
                            .map(|s| path_text(Path::new(s)))
                            .unwrap_or_default(),
                        line,
                        buf: Vec::new(),
                        left: end,
                    })
                }
                Err(reason) => self.pending.push(skipped(&path, reason)),
            },
            Source::Stdin => {
                self.jsonl = Some(JsonlState {
                    reader: Box::new(BufReader::with_capacity(1 << 16, std::io::stdin())),
                    path: "-".into(),
                    stem: "stdin".into(),
                    line: 0,
                    buf: Vec::new(),
                    left: u64::MAX,
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
                match next_jsonl(state, &self.options) {
                    Some((items, n)) => {
                        self.consumed += n;
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

/// Open a file that must be a regular file; returns it with its size at open.
fn open_regular(path: &Path) -> Result<(File, u64), String> {
    // Checked before opening: opening a FIFO would block.
    let m = std::fs::metadata(path).map_err(|e| io_reason(&e))?;
    if !m.is_file() {
        return Err(format!(
            "not a regular file ({}); skipped",
            walk::file_type_name(&m)
        ));
    }
    let f = File::open(path).map_err(|e| io_reason(&e))?;
    // Checked again on the open file, which cannot change under us.
    let m = f.metadata().map_err(|e| io_reason(&e))?;
    if !m.is_file() {
        return Err(format!(
            "not a regular file ({}); skipped",
            walk::file_type_name(&m)
        ));
    }
    Ok((f, m.len()))
}

fn too_large(max: u64) -> String {
    format!(
        "larger than the article size limit ({} MB, --max-article-mb); skipped",
        max.div_ceil(1 << 20)
    )
}

/// Read one text or Markdown file into an article (or a problem), and how
/// many bytes were read.
fn read_text_file(path: &Path, id: String, max: u64) -> (Vec<Item>, u64) {
    let shown = path_text(path);
    let skipped = |line, reason| {
        vec![Item::Skipped(Problem {
            path: shown.clone(),
            line,
            reason,
        })]
    };
    let (f, size) = match open_regular(path) {
        Ok(x) => x,
        Err(reason) => return (skipped(None, reason), 0),
    };
    if size > max {
        return (skipped(None, too_large(max)), size);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    if let Err(e) = f.take(size).read_to_end(&mut bytes) {
        return (skipped(None, io_reason(&e)), size);
    }
    let items = match decode::decode(&bytes) {
        Err(e) => skipped(e.line, e.reason),
        Ok((text, _)) if text.trim().is_empty() => {
            skipped(None, "empty file (only whitespace)".into())
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
                source: shown.clone(),
                encoding,
            };
            items.insert(0, Item::Article(Box::new(article)));
            items
        }
    };
    (items, size)
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

/// Read one line into `buf` (cleared first), holding at most `max` bytes of
/// it: a longer line is consumed to its end but not kept. Returns the bytes
/// consumed and whether the line was too long.
fn read_line_bounded(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: u64,
) -> std::io::Result<(u64, bool)> {
    buf.clear();
    let (mut total, mut too_long) = (0u64, false);
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            break;
        }
        let (n, done) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        if !too_long {
            // The line break itself does not count against the limit.
            if (buf.len() + n) as u64 > max.saturating_add(2) {
                too_long = true;
                buf.clear();
                buf.shrink_to(1 << 16);
            } else {
                buf.extend_from_slice(&avail[..n]);
            }
        }
        r.consume(n);
        total += n as u64;
        if done {
            break;
        }
    }
    Ok((total, too_long))
}

/// One JSONL article line, with only the configured fields kept.
#[derive(Default)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    date: Option<serde_json::Value>,
    lang: Option<String>,
    source: Option<String>,
}

/// Deserialises a [`JsonArticle`] under the configured field names, skipping
/// every other field without building it.
struct ArticleSeed<'a>(&'a Fields);

impl<'de> DeserializeSeed<'de> for ArticleSeed<'_> {
    type Value = JsonArticle;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<JsonArticle, D::Error> {
        d.deserialize_map(self)
    }
}

/// Which field a key names.
enum Key {
    Id,
    Text,
    Title,
    Date,
    Lang,
    Source,
    Other,
}

struct KeySeed<'a>(&'a Fields);

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Key;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: serde::de::Error>(self, k: &str) -> Result<Key, E> {
        let f = self.0;
        Ok(if k == f.text {
            Key::Text
        } else if k == f.id {
            Key::Id
        } else if k == f.title {
            Key::Title
        } else if k == f.date {
            Key::Date
        } else if k == f.lang {
            Key::Lang
        } else if k == SOURCE_FIELD {
            Key::Source
        } else {
            Key::Other
        })
    }
}

impl<'de> Visitor<'de> for ArticleSeed<'_> {
    type Value = JsonArticle;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object (one article)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonArticle, A::Error> {
        fn once<T, E: serde::de::Error>(slot: &mut Option<T>, v: T, name: &str) -> Result<(), E> {
            if slot.is_some() {
                return Err(E::custom(format!("duplicate field `{name}`")));
            }
            *slot = Some(v);
            Ok(())
        }
        let f = self.0;
        let mut a = JsonArticle::default();
        while let Some(key) = map.next_key_seed(KeySeed(f))? {
            match key {
                Key::Text => {
                    let v: Option<String> = map.next_value()?;
                    if let Some(v) = v {
                        once(&mut a.text, v, &f.text)?;
                    }
                }
                Key::Id => {
                    let v = map.next_value()?;
                    once(&mut a.id, v, &f.id)?;
                }
                Key::Title => {
                    let v: Option<String> = map.next_value()?;
                    if let Some(v) = v {
                        once(&mut a.title, v, &f.title)?;
                    }
                }
                Key::Date => {
                    let v = map.next_value()?;
                    once(&mut a.date, v, &f.date)?;
                }
                Key::Lang => {
                    // A language given as something else than a string is
                    // ignored, as an unknown language name is.
                    if let serde_json::Value::String(v) = map.next_value()? {
                        once(&mut a.lang, v, &f.lang)?;
                    }
                }
                Key::Source => {
                    let v: Option<String> = map.next_value()?;
                    if let Some(v) = v {
                        once(&mut a.source, v, SOURCE_FIELD)?;
                    }
                }
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(a)
    }
}

/// Read the next line of a JSONL source: None at end of input; else the
/// items of that line and the bytes it took.
fn next_jsonl(st: &mut JsonlState, opts: &ReadOptions) -> Option<(Vec<Item>, u64)> {
    if st.left == 0 {
        return None;
    }
    let (n, too_long) =
        match read_line_bounded(&mut *st.reader, &mut st.buf, opts.max_article_bytes) {
            Ok((0, _)) => return None,
            Ok(x) => x,
            Err(e) => {
                st.line += 1;
                // The stream is broken: report it and stop reading this source.
                st.reader = Box::new(std::io::empty());
                return Some((
                    vec![Item::Skipped(Problem {
                        path: st.path.clone(),
                        line: Some(st.line),
                        reason: format!("read error: {e}; rest of the input skipped"),
                    })],
                    0,
                ));
            }
        };
    st.line += 1;
    st.left = st.left.saturating_sub(n);
    Some((jsonl_items(st, opts, too_long), n))
}

fn jsonl_items(st: &JsonlState, opts: &ReadOptions, too_long: bool) -> Vec<Item> {
    let fields = &opts.fields;
    let problem = |reason: String| Problem {
        path: st.path.clone(),
        line: Some(st.line),
        reason,
    };
    if too_long {
        return vec![Item::Skipped(problem(too_large(opts.max_article_bytes)))];
    }
    let mut raw: &[u8] = &st.buf;
    if st.line == 1 {
        raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
    }
    let line = match std::str::from_utf8(raw) {
        Ok(l) => l.trim_end_matches(['\n', '\r']),
        Err(e) => {
            return vec![Item::Skipped(problem(format!(
                "invalid UTF-8 at byte {} of the line",
                e.valid_up_to()
            )))]
        }
    };
    if line.trim().is_empty() {
        return Vec::new();
    }
    let mut de = serde_json::Deserializer::from_str(line);
    let parsed = match ArticleSeed(fields)
        .deserialize(&mut de)
        .and_then(|a| de.end().map(|()| a))
    {
        Ok(a) => a,
        Err(e) => return vec![Item::Skipped(problem(format!("not a JSON article: {e}")))],
    };
    let Some(text) = parsed.text else {
        return vec![Item::Skipped(problem(format!(
            "no {:?} field",
            fields.text
        )))];
    };
    if text.trim().is_empty() {
        return vec![Item::Skipped(problem(format!("empty {:?}", fields.text)))];
    }
    let mut items = Vec::new();
    let date = match parsed.date {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => None,
        Some(v) => match date_of_json(&v) {
            Some(nd) => Some(nd),
            None => {
                items.push(Item::Warning(problem(format!(
                    "unreadable {:?} {} (expected YYYY-MM-DD, an RFC 3339 or RFC 2822 timestamp, YYYY/MM/DD or epoch seconds); the article is read without it",
                    fields.date,
                    shorten(&v.to_string()),
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
        source: parsed
            .source
            .unwrap_or_else(|| format!("{}:{}", st.path, st.line)),
        encoding: "UTF-8",
    };
    items.insert(0, Item::Article(Box::new(article)));
    items
}

/// At most 80 characters of a value quoted in a message.
fn shorten(s: &str) -> String {
    match s.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A JSONL `date` value: a string (see [`parse_date`]) or a number of seconds
/// since 1970-01-01 UTC.
fn date_of_json(v: &serde_json::Value) -> Option<NaiveDate> {
    match v {
        serde_json::Value::String(s) => parse_date(s),
        serde_json::Value::Number(n) => n
            .as_i64()
            .or_else(|| {
                n.as_f64()
                    .filter(|x| x.is_finite())
                    .map(|x| x.floor() as i64)
            })
            .and_then(epoch_date),
        _ => None,
    }
}

fn epoch_date(secs: i64) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(secs, 0).map(|t| t.date_naive())
}

/// An article's reference date: `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYYMMDD`,
/// alone or followed by a time (an RFC 3339 timestamp such as
/// `2025-06-09T10:00:00+09:00` gives the date as written, in its own offset);
/// an RFC 2822 timestamp (`Mon, 09 Jun 2025 10:00:00 +0900`), likewise; or
/// epoch seconds (digits other than the 8 of `YYYYMMDD`), read as UTC.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        if s.len() == 8 {
            return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
        }
        return s.parse::<i64>().ok().and_then(epoch_date);
    }
    let day = s.split(['T', 't', ' ']).next().unwrap_or(s);
    for fmt in ["%Y-%m-%d", "%Y/%m/%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(day, fmt) {
            return Some(d);
        }
    }
    chrono::DateTime::parse_from_rfc2822(s)
        .ok()
        .map(|t| t.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_in_every_accepted_form() {
        assert_eq!(parse_date("2025-06-09"), d(2025, 6, 9));
        assert_eq!(parse_date(" 2025-06-09T10:00:00Z"), d(2025, 6, 9));
        assert_eq!(parse_date("2025-06-09T23:30:00+09:00"), d(2025, 6, 9));
        assert_eq!(parse_date("2025-06-09 10:00:00"), d(2025, 6, 9));
        assert_eq!(parse_date("2025/06/09"), d(2025, 6, 9));
        assert_eq!(parse_date("2025/6/9"), d(2025, 6, 9));
        assert_eq!(parse_date("20250609"), d(2025, 6, 9));
        assert_eq!(parse_date("1749427200"), d(2025, 6, 9));
        assert_eq!(parse_date("Mon, 09 Jun 2025 10:00:00 +0900"), d(2025, 6, 9));
        assert_eq!(date_of_json(&serde_json::json!(1749427200)), d(2025, 6, 9));
        assert_eq!(
            date_of_json(&serde_json::json!(1749427200.5)),
            d(2025, 6, 9)
        );
        for bad in ["June 9", "2025-02-30", "yesterday", "2025-13-01", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(date_of_json(&serde_json::json!(true)), None);
        assert_eq!(date_of_json(&serde_json::json!(1e300)), None);
    }

    #[test]
    fn long_lines_are_consumed_but_not_kept() {
        let data = b"short\nxxxxxxxxxxxxxxxxxxxx\nend";
        let mut r = std::io::Cursor::new(&data[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line_bounded(&mut r, &mut buf, 10).unwrap(), (6, false));
        assert_eq!(buf, b"short\n");
        assert_eq!(read_line_bounded(&mut r, &mut buf, 10).unwrap(), (21, true));
        assert!(buf.is_empty());
        assert_eq!(read_line_bounded(&mut r, &mut buf, 10).unwrap(), (3, false));
        assert_eq!(buf, b"end");
        assert_eq!(read_line_bounded(&mut r, &mut buf, 10).unwrap(), (0, false));
    }

    #[test]
    fn non_utf8_names_print_distinctly() {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let a = Path::new(std::ffi::OsStr::from_bytes(b"a\xFF.txt"));
            let b = Path::new(std::ffi::OsStr::from_bytes(b"a\xFE.txt"));
            assert_eq!(path_text(a), "a\\xFF.txt");
            assert_ne!(path_text(a), path_text(b));
        }
    }
}
