#!/usr/bin/env bash
# Speed and memory of the whole pipeline (issue 3), single core, on the AEB dev pages:
#   - `rinse clean --format text -j 1` throughput in MB of HTML per second (whole process, best and median),
#   - scraper's parse-only speed on the same pages, in rounds alternating with the pipeline's, and the ratio,
#   - the pipeline on all cores (-j $(nproc)) in the same rounds, and its speed-up over one core,
#   - markdown input (issue 19): the whole-page dumps of ../shared/eval/scraped/dev (html2text and markdownify) through
#     `rinse clean --format text -j 1` in the same rounds, in MB of markdown per second (target >= 50 MB/s),
#   - paged text (issue 14): the printed pages as pdftotext wrote them (../shared/eval/printed/dev/raw) the same way,
#     in MB of text per second (target >= 50 MB/s),
#   - peak RSS for the largest page in its own process (/usr/bin/time -v, else Python's getrusage),
#   - in one process, page by page (best of 5, CPU time): the pipeline against scraper's parse of the same page,
#     and the slowest page's time per MB against the median.
# Single-core runs are pinned to one CPU with taskset when it is there.
# Usage: [ROUNDS=9] bench/speed.sh [EVAL_DIR]   (default: ../shared/eval, else raw/pages). Installs nothing.
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
# Without the evaluation sets, the bundled pages stand in (four pages and two dumps: rougher figures).
if [[ -d "$eval_dir/aeb/dev/html" ]]; then
  html_pages=("$eval_dir"/aeb/dev/html/*)
  md_dirs=("$eval_dir"/scraped/dev/html2text "$eval_dir"/scraped/dev/markdownify)
  paged_dir="$eval_dir/printed/dev/raw"
else
  echo "note: no $eval_dir/aeb/dev/html: measuring raw/pages and raw/scraped instead" >&2
  html_pages=(raw/pages/*.html.gz)
  md_dirs=(raw/scraped)
  paged_dir=""
fi
for f in "${html_pages[@]}"; do
  name="$(basename "$f" .gz)"
  case "$f" in *.gz) gzip -dc "$f" >"$work/html/$name" ;; *) cp "$f" "$work/html/$name" ;; esac
done
bytes="$(cat "$work"/html/* | wc -c)"
mkdir -p "$work/md"
cp -r "${md_dirs[@]}" "$work/md/"
md_bytes="$(cat "$work"/md/*/*.md | wc -c)"
mkdir -p "$work/paged"
if [[ -n "$paged_dir" ]]; then
  cp "$paged_dir"/*.txt "$work/paged/"
fi
paged_bytes="$(cat "$work"/paged/* 2>/dev/null | wc -c)"
pages="$(ls "$work/html" | wc -l)"

# The machine's speed drifts (shared cores, frequency changes): the runs alternate, ROUNDS times, each a fresh
# process reading the pages, and the best and the median round of each are compared. The pipeline's time counts
# everything from process start to the last output written; the parse-only reference is given both ways: its
# parsing time alone (the strict reference) and its whole process (start, reading the pages, parsing, exit).
rounds="${ROUNDS:-9}"
cores="$(nproc)"
# Single-core runs are pinned to one CPU when taskset is there, so that no second core helps them (reading files
# while another thread cleans) and the scheduler does not move them between cores.
one_cpu=()
if command -v taskset >/dev/null; then
  one_cpu=(taskset -c 0)
fi
: >"$work/times"
# Wall seconds of a command, to the microsecond (bash's clock; /usr/bin/time only gives hundredths).
wall() {
  local start end
  start="$EPOCHREALTIME"
  "$@" >"$work/stdout"
  end="$EPOCHREALTIME"
  echo "$end - $start" | bc -l
}
for _ in $(seq "$rounds"); do
  rm -rf "$work/out"
  one="$(wall "${one_cpu[@]}" "$bin" clean -q --format text -j 1 -o "$work/out" "$work/html")"
  rm -rf "$work/out"
  all="$(wall "$bin" clean -q --format text -j "$cores" -o "$work/out" "$work/html")"
  process="$(wall "${one_cpu[@]}" "$ref" --rounds 1 "$work"/html/*)"
  parse="$(sed -E 's/.*wall ([0-9.]+) s .*/\1/' "$work/stdout")"
  rm -rf "$work/out"
  markdown="$(wall "${one_cpu[@]}" "$bin" clean -q --no-config --format text -j 1 -o "$work/out" "$work/md")"
  rm -rf "$work/out"
  paged=1
  if [[ "$paged_bytes" -gt 0 ]]; then
    paged="$(wall "${one_cpu[@]}" "$bin" clean -q --no-config --format text -j 1 -o "$work/out" "$work/paged")"
  fi
  echo "$one $all $parse $process $markdown $paged" >>"$work/times"
