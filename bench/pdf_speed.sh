#!/usr/bin/env bash
# PDF and paged-text speed: rinse's PDF path against poppler's pdftotext on the printed dev PDFs, both as whole
# processes (one per file) in the same run, alternating over several rounds (this machine's speed drifts: compare
# the ratio of a round, not figures across runs); CPU time (user + sys) and wall time, pages/s and MB/s; peak RSS on
# the largest PDF; and the paged-text path (dev/raw, copied 20 times) on one core.
# Usage: bench/pdf_speed.sh [SHARED_EVAL_DIR] [ROUNDS]   (needs pdftotext: apt-get install poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="$(cd "${1:-../shared/eval}" && pwd)"
rounds="${2:-5}"
set_dir="$eval_dir/printed/dev"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
rinse="$PWD/target/release/rinse"
cd "$work"   # no rinse.toml, no rules/ here: the built-in rules only
pdfs=("$set_dir"/pdf/*.pdf)
bytes=$(cat "${pdfs[@]}" | wc -c)
pages=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(v['pdf_pages'] for k,v in d.items() if k!='_env'))" "$set_dir/build-log.json")
echo "${#pdfs[@]} PDFs, $pages pages, $((bytes / 1000)) kB; rinse $(git -C "$OLDPWD" rev-parse --short HEAD), $(pdftotext -v 2>&1 | sed -n 1p)"
measure() { # label command... ; prints "label cpu wall"
  local label=$1; shift
  /usr/bin/time -f "%U %S %e" -o t.txt "$@" >/dev/null 2>&1
  read -r user sys wall < t.txt
  python3 -c "import sys; u,s,w=map(float,sys.argv[1:4]); p,b=int(sys.argv[4]),int(sys.argv[5]); c=u+s
print(f'{sys.argv[6]:<28} cpu {c:6.2f} s  {p/c:7.0f} pages/s  {b/c/1e6:6.1f} MB/s   wall {w:6.2f} s  {p/w:7.0f} pages/s  {b/w/1e6:6.1f} MB/s')" \
    "$user" "$sys" "$wall" "$pages" "$bytes" "$label"
}
per_file_pdftotext() { for f in "${pdfs[@]}"; do pdftotext "$f" out.txt; done; }
per_file_rinse() { for f in "${pdfs[@]}"; do "$rinse" --no-config clean --format text -j 1 "$f" > out.txt; done; }
export -f per_file_pdftotext per_file_rinse
export rinse
for round in $(seq "$rounds"); do
  echo "round $round"
  measure "pdftotext, 1 process/file" bash -c "$(declare -p pdfs); $(declare -f per_file_pdftotext); per_file_pdftotext"
  measure "rinse, 1 process/file" bash -c "$(declare -p pdfs); $(declare -f per_file_rinse); per_file_rinse"
  measure "rinse -j 1, 1 process" "$rinse" --no-config clean --format text -j 1 -o out "$set_dir/pdf"
done
largest=$(ls -S "${pdfs[@]}" | sed -n 1p)
rss() { /usr/bin/time -f "%M" -o m.txt "$@" >/dev/null 2>&1; echo "$(( $(cat m.txt) / 1024 )) MiB"; }
echo "peak RSS on the largest PDF ($(( $(wc -c < "$largest") / 1000 )) kB): rinse $(rss "$rinse" --no-config clean --format text "$largest"), pdftotext $(rss pdftotext "$largest" out.txt)"
mkdir -p paged
for i in $(seq 20); do cp -r "$set_dir/raw" "paged/$i"; done
paged_bytes=$(cat paged/*/*.txt | wc -c)
/usr/bin/time -f "%U %S %e" -o t.txt taskset -c 0 "$rinse" --no-config clean --format text -j 1 -o paged-out paged >/dev/null 2>&1
read -r user sys wall < t.txt
python3 -c "import sys; b=int(sys.argv[1]); u,s,w=map(float,sys.argv[2:5]); print(f'paged text, one core: {b/1e6:.1f} MB in {w:.2f} s wall = {b/w/1e6:.1f} MB/s ({b/(u+s)/1e6:.1f} MB/s of CPU time)')" "$paged_bytes" "$user" "$sys" "$wall"
