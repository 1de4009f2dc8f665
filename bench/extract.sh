#!/usr/bin/env bash
# Article-body accuracy on the AEB dev pages (issue 3): F1, precision, recall.
# Usage: bench/extract.sh [EVAL_DIR]   (default: ../shared/eval, relative to the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="${1:-../shared/eval}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo build --release --quiet
./target/release/rinse clean -q --format text -o "$out" "$eval_dir/aeb/dev/html"
python3 "$eval_dir/aeb_score.py" --truth "$eval_dir/aeb/dev/ground-truth.json" --pred "$out" "${@:2}"
