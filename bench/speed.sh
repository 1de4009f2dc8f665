#!/usr/bin/env bash
# Speed and memory of the whole pipeline (issue 3), single core, on the AEB dev pages:
#   - `rinse clean --format text -j 1` throughput in MB of HTML per second (whole process, best and median),
#   - scraper's parse-only speed on the same pages, in rounds alternating with the pipeline's, and the ratio,
#   - peak RSS for the largest page in its own process (/usr/bin/time -v, else Python's getrusage),
#   - the slowest page's time per MB against the median (in-process pipeline, best of 5 per page, CPU time).
# Usage: [ROUNDS=9] bench/speed.sh [EVAL_DIR]   (default: ../shared/eval). Installs nothing.
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

# The machine's speed drifts (shared cores, frequency changes): the two sides alternate, ROUNDS times, each a fresh
# process reading the pages, and the best and the median round of each are compared. The pipeline's time counts
# everything from process start to the last output written; the parse-only time counts parsing alone.
rounds="${ROUNDS:-9}"
: >"$work/pipeline.times"
: >"$work/parse.times"
for _ in $(seq "$rounds"); do
  rm -rf "$work/out"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %U %S' -o "$work/t" "$bin" clean -q --format text -j 1 -o "$work/out" "$work/html"
    awk '{ print $1, $2 + $3 }' "$work/t" >>"$work/pipeline.times"
  else
    start="$(date +%s.%N)"
    "$bin" clean -q --format text -j 1 -o "$work/out" "$work/html"
    end="$(date +%s.%N)"
    t="$(echo "$end - $start" | bc -l)"
    echo "$t $t" >>"$work/pipeline.times"
  fi
  "$ref" --rounds 1 "$work"/html/* |
    sed -E 's/.*wall ([0-9.]+) s .*CPU ([0-9.]+) s.*/\1 \2/' >>"$work/parse.times"
done
# The best and the median of column $2 of file $1.
best_median() { cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END { printf "%s %s\n", v[1], v[int((NR + 1) / 2)] }'; }
mb="$(echo "$bytes / 1000000" | bc -l)"
read -r p_best p_med < <(best_median "$work/pipeline.times" 1)
read -r pc_best pc_med < <(best_median "$work/pipeline.times" 2)
read -r r_best r_med < <(best_median "$work/parse.times" 1)
read -r rc_best rc_med < <(best_median "$work/parse.times" 2)
mbs() { echo "$mb / $1" | bc -l; }
printf '%d pages, %.2f MB of HTML, %d alternating rounds (best / median):\n' "$pages" "$mb" "$rounds"
printf '  pipeline (rinse clean --format text -j 1): wall %.1f / %.1f MB/s; CPU %.1f / %.1f MB/s\n' \
  "$(mbs "$p_best")" "$(mbs "$p_med")" "$(mbs "$pc_best")" "$(mbs "$pc_med")"
printf '  scraper parse-only (examples/parse_only.rs): wall %.1f / %.1f MB/s; CPU %.1f / %.1f MB/s\n' \
  "$(mbs "$r_best")" "$(mbs "$r_med")" "$(mbs "$rc_best")" "$(mbs "$rc_med")"
printf '  ratio pipeline / parse-only: wall %.0f%% / %.0f%%; CPU %.0f%% / %.0f%%\n' \
  "$(echo "100 * $r_best / $p_best" | bc -l)" "$(echo "100 * $r_med / $p_med" | bc -l)" \
  "$(echo "100 * $rc_best / $pc_best" | bc -l)" "$(echo "100 * $rc_med / $pc_med" | bc -l)"

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
