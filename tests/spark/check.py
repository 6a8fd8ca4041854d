#!/usr/bin/env python3
"""The Spark job's test, the Python half (tests/spark/run.sh drives it):

    check.py gen DIR                 write a multi-file dump with bad lines in DIR (and
                                     DIR/expected.json: where each bad input is)
    check.py compare SINGLE SPARK    compare a single run's files with the Spark job's datasets

`compare` checks that the Spark job gives the same answer as one machine: the
same facts, sections and articles (every column, against the single run's
Parquet files, and the fact ids of facts.jsonl) and events; the same problems as
the single run's record stream (level, path, line, reason), among them every
bad input the generator wrote, where it wrote it; the same counts and lists in
summary.json; and Parquet schemas exactly as docs/SPEC.md ("On Spark") lists
them. SINGLE is a single run's folder written with
`--format csv,jsonl,json,records,parquet`.
"""

import collections
import csv
import json
import os
import random
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


# --- gen ----------------------------------------------------------------------


def articles():
    """The sample articles of input/, as (lang, title, text)."""
    out = []
    for lang in ("en", "ja"):
        folder = os.path.join(ROOT, "input", lang)
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            title = text.strip().split("\n", 1)[0][:80]
            out.append((lang, title, text))
    return out


def record(rng, samples, n, with_id):
    lang, title, text = samples[n % len(samples)]
    # Cut articles at a paragraph so records differ in length and content.
    paras = text.split("\n\n")
    keep = "\n\n".join(paras[: max(1, rng.randrange(1, len(paras) + 1))])
    rec = {}
    if with_id == "id":
        rec["id"] = f"gen-{n}"
    elif with_id == "number":
        rec["id"] = 1000 + n
    elif with_id == "null":
        rec["id"] = None
    elif with_id == "empty":
        rec["id"] = ""
    rec["title"] = title
    rec["text"] = keep
    if rng.random() < 0.5:
        rec["date"] = f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    if rng.random() < 0.5:
        rec["lang"] = lang
    return json.dumps(rec, ensure_ascii=rng.random() < 0.3).encode("utf-8")


# Lines a single run reports (line content, what it is), placed among articles.
BAD_LINES = [
    b'{"id": "broken", "text": "unterminated',
    b"[1, 2, 3]",
    b'{"id": "no-text", "title": "a title only"}',
    b'{"id": "empty-text", "text": "   "}',
    b'{"text": "caf\xe9 au lait, \xff invalid UTF-8"}',
    b"not json at all",
    b'{"id": "bad-date", "text": "Sony rose 3% on June 9.", "date": "yesterday"}',
    b'{"text": 42}',
]


