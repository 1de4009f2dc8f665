#!/usr/bin/env bash
# Page-boundary cleanup benchmark: rinse clean over the pagebreak dev set, scored by its scorer.
# Usage: bench/pagebreak.sh [SHARED_EVAL_DIR]   (default: ../shared/eval next to the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="${1:-../shared/eval}"
bench="$eval_dir/pagebreak"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo build --release --quiet
cargo run --release --quiet -- clean --no-config -q -o "$out" "$bench/dev/raw"
python3 "$bench/score.py" --expected "$bench/dev/expected" --pred "$out"
