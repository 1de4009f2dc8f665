#!/usr/bin/env bash
# Printed pages (Chromium print -> PDF -> pdftotext): rinse on the text path (dev/raw/*.txt, paged text) and on the
# PDF path (dev/pdf/*.pdf, rinse's own text layer), scored by the shared printed scorer on the whole dev set and on
# its two halves (split by a hash of the document id, bench/printed_split.py), plus the raw text of each input as
# `identity` (the PDF path's identity is rinse's text layer as read, before any rule, set against pdftotext's).
# rinse's text layer and the PDF path hold the PDF's links as markdown links: they are scored with `--markdown`
# (link text kept, addresses left out), as the HTML path is scored on its text; the links are counted at the end.
# Usage: bench/printed.sh [SHARED_EVAL_DIR]   (default: ../shared/eval next to the repository;
# RINSE=path/to/rinse scores that binary instead of building this checkout, e.g. to set a change against its base;
# SET=folder scores another printed set laid out as the dev set, e.g. the one bench/printed_gen.sh makes)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="$(cd "${1:-../shared/eval}" && pwd)"
set_dir="$(cd "${SET:-$eval_dir/printed/dev}" && pwd)"
score="$eval_dir/printed/score.py"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
if [ -z "${RINSE:-}" ]; then
  cargo build --quiet
fi
rinse="$(realpath "${RINSE:-target/debug/rinse}")"
python3 bench/printed_split.py "$set_dir" "$out/halves"
# Run where no rinse.toml and no rules/ folder are found: the built-in rules only. A file rinse reports an error for
# (on stderr) is scored as an empty prediction, and the run goes on.
(
  cd "$out"
  "$rinse" clean --no-config -q -o "$out/text" "$set_dir/raw" || echo "rinse exited with $? (errors above)" >&2
  "$rinse" clean --no-config -q -o "$out/pdf" "$set_dir/pdf" || echo "rinse exited with $? (errors above)" >&2
  # The text layer as read: only W001 (trailing white space) runs.
  "$rinse" clean --no-config -q --select W001 -o "$out/pdf-layer" "$set_dir/pdf" || echo "rinse exited with $? (errors above)" >&2
)
row() { # label pred-dir [set-dir [scorer flags]]
  python3 "$score" --pred "$2" --dir "${3:-$set_dir}" ${4:-} --worst 0 --json "$out/score.json" >/dev/null
  python3 - "$1" "$out/score.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[2]))
b, pb, fj, fu = r["body"], r["page_breaks"], r["false_joins"], r["furniture"]
print(f"{sys.argv[1]:<24} F1 {b['f1']:.3f}  breaks {pb['repaired']}/{pb['total']}  "
      f"false joins {fj['joined']}/{fj['total']} = {fj['rate']:.3f}  "
      f"header/footer left {fu['left']}/{fu['printed_lines']} = {fu['left'] / max(1, fu['printed_lines']):.3f}")
PY
}
echo "rinse ${RINSE:-$(git rev-parse --short HEAD)$(git diff --quiet || echo '+dirty')}, printed set $set_dir"
row "identity (pdftotext)" "$set_dir/raw"
row "identity (rinse layer)" "$out/pdf-layer" "$set_dir" --markdown
row "text path" "$out/text"
row "PDF path" "$out/pdf" "$set_dir" --markdown
python3 - "$set_dir/raw" "$out/pdf-layer" <<'PY'
import difflib, re, sys
from pathlib import Path
raw, layer = Path(sys.argv[1]), Path(sys.argv[2])
ratios = []
for f in sorted(raw.glob("*.txt")):
    a = re.findall(r"\w+", f.read_text(encoding="utf-8"))
    g = layer / (f.stem + ".md")
    # Link addresses are not text of the page.
    text = re.sub(r"\]\((<[^>]*>|[^)\s]*)\)", "]", g.read_text(encoding="utf-8")) if g.exists() else ""
    b = re.findall(r"\w+", text)
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ratios.append(m.ratio())
print(f"rinse text layer vs pdftotext text: word sequence similarity {sum(ratios)/len(ratios):.3f} (mean of {len(ratios)}), "
      f"min {min(ratios):.3f}")
PY
for half in a b; do
  row "text path, half $half" "$out/text" "$out/halves/$half"
  row "PDF path, half $half" "$out/pdf" "$out/halves/$half" --markdown
done
python3 - "$out/pdf" <<'PY'
import re, sys
from pathlib import Path
link = re.compile(r"(?<!!)\[(?:\\.|[^\]\\])*\]\((?:<[^>]*>|[^)\s]*)\)")
counts = [len(link.findall(f.read_text(encoding="utf-8"))) for f in Path(sys.argv[1]).glob("*.md")]
print(f"PDF path: {sum(counts)} links (from the PDF's link annotations) in {sum(c > 0 for c in counts)} of {len(counts)} documents")
PY
