#!/usr/bin/env bash
# Load the outputs of input/ with the tools users have (pandas, pyarrow, DuckDB,
# openpyxl) and check their types and sums: see check_outputs.py. Creates a
# virtual environment with the pinned versions of requirements.txt (kept in
# target/loaders-venv, reused while requirements.txt is unchanged), builds the
# release binary, and runs the checks. Needs python3 with venv and the
# package index.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=tests/loaders
venv=target/loaders-venv
stamp="$venv/requirements.txt"
if ! cmp -s "$here/requirements.txt" "$stamp" 2>/dev/null; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
    cp "$here/requirements.txt" "$stamp"
fi
cargo build --release --quiet --bin newsfacts
"$venv/bin/python" "$here/check_outputs.py" target/release/newsfacts input