def gen(out):
    rng = random.Random(14)
    samples = articles()
    os.makedirs(os.path.join(out, "dump", "sub"), exist_ok=True)
    os.makedirs(os.path.join(out, "dump", "notes"), exist_ok=True)
    ids = ["id", "none", "number", "null", "empty", "none"]

    # Where each bad input is: [level, path, line or None]. The paths are those
    # run.sh gives (DIR/dump walked as a folder, DIR/extra.jsonl named).
    expected = []

    def write(path, n_lines, first, bom=False, crlf_every=0, bad_every=0, extra=()):
        lines = []
        n = first
        bad = 0
        for i in range(n_lines):
            if bad_every and i % bad_every == bad_every - 1:
                line = BAD_LINES[bad % len(BAD_LINES)]
                lines.append(line)
                level = "warning" if b'"bad-date"' in line else "skipped"
                expected.append([level, path, i + 1])
                bad += 1
            elif i % 17 == 5:
                lines.append(b"")  # blank lines are counted, not reported
            else:
                lines.append(record(rng, samples, n, ids[n % len(ids)]))
                n += 1
        for line, repeated in extra:
            lines.append(line)
            if repeated:
                expected.append(["warning", f"{path}:{len(lines)}", None])
        with open(path, "wb") as f:
            if bom:
                f.write(b"\xef\xbb\xbf")
            for i, line in enumerate(lines):
                f.write(line + (b"\r\n" if crlf_every and i % crlf_every == 0 else b"\n"))
        return n

    # Repeated ids, within a file and across files (so across partitions):
    # every repeat after the first in input order is a warning.
    def dup(doc_id):
        return json.dumps({"id": doc_id, "text": "Sony rose 3% on June 9."}, ensure_ascii=False).encode("utf-8")

    n = write(os.path.join(out, "dump", "a.jsonl"), 150, 0, bom=True, crlf_every=7, bad_every=11,
              extra=[(dup("tab\tid"), False), (dup("tab\tid"), True)])
    n = write(os.path.join(out, "dump", "sub", "b part.jsonl"), 40, n, bad_every=13, extra=[(dup("gen-0"), True)])
    # A last line without a line end.
    with open(os.path.join(out, "dump", "sub", "c.jsonl"), "wb") as f:
        f.write(record(rng, samples, n, "none") + b"\n" + b"{oops}\n" + record(rng, samples, n + 1, "none"))
    expected.append(["skipped", os.path.join(out, "dump", "sub", "c.jsonl"), 2])
    n += 2
    # Text files: Markdown, Shift_JIS, an empty one; a file that is no article.
    lang, title, text = samples[0]
    with open(os.path.join(out, "dump", "notes", "memo.md"), "w", encoding="utf-8") as f:
        f.write("# " + title + "\n\n" + text)
    ja = [s for s in samples if s[0] == "ja"][0][2]
    with open(os.path.join(out, "dump", "notes", "sjis.txt"), "wb") as f:
        f.write(ja.encode("shift_jis", errors="ignore"))
    open(os.path.join(out, "dump", "notes", "empty.txt"), "w").close()
    expected.append(["skipped", os.path.join(out, "dump", "notes", "empty.txt"), None])
    with open(os.path.join(out, "dump", "notes", "blank.txt"), "w") as f:
        f.write("  \n\n")
    expected.append(["skipped", os.path.join(out, "dump", "notes", "blank.txt"), None])
    with open(os.path.join(out, "dump", "notes", "binary.txt"), "wb") as f:
        f.write(b"\x00\x01\x02 not text")
    expected.append(["skipped", os.path.join(out, "dump", "notes", "binary.txt"), 1])
    # An empty text file named directly.
    open(os.path.join(out, "lone.txt"), "w").close()
    expected.append(["skipped", os.path.join(out, "lone.txt"), None])
    with open(os.path.join(out, "dump", "notes", "table.csv"), "w") as f:
        f.write("a,b\n1,2\n")
    # A dump named directly on the command line; an empty dump (no article,
    # no problem, as in a single run).
    write(os.path.join(out, "extra.jsonl"), 12, n, bad_every=5, extra=[(dup("gen-0"), True)])
    open(os.path.join(out, "dump", "sub", "empty.jsonl"), "w").close()
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)


# --- compare ------------------------------------------------------------------


