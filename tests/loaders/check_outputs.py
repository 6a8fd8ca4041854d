"""Load newsfacts' outputs the way users do, with the real tools, and check
that they come in with the right types and agree with each other.

    python check_outputs.py BINARY INPUT_DIR

Runs BINARY on INPUT_DIR into a temporary folder (every file format), then:
- pandas `read_csv`: float64 amounts, boolean flags, dates from `date_start`;
- DuckDB `read_csv_auto` / `read_json_auto`: the types it infers on its own,
  one query for percentages in titles and headings, `"end"` usable quoted;
- pyarrow: the Parquet schemas (Int64, Float64, Boolean, Date32, dictionary
  strings);
- DuckDB over facts.parquet: the sum of amounts per currency equals the sum
  over facts.jsonl;
- pandas `read_excel` (openpyxl): the workbook's facts sheet has every row,
  numeric amounts and real dates;
- events (deals): events.csv with pandas, events.jsonl and the README's
  "total USD deal amounts per acquirer" with DuckDB, events.parquet with
  pyarrow, the events sheet with openpyxl: every one has every deal, typed,
  and the known deals of input/ with their acquirer, target and amount.
Prints one line per check and `N passed, N failed` at the end; exits 1 on any
failure.
"""

import csv
import json
import math
import os
import subprocess
import sys
import tempfile

import duckdb
import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

RESULTS = []


def check(name, ok, detail=""):
    RESULTS.append(bool(ok))
    print(("ok     " if ok else "FAILED ") + name + ("" if ok else f": {detail}"))


def run(binary, inp, out):
    subprocess.run(
        [binary, "extract", "--quiet", inp, "--out", out,
         "--format", "csv,jsonl,json,parquet,xlsx,records"],
        check=True,
    )


