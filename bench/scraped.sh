#!/usr/bin/env bash
# Article body from whole-page markdown dumps (issue 19): rinse on the dev dumps of ../shared/eval/scraped
# (html2text, markdownify) and on dumps of the same 61 pages made here by two converters not in the dev set:
#   - pandoc (Debian's package): `pandoc --sandbox -f html-native_divs-native_spans -t gfm-raw_html`, default wrap;
#   - turndown (npm, defaults) through bench/scraped_convert.mjs,
# both from the pages with scripts, styles and noscript elements removed, as the dev set was made.
# Prints per set: F1 of the dump as it is, rinse's F1 / precision / recall over all pages and each half (split by
# the sha256 of the page id), outputs that change when cleaned again; then the dev truths written as markdown
# through rinse (recall, must stay >= 0.995) and clean/ cleaned again.
# Usage: bench/scraped.sh [EVAL_DIR]   (default: ../shared/eval). Needs pandoc, node and npm: the first run installs
# turndown and domino under target/bench-node and converts the pages into target/bench-scraped (kept as a cache).
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="${1:-../shared/eval}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for tool in pandoc node npm python3; do
  command -v "$tool" >/dev/null || { echo "bench/scraped.sh: needs $tool (apt-get install -y pandoc nodejs npm)" >&2; exit 2; }
done
cargo build --quiet --bin rinse
bin=./target/debug/rinse

cache=target/bench-scraped
node_dir=target/bench-node
if [ ! -d "$node_dir/node_modules/turndown" ]; then
  mkdir -p "$node_dir"
  npm install --silent --no-save --prefix "$node_dir" turndown@7.2.5 @mixmark-io/domino@2.2.0 >/dev/null
fi
if [ ! -f "$cache/done" ]; then
  rm -rf "$cache"
  NODE_PATH="$node_dir/node_modules" node bench/scraped_convert.mjs "$eval_dir/aeb/dev/html" "$cache/html" \
    "$cache/turndown"
  mkdir -p "$cache/pandoc"
  for f in "$cache"/html/*.html; do
    # --sandbox: pandoc would otherwise fetch the iframes' pages.
    pandoc --sandbox -f html-native_divs-native_spans -t gfm-raw_html -o "$cache/pandoc/$(basename "$f" .html).md" \
      "$f" 2>/dev/null
  done
  { pandoc --version | head -n 1; echo "turndown 7.2.5, @mixmark-io/domino 2.2.0"; } >"$cache/done"
fi
echo "converters not in the dev set: $(paste -sd ";" "$cache/done" | sed "s/;/; /g")"
python3 bench/scraped_score.py --eval "$eval_dir" --rinse "$bin" --work "$work" --clean clean "${@:2}" \
  html2text="$eval_dir/scraped/dev/html2text" markdownify="$eval_dir/scraped/dev/markdownify" \
  pandoc="$cache/pandoc" turndown="$cache/turndown"
