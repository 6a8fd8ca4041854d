#!/usr/bin/env bash
# One big machine without Spark: split JSONL dumps into pieces, run N newsfacts
# processes side by side (xargs -P), merge their outputs into one output folder.
#
#   spark/split_run.sh -n N -o OUT [-b BINARY] DUMP.jsonl... [-- EXTRACT OPTIONS]
#
# The merged files are the single run's, up to row order between pieces: each
# piece is written as a file of the dump's name, preceded by as many blank lines
# as come before it in the dump (the reader counts blank lines and skips them),
# so default ids (<file stem>:<line>) and problem lines are the dump's own; the
# piece's path is then replaced by the dump's in every output file. Paths with
# characters that CSV or JSON would quote are not supported by that replacement.
set -euo pipefail

N=$(nproc)
OUT=
BIN=newsfacts
while getopts "n:o:b:h" opt; do
    case $opt in
        n) N=$OPTARG ;;
        o) OUT=$OPTARG ;;
        b) BIN=$OPTARG ;;
        *) sed -n '2,15p' "$0"; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
DUMPS=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do DUMPS+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
EXTRA=("$@")
if [ -z "$OUT" ] || [ ${#DUMPS[@]} -eq 0 ]; then
    sed -n '2,15p' "$0"
    exit 2
fi
command -v "$BIN" >/dev/null 2>&1 || [ -x "$BIN" ] || { echo "split_run: $BIN: not found (give -b)" >&2; exit 2; }
BIN=$(command -v "$BIN" 2>/dev/null || echo "$BIN")
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsfacts-split.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
MAP=$WORK/map.tsv # piece path <TAB> dump path as given
: >"$MAP"

# 1. Split each dump at line boundaries into N pieces of about equal size.
d=0
for dump in "${DUMPS[@]}"; do
    [ -f "$dump" ] || { echo "split_run: $dump: not a file" >&2; exit 2; }
    name=$(basename "$dump")
    mkdir -p "$WORK/split/$d"
    split -n "l/$N" -d -a 4 "$dump" "$WORK/split/$d/"
    first=1
    for chunk in "$WORK/split/$d"/*; do
        lines=$(wc -l <"$chunk")
        # A last line without a line end is a line too.
        [ -n "$(tail -c 1 "$chunk")" ] && lines=$((lines + 1))
        piece=$WORK/pieces/$d-$(basename "$chunk")
        mkdir -p "$piece"
        { head -c $((first - 1)) /dev/zero | tr '\0' '\n'; cat "$chunk"; } >"$piece/$name"
        rm "$chunk"
        printf '%s\t%s\n' "$piece/$name" "$dump" >>"$MAP"
        first=$((first + lines))
    done
    d=$((d + 1))
done

# 2. One process per piece, N at a time, one thread each. Exit status 1 (some
#    lines skipped) is a normal outcome; anything above it stops the run.
cut -f1 "$MAP" | xargs -P "$N" -I{} bash -c '
    out="$1/parts/$(basename "$(dirname "$2")")"
    RAYON_NUM_THREADS=1 "$0" extract "$2" --out "$out" --quiet "${@:3}" 2>/dev/null
    s=$?; [ $s -le 1 ] || { echo "split_run: newsfacts failed on $2 (exit $s)" >&2; exit 255; }
' "$BIN" "$WORK" {} ${EXTRA[@]+"${EXTRA[@]}"}

# 3. Merge: JSON Lines and CSV files are concatenated (one CSV header), JSON
#    arrays joined, summaries added up; piece paths become the dump's.
python3 - "$WORK" "$OUT" "$N" <<'EOF'
import json, os, sys
work, out = sys.argv[1], sys.argv[2]
pieces = [l.rstrip("\n").split("\t") for l in open(os.path.join(work, "map.tsv"), encoding="utf-8")]
parts = [os.path.join(work, "parts", os.path.basename(os.path.dirname(p))) for p, _ in pieces]
fix = [(p, d) for p, d in pieces]
def repl(s):
    for p, d in fix:
        if p in s:
            s = s.replace(p, d)
    return s
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
            s = merge(s, json.loads(repl(open(src, encoding="utf-8").read()))) if s else json.loads(repl(open(src, encoding="utf-8").read()))
        s["elapsed_seconds"] = max(json.load(open(x))["elapsed_seconds"] for x in srcs)
        s["mb_per_s"] = s.get("bytes", 0) / 1e6 / s["elapsed_seconds"] if s["elapsed_seconds"] else 0.0
        s["threads"] = int(sys.argv[3])
        s["pieces"] = len(srcs)
        with open(os.path.join(out, n), "w", encoding="utf-8") as f:
            json.dump(s, f, ensure_ascii=False, indent=2); f.write("\n")
        continue
    with open(os.path.join(out, n), "w", encoding="utf-8", newline="") as f:
        first, wrote = True, False
        for src in srcs:
            with open(src, encoding="utf-8", newline="") as g:
                if n.endswith(".csv"):
                    head = g.readline()
                    if first: f.write(head)
                    for line in g: f.write(repl(line))
                elif n.endswith(".json"):
                    body = g.read().strip()
                    inner = body[1:-1].strip()
                    if first: f.write("[")
                    if inner:
                        f.write((",\n" if wrote else "\n") + repl(inner))
                        wrote = True
                else:
                    for line in g: f.write(repl(line))
            first = False
        if n.endswith(".json"): f.write("\n]\n")
EOF
echo "split_run: ${#DUMPS[@]} dump(s), $(wc -l <"$MAP") pieces, $N at a time → $OUT" >&2
