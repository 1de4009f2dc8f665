#!/usr/bin/env bash
# A second set of whole-page markdown dumps (issue 19), not tuned on: trafilatura's 467 dev pages
# (../shared/eval/trafeval/dev, mostly German) converted as ../shared/eval/scraped/ converted the AEB pages, by the
# dev set's two converters at its versions (html2text 2025.4.15 with body_width 0, markdownify 1.2.3 with its
# defaults) and by the two carry-over converters of bench/scraped.sh (pandoc's gfm writer, turndown), all from the
# pages with scripts, styles and noscript elements removed (bench/scraped_convert.mjs). Scored with trafilatura's
# chunk metric (../shared/eval/trafeval/score.py) over all pages and two halves, beside rinse's HTML path on the
# same pages; prints the outputs that change when cleaned again (bench/scraped_gen.py says more). Two pages (0090,
# 0510) come out of the script removal empty (domino stops at an IE conditional comment): no converter has a dump
# of them, and every set scores them as missing.
# Usage: [RINSE=BIN] bench/scraped_gen.sh [EVAL_DIR] [--json OUT] [--work DIR]   (default: ../shared/eval). Needs python3 with
# venv, pandoc, node and npm: the first run installs the converters under target/ (bench-py, bench-node) and
# converts the pages into target/bench-scraped-gen (kept as a cache). Without RINSE, builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="${1:-../shared/eval}"
for tool in pandoc node npm python3; do
  command -v "$tool" >/dev/null || { echo "bench/scraped_gen.sh: needs $tool (apt-get install -y pandoc nodejs npm)" >&2; exit 2; }
done
if [[ -z "${RINSE:-}" ]]; then
  cargo build --release --quiet --bin rinse
  RINSE=./target/release/rinse
fi

cache=target/bench-scraped-gen
node_dir=target/bench-node
py_dir=target/bench-py
if [[ ! -x "$py_dir/bin/python" ]] || ! "$py_dir/bin/python" -c 'import html2text, markdownify' 2>/dev/null; then
  python3 -m venv "$py_dir"
  "$py_dir/bin/pip" install --quiet html2text==2025.4.15 markdownify==1.2.3
fi
if [[ ! -d "$node_dir/node_modules/turndown" ]]; then
  mkdir -p "$node_dir"
  npm install --silent --no-save --prefix "$node_dir" turndown@7.2.5 @mixmark-io/domino@2.2.0 >/dev/null
fi
if [[ ! -f "$cache/done" ]]; then
  rm -rf "$cache"
  NODE_PATH="$node_dir/node_modules" node bench/scraped_convert.mjs "$eval_dir/trafeval/dev/html" "$cache/html" \
    "$cache/turndown"
  "$py_dir/bin/python" bench/scraped_gen.py convert "$cache/html" "$cache"
  mkdir -p "$cache/pandoc"
  for f in "$cache"/html/*.html; do
    # --sandbox: pandoc would otherwise fetch the iframes' pages.
    pandoc --sandbox -f html-native_divs-native_spans -t gfm-raw_html -o "$cache/pandoc/$(basename "$f" .html).md" \
      "$f" 2>/dev/null || echo "pandoc failed on $f" >&2
  done
  { "$py_dir/bin/python" -c "from importlib.metadata import version as v
print(f'html2text {v(\"html2text\")}, markdownify {v(\"markdownify\")}')"
    pandoc --version | head -n 1; echo "turndown 7.2.5, @mixmark-io/domino 2.2.0"; } >"$cache/done"
fi
echo "converters: $(paste -sd ";" "$cache/done" | sed "s/;/; /g")"
python3 bench/scraped_gen.py score --eval "$eval_dir" --rinse "$RINSE" "${@:2}" html="$eval_dir/trafeval/dev/html" \
  html2text="$cache/html2text" markdownify="$cache/markdownify" pandoc="$cache/pandoc" turndown="$cache/turndown"