def facts_jsonl(out):
    with open(os.path.join(out, "facts.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def check_pandas_csv(out, facts):
    path = os.path.join(out, "facts.csv")
    df = pd.read_csv(path)
    check("pandas: one row per fact", len(df) == len(facts), f"{len(df)} vs {len(facts)}")
    for col in ["amount", "amount_max", "percent", "percent_max"]:
        check(f"pandas: {col} is float64", df[col].dtype == "float64", str(df[col].dtype))
    for col in ["start", "end", "section"]:
        check(f"pandas: {col} is int64", df[col].dtype == "int64", str(df[col].dtype))
    dates = df[df["kind"] == "date"]
    for col in ["year_inferred", "relative"]:
        values = set(map(type, dates[col]))
        check(f"pandas: {col} of dates are booleans", values <= {bool}, str(values))
    nullable = pd.read_csv(path, dtype_backend="numpy_nullable")
    for col in ["year_inferred", "relative"]:
        check(f"pandas (nullable): {col} is boolean", str(nullable[col].dtype) == "boolean",
              str(nullable[col].dtype))
    parsed = pd.read_csv(path, parse_dates=["date_start", "date_end", "article_date"])
    for col in ["date_start", "date_end"]:
        check(f"pandas: {col} parses as datetime64",
              str(parsed[col].dtype).startswith("datetime64"), str(parsed[col].dtype))
    resolved = parsed[parsed["date_start"].notna()]
    check("pandas: date_start <= date_end", bool((resolved["date_start"] <= resolved["date_end"]).all()))
    check("pandas: some dates have bounds", len(resolved) > 20, str(len(resolved)))
    sections = pd.read_csv(os.path.join(out, "sections.csv"))
    check("pandas: sections have source, lang, section_kind",
          {"source", "lang", "section_kind"} <= set(sections.columns), str(list(sections.columns)))


def duck_types(con, query):
    return {row[0]: row[1] for row in con.execute(f"DESCRIBE {query}").fetchall()}


def check_duckdb_text(out):
    con = duckdb.connect()
    csv_path = os.path.join(out, "facts.csv")
    types = duck_types(con, f"SELECT * FROM read_csv_auto('{csv_path}')")
    want = {
        "amount": "DOUBLE", "amount_max": "DOUBLE", "percent": "DOUBLE",
        "percent_max": "DOUBLE", "start": "BIGINT", "end": "BIGINT",
        "year_inferred": "BOOLEAN", "relative": "BOOLEAN",
        "date_start": "DATE", "date_end": "DATE", "text": "VARCHAR",
    }
    for col, ty in want.items():
        check(f"duckdb read_csv_auto: {col} is {ty}", types.get(col) == ty, types.get(col))
    jsonl_path = os.path.join(out, "facts.jsonl")
    types = duck_types(con, f"SELECT * FROM read_json_auto('{jsonl_path}')")
    for col, ty in {"start": "BIGINT", "end": "BIGINT", "date_start": "DATE",
                    "date_end": "DATE", "section": "BIGINT"}.items():
        check(f"duckdb read_json_auto: {col} is {ty}", types.get(col) == ty, types.get(col))
    value = types.get("value", "")
    check("duckdb read_json_auto: value.amount is DOUBLE", "amount DOUBLE" in value, value)
    check("duckdb read_json_auto: value.year_inferred is BOOLEAN",
          "year_inferred BOOLEAN" in value, value)
    # Percentages written in titles and headings, in one query.
    rows = con.execute(f"""
        SELECT doc_id, section_heading, text, percent
        FROM read_csv_auto('{csv_path}')
        WHERE kind = 'percent' AND section_kind IN ('title', 'heading')
          AND position(text IN section_heading) > 0
        ORDER BY id""").fetchall()
    check("duckdb: percentages in headings", len(rows) >= 1 and all(r[3] is not None for r in rows),
          str(rows))
    ends = con.execute(f"""SELECT min("end" - start) FROM read_csv_auto('{csv_path}')""").fetchone()
    check('duckdb: "end" quoted works', ends[0] is not None and ends[0] > 0, str(ends))
    # The linked-facts question runs (empty until links are found).
    con.execute(f"""
        SELECT subject, sum(amount) FROM read_csv_auto('{csv_path}')
        WHERE currency = 'USD' AND metric = 'deal_value' GROUP BY subject""").fetchall()
    check("duckdb: deal value per subject query runs", True)


def check_parquet(out, facts):
    schema = pq.read_schema(os.path.join(out, "facts.parquet"))
    dictionary = pa.dictionary(pa.int32(), pa.string())
    want = {
        "id": pa.string(), "start": pa.int64(), "end": pa.int64(), "section": pa.int64(),
        "amount": pa.float64(), "percent": pa.float64(),
        "year_inferred": pa.bool_(), "relative": pa.bool_(),
        "date_start": pa.date32(), "date_end": pa.date32(), "article_date": pa.date32(),
        "kind": dictionary, "currency": dictionary, "qualifier": dictionary,
        "rule": dictionary, "lang": dictionary, "doc_id": dictionary, "sentence": dictionary,
    }
    for col, ty in want.items():
        got = schema.field(col).type if col in schema.names else None
        check(f"pyarrow: facts.{col} is {ty}", got == ty, str(got))
    with open(os.path.join(out, "facts.csv"), encoding="utf-8") as f:
        header = next(csv.reader(f))
    check("pyarrow: facts.parquet has the CSV's columns in order", schema.names == header,
          f"{schema.names} vs {header}")
    table = pq.read_table(os.path.join(out, "facts.parquet"))
    check("pyarrow: one row per fact", table.num_rows == len(facts), f"{table.num_rows}")
    sections = pq.read_schema(os.path.join(out, "sections.parquet"))
    check("pyarrow: sections.chars is int64", sections.field("chars").type == pa.int64())
    articles = pq.read_table(os.path.join(out, "articles.parquet"))
    check("pyarrow: articles.date is date32", articles.schema.field("date").type == pa.date32())
    check("pyarrow: facts per article add up",
          sum(articles.column("facts").to_pylist()) == len(facts))

    con = duckdb.connect()
    path = os.path.join(out, "facts.parquet")
    by_currency = dict(con.execute(f"""
        SELECT currency, sum(amount) FROM '{path}'
        WHERE kind = 'money' GROUP BY currency""").fetchall())
    want_sums = {}
    for f in facts:
        if f["kind"] == "money":
            c = f["value"]["currency"]
            want_sums[c] = want_sums.get(c, 0.0) + f["value"]["amount"]
    same = set(by_currency) == set(want_sums) and all(
        math.isclose(by_currency[c], want_sums[c], rel_tol=1e-12) for c in want_sums)
    check("duckdb: sum(amount) by currency over facts.parquet equals facts.jsonl",
          same and len(want_sums) >= 3, f"{by_currency} vs {want_sums}")
    n = con.execute(f"SELECT count(*) FROM '{path}' WHERE date_start IS NOT NULL").fetchone()[0]
    check("duckdb: parquet dates are dates", n > 20, str(n))


def check_xlsx(out, facts):
    path = os.path.join(out, "newsfacts.xlsx")
    sheets = pd.read_excel(path, sheet_name=None, engine="openpyxl")
    check("excel: sheets facts, sections, events, summary",
          list(sheets) == ["facts", "sections", "events", "summary"], str(list(sheets)))
    df = sheets["facts"]
    check("excel: one row per fact", len(df) == len(facts), f"{len(df)} vs {len(facts)}")
    check("excel: amount is float64", df["amount"].dtype == "float64", str(df["amount"].dtype))
    check("excel: start is int64", df["start"].dtype == "int64", str(df["start"].dtype))
    check("excel: date_start is datetime64",
          str(df["date_start"].dtype).startswith("datetime64"), str(df["date_start"].dtype))
    money = df[df["kind"] == "money"]
    want = sum(f["value"]["amount"] for f in facts if f["kind"] == "money")
    check("excel: amounts add up to facts.jsonl's",
          math.isclose(money["amount"].sum(), want, rel_tol=1e-12))
    japanese = df["text"].astype(str).str.contains("億").any()
    check("excel: Japanese text intact", bool(japanese))
    # pandas turns a boolean column with blanks into floats: the cells
    # themselves are read with openpyxl.
    book = openpyxl.load_workbook(path, read_only=True)
    sheet = book["facts"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    kind, flag = header.index("kind"), header.index("year_inferred")
    flags = {type(row[flag]) for row in sheet.iter_rows(min_row=2, values_only=True)
             if row[kind] == "date"}
    check("excel: flags are boolean cells", flags == {bool}, str(flags))
    summary = sheets["summary"].set_index("what")["count"]
    check("excel: summary counts the facts", summary["facts"] == len(facts), str(summary))


def check_records(out, facts):
    with open(os.path.join(out, "records.jsonl"), encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    tags = {r["record"] for r in records}
    check("records: tagged", tags <= {"article", "section", "fact", "problem", "event"}, str(tags))
    in_stream = [{k: v for k, v in r.items() if k != "record"} for r in records
                 if r["record"] == "fact"]
    check("records: facts equal facts.jsonl", in_stream == facts)


# Deals of input/ that every format must hold, as the README's query finds them:
# (doc_id, acquirer, target, type, amount, currency).
KNOWN_DEALS = [
    ("ja/ja-us-china-london-talks", "Qualcomm", "Alphawave IP Group", "acquisition",
     2.4e9, "USD"),
    ("en/en-broadcom-veridian-deal", "Broadcom", "Veridian Networks", "acquisition",
     11.2e9, "GBP"),
]


def events_jsonl(out):
    with open(os.path.join(out, "events.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def has_deal(rows, deal):
    doc, acquirer, target, kind, amount, currency = deal
    return any(r["doc_id"] == doc and r["acquirer"] == acquirer and r["target"] == target
               and r["type"] == kind and r["currency"] == currency
               and r["amount"] is not None and math.isclose(r["amount"], amount, rel_tol=1e-9)
               for r in rows)


def check_events(out):
    events = events_jsonl(out)
    check("events: the sample deals are found", len(events) >= 10, str(len(events)))
    for deal in KNOWN_DEALS:
        check(f"events.jsonl: {deal[1]} buys {deal[2]}", has_deal(events, deal), str(events))

    # pandas over events.csv: typed columns, every deal.
    df = pd.read_csv(os.path.join(out, "events.csv"))
    check("pandas events.csv: one row per event", len(df) == len(events), f"{len(df)}")
    check("pandas events.csv: amount is float64", df["amount"].dtype == "float64",
          str(df["amount"].dtype))
    check("pandas events.csv: section is int64", df["section"].dtype == "int64",
          str(df["section"].dtype))
    rows = [{k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()}
            for r in df.to_dict("records")]
    for deal in KNOWN_DEALS:
        check(f"pandas events.csv: {deal[1]} buys {deal[2]}", has_deal(rows, deal))

    # DuckDB: the README's query over events.csv, and the types of events.jsonl.
    con = duckdb.connect()
    csv_path = os.path.join(out, "events.csv")
    per_acquirer = dict((a, (usd, n)) for a, usd, n in con.execute(f"""
        SELECT acquirer, sum(amount) AS usd, count(*) AS deals FROM '{csv_path}'
        WHERE currency = 'USD' AND acquirer IS NOT NULL GROUP BY acquirer ORDER BY usd DESC""").fetchall())
    want = {}
    for e in events:
        if e["currency"] == "USD" and e["acquirer"] is not None:
            usd, n = want.get(e["acquirer"], (0.0, 0))
            want[e["acquirer"]] = (usd + e["amount"], n + 1)
    check("duckdb: USD deal amounts per acquirer equal events.jsonl's", per_acquirer == want,
          f"{per_acquirer} vs {want}")
    check("duckdb: Qualcomm's USD deals are $2.4B",
          "Qualcomm" in per_acquirer and math.isclose(per_acquirer["Qualcomm"][0], 2.4e9),
          str(per_acquirer))
    jsonl_path = os.path.join(out, "events.jsonl")
    types = duck_types(con, f"SELECT * FROM read_json_auto('{jsonl_path}')")
    for col, ty in {"amount": "DOUBLE", "section": "BIGINT", "acquirer": "VARCHAR",
                    "type": "VARCHAR"}.items():
        check(f"duckdb read_json_auto events: {col} is {ty}", types.get(col) == ty, types.get(col))

    # pyarrow over events.parquet: the CSV's columns, typed, the same rows.
    path = os.path.join(out, "events.parquet")
    schema = pq.read_schema(path)
    dictionary = pa.dictionary(pa.int32(), pa.string())
    for col, ty in {"id": pa.string(), "amount": pa.float64(), "stake": pa.float64(),
                    "section": pa.int64(), "acquirer": dictionary, "type": dictionary,
                    "currency": dictionary, "acquirer_id": pa.string()}.items():
        got = schema.field(col).type if col in schema.names else None
        check(f"pyarrow: events.{col} is {ty}", got == ty, str(got))
    with open(csv_path, encoding="utf-8") as f:
        header = next(csv.reader(f))
    check("pyarrow: events.parquet has the CSV's columns in order", schema.names == header,
          f"{schema.names} vs {header}")
    table = pq.read_table(path).to_pylist()
    check("pyarrow: events.parquet rows equal events.jsonl", table == events)
    n = con.execute(f"SELECT count(*) FROM '{path}' WHERE acquirer = 'Qualcomm'").fetchone()[0]
    check("duckdb: events.parquet queried by acquirer", n >= 1, str(n))

    # openpyxl: the events sheet, amounts as number cells.
    book = openpyxl.load_workbook(os.path.join(out, "newsfacts.xlsx"), read_only=True)
    sheet = book["events"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    xrows = [dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    check("excel: one events row per event", len(xrows) == len(events), f"{len(xrows)}")
    amounts = {type(r["amount"]) for r in xrows if r["amount"] is not None}
    check("excel: event amounts are number cells", amounts <= {int, float} and amounts, str(amounts))
    for deal in KNOWN_DEALS:
        check(f"excel: {deal[1]} buys {deal[2]}", has_deal(xrows, deal))

    # The record stream and articles.jsonl hold the same events.
    with open(os.path.join(out, "records.jsonl"), encoding="utf-8") as f:
        stream = [json.loads(line) for line in f]
    in_stream = [{k: v for k, v in r.items() if k != "record"} for r in stream
                 if r["record"] == "event"]
    check("records: events equal events.jsonl", in_stream == events)
    with open(os.path.join(out, "articles.jsonl"), encoding="utf-8") as f:
        nested = [dict(doc_id=a["doc_id"], **e) for a in map(json.loads, f) for e in a["events"]]
    check("articles.jsonl: nested events equal events.jsonl", nested == events)


def main():
    binary, inp = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        run(binary, inp, out)
        facts = facts_jsonl(out)
        check_pandas_csv(out, facts)
        check_duckdb_text(out)
        check_parquet(out, facts)
        check_xlsx(out, facts)
        check_records(out, facts)
        check_events(out)
    passed = sum(RESULTS)
    failed = len(RESULTS) - passed
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
