#!/usr/bin/env python3
"""newsfacts on Apache Spark: the same extraction as `newsfacts extract`, for
dumps that outgrow one machine.

    spark-submit spark/newsfacts_spark.py INPUT... --out DIR [--binary PATH]
        [--ref-date YYYY-MM-DD] [--gazetteer FILE.tsv]...
        [--text-field NAME] [--title-field NAME] [--id-field NAME]
        [--date-field NAME] [--lang-field NAME] [--split-mb N]
        [--path auto|direct|records]

INPUT is anything Spark reads (a local path, hdfs://, s3a://, gs://; a folder,
walked recursively, or a glob). As in a single run, `.jsonl`/`.ndjson` files are
dumps of one article a line and `.txt`/`.md` files are one article each; a file
named directly (or matched by a glob) is a dump if it ends in `.jsonl`/`.ndjson`
(optionally compressed: `.gz`, `.bz2`), else one article.

How it works, and why so. The extraction itself is the newsfacts binary,
shipped to the executors with `SparkContext.addFile` (or `--files`): rules live
in one place; Spark only schedules it. Two paths, chosen by where the data is:

- Direct (inputs and DIR on a filesystem every executor mounts at the same path:
  local disk in local mode, NFS, /dbfs, a mounted bucket): the driver lists the
  files and cuts them into units of whole files; one task per unit runs the
  binary with `--format parquet` on the files, under the paths a single run
  names them by, and moves the Parquet files it wrote into DIR as part files
  (facts/kind=K/part-NNNNN.parquet, sections/part-NNNNN.parquet...). Ids and
  line numbers are the single run's by construction, no record crosses into
  Python or the JVM, and a task hands the driver only its summary and an 8-byte
  fingerprint of each doc_id; only when two fingerprints are equal does a small
  aggregation (one shuffle of two columns) list the doc_ids repeated across
  units. Text files are linked into a scratch folder laid out as under the
  folder given, so that their doc_ids are a single run's; their `source` is
  mapped back as the task moves the files.
- Records (hdfs://, s3a://, gs://, compressed dumps): the binary cannot open
  those paths, so each partition's lines are piped through it (`newsfacts
  extract - --stdout`, the record stream) and Spark writes the records as
  Parquet (facts flattened to the direct path's columns). A single run names an
  article without `id` `<file stem>:<line number>` and gives it the source
  `<path>:<line>`; here a partition holds some lines of some file, so a first
  pass counts the lines of every split (Spark's `_metadata.file_block_start`)
  and the second numbers each line, sets `id` when the record has none and
  passes `path:line` in the reserved field `newsfacts_source`. Lines that are
  not JSON objects reach the binary unchanged, so they become the same problem
  records as in a single run. Text files are copied, per partition, into a
  scratch folder laid out as the input was. The records are parsed by Arrow with
  explicit schemas (the tables in docs/SPEC.md, "On Spark"), cached once, and
  written as Parquet: facts/ (partitioned by kind), sections/, articles/,
  problems/, events/.

Both write a summary.json merged from every run's summary.
"""

import argparse
import bisect
import json
import os
import posixpath
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    BooleanType,
    DateType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

# --- Schemas (docs/SPEC.md, "On Spark": keep the two in step) -----------------


def _struct(*fields):
    return StructType([StructField(name, ty, True) for name, ty in fields])


S, L, D, B, DT = StringType(), LongType(), DoubleType(), BooleanType(), DateType()

# A fact's `value`: the union of every kind's fields (a field that does not
# apply to the kind is null).
VALUE = _struct(
    ("amount", D),
    ("amount_max", D),
    ("currency", S),
    ("qualifier", S),
    ("per", S),
    ("value", D),
    ("value_max", D),
    ("unit", S),
    ("iso", S),
    ("granularity", S),
    ("year_inferred", B),
    ("relative", B),
    ("fy_end", S),
    ("year_source", S),
    ("name", S),
    ("title", S),
    ("canonical", S),
    ("display", S),
)

LINK = _struct(
    ("subject_id", S),
    ("subject", S),
    ("metric", S),
    ("period_id", S),
    ("period", S),
    ("change", S),
)

FACTS = _struct(
    ("id", S),
    ("doc_id", S),
    ("source", S),
    ("lang", S),
    ("article_date", DT),
    ("section", L),
    ("section_kind", S),
    ("field", S),
    ("kind", S),
    ("text", S),
    ("start", L),
    ("end", L),
    ("sentence", S),
    ("value", VALUE),
    ("date_start", DT),
    ("date_end", DT),
    ("link", LINK),
    ("rule", S),
)

# facts/ as both paths write it: the single run's facts.parquet columns (one
# per field, docs/SPEC.md "On Spark"), `kind` being the partition column.
# (column, where the records path takes it from: a FACTS column or struct field,
# or the section's heading).
FLAT_FACTS = [
    ("id", "id", S), ("doc_id", "doc_id", S), ("source", "source", S), ("lang", "lang", S),
    ("article_date", "article_date", DT), ("section", "section", L), ("section_kind", "section_kind", S),
    ("section_heading", None, S), ("field", "field", S), ("kind", "kind", S), ("text", "text", S),
    ("start", "start", L), ("end", "end", L), ("display", "value.display", S), ("amount", "value.amount", D),
    ("amount_max", "value.amount_max", D), ("currency", "value.currency", S), ("qualifier", "value.qualifier", S),
    ("per", "value.per", S), ("percent", "value.value", D), ("percent_max", "value.value_max", D),
    ("unit", "value.unit", S), ("date_iso", "value.iso", S), ("granularity", "value.granularity", S),
    ("date_start", "date_start", DT), ("date_end", "date_end", DT), ("year_inferred", "value.year_inferred", B),
    ("relative", "value.relative", B), ("fy_end", "value.fy_end", S), ("year_source", "value.year_source", S),
    ("name", "value.name", S), ("title", "value.title", S), ("canonical", "value.canonical", S),
    ("subject_id", "link.subject_id", S), ("subject", "link.subject", S), ("metric", "link.metric", S),
    ("period_id", "link.period_id", S), ("period", "link.period", S), ("change", "link.change", S),
    ("rule", "rule", S), ("sentence", "sentence", S),
]

SECTIONS = _struct(
    ("doc_id", S),
    ("source", S),
    ("lang", S),
    ("section", L),
    ("kind", S),
    ("section_kind", S),
    ("field", S),
    ("heading", S),
    ("start", L),
    ("end", L),
    ("chars", L),
    ("facts", L),
)

ARTICLES = _struct(
    ("doc_id", S),
    ("source", S),
    ("lang", S),
    ("encoding", S),
    ("title", S),
    ("date", DT),
    ("chars", L),
    ("sections", L),
    ("facts", L),
)

PROBLEMS = _struct(
    ("level", S),
    ("source", S),
    ("line", L),
    ("reason", S),
)

EVENTS = _struct(
    ("doc_id", S),
    ("id", S),
    ("type", S),
    ("status", S),
    ("acquirer_id", S),
    ("acquirer", S),
    ("target_id", S),
    ("target", S),
    ("seller_id", S),
    ("seller", S),
    ("amount_id", S),
    ("amount", D),
    ("currency", S),
    ("amount_display", S),
    ("stake_id", S),
    ("stake", D),
    ("date_id", S),
    ("date", S),
    ("section", L),
    ("sentence", S),
    ("rule", S),
)

# Dataset folder → (record tag, schema). facts/ is partitioned by kind.
DATASETS = {
    "facts": ("fact", FACTS),
    "sections": ("section", SECTIONS),
    "articles": ("article", ARTICLES),
    "problems": ("problem", PROBLEMS),
    "events": ("event", EVENTS),
}

