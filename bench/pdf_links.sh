#!/usr/bin/env bash
# Links of printed pages: the PDF path's markdown links (from the PDFs' link annotations, printed/dev/pdf) set
# against the links of the HTML path's article for the same pages (aeb/dev/html): how many of the article's links
# the PDF path recovers (a link to the same address in the same document), and how many of its links go where an
# article link goes. Addresses compare without the fragment, a trailing `/` or the scheme's `s`.
# Usage: bench/pdf_links.sh [SHARED_EVAL_DIR]   (default: ../shared/eval; RINSE=path/to/rinse to use that binary)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="$(cd "${1:-../shared/eval}" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
if [ -z "${RINSE:-}" ]; then
  cargo build --quiet
fi
rinse="$(realpath "${RINSE:-target/debug/rinse}")"
(
  cd "$out"
  "$rinse" clean --no-config -q -o "$out/pdf" "$eval_dir/printed/dev/pdf"
  "$rinse" clean --no-config -q -o "$out/html" "$eval_dir/aeb/dev/html"
)
python3 - "$out/pdf" "$out/html" <<'PY'
import re, sys
from pathlib import Path
LINK = re.compile(r"(?<!!)\[((?:\\.|[^\]\\])*)\]\((<[^>]*>|[^)\s]*)\)")
FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
def links(path):
    if not path.exists():
        return []
    text = FRONT.sub("", path.read_text(encoding="utf-8"))
    return [norm(m.group(2).strip("<>")) for m in LINK.finditer(text)]
def norm(url):
    return url.split("#")[0].rstrip("/").replace("http://", "https://", 1)
pdf_dir, html_dir = Path(sys.argv[1]), Path(sys.argv[2])
n_pdf = n_html = pdf_in_html = html_in_pdf = docs = 0
for f in sorted(pdf_dir.glob("*.md")):
    in_pdf, in_html = links(f), links(html_dir / f.name)
    n_pdf, n_html, docs = n_pdf + len(in_pdf), n_html + len(in_html), docs + bool(in_pdf)
    pdf_in_html += sum(u in set(in_html) for u in in_pdf)
    html_in_pdf += sum(u in set(in_pdf) for u in in_html)
print(f"HTML path's article links: {n_html}; recovered by the PDF path: {html_in_pdf} ({html_in_pdf / max(1, n_html):.1%})")
print(f"PDF path's links: {n_pdf} in {docs} documents; to an address the article links to: {pdf_in_html} "
      f"({pdf_in_html / max(1, n_pdf):.1%})")
PY
