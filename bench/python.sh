#!/usr/bin/env bash
# The Python package (issue 16): speed in-process against trafilatura and readability-lxml on the AEB dev pages,
# clean_many on 2 threads against clean in a loop, and rinse.extract's text of the trafeval dev pages scored
# beside the command line's `--format text` (the figures must be equal).
# Usage: bench/python.sh [EVAL_DIR] [bench/python.py flags: --rounds N, --jobs N]
#   EVAL_DIR defaults to ../shared/eval; without it, the speed part times raw/pages and the trafeval part, which
#   needs the truth files, is skipped. VENV (default /tmp/rinse-bench/venv) is made if missing; the package is
#   built from python/ (the wheel profile of Cargo.toml) and installed there with the versions of trafilatura and
#   readability-lxml below.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval
if [[ $# -gt 0 && "$1" != --* ]]; then eval_dir="$1"; shift; fi
venv="${VENV:-/tmp/rinse-bench/venv}"
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
  # The pip of an older venv module trips over the lxml[html-clean] extra that trafilatura and readability-lxml both ask for.
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -U pip
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check trafilatura==2.3.1 readability-lxml==0.9 \
  lxml_html_clean==0.4.6 ./python
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
pages="$eval_dir/aeb/dev/html"
if [[ ! -d "$pages" ]]; then
  echo "note: no $pages: timing raw/pages instead" >&2
  pages=raw/pages
fi

echo "== speed, in one process"
nice "$venv/bin/python" bench/python.py --eval "$eval_dir" --pages "$pages" "$@"

if [[ ! -d "$eval_dir/trafeval/dev/html" ]]; then
  echo "note: no $eval_dir/trafeval/dev/html: the rinse.extract against --format text check is skipped" >&2
  exit 0
fi

echo
echo "== trafeval dev: rinse.extract(output_format='txt') and rinse clean --format text"
cargo build --release --quiet
./target/release/rinse --no-config clean -q --format text -o "$out/cli" "$eval_dir/trafeval/dev/html"
"$venv/bin/python" bench/python.py --eval "$eval_dir" --trafeval "$out/python"
for who in cli python; do
  echo "-- $who"
  python3 "$eval_dir/trafeval/score.py" --truth "$eval_dir/trafeval/dev/truth.json" --pred "$out/$who"
done
# The same words on every page, whitespace aside (extract writes one block per line, the command a blank line).
python3 - "$out" <<'PY'
import re, sys
from pathlib import Path
out = Path(sys.argv[1])
norm = lambda p: re.sub(r"\s+", " ", p.read_text(encoding="utf-8")).strip() if p.exists() else ""
names = sorted(p.stem for p in (out / "cli").iterdir()) + sorted(p.stem for p in (out / "python").iterdir())
differ = sorted({n for n in names if norm(out / "cli" / f"{n}.txt") != norm(out / "python" / f"{n}.txt")})
print(f"pages whose text differs (whitespace aside): {len(differ)} of {len(set(names))}", *differ[:10])
PY
