#!/usr/bin/env bash
# One big machine without Spark: split JSONL dumps into pieces, run N newsfacts
# processes side by side (xargs -P), merge their outputs into one output folder.
#
#   spark/split_run.sh -n N -o OUT [-b BINARY] DUMP.jsonl... [-- EXTRACT OPTIONS]
#
# Each dump is cut into N byte ranges; each process reads the lines starting in
# its range (newsfacts extract --byte-range), numbered as in the whole dump, so
# the merged files are the single run's, with rows in the same order (ranges
# are merged in dump order). A doc_id repeated in two ranges is not reported.
set -euo pipefail

N=$(nproc)
OUT=
BIN=newsfacts
while getopts "n:o:b:h" opt; do
    case $opt in
        n) N=$OPTARG ;;
        o) OUT=$OPTARG ;;
        b) BIN=$OPTARG ;;
        *) sed -n '2,10p' "$0"; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
DUMPS=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do DUMPS+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
EXTRA=("$@")
if [ -z "$OUT" ] || [ ${#DUMPS[@]} -eq 0 ]; then
    sed -n '2,10p' "$0"
    exit 2
fi
command -v "$BIN" >/dev/null 2>&1 || [ -x "$BIN" ] || { echo "split_run: $BIN: not found (give -b)" >&2; exit 2; }
BIN=$(command -v "$BIN" 2>/dev/null || echo "$BIN")
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsfacts-split.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
MAP=$WORK/map.tsv # dump path as given <TAB> START:END

# 1. Cut each dump into N byte ranges of about equal size. The binary reads the
#    lines that start in its range (--byte-range), numbering them as in the
#    whole dump: nothing is copied, and ids, sources and problem lines are the
#    single run's as they are.
: >"$MAP"
for dump in "${DUMPS[@]}"; do
    [ -f "$dump" ] || { echo "split_run: $dump: not a file" >&2; exit 2; }
    size=$(stat -c %s "$dump")
    for ((i = 0; i < N; i++)); do
        printf '%s\t%d:%d\n' "$dump" $((size * i / N)) $((size * (i + 1) / N)) >>"$MAP"
    done
done

# 2. One process per range, N at a time, one thread each. Exit status 1 (some
#    lines skipped) is a normal outcome; anything above it stops the run.
i=0
while IFS=$'\t' read -r dump range; do
    printf '%s\0%s\0%s\0' "$WORK/parts/$(printf %06d $i)" "$dump" "$range"
    i=$((i + 1))
done <"$MAP" | xargs -0 -n 3 -P "$N" bash -c '
    # xargs puts the three items (out, dump, range) after the extract options.
    bin=$0; args=("$@"); k=${#args[@]}
    out=${args[k-3]}; dump=${args[k-2]}; range=${args[k-1]}
    s=0
    RAYON_NUM_THREADS=1 "$bin" extract "$dump" --byte-range "$range" --out "$out" --quiet "${args[@]:0:k-3}" 2>/dev/null || s=$?
    [ $s -le 1 ] || { echo "split_run: newsfacts failed on $dump $range (exit $s)" >&2; exit 255; }
' "$BIN" ${EXTRA[@]+"${EXTRA[@]}"}

# 3. Merge: JSON Lines and CSV files are concatenated (one CSV header), JSON
#    arrays joined, summaries added up; Parquet files become the part files of a
#    dataset (facts.parquet -> OUT/facts/part-NNNNNN.parquet).
python3 - "$WORK" "$OUT" "$N" <<'EOF'
import json, os, shutil, sys
work, out = sys.argv[1], sys.argv[2]
parts = sorted(os.path.join(work, "parts", p) for p in os.listdir(os.path.join(work, "parts")))
def merge(a, b):
    if isinstance(a, bool) or isinstance(b, bool): return bool(a) and bool(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)): return a + b
    if isinstance(a, dict) and isinstance(b, dict):
        o = dict(a)
        for k, v in b.items(): o[k] = merge(o[k], v) if k in o else v
        return dict(sorted(o.items()))
    if isinstance(a, list) and isinstance(b, list): return a + b
    return a
os.makedirs(out, exist_ok=True)
names = sorted({n for p in parts if os.path.isdir(p) for n in os.listdir(p)})
for n in names:
    srcs = [os.path.join(p, n) for p in parts if os.path.isfile(os.path.join(p, n))]
    if n == "summary.json":
        s = {}
        for src in srcs:
            one = json.load(open(src, encoding="utf-8"))
            s = merge(s, one) if s else one
        s["elapsed_seconds"] = max(json.load(open(x))["elapsed_seconds"] for x in srcs)
        s["mb_per_s"] = s.get("bytes", 0) / 1e6 / s["elapsed_seconds"] if s["elapsed_seconds"] else 0.0
        s["threads"] = int(sys.argv[3])
        s["pieces"] = len(srcs)
        s["files"] = [m[:-len(".parquet")] + "/" if m.endswith(".parquet") else m[:-len(".xlsx")] + "/" if m.endswith(".xlsx") else m
                      for m in names]
        with open(os.path.join(out, n), "w", encoding="utf-8") as f:
            json.dump(s, f, ensure_ascii=False, indent=2); f.write("\n")
        continue
    if n.endswith((".parquet", ".xlsx")):
        stem, ext = os.path.splitext(n)
        os.makedirs(os.path.join(out, stem), exist_ok=True)
        for src in srcs:
            shutil.copyfile(src, os.path.join(out, stem, "part-%s%s" % (os.path.basename(os.path.dirname(src)), ext)))
        continue
    with open(os.path.join(out, n), "w", encoding="utf-8", newline="") as f:
        first, wrote = True, False
        for src in srcs:
            with open(src, encoding="utf-8", newline="") as g:
                if n.endswith(".csv"):
                    head = g.readline()
                    if first: f.write(head)
                    for line in g: f.write(line)
                elif n.endswith(".json"):
                    body = g.read().strip()
                    inner = body[1:-1].strip()
                    if first: f.write("[")
                    if inner:
                        f.write((",\n" if wrote else "\n") + inner)
                        wrote = True
                else:
                    for line in g: f.write(line)
            first = False
        if n.endswith(".json"): f.write("\n]\n")
EOF
echo "split_run: ${#DUMPS[@]} dump(s), $(wc -l <"$MAP") ranges, $N at a time → $OUT" >&2
# As a single run: exit status 1 when some input was skipped.
python3 -c 'import json, sys; sys.exit(1 if json.load(open(sys.argv[1]))["articles_skipped"] else 0)' "$OUT/summary.json"