# What summary.json lists one by one at most (the counts are always complete),
# as in a single run.
MAX_LISTED = 10_000

# The reserved JSONL field through which the job gives the binary an article's
# original `path:line`.
SOURCE_FIELD = "newsfacts_source"

JSONL_EXTS = ("jsonl", "ndjson")
TEXT_EXTS = ("txt", "md")
COMPRESSED_EXTS = ("gz", "bz2")
BOM = b"\xef\xbb\xbf"


def union_schema():
    """One schema for every record type: each task hands the JVM one table
    (Arrow batches), which is cached once and split by record type. Days travel
    as text and are cast per dataset, as does a field that two record types type
    differently (an article's `date` is a day, an event's an ISO period)."""
    fields, conflicted = {}, set()
    for _, schema in DATASETS.values():
        for f in schema.fields:
            if f.name in fields and fields[f.name] != f.dataType:
                conflicted.add(f.name)
            fields.setdefault(f.name, f.dataType)
    out = [StructField("record", S, True), StructField("summary", S, True)]
    for name, ty in fields.items():
        out.append(StructField(name, S if name in conflicted or ty == DT else ty, True))
    return StructType(out)


def arrow_type(t):
    import pyarrow as pa

    if isinstance(t, StructType):
        return pa.struct([pa.field(f.name, arrow_type(f.dataType)) for f in t.fields])
    return {StringType: pa.string(), LongType: pa.int64(), DoubleType: pa.float64(), BooleanType: pa.bool_()}[type(t)]


class Batches:
    """The records of a task, gathered by type and parsed by Arrow's JSON
    reader with each type's schema into batches of the union schema: parsing
    and handing rows to the JVM stay out of Python's per-row loop."""

    LIMIT = 8 << 20  # bytes of records gathered before they are parsed

    def __init__(self, union):
        import pyarrow as pa

        self.schema = pa.schema([pa.field(f.name, arrow_type(f.dataType)) for f in union.fields])
        self.parse = {tag: pa.schema([self.schema.field(f.name) for f in sch.fields]) for tag, sch in DATASETS.values()}
        self.lines = {tag: [] for tag in self.parse}
        self.summaries = []
        self.size = 0
        self.longest = 0

    def add(self, tag, line):
        if tag == "summary":
            self.summaries.append(line)
            return ()
        lines = self.lines.get(tag)
        if lines is None:
            return ()  # a record type this job does not know
        lines.append(line)
        self.size += len(line)
        self.longest = max(self.longest, len(line))
        return self.flush() if self.size >= self.LIMIT else ()

    def _batch(self, tag, columns, n):
        import pyarrow as pa

        cols = []
        for field in self.schema:
            if field.name == "record":
                cols.append(pa.array([tag] * n, pa.string()))
            elif field.name in columns:
                cols.append(columns[field.name])
            else:
                cols.append(pa.nulls(n, field.type))
        return pa.RecordBatch.from_arrays(cols, schema=self.schema)

    def flush(self):
        import io

        import pyarrow as pa
        import pyarrow.json as paj

        out = []
        for tag, lines in self.lines.items():
            if not lines:
                continue
            data = ("\n".join(lines) + "\n").encode("utf-8")
            table = paj.read_json(
                io.BytesIO(data),
                read_options=paj.ReadOptions(use_threads=False, block_size=max(1 << 20, 4 * self.longest + 16)),
                parse_options=paj.ParseOptions(explicit_schema=self.parse[tag], unexpected_field_behavior="ignore"),
            )
            if table.num_rows != len(lines):
                raise RuntimeError(f"{tag} records: {len(lines)} lines gave {table.num_rows} rows")
            columns = {name: table.column(name).combine_chunks() for name in table.column_names}
            out.append(self._batch(tag, columns, table.num_rows))
            lines.clear()
        if self.summaries:
            out.append(self._batch("summary", {"summary": pa.array(self.summaries, pa.string())}, len(self.summaries)))
            self.summaries = []
        self.size = 0
        return out


# --- Paths ---------------------------------------------------------------------


def extension(name):
    """The lower-cased extension, as the single run's walker sees it."""
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def file_stem(name):
    """Rust's `Path::file_stem`: the name without its last extension (a leading
    dot alone is no extension)."""
    i = name.rfind(".")
    return name[:i] if i > 0 else name


def dump_kind(name, walked):
    """'jsonl', 'text' or None (ignored) for a file name; `walked` is true for a
    file met in a folder (other extensions are then ignored, as in a single run)."""
    ext = extension(name)
    if ext in COMPRESSED_EXTS and extension(name[: -len(ext) - 1]) in JSONL_EXTS:
        return "jsonl"
    if ext in JSONL_EXTS:
        return "jsonl"
    if ext in TEXT_EXTS or not walked:
        return "text"
    return None


def dump_stem(name):
    """The stem that default ids use: `news.jsonl` → `news`; a compressed dump
    (`news.jsonl.gz`) is named as its content."""
    if extension(name) in COMPRESSED_EXTS:
        name = name.rsplit(".", 1)[0]
    return file_stem(name)


def join_display(root, rel):
    """A path under a folder given as `root`, spelled as a single run spells it
    (Rust's PathBuf::join: no doubled separator)."""
    if not rel:
        return root
    return root + rel if root.endswith("/") else root + "/" + rel


GLOB_CHARS = re.compile(r"[*?\[\]{}\\]")


def glob_root(arg):
    """The part of a glob before its first component that holds a glob character."""
    parts = arg.split("/")
    for i, p in enumerate(parts):
        if GLOB_CHARS.search(p):
            return "/".join(parts[:i])
    return arg


def escape_glob(path):
    """A literal path for Spark's reader, which expands glob characters."""
    return GLOB_CHARS.sub(lambda m: "\\" + m.group(0), path)


def path_key(path):
    """One spelling of a decoded path for lookups (`file:/x`, not `file:///x`)."""
    return "file:/" + path[len("file:///"):] if path.startswith("file:///") else path


def uri_key(uri):
    """The lookup key of a URI-encoded path, as Spark's `_metadata.file_path`
    writes it (`file:/x%20y`)."""
    return path_key(urllib.parse.unquote(uri))


def hidden(name):
    """Whether Spark's file listing leaves a file or folder name out."""
    return (name.startswith("_") and "=" not in name) or name.startswith(".") or name.endswith("._COPYING_")


