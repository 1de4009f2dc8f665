#!/usr/bin/env bash
# Speed and memory of the whole pipeline (issue 3), single core, on the AEB dev pages:
#   - `rinse clean --format text -j 1` throughput in MB of HTML per second (best of 3 runs, process included),
#   - scraper's parse-only speed on the same pages in the same run (examples/parse_only.rs), and the ratio,
#   - peak RSS for the largest page in its own process (/usr/bin/time -v, else Python's getrusage),
#   - the slowest page's time per MB against the median (in-process pipeline, best of 5 per page, CPU time).
# Usage: bench/speed.sh [EVAL_DIR]   (default: ../shared/eval). Installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="${1:-../shared/eval}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --bin rinse --example parse_only
bin=./target/release/rinse
ref=./target/release/examples/parse_only

# Decompress once so both sides read plain HTML.
mkdir -p "$work/html"
for f in "$eval_dir"/aeb/dev/html/*; do
  name="$(basename "$f" .gz)"
  case "$f" in *.gz) gzip -dc "$f" >"$work/html/$name" ;; *) cp "$f" "$work/html/$name" ;; esac
done
bytes="$(cat "$work"/html/* | wc -c)"
pages="$(ls "$work/html" | wc -l)"

# Wall time, and CPU time (user + sys) which other jobs on a busy machine disturb less; best of 3 each.
best=""
best_cpu=""
for _ in 1 2 3; do
  rm -rf "$work/out"
  if [ -x /usr/bin/time ]; then
    read -r t cpu < <(/usr/bin/time -f '%e %U %S' "$bin" clean -q --format text -j 1 -o "$work/out" "$work/html" 2>&1 |
      tail -n 1 | awk '{ print $1, $2 + $3 }')
  else
    start="$(date +%s.%N)"
    "$bin" clean -q --format text -j 1 -o "$work/out" "$work/html"
    end="$(date +%s.%N)"
    t="$(echo "$end - $start" | bc -l)"
    cpu="$t"
  fi
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best="$t"; fi
  if [ -z "$best_cpu" ] || [ "$(echo "$cpu < $best_cpu" | bc -l)" = 1 ]; then best_cpu="$cpu"; fi
done
pipeline_mbs="$(echo "$bytes / 1000000 / $best" | bc -l)"
pipeline_cpu_mbs="$(echo "$bytes / 1000000 / $best_cpu" | bc -l)"
printf 'pipeline (rinse clean --format text -j 1): %d pages, %.2f MB: wall %.3f s = %.1f MB/s; CPU %.3f s = %.1f MB/s\n' \
  "$pages" "$(echo "$bytes / 1000000" | bc -l)" "$best" "$pipeline_mbs" "$best_cpu" "$pipeline_cpu_mbs"

parse_line="$("$ref" "$work"/html/*)"
echo "$parse_line"
parse_mbs="$(echo "$parse_line" | sed -E 's/.*wall [0-9.]+ s = ([0-9.]+) MB\/s.*/\1/')"
parse_cpu_mbs="$(echo "$parse_line" | sed -E 's/.*CPU [0-9.]+ s = ([0-9.]+) MB\/s.*/\1/')"
printf 'ratio pipeline / parse-only: %.0f%% (wall), %.0f%% (CPU)\n' "$(echo "100 * $pipeline_mbs / $parse_mbs" | bc -l)" \
  "$(echo "100 * $pipeline_cpu_mbs / $parse_cpu_mbs" | bc -l)"

"$ref" --pages "$work"/html/*

largest="$(find "$work/html" -type f -printf '%s %p\n' | sort -n | tail -n 1 | cut -d' ' -f2-)"
largest_mb="$(echo "$(wc -c <"$largest") / 1000000" | bc -l)"
if [ -x /usr/bin/time ]; then
  rss_kb="$(/usr/bin/time -v "$bin" clean -q --format text -j 1 -o "$work/rss" "$largest" 2>&1 >/dev/null |
    sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+).*/\1/p')"
  how="/usr/bin/time -v"
else
  rss_kb="$(python3 -c 'import resource,subprocess,sys; subprocess.run(sys.argv[1:],check=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' \
    "$bin" clean -q --format text -j 1 -o "$work/rss" "$largest")"
  how="getrusage"
fi
printf 'peak RSS, largest page (%.2f MB, %s): %.1f MiB (%s)\n' "$largest_mb" "$(basename "$largest")" \
  "$(echo "$rss_kb / 1024" | bc -l)" "$how"
if [ -x /usr/bin/time ]; then
  parse_kb="$(/usr/bin/time -v "$ref" "$largest" 2>&1 >/dev/null |
    sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+).*/\1/p')"
  printf 'peak RSS, parse-only of the same page: %.1f MiB\n' "$(echo "$parse_kb / 1024" | bc -l)"
fi
