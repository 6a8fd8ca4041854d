#!/usr/bin/env bash
# The Spark job's test, on a real Spark in local mode: installs a pinned PySpark
# in a venv (target/spark-venv), runs spark/newsfacts_spark.py on local[2] over
# input/ and a generated multi-file dump with bad lines, runs the single-machine
# binary over the same input, and compares (tests/spark/check.py): the same
# facts and sections, the bad lines in problems/ and summary.json, and Parquet
# schemas as docs/SPEC.md lists them.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

if ! command -v java >/dev/null 2>&1; then
    echo "tests/spark: java not found: Spark needs a Java runtime (17) on PATH" >&2
    exit 1
fi
java -version 2>&1 | head -1

VENV=$ROOT/target/spark-venv
if ! "$VENV/bin/python" -c 'import pyspark, pyarrow' >/dev/null 2>&1 ||
    ! cmp -s tests/spark/requirements.txt "$VENV/requirements.txt"; then
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r tests/spark/requirements.txt
    cp tests/spark/requirements.txt "$VENV/requirements.txt"
fi

cargo build --release --quiet --bin newsfacts
BIN=$ROOT/target/release/newsfacts

WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsfacts-spark-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
"$VENV/bin/python" tests/spark/check.py gen "$WORK"

# The same inputs for both: a folder, a folder of dumps and text files, and a
# dump named directly. Exit status 1 = some lines skipped, as intended.
INPUTS=(input "$WORK/dump" "$WORK/extra.jsonl" "$WORK/lone.txt")
status=0
"$BIN" extract "${INPUTS[@]}" --out "$WORK/single" --format csv,jsonl,json,records,parquet --quiet 2>/dev/null || status=$?
if [ "$status" -gt 1 ]; then
    echo "tests/spark: the single run failed (exit $status)" >&2
    exit 1
fi

# Splits of 64 KB cut the generated dump into several pieces, so line numbers
# are tested across splits and partitions.
export PATH="$VENV/bin:$PATH" PYSPARK_PYTHON="$VENV/bin/python" SPARK_LOCAL_IP=127.0.0.1

# job NAME ARGS...: the job on local[2] with ARGS, writing $WORK/NAME and its
# log $WORK/NAME.log; exit 1 = some lines skipped, as intended; worse fails.
job() {
    local name=$1 status=0
    shift
    spark-submit --master 'local[2]' \
        --conf spark.ui.enabled=false \
        --conf spark.log.level=WARN \
        --conf spark.sql.shuffle.partitions=4 \
        --driver-memory 1g \
        spark/newsfacts_spark.py "$@" --out "$WORK/$name" --binary "$BIN" --split-mb 0.0625 \
        >"$WORK/$name.log" 2>&1 || status=$?
    if [ "$status" -gt 1 ]; then
        tail -40 "$WORK/$name.log" >&2
        echo "tests/spark: the Spark job $name failed (exit $status)" >&2
        exit 1
    fi
}

job spark "${INPUTS[@]}"

status=0
"$VENV/bin/python" tests/spark/check.py compare "$WORK/single" "$WORK/spark" "$WORK/spark.log" || status=$?

# The same inputs through the records path (lines piped through the binary's
# record stream, Arrow schemas, Spark's writers), which a cluster without a
# shared filesystem uses: the same checks.
job spark-records "${INPUTS[@]}" --path records
echo "records path:"
"$VENV/bin/python" tests/spark/check.py compare "$WORK/single" "$WORK/spark-records" || status=1

# input/ alone: no doc_id repeats, so the job must rule repeats out from the
# units' id fingerprints without the aggregation, and still equal a single run.
"$BIN" extract input --out "$WORK/single-input" --format parquet --quiet 2>/dev/null
job spark-input input
"$VENV/bin/python" tests/spark/check.py compare-unique "$WORK/single-input" "$WORK/spark-input" \
    "$WORK/spark-input.log" || status=1
exit $status
