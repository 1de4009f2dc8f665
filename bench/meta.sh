#!/usr/bin/env bash
# Metadata accuracy on the AEB dev pages: title, authors, date, site, language (strict and lenient).
# Usage: bench/meta.sh [--debug] [extra meta_score.py flags such as --verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
profile=release
if [[ "${1:-}" == "--debug" ]]; then profile=debug; shift; fi
shared="${SHARED:-../shared}"
[[ -d "$shared/eval" ]] || { echo "no $shared/eval: set SHARED to the folder holding eval/" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
if [[ "$profile" == release ]]; then cargo build --release -q; else cargo build -q; fi
"./target/$profile/rinse" clean -q -o "$out" "$shared/eval/aeb/dev/html"
python3 "$shared/eval/meta_score.py" --truth "$shared/eval/meta/dev.json" --pred "$out" "$@"
