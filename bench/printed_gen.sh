#!/usr/bin/env bash
# Printed pages nobody tuned on (issue 14's carry-over check): real trafeval pages, mostly German, printed by
# Chromium and extracted by pdftotext exactly as the printed dev set was, measured as its README says
# (bench/printed_gen.py), and scored by bench/printed.sh with the shared printed scorer: text path, PDF path, both
# halves. Set it beside `bench/printed.sh` (dev) for every change to the paged rules, and keep a change only when it
# holds on both.
# Usage: bench/printed_gen.sh [SHARED_EVAL_DIR]
#   The set is built once into CACHE (default /tmp/rinse-bench/printed-gen; COUNT pages, default 200) from the
#   trafeval sources that bench/extract_gen.sh collects (SOURCES, default /tmp/rinse-bench/extract-gen/sources.json:
#   run that script first). Needs Debian's chromium and poppler-utils (pdftotext) and openssl. RINSE=BIN scores that
#   binary instead of building this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="${1:-../shared/eval}"
cache="${CACHE:-/tmp/rinse-bench/printed-gen}"
sources="${SOURCES:-/tmp/rinse-bench/extract-gen/sources.json}"
if [[ ! -f "$cache/measure-summary.json" ]]; then
  [[ -f "$sources" ]] || { echo "no $sources: run bench/extract_gen.sh once first (it collects the sources)" >&2; exit 2; }
  for tool in /usr/lib/chromium/chromium pdftotext openssl; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install chromium poppler-utils openssl)" >&2; exit 2; }
  done
  python3 bench/printed_gen.py build --sources "$sources" --out "$cache" --count "${COUNT:-200}" --repo "$PWD" 2>/dev/null
fi
python3 - "$cache/measure-summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"printed_gen: {s['docs']} pages, {s['breaks']} breaks inside paragraphs, {s['boundaries']} paragraph "
      f"boundaries, {s['located']}/{s['paragraphs']} truth paragraphs located")
PY
SET="$cache" bench/printed.sh "$eval_dir"