def walk_local(base):
    """{`file:` path → zero bytes} of every file under a local folder, as
    Spark's listing of it gives them (links followed, each folder once)."""
    found, seen = {}, set()
    for dirpath, dirnames, filenames in os.walk(local_path(base), followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen:
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames[:] = [d for d in dirnames if not hidden(d)]
        for name in filenames:
            if hidden(name):
                continue
            path = os.path.join(dirpath, name)
            try:
                zero = os.path.getsize(path) == 0
            except OSError:
                zero = False  # a dangling link: the binary reports it
            found["file:" + path] = zero
    return found


def list_inputs(spark, inputs, local=False):
    """Walk the inputs on the driver with Hadoop's FileSystem (any scheme Spark
    reads; `local`: folders of the local filesystem with Python's os.walk),
    classifying files as a single run does. Returns (jsonl, text,
    empty, ignored, problems, order):
    - jsonl: uri key → (path to read, display path, stem for default ids);
    - text: path to read → (group, path relative to the folder given or None
      for a file given directly, display path of the folder or file);
    - empty: the text files (paths to read) of zero bytes, which Spark's
      readers never hand to a task: they are sent to the binary as empty
      files, so that it reports them as a single run does;
    - ignored: display paths of files in folders that are not articles;
    - problems: inputs that do not exist, as problem records;
    - order: the display paths of the articles' files in the single run's
      order (inputs in the order given, each folder walked depth first in
      sorted order)."""
    sc = spark.sparkContext
    jvm = sc._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path
    conf = sc._jsc.hadoopConfiguration()
    jsonl, text, empty, ignored, problems, order = {}, {}, set(), [], [], []

    def add(full, walked, disp, group, rel, text_disp, zero):
        # `full` is Hadoop's Path.toString(): the path decoded, as the
        # binaryFile source spells it; the JSONL key is the same once Spark's
        # URI-encoded file_path is decoded (uri_key).
        name = posixpath.basename(full)
        kind = dump_kind(name, walked)
        if kind is not None:
            order.append(disp)
        if kind == "jsonl":
            jsonl[path_key(full)] = (full, disp, dump_stem(name))
        elif kind == "text":
            text[full] = (group, rel, text_disp)
            if zero:
                empty.add(full)
        else:
            ignored.append(disp)

    for group, arg in enumerate(inputs):
        hp = hadoop_path(arg)
        fs = hp.getFileSystem(conf)
        statuses = fs.globStatus(hp)
        if not statuses:
            problems.append({"level": "skipped", "source": arg, "line": None,
                             "reason": "no such file or directory"})
            continue
        globbed = bool(GLOB_CHARS.search(arg))
        if globbed:
            # What a shell would have passed: the glob's fixed head, then the
            # rest of the matched path.
            root = glob_root(arg) or ("/" if arg.startswith("/") else "")
            qroot = fs.makeQualified(hadoop_path(root or ".")).toString().rstrip("/")
        for n, st in enumerate(statuses):
            p = st.getPath()
            full = p.toString()
            if not globbed:
                given = arg
            elif full.startswith(qroot + "/"):
                given = join_display(root, full[len(qroot) + 1:])
            else:
                given = full
            if not st.isDirectory():
                add(full, False, given, (group, n), None, given, st.getLen() == 0)
                continue
            base = full.rstrip("/")
            # Spark lists the folder (in the JVM, in parallel for large trees):
            # one call instead of several Py4J calls per file. It leaves out
            # names starting with "_" or ".", as Spark does everywhere.
            if local and full.startswith("file:/"):
                # On the local (or a mounted) filesystem Python walks the
                # folder itself, leaving out the names Spark leaves out:
                # starting a Spark scan costs more than the walk.
                found = walk_local(base)
            else:
                listing = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(escape_glob(full))
                found = {r[0]: False for r in listing.select("path").collect()}  # path → zero bytes
                # The scan leaves out files of zero bytes; the folder's index
                # (inputFiles, URI-encoded) has them.
                known = {path_key(f) for f in found}
                for uri in listing.inputFiles():
                    if uri_key(uri) not in known:
                        found[uri_key(uri)] = True
            # Sorted as paths are (component by component), which is the
            # order of a depth-first walk of sorted folders.
            for f in sorted(found, key=lambda f: f.split("/")):
                if not f.startswith(base + "/"):
                    raise SystemExit(f"error: {f}: listed outside {base}")
                rel = f[len(base) + 1:]
                add(f, True, join_display(given, rel), (group, n), rel, given, found[f])
    return jsonl, text, empty, ignored, problems, order


# --- Running the binary on an executor -----------------------------------------


def local_file(name):
    """A file shipped with addFile/--files, made executable if it is not."""
    path = SparkFiles.get(name)
    if not os.access(path, os.X_OK):
        try:
            os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        except OSError:
            copy = os.path.join(tempfile.mkdtemp(prefix="newsfacts-bin-"), name)
            shutil.copy(path, copy)
            os.chmod(copy, 0o755)
            path = copy
    return path


def run_binary(cmd, feed, threads, usage=None):
    """Run the binary, write `feed` (bytes lines) to its stdin from a thread and
    yield its stdout lines. stderr (one line per problem, also in the stream) goes
    to a scratch file so that a flood of problems cannot block the pipe."""
    env = dict(os.environ)
    env["RAYON_NUM_THREADS"] = str(threads)
    err = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE if feed is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=err,
        env=env,
    )
    failure = []

    def write():
        try:
            with proc.stdin:
                for chunk in feed:
                    proc.stdin.write(chunk)
        except BrokenPipeError:
            pass  # the binary stopped early: its exit status says why
        except BaseException as e:  # noqa: BLE001 - re-raised in the task below
            failure.append(e)
            proc.kill()

    writer = None
    if feed is not None:
        writer = threading.Thread(target=write, daemon=True)
        writer.start()
    try:
        for line in proc.stdout:
            yield line
    finally:
        proc.stdout.close()
        try:
            # wait4 (not wait) to learn the CPU time the process took.
            _, status, ru = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            if usage is not None:
                usage["binary_cpu_seconds"] = ru.ru_utime + ru.ru_stime
        except ChildProcessError:
            pass
        rc = proc.wait()
        if writer is not None:
            writer.join()
    if failure:
        raise failure[0]
    # 0: every input read; 1: some skipped (they are problem records).
    if rc not in (0, 1):
        err.seek(0)
        tail = err.read()[-4000:].decode("utf-8", "replace")
        raise RuntimeError(f"newsfacts exited with status {rc}: {' '.join(cmd)}\n{tail}")


RECORD_TAG = re.compile(r'^\{"record":"([a-z]+)"')
STDIN_SOURCE = re.compile(r'"source":"-(?::(\d+))?"')


class Records:
    """Turns the binary's output lines into lines for Spark's JSON reader,
    mapping paths the binary saw (stdin, scratch files) back to the input's."""

    def __init__(self, stdin_source=None, scratch=None, gazetteers=None, keep_gazetteer=True):
        self.stdin_source = stdin_source  # stdin line → (display path, line)
        self.scratch = scratch  # (regex over scratch paths, dict → display)
        self.gazetteers = gazetteers or {}  # local path → path as given
        self.keep_gazetteer = keep_gazetteer
        self.dropped = []  # gazetteer problems left to another partition

    def _source(self, m):
        n = m.group(1)
        if self.stdin_source is None or n is None:
            return m.group(0)
        disp, line = self.stdin_source(int(n))
        return '"source":' + json.dumps(f"{disp}:{line}", ensure_ascii=False)

    def line(self, raw):
        """(record type, record as JSON text) for one output line, or None."""
        s = raw.decode("utf-8").rstrip("\n")
        if not s:
            return None
        m = RECORD_TAG.match(s)
        # A binary whose --stdout predates the record stream writes bare facts.
        tag = m.group(1) if m else "fact"
        if self.scratch is not None and self.scratch[0].search(s):
            s = self.scratch[0].sub(lambda x: self.scratch[1][x.group(0)], s)
        if tag == "problem":
            p = self.problem(s)
            return None if p is None else (tag, p)
        if tag == "summary":
            # Last in the stream: every problem of this run has been seen.
            return tag, self.summary(s)
        if self.stdin_source is not None and '"source":"-' in s:
            s = STDIN_SOURCE.sub(self._source, s)
        return tag, s

    def where(self, path, line):
        """The input's (path, line) for a problem's (path, line) as the binary
        saw them (a line of its stdin, a shipped gazetteer)."""
        if path in self.gazetteers:
            return self.gazetteers[path], line
        if path == "-" and self.stdin_source is not None and line is not None:
            return self.stdin_source(line)
        return path, line

    def problem(self, s):
        p = json.loads(s)
        if p.get("source") in self.gazetteers and not self.keep_gazetteer:
            self.dropped.append(p)
            return None
        p["source"], p["line"] = self.where(p.get("source"), p.get("line"))
        return json.dumps(p, ensure_ascii=False)

    def summary(self, s):
        """A run's summary without its record tag, its lists naming the input's
        paths and lines (as the problem records do), and without the gazetteer
        warnings left to another partition."""
        summ = json.loads(s)
        summ.pop("record", None)
        if self.dropped:
            summ["warnings_count"] = summ.get("warnings_count", 0) - len(self.dropped)
            drop = {(d.get("source"), d.get("line"), d.get("reason")) for d in self.dropped}
            summ["warnings"] = [
                w for w in summ.get("warnings", []) if (w.get("path"), w.get("line"), w.get("reason")) not in drop
            ]
        for key in ("skipped", "warnings", "duplicate_ids"):
            for entry in summ.get(key, []):
                entry["path"], entry["line"] = self.where(entry.get("path"), entry.get("line"))
        return json.dumps(summ, ensure_ascii=False)


