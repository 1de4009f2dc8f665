#!/usr/bin/env bash
# The debug build over every evaluation set it can find, listing the documents that stop on an internal error.
# Debug builds check what release builds take on trust: that an analysis carried from pass to pass, or from one
# cleanup of a document to the next, equals one made afresh (src/rules/mod.rs), and the other debug assertions. The
# unit tests cover made-up text; this runs them over real pages. Prints one line per set (documents, internal
# errors) and each error; exits 1 when there is one.
# Usage: bench/debug_scan.sh [SHARED_EVAL_DIR]   (default ../shared/eval; the generated sets under target/ and
#   /tmp/rinse-pagebreak-gen, /tmp/rinse-bench are scanned when an earlier bench run left them there)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="$(cd "${1:-../shared/eval}" && pwd)"
cargo build --quiet
rinse="$PWD/target/debug/rinse"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sets=(
  "$eval_dir/aeb/dev/html"
  "$eval_dir/trafeval/dev/html"
  "$eval_dir/scraped/dev/html2text"
  "$eval_dir/scraped/dev/markdownify"
  "$eval_dir/pagebreak/dev/raw"
  "$eval_dir/printed/dev/raw"
  "$eval_dir/printed/dev/pdf"
  "$eval_dir/seed/raw"
  target/bench-scraped/pandoc
  target/bench-scraped/turndown
  /tmp/rinse-pagebreak-gen/set/a/raw
  /tmp/rinse-pagebreak-gen/set/b/raw
  /tmp/rinse-bench/printed-gen/raw
  /tmp/rinse-bench/printed-gen/pdf
)
found=0
for dir in "${sets[@]}"; do
  [[ -d "$dir" ]] || continue
  # From an empty folder: no rinse.toml, no rules/, the built-in rules only. Other errors (a refused file) are the
  # sets' own and not counted.
  errors="$(cd "$work" && RUST_BACKTRACE=0 "$rinse" --no-config clean -q -o out "$dir" 2>&1 \
    | grep 'internal error' || true)"
  n=0
  [[ -n "$errors" ]] && n="$(grep -c . <<<"$errors")"
  printf '%-60s %5d documents  %d internal errors\n' "$dir" "$(find "$dir" -type f | wc -l)" "$n"
  [[ -n "$errors" ]] && sed 's/^/  /' <<<"$errors"
  found=$((found + n))
  rm -rf "$work/out"
done
echo "internal errors: $found"
[[ "$found" -eq 0 ]]
