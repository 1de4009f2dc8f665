#!/usr/bin/env bash
# Page-boundary cleanup benchmark: rinse clean over the shared pagebreak dev set and over the two halves of a
# generated set (bench/pagebreak_gen.py: other texts, furniture/navigation/trailer shapes the dev set never shows),
# every scorer figure side by side.
# Usage: bench/pagebreak.sh [SHARED_EVAL_DIR]   (default: ../shared/eval next to the repository)
# The generated set's source texts are collected once into $PAGEBREAK_GEN (default /tmp/rinse-pagebreak-gen) with
# the rinse binary of that moment and reused afterwards, so that later changes to extraction do not move the set;
# delete the folder to collect them again. The sources' sha256 is printed with the figures.
# PAGEBREAK_SEEDS="55813 64029 ..." adds both halves of the set generated with each of these seeds (kept in
# $PAGEBREAK_GEN/seedN): the held-out check of issue 13, sets that no rule was written on.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="${1:-../shared/eval}"
bench="$eval_dir/pagebreak"
gen="${PAGEBREAK_GEN:-/tmp/rinse-pagebreak-gen}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo build --quiet
rinse=target/debug/rinse
mkdir -p "$gen"
if [ ! -f "$gen/sources.json" ]; then
  python3 bench/pagebreak_gen.py sources --eval "$eval_dir" --rinse "$rinse" --out "$gen/sources.json.tmp"
  mv "$gen/sources.json.tmp" "$gen/sources.json"
fi
python3 bench/pagebreak_gen.py generate --sources "$gen/sources.json" --out "$gen/set" 2>/dev/null
score() { # label expected-dir raw-dir
  "$rinse" clean --no-config -q -o "$out/$1" "$3"
  python3 "$bench/score.py" --expected "$2" --pred "$out/$1" --json "$out/$1.json" --per-doc >/dev/null
}
score dev "$bench/dev/expected" "$bench/dev/raw"
score gen-a "$gen/set/a/expected" "$gen/set/a/raw"
score gen-b "$gen/set/b/expected" "$gen/set/b/raw"
columns=(dev="$out/dev.json" gen-a="$out/gen-a.json" gen-b="$out/gen-b.json")
for seed in ${PAGEBREAK_SEEDS:-}; do
  [ -d "$gen/seed$seed/a" ] || python3 bench/pagebreak_gen.py generate --sources "$gen/sources.json" \
    --out "$gen/seed$seed" --seed "$seed" 2>/dev/null
  for half in a b; do
    score "s$seed-$half" "$gen/seed$seed/$half/expected" "$gen/seed$seed/$half/raw"
    columns+=("s$seed-$half=$out/s$seed-$half.json")
  done
done
echo "sources: $(sha256sum "$gen/sources.json" | cut -c1-16); rinse $(git rev-parse --short HEAD)$(git diff --quiet || echo '+dirty')"
python3 bench/pagebreak_table.py "${columns[@]}"
if [ -n "${PAGEBREAK_KEEP:-}" ]; then
  rm -rf "$PAGEBREAK_KEEP" && cp -r "$out" "$PAGEBREAK_KEEP"
fi