def stream(records, run, union):
    """Arrow batches of the union schema, from the binary's output lines.
    `run` is (command, stdin lines or None, threads). The run's summary gets
    the CPU seconds of the binary and of this task's Python (what the job's
    cost section of the README is measured with)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF)
    usage = {}
    batches = Batches(union)
    for raw in run_binary(*run, usage=usage):
        r = records.line(raw)
        if r is not None:
            yield from batches.add(*r)
    if batches.summaries:
        after = resource.getrusage(resource.RUSAGE_SELF)
        summ = json.loads(batches.summaries[-1])
        summ["binary_cpu_seconds"] = usage.get("binary_cpu_seconds", 0.0)
        summ["python_cpu_seconds"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        batches.summaries[-1] = json.dumps(summ, ensure_ascii=False)
    yield from batches.flush()


def valid_id(v):
    """Whether a single run keeps this `id` (a non-empty string or a number)."""
    if isinstance(v, bool):
        return False
    return (isinstance(v, str) and v != "") or isinstance(v, (int, float))


def prepare_line(raw, disp, stem, line_no, id_field):
    """The line to pipe for line `line_no` of a dump: a JSON object gets its
    source and, when it has no usable id, the single run's default id. Fields
    are appended before the closing brace so that the binary reads everything
    else exactly as written (and any error it reports points at the same
    column). Anything else goes through unchanged: the binary reports it."""
    if line_no == 1 and raw.startswith(BOM):
        raw = raw[len(BOM):]
    try:
        s = raw.decode("utf-8")
        obj = json.loads(s)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return raw
    if not isinstance(obj, dict):
        return raw
    source = f"{disp}:{line_no}"
    default_id = f"{stem}:{line_no}"
    if SOURCE_FIELD not in obj and (id_field not in obj or valid_id(obj[id_field])):
        extra = '"%s":%s' % (SOURCE_FIELD, json.dumps(source, ensure_ascii=False))
        if id_field not in obj:
            extra += ",%s:%s" % (json.dumps(id_field, ensure_ascii=False),
                                 json.dumps(default_id, ensure_ascii=False))
        body = s.rstrip(" \t\r\n")
        head = body[:-1]
        sep = "," if obj else ""
        return (head + sep + extra + "}").encode("utf-8")
    # An unusable id (null, "", true...) must be replaced, not repeated: the
    # object is written anew. A source the line sets itself is the user's.
    if not valid_id(obj.get(id_field)):
        obj[id_field] = default_id
    obj.setdefault(SOURCE_FIELD, source)
    try:
        return json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, ValueError):
        return raw


def binary_command(binary, gazetteers, opts):
    cmd = [binary, "extract"]
    return cmd, ["--stdout", "--quiet"] + opts + [a for g in gazetteers for a in ("--gazetteer", g)]


def arrow_rows(batches, *names):
    """The rows of Arrow batches, as tuples of the named columns."""
    for b in batches:
        yield from zip(*(b.column(b.schema.get_field_index(n)).to_pylist() for n in names))


def task_index():
    from pyspark import TaskContext

    return TaskContext.get().partitionId()


def jsonl_partition(conf):
    """The function run on each partition of dump lines (mapInArrow): (path,
    split start, line bytes) rows, in file order within each split."""

    def run(batches):
        index = task_index()
        rows = arrow_rows(batches, "path", "block", "value")
        binary = local_file(conf["binary"])
        gaz = {local_file(g): shown for g, shown in conf["gazetteers"].items()}
        starts = conf["starts"].value
        files = conf["files"].value
        id_field = conf["id_field"]
        # Segments of the stream: (first stdin line, display path, first file line).
        seg_stdin, seg_info = [], []

        def stdin_source(n):
            i = bisect.bisect_right(seg_stdin, n) - 1
            if i < 0:
                return "-", n
            disp, first = seg_info[i]
            return disp, first + (n - seg_stdin[i])

        def feed():
            # Line 1 is empty (skipped by the reader): a BOM is stripped only on
            # a file's real first line, never on the partition's first.
            yield b"\n"
            n = 1
            key = None
            for path, block, value in rows:
                n += 1
                if (path, block) != key:
                    key = (path, block)
                    line_no = starts[(uri_key(path), block)]
                    _, disp, stem = files[uri_key(path)]
                    seg_stdin.append(n)
                    seg_info.append((disp, line_no))
                else:
                    line_no += 1
                yield prepare_line(bytes(value), disp, stem, line_no, id_field) + b"\n"

        cmd, flags = binary_command(binary, list(gaz), conf["opts"])
        records = Records(stdin_source=stdin_source, gazetteers=gaz,
                          keep_gazetteer=(index == 0 and conf["gazetteer_here"]))
        yield from stream(records, (cmd + ["-"] + flags, feed(), conf["threads"]), conf["union"])

    return run


def text_partition(conf):
    """The function run on each partition of text files (mapInArrow): (path,
    content) rows. The files are laid out in a scratch folder as they were under the folder
    given (or alone, when given directly), so that doc_ids, decoding and
    problems are those of a single run."""

    def run(batches):
        index = task_index()
        rows = arrow_rows(batches, "path", "content")
        binary = local_file(conf["binary"])
        gaz = {local_file(g): shown for g, shown in conf["gazetteers"].items()}
        info = conf["text"].value
        scratch = tempfile.mkdtemp(prefix="newsfacts-text-")
        try:
            roots, files, shown = {}, [], {}
            for n, (path, content) in enumerate(rows):
                group, rel, disp = info[path]
                if rel is None:
                    dest = os.path.join(scratch, f"f{n}", posixpath.basename(path))
                    files.append(dest)
                    shown[dest] = disp
                else:
                    root = os.path.join(scratch, "g%d_%d" % group)
                    roots[root] = disp
                    dest = os.path.join(root, *rel.split("/"))
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                with open(dest, "wb") as f:
                    f.write(content)
            if not roots and not files:
                return
            # Map every scratch path in the records back: a JSON string that
            # starts with a group folder or a file given directly.
            table = {}
            for root, disp in roots.items():
                table['"' + root + "/"] = '"' + json.dumps(join_display(disp, ""), ensure_ascii=False)[1:-1].rstrip("/") + "/"
                table['"' + root + '"'] = json.dumps(disp, ensure_ascii=False)
            for dest, disp in shown.items():
                table['"' + dest] = '"' + json.dumps(disp, ensure_ascii=False)[1:-1]
            pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
            cmd, flags = binary_command(binary, list(gaz), conf["opts"])
            records = Records(scratch=(pattern, table), gazetteers=gaz,
                              keep_gazetteer=(index == 0 and conf["gazetteer_here"]))
            yield from stream(records, (cmd + sorted(roots) + files + flags, None, conf["threads"]), conf["union"])
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    return run


# --- The direct path: each task writes the binary's own Parquet ----------------
#
# When the inputs and DIR are on a filesystem every executor mounts at the same
# path (local disk in local mode, NFS, /dbfs on Databricks, a FUSE mount of a
# bucket), a task runs the binary on whole files with `--format parquet` and
# moves the files it wrote into DIR as part files: no line goes through Python
# or the JVM, nothing is parsed twice, and there is no shuffle. Ids and line
# numbers are the single run's by construction, since the binary reads each
# file whole under the path the single run names it by.

# The kinds of facts (SPEC), each a partition of facts/.
KINDS = ("money", "percent", "date", "person", "company")

# The datasets the binary writes besides facts, and the file it writes each into.
BINARY_DATASETS = {
    "sections": "sections.parquet",
    "articles": "articles.parquet",
    "events": "events.parquet",
}


def is_local(path):
    """Whether a path names a file of the local (or mounted) filesystem."""
    return "://" not in path and not path.startswith("file:")


def local_path(full):
    """The filesystem path of a Hadoop `file:` path."""
    return full[len("file:"):] if full.startswith("file:") else full


def arrow_schema(schema):
    import pyarrow as pa

    def ty(t):
        if isinstance(t, DateType):
            return pa.date32()
        return arrow_type(t)

    return pa.schema([pa.field(f.name, ty(f.dataType)) for f in schema.fields])


def write_rows(path, rows, schema):
    """A Parquet file of dict rows with one of the job's schemas."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sch = arrow_schema(schema)
    table = pa.Table.from_pylist(rows, schema=sch) if rows else sch.empty_table()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    pq.write_table(table, path, compression="snappy")


