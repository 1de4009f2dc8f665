#!/usr/bin/env bash
# JSONL stream figures: documents/s and MB/s through `rinse clean --input-format jsonl --format jsonl -` with
# -j 1 and -j 2, and peak RSS for a small and a 1 GB stream (flat memory means RSS does not grow with the input).
# Usage: bench/stream.sh [PAGES_DIR] [BIG_MB]   (default: ../shared/eval/aeb/dev/html, else raw/pages; 1024)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
pages=${1:-$repo/../shared/eval/aeb/dev/html}
[[ -d "$pages" ]] || { echo "note: no $pages: using the bundled raw/pages" >&2; pages=$repo/raw/pages; }
big_mb=${2:-1024}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$repo"
cargo build --release --quiet --locked
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
rinse="$target/release/rinse"

python3 bench/make_jsonl.py "$pages" "$work/small.jsonl" 100
python3 bench/make_jsonl.py "$pages" "$work/big.jsonl" "$big_mb"

measure() { # label jobs file
  local label=$1 jobs=$2 file=$3
  local bytes docs
  bytes=$(stat -c %s "$file")
  docs=$(wc -l < "$file")
  /usr/bin/time -f "%e %M" -o "$work/time" "$rinse" --no-config clean --input-format jsonl --format jsonl -q -j "$jobs" - < "$file" > /dev/null
  read -r secs kib < "$work/time"
  python3 - "$label" "$jobs" "$bytes" "$docs" "$secs" "$kib" <<'PY'
import sys
label, jobs, nbytes, docs, secs, kib = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
print(f"{label:>8} -j {jobs}: {docs} docs, {nbytes / 1e6:8.1f} MB in {secs:7.2f} s = {docs / secs:7.1f} docs/s, "
      f"{nbytes / 1e6 / secs:6.1f} MB/s, peak RSS {kib / 1024:6.1f} MiB")
PY
}
measure small 1 "$work/small.jsonl"
measure small 2 "$work/small.jsonl"
measure big 2 "$work/big.jsonl"
