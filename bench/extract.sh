#!/usr/bin/env bash
# Article-body accuracy on both dev sets (issue 12): the AEB dev pages (shingle P/R/F1) and trafilatura's own
# benchmark (trafeval, chunk P/R/F1), each whole and in two halves split by a hash of the page name, plus
# trafeval per language. A change that helps one half and hurts the other is fitting those pages: keep a change
# only when it helps both halves of both sets, or is neutral on one (bench/accuracy.py says how the split works).
# Usage: bench/extract.sh [--debug] [EVAL_DIR] [bench/accuracy.py flags: --json OUT, --compare OLD.json]
#   --debug uses the dev-profile build (quicker to rebuild while iterating; the figures are the same).
#   EVAL_DIR defaults to ../shared/eval, relative to the repository root. OUT=DIR keeps the text output there.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=release
if [[ "${1:-}" == "--debug" ]]; then profile=debug; shift; fi
eval_dir=../shared/eval
if [[ $# -gt 0 && "$1" != --* ]]; then eval_dir="$1"; shift; fi
out="${OUT:-}"
if [[ -z "$out" ]]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi
if [[ "$profile" == release ]]; then cargo build --release --quiet; else cargo build --quiet; fi
bin="./target/$profile/rinse"
rm -rf "$out/aeb" "$out/trafeval"
"$bin" --no-config clean -q --format text -o "$out/aeb" "$eval_dir/aeb/dev/html"
"$bin" --no-config clean -q --format text -o "$out/trafeval" "$eval_dir/trafeval/dev/html"
python3 bench/accuracy.py --eval "$eval_dir" --aeb "$out/aeb" --trafeval "$out/trafeval" "$@"