def strip_nulls(v):
    """A value with its null fields left out: the Parquet structs carry every
    kind's fields, the JSON lines only their kind's."""
    if isinstance(v, dict):
        return {k: strip_nulls(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [strip_nulls(x) for x in v]
    return v


def canon(v):
    return json.dumps(strip_nulls(v), sort_keys=True, ensure_ascii=False, default=str)


def read_dataset(path):
    import pyarrow.dataset as ds

    return ds.dataset(path, format="parquet", partitioning="hive")


def rows(path):
    return read_dataset(path).to_table().to_pylist()


def spec_schemas():
    """The datasets' columns and types from docs/SPEC.md's "On Spark" section:
    a table per dataset, under a heading naming its folder."""
    with open(os.path.join(ROOT, "docs", "SPEC.md"), encoding="utf-8") as f:
        spec = f.read()
    at = spec.find("## On Spark")
    if at < 0:
        raise AssertionError('docs/SPEC.md has no "## On Spark" section')
    part = spec[at:]
    nxt = re.search(r"\n## ", part[3:])
    if nxt:
        part = part[: nxt.start() + 3]
    out, current = {}, None
    for line in part.splitlines():
        m = re.match(r"#{3,4} `(\w+)/`", line)
        if m:
            current = out.setdefault(m.group(1), [])
            continue
        if line.startswith("#"):
            current = None  # a table under any other heading is not a dataset's
            continue
        m = re.match(r"\|\s*`([\w.]+)`\s*\|\s*`?([\w\[\]]+)`?\s*\|", line)
        if m and current is not None:
            current.append((m.group(1), m.group(2)))
    return out


def arrow_columns(schema):
    """(dotted name, type) for every column and struct field."""
    import pyarrow as pa

    out = []

    def walk(prefix, field):
        t = field.type
        if pa.types.is_struct(t):
            out.append((prefix + field.name, "struct"))
            for i in range(t.num_fields):
                walk(prefix + field.name + ".", t.field(i))
            return
        if pa.types.is_dictionary(t):
            t = t.value_type
        name = {"string": "string", "large_string": "string", "int64": "int64", "double": "double",
                "bool": "bool", "date32[day]": "date"}.get(str(t), str(t))
        out.append((prefix + field.name, name))

    for f in schema:
        walk("", f)
    return out


def partitioned(name, columns):
    """facts/ columns as a reader of the Hive-partitioned dataset sees them:
    `kind` comes from the folder names, after the files' columns."""
    if name != "facts":
        return columns
    return [c for c in columns if c[0] != "kind"] + [("kind", "string")]


class Checks:
    def __init__(self):
        self.passed, self.failed = 0, 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok    {name}")
        else:
            self.failed += 1
            print(f"FAIL  {name}\n      {detail}")


def diff(a, b, n=3):
    return f"only in single run: {list((a - b).elements())[:n]}; only in Spark: {list((b - a).elements())[:n]}"


def compare(single, spark):
    c = Checks()
    import pyarrow.parquet as pq  # noqa: F401 - fails early without pyarrow

    # (a) facts, sections, articles: every column of every row, against the
    # single run's Parquet files (the same binary wrote both, so the types are
    # the same too).
    import pyarrow.parquet as pq

    for name in ("facts", "sections", "articles"):
        one_t = pq.read_table(os.path.join(single, f"{name}.parquet"))
        many_t = read_dataset(os.path.join(spark, name)).to_table()
        one = collections.Counter(canon(r) for r in one_t.to_pylist())
        many = collections.Counter(canon(r) for r in many_t.to_pylist())
        c.check(f"{name}: the same {sum(one.values())} rows, every column", one == many and sum(one.values()) > 0,
                diff(one, many))
        want = partitioned(name, arrow_columns(one_t.schema))
        c.check(f"{name}/: the single run's columns and types", want == arrow_columns(many_t.schema),
                f"single: {want}\n      Spark: {arrow_columns(many_t.schema)}")
    # And against the JSON files, so that the comparison is not of a file with itself.
    with open(os.path.join(single, "facts.jsonl"), encoding="utf-8") as f:
        ids = collections.Counter(json.loads(line)["id"] for line in f)
    spark_ids = collections.Counter(read_dataset(os.path.join(spark, "facts")).to_table(columns=["id"]).column(0)
                                    .to_pylist())
    c.check("facts: the ids of facts.jsonl", ids == spark_ids, diff(ids, spark_ids))
    kinds = sorted(n for n in os.listdir(os.path.join(spark, "facts")) if n.startswith("kind="))
    c.check("facts/: partitioned by kind", kinds == ["kind=company", "kind=date", "kind=money", "kind=percent",
                                                     "kind=person"], f"folders: {kinds}")
    parts = [n for n in os.listdir(os.path.join(spark, "facts", "kind=date")) if n.endswith(".parquet")]
    c.check("facts/: part files of several tasks", len(parts) >= 3, f"files: {parts}")
    # The single run's record stream: its problems and events, in input order.
    with open(os.path.join(single, "records.jsonl"), encoding="utf-8") as f:
        records = [json.loads(line) for line in f]

    # Events: every field (none yet is an empty dataset on both sides).
    one = collections.Counter(canon({k: v for k, v in r.items() if k != "record"})
                              for r in records if r["record"] == "event")
    many = collections.Counter(canon(r) for r in rows(os.path.join(spark, "events")))
    c.check(f"events: the same {sum(one.values())} events", one == many, diff(one, many))

    # (b) problems: every skipped input and warning (bad lines, empty, blank
    # and binary files, repeated ids), with level, path, line and reason.
    def key(level, source, line, reason):
        return json.dumps([level, source, line, reason], ensure_ascii=False)

    expected = collections.Counter(key(r["level"], r["source"], r["line"], r["reason"])
                                   for r in records if r["record"] == "problem")
    spark_problems = rows(os.path.join(spark, "problems"))
    got = collections.Counter(key(p["level"], p["source"], p["line"], p["reason"]) for p in spark_problems)
    c.check(f"problems: the {sum(expected.values())} problems of the single run, with path and line",
            expected == got, diff(expected, got))
    # Each bad input the generator wrote is among them, where it was written
    # (so that a shared mistake of both runs cannot pass).
    with open(os.path.join(os.path.dirname(os.path.abspath(single)), "expected.json"), encoding="utf-8") as f:
        planted = json.load(f)
    at = collections.Counter((p["level"], p["source"], p["line"]) for p in spark_problems)
    missing = [p for p in planted if at[tuple(p)] < 1]
    c.check(f"problems: each of the {len(planted)} bad inputs written, at its path and line",
            not missing and len(planted) >= len(BAD_LINES), f"not found: {missing}")

    with open(os.path.join(single, "summary.json"), encoding="utf-8") as f:
        s1 = json.load(f)
    with open(os.path.join(spark, "summary.json"), encoding="utf-8") as f:
        s2 = json.load(f)
    same = ["articles_read", "articles_skipped", "warnings_count", "duplicate_ids_count", "facts", "facts_by_kind",
            "facts_by_lang", "articles_by_lang", "facts_outside_sections", "sections", "encodings", "bytes",
            "ignored_files_count"]
    wrong = {k: (s1.get(k), s2.get(k)) for k in same if s1.get(k) != s2.get(k)}
    for k in ("skipped", "warnings", "duplicate_ids", "ignored_files"):
        if sorted(map(json.dumps, s1.get(k, []))) != sorted(map(json.dumps, s2.get(k, []))):
            wrong[k] = (s1.get(k), s2.get(k))
    missing = sorted(set(s1) - set(s2))
    c.check("summary.json: the single run's fields and counts", not wrong and not missing,
            f"differ: {wrong}; missing: {missing}")
    # The counts were added up over several processes' closing summary
    # records, so the merge itself was exercised.
    c.check("summary.json: merged from several runs' summary records", s2.get("runs", 0) >= 3,
            f"runs: {s2.get('runs')}")

    # (c) schemas as SPEC lists them.
    spec = spec_schemas()
    for name in ("facts", "sections", "articles", "problems", "events"):
        want = spec.get(name)
        have = arrow_columns(read_dataset(os.path.join(spark, name)).schema) if os.path.isdir(
            os.path.join(spark, name)) else None
        want = partitioned(name, want or [])
        c.check(f"{name}/: Parquet schema as docs/SPEC.md lists it", want and have == want,
                f"SPEC: {want}\n      Parquet: {have}")

    print(f"spark: {c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


def compare_unique(single, spark, log):
    """A job whose doc_ids are all distinct: the same rows as the single run,
    no repeated id, and the repeats were ruled out from the units' id
    fingerprints (the job's log says so) rather than by the aggregation."""
    import pyarrow.parquet as pq

    c = Checks()
    for name in ("facts", "sections", "articles"):
        one = collections.Counter(canon(r) for r in pq.read_table(os.path.join(single, f"{name}.parquet")).to_pylist())
        many = collections.Counter(canon(r) for r in read_dataset(os.path.join(spark, name)).to_table().to_pylist())
        c.check(f"distinct ids: {name}, the same {sum(one.values())} rows", one == many and sum(one.values()) > 0,
                diff(one, many))
    with open(os.path.join(single, "summary.json"), encoding="utf-8") as f:
        s1 = json.load(f)
    with open(os.path.join(spark, "summary.json"), encoding="utf-8") as f:
        s2 = json.load(f)
    c.check("distinct ids: no repeated id in either summary",
            s1.get("duplicate_ids_count") == 0 and s2.get("duplicate_ids_count") == 0 and s2.get("runs", 0) >= 2,
            f"single {s1.get('duplicate_ids_count')}, Spark {s2.get('duplicate_ids_count')}, runs {s2.get('runs')}")
    with open(log, encoding="utf-8", errors="replace") as f:
        text = f.read()
    c.check("distinct ids: ruled out by fingerprints, without the aggregation",
            "no doc_id repeats across units" in text and "duplicate ids found" not in text)
    print(f"spark (distinct ids): {c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


def main(argv):
    if len(argv) == 2 and argv[0] == "gen":
        gen(argv[1])
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(argv[1], argv[2])
    if len(argv) == 4 and argv[0] == "compare":
        status = compare(argv[1], argv[2])
        # The job met repeated ids: the fingerprints must have sent it to the
        # aggregation that lists them.
        with open(argv[3], encoding="utf-8", errors="replace") as f:
            log = f.read()
        found = "duplicate ids found" in log
        print(("ok    " if found else "FAIL  ") + "repeated ids: listed by the aggregation after the fingerprints met")
        # The generated dump a.jsonl is larger than a unit: it was cut into
        # byte ranges (so the equality above covers lines read by ranges).
        m = re.search(r"planned \d+ units \((\d+) byte ranges of (\d+) dumps\)", log)
        cut = bool(m and int(m.group(1)) >= 2 and int(m.group(2)) >= 1)
        print(("ok    " if cut else "FAIL  ") + "a dump larger than a unit cut into byte ranges"
              + ("" if cut else f": {m.group(0) if m else 'no plan line in the log'}"))
        return status or (0 if found and cut else 1)
    if len(argv) == 4 and argv[0] == "compare-unique":
        return compare_unique(argv[1], argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