def plan_units(jsonl, text, order, chunk):
    """Work for the tasks: (bytes, kind, files, byte range), largest first.
    Whole files are grouped in input order into units of about `chunk` bytes; a
    JSONL file larger than `chunk` is cut into byte ranges of about `chunk`
    bytes, one unit each (the binary's --byte-range: each line is read by the
    range its first byte is in, with the whole file's line numbers, so ids and
    sources are a single run's). A unit holds dumps or text files, never both,
    so that only units of text files (whose paths the binary sees in a scratch
    folder) have their Parquet rewritten."""
    units, current, size, kind = [], [], 0, None
    by_disp = {}
    for key, (full, disp, _) in jsonl.items():
        by_disp[disp] = ("jsonl", disp, full)
    for full, (group, rel, root_disp) in text.items():
        disp = join_display(root_disp, rel) if rel is not None else root_disp
        by_disp[disp] = ("text", disp, full)
    for disp in order:
        item = by_disp.get(disp)
        if item is None:
            continue
        n = max(os.path.getsize(local_path(item[2])), 1)
        if item[0] == "jsonl" and n > chunk:
            pieces = -(-n // chunk)
            cuts = [n * i // pieces for i in range(pieces + 1)]
            for a, b in zip(cuts, cuts[1:]):
                units.append((b - a, "jsonl", [item[2]], (a, b)))
            continue
        if current and (kind != item[0] or size + n > chunk):
            units.append((size, kind, current, None))
            current, size = [], 0
        kind = item[0]
        current.append(item[2])
        size += n
    if current:
        units.append((size, kind, current, None))
    # Largest first, so that the last tasks to start are short ones.
    units.sort(key=lambda u: -u[0])
    return units


def summary_problems(summ):
    """problems/ rows from a run's summary lists (a repeated id's warning is
    left out: repeats are found again over the whole job)."""
    rows = []
    for key, level in (("skipped", "skipped"), ("warnings", "warning")):
        for e in summ.get(key, []):
            if level == "warning" and (e.get("reason") or "").startswith(DUPLICATE_REASON):
                continue
            rows.append({"level": level, "source": e.get("path"), "line": e.get("line"), "reason": e.get("reason")})
    return rows


def complete_lists(summ):
    """Whether a run's summary lists every problem it met (it lists at most
    MAX_LISTED of each kind)."""
    return (len(summ.get("skipped", [])) >= summ.get("articles_skipped", 0)
            and len(summ.get("warnings", [])) >= summ.get("warnings_count", 0))


def direct_unit(conf):
    """The function run for each unit (mapPartitionsWithIndex): runs the binary
    on the unit's files into a scratch folder beside DIR, moves its Parquet files
    into DIR as part files, writes the unit's problems, and returns its summary."""

    def run(index, units):
        import resource

        import pyarrow.parquet as pq

        out = conf["out"]
        binary = local_file(conf["binary"])
        gaz = {local_file(g): shown for g, shown in conf["gazetteers"].items()}
        keep_gaz = index == 0
        info = conf["text"].value
        jsonl = conf["jsonl"].value
        for size, kind, files, byte_range in units:
            threads = conf["threads"]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            scratch = tempfile.mkdtemp(prefix="newsfacts-unit-")
            run_out = os.path.join(out, "_temporary", "unit-%05d" % index)
            shutil.rmtree(run_out, ignore_errors=True)
            try:
                paths = {}  # a path the binary saw → the input's spelling
                if kind == "jsonl":
                    # The dumps under the path the single run names them by
                    # (relative paths from the driver's folder).
                    args = [jsonl[path_key(f)][1] for f in files]
                else:
                    # Text files laid out as under the folder given (links), so
                    # that doc_ids are the single run's; paths mapped back below.
                    roots, args = {}, []
                    for n, full in enumerate(files):
                        group, rel, disp = info[full]
                        if rel is None:
                            dest = os.path.join(scratch, f"f{n}", posixpath.basename(full))
                            args.append(dest)
                            paths[dest] = disp
                        else:
                            root = os.path.join(scratch, "g%d_%d" % group)
                            if root not in roots:
                                roots[root] = disp
                                args.append(root)
                            dest = os.path.join(root, *rel.split("/"))
                            paths[dest] = join_display(disp, rel)
                        os.makedirs(os.path.dirname(dest), exist_ok=True)
                        os.symlink(os.path.abspath(os.path.join(conf["cwd"], local_path(full))), dest)
                    for root, disp in roots.items():
                        paths[root] = disp
                cmd, flags = binary_command(binary, list(gaz), conf["opts"])
                flags = [f for f in flags if f != "--stdout"]
                if byte_range is not None:
                    flags += ["--byte-range", "%d:%d" % byte_range]
                env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
                proc = subprocess.run(cmd + args + flags + ["--format", "parquet", "--facts-by-kind", "--out", run_out],
                                      cwd=conf["cwd"], env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE)
                if proc.returncode not in (0, 1):
                    tail = proc.stderr[-4000:].decode("utf-8", "replace")
                    raise RuntimeError(f"newsfacts exited with status {proc.returncode} on {args}\n{tail}")

                def where(path, line):
                    if path in gaz:
                        return gaz[path], line
                    return paths.get(path, path), line

                summ = None
                if os.path.isfile(os.path.join(run_out, "summary.json")):
                    with open(os.path.join(run_out, "summary.json"), encoding="utf-8") as f:
                        summ = json.load(f)
                if summ is None or not complete_lists(summ):
                    # No article read (the binary then writes nothing), or more
                    # problems than the summary lists: the record stream has
                    # them all, and the closing summary.
                    summ, problems = None, []
                    for raw in run_binary(cmd + args + ["--stdout"] + flags, None, threads):
                        if raw.startswith(b'{"record":"problem"'):
                            p = json.loads(raw)
                            p.pop("record", None)
                            problems.append(p)
                        elif raw.startswith(b'{"record":"summary"'):
                            summ = json.loads(raw)
                            summ.pop("record", None)
                    problems = [p for p in problems if not (
                        p.get("level") == "warning" and (p.get("reason") or "").startswith(DUPLICATE_REASON))]
                else:
                    problems = summary_problems(summ)
                if not keep_gaz:
                    drop = [p for p in problems if p.get("source") in gaz]
                    problems = [p for p in problems if p.get("source") not in gaz]
                    if drop:
                        summ["warnings_count"] = summ.get("warnings_count", 0) - len(drop)
                        summ["warnings"] = [w for w in summ.get("warnings", []) if w.get("path") not in gaz]
                if byte_range is not None and byte_range[0] > 0:
                    # A problem with the file as a whole (it could not be
                    # opened) is met by every range: the first range reports it.
                    def whole_file(path, line):
                        return line is None and path == args[0]

                    problems = [p for p in problems if not whole_file(p.get("source"), p.get("line"))]
                    for key, count in (("skipped", "articles_skipped"), ("warnings", "warnings_count")):
                        kept = [e for e in summ.get(key, []) if not whole_file(e.get("path"), e.get("line"))]
                        summ[count] = summ.get(count, 0) - (len(summ.get(key, [])) - len(kept))
                        summ[key] = kept
                for p in problems:
                    p["source"], p["line"] = where(p.get("source"), p.get("line"))
                for key in ("skipped", "warnings", "duplicate_ids"):
                    for e in summ.get(key, []):
                        e["path"], e["line"] = where(e.get("path"), e.get("line"))
                part = "part-%05d.parquet" % index
                ids = b"" if conf["fingerprint"] else None
                if conf["fingerprint"] and os.path.isfile(os.path.join(run_out, "articles.parquet")):
                    col = pq.read_table(os.path.join(run_out, "articles.parquet"), columns=["doc_id"]).column(0)
                    ids = id_fingerprints(col.to_pylist())
                # Hive partitions by kind, as Spark writes them: the binary's
                # file of each kind (--facts-by-kind: no kind column) is the
                # kind's part; an empty kind has no part, as in Spark.
                for k in KINDS:
                    src = os.path.join(run_out, "facts-%s.parquet" % k)
                    if not os.path.isfile(src) or pq.read_metadata(src).num_rows == 0:
                        continue
                    dest = os.path.join(out, "facts", f"kind={k}", part)
                    os.makedirs(os.path.dirname(dest), exist_ok=True)
                    if paths:
                        pq.write_table(map_sources(pq.read_table(src), paths), dest, compression="snappy",
                                       row_group_size=65536)
                    else:
                        os.replace(src, dest)
                for name, fname in BINARY_DATASETS.items():
                    src = os.path.join(run_out, fname)
                    if not os.path.isfile(src):
                        continue
                    dest = os.path.join(out, name, part)
                    if not paths:
                        os.replace(src, dest)
                        continue
                    table = pq.read_table(src)
                    if table.schema.get_field_index("source") < 0:  # events carry no source
                        os.replace(src, dest)
                        continue
                    pq.write_table(map_sources(table, paths), dest, compression="snappy", row_group_size=65536)
                if problems:
                    write_rows(os.path.join(out, "problems", part), problems, PROBLEMS)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                summ["binary_cpu_seconds"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
                yield json.dumps(summ, ensure_ascii=False), ids
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
                shutil.rmtree(run_out, ignore_errors=True)

    return run


def map_sources(table, paths):
    """`table` with its `source` column's paths (those the binary saw) replaced
    by the input's spelling."""
    import pyarrow as pa

    i = table.schema.get_field_index("source")
    col = table.column(i).combine_chunks()
    if hasattr(col, "dictionary"):
        col = pa.DictionaryArray.from_arrays(
            col.indices, pa.array([paths.get(s, s) for s in col.dictionary.to_pylist()], pa.string()))
    else:
        col = pa.array([paths.get(s, s) for s in col.to_pylist()], pa.string())
    return table.set_column(i, table.schema.field(i), col)


def run_direct(spark, args, conf, jsonl, text, order, phase):
    """The direct path's driver half: plans the units, runs them (one task
    each), and returns the runs' summaries and whether two units' articles may
    share a doc_id (see `may_repeat`)."""
    sc = spark.sparkContext
    out = os.path.abspath(args.out)
    for name in list(DATASETS) + ["_temporary"]:
        shutil.rmtree(os.path.join(out, name), ignore_errors=True)
    for name in DATASETS:
        os.makedirs(os.path.join(out, name))
    total = sum(os.path.getsize(local_path(f)) for f, _, _ in jsonl.values()) + sum(
        os.path.getsize(local_path(f)) for f in text)
    # About four units per task slot: tasks run largest first, so a slot that
    # drew a slow unit takes fewer of the rest and the slots finish close
    # together (two per slot left one slot running 57 MB and the other 43 MB
    # of a 100 MB dump). Each unit starts the binary once (about 0.1 CPU-s), so
    # a unit holds at least UNIT_MIN bytes, and at most UNIT_MAX so that a
    # failed task's retry stays short.
    chunk = min(max(-(-total // (UNITS_PER_SLOT * sc.defaultParallelism)), UNIT_MIN), UNIT_MAX)
    if args.split_mb:
        chunk = min(chunk, int(args.split_mb * (1 << 20)))
    units = plan_units(jsonl, text, order, chunk)
    ranges = [u for u in units if u[3] is not None]
    phase(f"planned {len(units)} units ({len(ranges)} byte ranges of {len({u[2][0] for u in ranges})} dumps)")
    cores = int(sc.getConf().get("spark.executor.cores", str(sc.defaultParallelism)))
    # Fingerprints cost the driver 8 bytes an article: they are used up to a
    # size where that stays small; above it, the aggregation's few seconds are
    # small against the job.
    c = dict(conf, out=out, cwd=os.getcwd(), text=sc.broadcast(text), jsonl=sc.broadcast(jsonl), chunk=chunk,
             cores=max(1, cores // conf["threads"]), fingerprint=total <= FINGERPRINT_MAX_BYTES)
    runs = []
    if units:
        runs = sc.parallelize(units, len(units)).mapPartitionsWithIndex(direct_unit(c)).collect()
    shutil.rmtree(os.path.join(out, "_temporary"), ignore_errors=True)
    phase("extracted and written")
    return out, [json.loads(r) for r, _ in runs], may_repeat([ids for _, ids in runs])


# Units of work per task slot on the direct path, and the least and most bytes
# of a unit (--split-mb may set a smaller one).
UNITS_PER_SLOT = 4
UNIT_MIN = 4 << 20
UNIT_MAX = 256 << 20

# The largest input (bytes) whose doc_ids are fingerprinted on the direct path.
FINGERPRINT_MAX_BYTES = 4 << 30


def id_fingerprints(doc_ids):
    """Eight bytes per doc_id (BLAKE2b), concatenated: what a unit tells the
    driver about its ids, so that the driver can tell that no id repeats
    without reading the articles back."""
    import hashlib

    return b"".join(hashlib.blake2b(d.encode("utf-8"), digest_size=8).digest() for d in doc_ids)


def may_repeat(fingerprints):
    """False when no two articles of the job have the same fingerprint, hence no
    two the same doc_id (equal ids have equal fingerprints): the job then skips
    the aggregation over all articles that lists the repeats. True when some
    fingerprint repeats (a repeated id, or rarely two ids with one hash), or
    when some unit gave none (the input was too large to fingerprint)."""
    import numpy as np

    if any(blob is None for blob in fingerprints):
        return True
    keys = np.sort(np.frombuffer(b"".join(fingerprints), dtype="<u8"))
    return bool(len(keys) > 1 and (keys[1:] == keys[:-1]).any())


# --- The driver ------------------------------------------------------------------


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="newsfacts_spark.py",
        description="Run newsfacts extract over JSONL dumps (and text files) on Spark; write Parquet datasets.",
    )
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or globs (any path Spark reads)")
    ap.add_argument("--out", required=True, help="output folder (any path Spark writes)")
    ap.add_argument("--binary", default=None,
                    help="the newsfacts binary (Linux, for the executors): a local path or a URI; "
                         "default: target/release/newsfacts, else a file named newsfacts shipped with --files")
    ap.add_argument("--ref-date", default=None, metavar="YYYY-MM-DD")
    ap.add_argument("--gazetteer", action="append", default=[], metavar="FILE.tsv")
    for field in ("text", "title", "id", "date", "lang"):
        ap.add_argument(f"--{field}-field", default=None, metavar="NAME",
                        help=f"JSONL field holding the {field} (default: {field})")
    ap.add_argument("--split-mb", type=float, default=None,
                    help="largest piece of input one task reads, in MB (default: on the direct path a quarter of a "
                         "task slot's share, 4 to 256; on the records path Spark's split size, 128)")
    ap.add_argument("--threads-per-task", type=int, default=None,
                    help="threads of each newsfacts process (default: spark.task.cpus)")
    ap.add_argument("--path", choices=("auto", "direct", "records"), default="auto",
                    help="direct: each task runs the binary on whole files, which every executor must see at "
                         "the driver's paths; records: lines are piped through the binary (any filesystem, "
                         "compressed dumps); auto (default): direct when every input and --out are local "
                         "paths and no dump is compressed")
    args = ap.parse_args(argv)
    if args.ref_date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.ref_date.strip()):
        ap.error(f"--ref-date: {args.ref_date!r} is not a date (expected YYYY-MM-DD)")
    return args


def ship(sc, path, what):
    """addFile a file for the executors; returns the name SparkFiles knows it by.
    A bare name of a file already shipped with --files is used as it is."""
    shipped = {posixpath.basename(p) for p in (sc.getConf().get("spark.files", "") or "").split(",") if p}
    if path in shipped:
        return path
    if "://" not in path and not os.path.isfile(path):
        raise SystemExit(f"error: {what}: {path}: no such file")
    sc.addFile(path)
    return posixpath.basename(path)


def merge_summaries(parts):
    """Add up the runs' summaries: counts add, maps add key by key, lists join
    (at most MAX_LISTED items), flags hold if they hold everywhere."""

    def merge(a, b):
        if isinstance(a, bool) or isinstance(b, bool):
            return bool(a) and bool(b)
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return a + b
        if isinstance(a, dict) and isinstance(b, dict):
            out = dict(a)
            for k, v in b.items():
                out[k] = merge(out[k], v) if k in out else v
            return dict(sorted(out.items()))
        if isinstance(a, list) and isinstance(b, list):
            return a + b
        return a if a is not None else b

    out = {}
    for p in parts:
        out = merge(out, p) if out else dict(p)
    return out


def problem_key(p):
    return (p.get("path") or "", p.get("line") or 0, p.get("reason") or "")


# How the binary's warning about a repeated doc_id starts.
DUPLICATE_REASON = "duplicate doc_id "


def rust_debug(s):
    r"""A string quoted as the binary quotes ids in its messages (Rust's `{:?}`:
    quotes and backslashes escaped, \t \r \n \0, other unprintable
    characters as \u{hex}; Python's isprintable draws the same line)."""
    out = []
    for c in s:
        if c in "\\\"":
            out.append("\\" + c)
        elif c in "\t\r\n\0":
            out.append({"\t": "\\t", "\r": "\\r", "\n": "\\n", "\0": "\\0"}[c])
        elif not c.isprintable():
            out.append("\\u{%x}" % ord(c))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def duplicate_ids(articles, order):
    """summary.json's `duplicate_ids`: every article whose doc_id an earlier
    article of the job (in the single run's input order) has, as a single run
    lists them."""
    # One aggregation (one small shuffle of two columns), into few partitions
    # unless the job was told otherwise: its output is only the repeats.
    spark = articles.sparkSession
    if spark.sparkContext.getConf().get("spark.sql.shuffle.partitions") is None:
        spark.conf.set("spark.sql.shuffle.partitions", str(max(1, spark.sparkContext.defaultParallelism)))
    dup = (
        articles.groupBy("doc_id")
        .agg(F.count(F.lit(1)).alias("n"), F.collect_list("source").alias("sources"))
        .where(F.col("n") > 1)
        .collect()
    )
    rows = [{"doc_id": r["doc_id"], "source": s} for r in dup for s in r["sources"]]
    rank = {path: i for i, path in enumerate(order)}

    def position(source):
        path, _, line = source.rpartition(":")
        if path in rank and line.isdigit():
            return (rank[path], int(line))
        return (rank.get(source, len(rank)), 0)

    by_id = {}
    for r in rows:
        by_id.setdefault(r["doc_id"], []).append(r["source"])
    entries = []
    for doc_id, sources in by_id.items():
        for source in sorted(sources, key=position)[1:]:
            entries.append({
                "path": source,
                "line": None,
                "reason": f"{DUPLICATE_REASON}{rust_debug(doc_id)}: an earlier article "
                          "of this run has the same id (both are written; tell them apart by source)",
            })
    return sorted(entries, key=lambda e: position(e["path"]))


def hadoop_write(spark, path, text):
    sc = spark.sparkContext
    jvm = sc._jvm
    hp = jvm.org.apache.hadoop.fs.Path(path)
    fs = hp.getFileSystem(sc._jsc.hadoopConfiguration())
    out = fs.create(hp, True)
    try:
        out.write(bytearray(text.encode("utf-8")))
    finally:
        out.close()


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.time()
    spark = SparkSession.builder.appName("newsfacts").getOrCreate()
    sc = spark.sparkContext
    if args.split_mb:
        spark.conf.set("spark.sql.files.maxPartitionBytes", str(int(args.split_mb * (1 << 20))))

    binary = args.binary
    if binary is None:
        binary = "target/release/newsfacts" if os.path.isfile("target/release/newsfacts") else "newsfacts"
    binary_name = ship(sc, binary, "--binary")
    gazetteers = {ship(sc, g, "--gazetteer"): g for g in args.gazetteer}
    opts = []
    if args.ref_date:
        opts += ["--ref-date", args.ref_date.strip()]
    for field in ("text", "title", "id", "date", "lang"):
        v = getattr(args, f"{field}_field")
        if v is not None:
            opts += [f"--{field}-field", v]
    threads = args.threads_per_task or int(sc.getConf().get("spark.task.cpus", "1"))

    last = [time.time()]

    def phase(what):
        now = time.time()
        print(f"newsfacts: {what} ({now - last[0]:.1f} s)", file=sys.stderr)
        last[0] = now

    union = union_schema()
    local = (
        all(is_local(a) for a in args.inputs)
        and is_local(args.out)
        and (sc._jsc.hadoopConfiguration().get("fs.defaultFS") or "file:///").startswith("file:")
    )
    jsonl, text, empty, ignored, driver_problems, order = list_inputs(spark, args.inputs, local)
    phase(f"listed {len(jsonl)} dumps, {len(text)} text files")
    conf = {
        "binary": binary_name,
        "gazetteers": gazetteers,
        "opts": opts,
        "threads": threads,
        "id_field": args.id_field or "id",
        "gazetteer_here": True,
        "union": union,
    }

    compressed = any(extension(posixpath.basename(fp)) in COMPRESSED_EXTS for fp, _, _ in jsonl.values())
    if args.path == "direct" and not (local and not compressed):
        print("newsfacts: --path direct needs local inputs and --out, and no compressed dump", file=sys.stderr)
        spark.stop()
        return 2
    direct = args.path == "direct" or (args.path == "auto" and local and not compressed)
    if direct:
        out, runs, repeats = run_direct(spark, args, conf, jsonl, text, order, phase)
        duplicates = []
        if repeats and any(os.scandir(os.path.join(out, "articles"))):
            duplicates = duplicate_ids(spark.read.parquet(escape_glob(os.path.join(out, "articles"))), order)
        extra = driver_problems + [
            {"level": "warning", "source": e["path"], "line": None, "reason": e["reason"]} for e in duplicates
        ]
        if extra:
            write_rows(os.path.join(out, "problems", "part-driver.parquet"), extra, PROBLEMS)
        for name in ("problems", "events"):
            if not any(os.scandir(os.path.join(out, name))):
                # An empty dataset still has its schema (a job may meet no
                # problem, or find no event).
                write_rows(os.path.join(out, name, "part-00000.parquet"), [], DATASETS[name][1])
        phase("duplicate ids found" if repeats else "no doc_id repeats across units")
        return finish(spark, out, runs, duplicates, driver_problems, ignored, started, threads)

    parts = []
    if jsonl:
        lines = (
            spark.read.option("lineSep", "\n")
            .text([escape_glob(fp) for fp, _, _ in jsonl.values()])
            .select(
                F.col("_metadata.file_path").alias("path"),
                F.col("_metadata.file_block_start").alias("block"),
                F.col("value").cast("binary").alias("value"),
            )
        )
        # Pass 1: lines per split, so that each split knows its first line number.
        counts = lines.groupBy("path", "block").count().collect()
        phase("lines counted per split")
        by_file = {}
        for r in counts:
            by_file.setdefault(uri_key(r["path"]), []).append((r["block"], r["count"]))
        starts = {}
        for path, blocks in by_file.items():
            line = 1
            for block, count in sorted(blocks):
                starts[(path, block)] = line
                line += count
        c = dict(conf, starts=sc.broadcast(starts), files=sc.broadcast(jsonl))
        parts.append(lines.mapInArrow(jsonl_partition(c), union))
        conf["gazetteer_here"] = False
    if text:
        files = spark.createDataFrame([(fp, bytearray()) for fp in sorted(empty)], "path string, content binary")
        if len(empty) < len(text):
            files = (
                spark.read.format("binaryFile")
                .load([escape_glob(fp) for fp in text if fp not in empty])
                .select("path", "content")
                .unionByName(files)
            )
        # Spark packs small files into splits by their count as much as by their
        # size; one process per few files would cost more than the files, so
        # the files are regrouped into about as many partitions as a dump of
        # their size would get.
        want = max(1, min(sc.defaultParallelism * 4, len(text)))
        c = dict(conf, text=sc.broadcast(text))
        parts.append(files.coalesce(want).mapInArrow(text_partition(c), union))

    if parts:
        records = parts[0] if len(parts) == 1 else parts[0].unionByName(parts[1])
    else:
        records = spark.createDataFrame([], union)
    records = records.persist(StorageLevel.MEMORY_AND_DISK)
    # One pass of the binary over everything; the writes below read the cache.
    records.count()
    phase("extracted")
    carried = {f.name: f.dataType for f in union.fields}

    def dataset(name):
        tag, sch = DATASETS[name]
        cols = [F.col(f.name) if carried[f.name] == f.dataType else F.col(f.name).cast(f.dataType) for f in sch.fields]
        return records.where(F.col("record") == tag).select(*cols)

    def flat_facts():
        # The record stream's facts carry `value` and `link` as structs and no
        # section heading: flattened here to the single run's columns, the
        # heading joined from the sections (one row per article and section:
        # an article is its doc_id and source, as a doc_id may repeat).
        facts = dataset("facts").alias("f")
        headings = dataset("sections").select(
            F.col("doc_id").alias("h_doc"), F.col("source").alias("h_source"), F.col("section").alias("h_section"),
            F.col("heading").alias("h_heading"))
        on = ((F.col("f.doc_id") == F.col("h_doc")) & (F.col("f.source") == F.col("h_source"))
              & (F.col("f.section") == F.col("h_section")))
        joined = facts.join(headings, on, "left")
        cols = []
        for name, src, ty in FLAT_FACTS:
            c = F.coalesce(F.col("h_heading"), F.lit("")) if src is None else F.col("f." + src)
            if name == "section_heading":
                # The title's heading is the title; a body section's is empty.
                c = F.when(F.col("f.section_kind") == "body", F.lit("")).otherwise(c)
            cols.append(c.cast(ty).alias(name))
        return joined.select(*cols)

    out = args.out.rstrip("/")
    # A run sees the duplicate ids of its own partition only: they are found
    # again over the whole job (the first article of an id in input order
    # keeps it) and replace the runs' own duplicate warnings.
    duplicates = duplicate_ids(dataset("articles"), order)
    problems = dataset("problems").where(
        ~((F.col("level") == "warning") & F.col("reason").startswith(DUPLICATE_REASON))
    )
    extra = driver_problems + [
        {"level": "warning", "source": e["path"], "line": None, "reason": e["reason"]} for e in duplicates
    ]
    if extra:
        problems = problems.unionByName(spark.createDataFrame(extra, PROBLEMS))
    flat_facts().write.mode("overwrite").partitionBy("kind").parquet(out + "/facts")
    for name in ("sections", "articles", "events"):
        dataset(name).write.mode("overwrite").parquet(f"{out}/{name}")
    problems.write.mode("overwrite").parquet(out + "/problems")
    phase("written")

    runs = [json.loads(r[0]) for r in records.where(F.col("record") == "summary").select("summary").collect()]
    records.unpersist()
    return finish(spark, out, runs, duplicates, driver_problems, ignored, started, threads)


def finish(spark, out, runs, duplicates, driver_problems, ignored, started, threads):
    """Merges the runs' summaries into DIR/summary.json, stops Spark, and
    returns the exit status (1 when some input was skipped, as a single run)."""
    sc = spark.sparkContext
    summary = merge_summaries(runs)
    for p in driver_problems:
        summary["articles_skipped"] = summary.get("articles_skipped", 0) + 1
        summary.setdefault("skipped", []).append({"path": p["source"], "line": None, "reason": p["reason"]})
    for key in ("skipped", "warnings"):
        if key in summary:
            summary[key] = sorted(summary[key], key=problem_key)[:MAX_LISTED]
    if "duplicate_ids" in summary:
        summary["duplicate_ids_count"] = len(duplicates)
        summary["duplicate_ids"] = duplicates[:MAX_LISTED]
    summary["ignored_files"] = ignored[:MAX_LISTED]
    summary["ignored_files_count"] = len(ignored)
    elapsed = time.time() - started
    summary["elapsed_seconds"] = elapsed
    summary["mb_per_s"] = summary.get("bytes", 0) / 1e6 / elapsed if elapsed > 0 else 0.0
    summary["threads"] = sc.defaultParallelism * threads
    if "files" in summary:
        summary["files"] = [f"{name}/" for name in DATASETS] + ["summary.json"]
    if "complete" in summary or runs:
        summary["complete"] = True
    summary["runs"] = len(runs)
    hadoop_write(spark, out + "/summary.json", json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    print(
        f"newsfacts: {summary.get('articles_read', 0)} articles, {summary.get('facts', 0)} facts, "
        f"{summary.get('articles_skipped', 0)} skipped, {elapsed:.1f} s → {out}",
        file=sys.stderr,
    )
    spark.stop()
    return 1 if summary.get("articles_skipped", 0) else 0


if __name__ == "__main__":
    sys.exit(main())