done
# The best and the median of column $1 of the rounds.
best_median() { cut -d' ' -f"$1" "$work/times" | sort -g | awk '{ v[NR] = $1 } END { printf "%s %s\n", v[1], v[int((NR + 1) / 2)] }'; }
mb="$(echo "$bytes / 1000000" | bc -l)"
read -r p_best p_med < <(best_median 1)
read -r j_best j_med < <(best_median 2)
read -r r_best r_med < <(best_median 3)
read -r q_best q_med < <(best_median 4)
read -r m_best m_med < <(best_median 5)
read -r t_best t_med < <(best_median 6)
mbs() { echo "$mb / $1" | bc -l; }
pct() { echo "100 * $1 / $2" | bc -l; }
printf '%d pages, %.2f MB of HTML, %d rounds alternating the runs below (best / median round):\n' \
  "$pages" "$mb" "$rounds"
printf '  pipeline, one core (rinse clean --format text -j 1, whole process): %.1f / %.1f MB/s\n' \
  "$(mbs "$p_best")" "$(mbs "$p_med")"
printf '  markdown input, one core (%.2f MB of whole-page dumps, html2text and markdownify): %.1f / %.1f MB/s\n' \
  "$(echo "$md_bytes / 1000000" | bc -l)" "$(echo "$md_bytes / 1000000 / $m_best" | bc -l)" \
  "$(echo "$md_bytes / 1000000 / $m_med" | bc -l)"
if [[ "$paged_bytes" -gt 0 ]]; then
  printf '  paged text, one core (%.2f MB of printed pages as pdftotext wrote them): %.1f / %.1f MB/s\n' \
    "$(echo "$paged_bytes / 1000000" | bc -l)" "$(echo "$paged_bytes / 1000000 / $t_best" | bc -l)" \
    "$(echo "$paged_bytes / 1000000 / $t_med" | bc -l)"
fi
printf '  scraper parse-only, parsing time alone (examples/parse_only.rs): %.1f / %.1f MB/s\n' \
  "$(mbs "$r_best")" "$(mbs "$r_med")"
printf '  scraper parse-only, whole process (reading the same files too): %.1f / %.1f MB/s\n' \
  "$(mbs "$q_best")" "$(mbs "$q_med")"
printf '  ratio pipeline / parse-only: %.0f%% / %.0f%% against the parsing time, %.0f%% / %.0f%% process to process\n' \
  "$(pct "$r_best" "$p_best")" "$(pct "$r_med" "$p_med")" "$(pct "$q_best" "$p_best")" "$(pct "$q_med" "$p_med")"
# The same ratios taken round by round, where both runs met the same machine speed: median, and worst round.
round_ratios() {
  awk -v a="$1" -v b="$2" '{ print 100 * $a / $b }' "$work/times" | sort -g |
    awk '{ v[NR] = $1 } END { printf "%.0f%% (worst round %.0f%%)", v[int((NR + 1) / 2)], v[1] }'
}
printf '  ratio round by round, median: %s against the parsing time, %s process to process\n' \
  "$(round_ratios 3 1)" "$(round_ratios 4 1)"
printf '  pipeline, all %d cores (-j %d): %.1f / %.1f MB/s = %.2fx / %.2fx one core\n' "$cores" "$cores" \
  "$(mbs "$j_best")" "$(mbs "$j_med")" "$(echo "$p_best / $j_best" | bc -l)" "$(echo "$p_med / $j_med" | bc -l)"
printf '  speed-up of -j %d round by round, median: %s\n' "$cores" \
  "$(awk '{ print $1 / $2 }' "$work/times" | sort -g | awk '{ v[NR] = $1 } END { printf "%.2fx", v[int((NR + 1) / 2)] }')"

"${one_cpu[@]}" "$ref" --pages "$work"/html/*

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
