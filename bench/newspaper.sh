#!/usr/bin/env bash
# A third article-body check that nobody tuned on: the test pages that newspaper4k (MIT) ships in its source
# package (23 pages with an expected text, in English, Arabic, Chinese, Japanese, Thai, Latvian, Spanish; 20 with
# expected metadata). The expected texts are what newspaper4k's own tests expect its extractor to give, not a hand
# annotation, so read the figures as agreement with another extractor's reviewed output, beside trafilatura's.
# Body: the AEB shingle metric (../shared/eval/aeb_score.py). Metadata: agreement with the title, authors,
# publish date (day) and language that newspaper4k's tests expect, white space collapsed.
# Usage: bench/newspaper.sh [--debug] [EVAL_DIR]
#   Downloads the pinned sdist from PyPI once into CACHE (default /tmp/rinse-bench/newspaper4k) and checks its
#   sha256. trafilatura is scored beside rinse when VENV (default /tmp/rinse-bench/venv, made by bench/python.sh)
#   has it.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=release
if [[ "${1:-}" == "--debug" ]]; then profile=debug; shift; fi
eval_dir="${1:-../shared/eval}"
cache="${CACHE:-/tmp/rinse-bench/newspaper4k}"
venv="${VENV:-/tmp/rinse-bench/venv}"
url=https://files.pythonhosted.org/packages/b6/20/733d9dd3adfb6295454e6ba81f6407d96bf66bfda36c75c99b1f99accbf0/newspaper4k-0.9.6.tar.gz
sha=a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e
mkdir -p "$cache"
if [[ ! -f "$cache/set/metadata.json" ]]; then
  curl -sSfL -o "$cache/sdist.tar.gz" "$url"
  echo "$sha  $cache/sdist.tar.gz" | sha256sum -c --quiet
  rm -rf "$cache/src" "$cache/set"
  mkdir -p "$cache/src" "$cache/set/html"
  tar xzf "$cache/sdist.tar.gz" -C "$cache/src"
  python3 - "$cache" <<'PY'
import json, os, shutil, sys
cache = sys.argv[1]
(top,) = os.listdir(os.path.join(cache, "src"))
data = os.path.join(cache, "src", top, "tests", "data")
truth, metadata = {}, {}
for name in sorted(os.listdir(os.path.join(data, "html"))):
    page = name.removesuffix(".html")
    text = os.path.join(data, "txt", page + ".txt")
    if not os.path.exists(text):
        continue
    truth[page] = {"articleBody": open(text, encoding="utf-8").read()}
    shutil.copy(os.path.join(data, "html", name), os.path.join(cache, "set", "html", name))
    meta = os.path.join(data, "metadata", page + ".json")
    if os.path.exists(meta):
        fields = json.load(open(meta, encoding="utf-8"))
        metadata[page] = {key: fields.get(key) for key in ("title", "authors", "publish_date", "language")}
json.dump(truth, open(os.path.join(cache, "set", "ground-truth.json"), "w"), ensure_ascii=False)
json.dump(metadata, open(os.path.join(cache, "set", "metadata.json"), "w"), ensure_ascii=False)
PY
fi
if [[ "$profile" == release ]]; then cargo build --release --quiet; else cargo build --quiet; fi
bin="$PWD/target/$profile/rinse"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# From the temporary folder: --no-config and no ./rules of this repository either.
(cd "$out" && "$bin" --no-config clean -q --format text -o text "$cache/set/html" \
  && "$bin" --no-config clean -q --format json -o json "$cache/set/html")
echo "rinse ($("$bin" --version))"
python3 "$eval_dir/aeb_score.py" --truth "$cache/set/ground-truth.json" --pred "$out/text" | sed -n 1,4p
python3 - "$cache/set/metadata.json" "$out/json" <<'PY'
import json, os, sys
expected = json.load(open(sys.argv[1], encoding="utf-8"))
words = lambda a: " ".join((a or "").split())
# Each field is compared on the pages where newspaper4k's tests expect a value. Their author lists are what
# newspaper4k finds, noise included (a desk, "Print", a facebook.com URL, authors of related articles), so read
# the authors line as agreement, not accuracy.
fields = {
    "title": lambda e, g: words(e) == words(g),
    "authors": lambda e, g: [words(a) for a in e] == [words(a) for a in (g or [])],
    "publish_date": lambda e, g: (g or "")[:10] == e[:10],
    "language": lambda e, g: (g or "").split("-")[0] == e,
}
got = {
    page: json.load(open(os.path.join(sys.argv[2], page + ".json"), encoding="utf-8"))["metadata"]
    for page in expected
}
for field, same in fields.items():
    pages = [p for p in expected if expected[p].get(field)]
    agree = sum(same(expected[p][field], got[p].get("date" if field == "publish_date" else field)) for p in pages)
    print(f"{field:<13} {agree} of {len(pages)} equal to newspaper4k's")
PY
if [[ -x "$venv/bin/python" ]] && "$venv/bin/python" -c "import trafilatura" 2>/dev/null; then
  mkdir -p "$out/trafilatura"
  "$venv/bin/python" - "$cache/set/html" "$out/trafilatura" <<'PY'
import os, sys, trafilatura
src, dst = sys.argv[1:]
for name in sorted(os.listdir(src)):
    text = trafilatura.extract(open(os.path.join(src, name), "rb").read()) or ""
    open(os.path.join(dst, name.removesuffix(".html") + ".txt"), "w", encoding="utf-8").write(text)
print(f"trafilatura {trafilatura.__version__} (default)")
PY
  python3 "$eval_dir/aeb_score.py" --truth "$cache/set/ground-truth.json" --pred "$out/trafilatura" | sed -n 1,4p
fi
