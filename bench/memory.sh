#!/usr/bin/env bash
# Peak memory on markup-dense HTML (issue 17, item 9): generates pages of SIZE_MB megabytes (default 8) in the
# campaign's worst shapes (and empty paragraphs, comments, attributes, plain text, formatting elements that
# html5ever rebuilds in every paragraph), cleans each with `rinse clean` under /usr/bin/time -v, and prints input size, seconds,
# MB/s, peak RSS, RSS per input MB and whether it stays within the target bound of 8 x input + 64 MiB.
# RINSE=path/to/rinse measures a given binary (default: a release build of this checkout).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${SIZE_MB:-8}
if [ -z "${RINSE:-}" ]; then
    cargo build --release --quiet --bin rinse
    target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
    RINSE="$target_dir/release/rinse"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$SIZE_MB" <<'PY'
import sys
work, size = sys.argv[1], int(sys.argv[2]) * 1_000_000
head = "<!doctype html><html><head><title>Dense</title></head><body><article><h1>Dense</h1>"
tail = "</article></body></html>"
def page(name, unit, prefix=""):
    n = max(1, (size - len(head) - len(prefix) - len(tail)) // len(unit))
    with open(f"{work}/{name}.html", "w") as f:
        f.write(head)
        f.write(prefix)
        f.write(unit * n)
        f.write(tail)
page("br", "<br>")
page("table", "<tr><td>1</td><td>2</td><td>3</td></tr>")
page("spans", "<span>w</span> ")
page("paragraphs", "<p>A short sentence of plain words in a paragraph.</p>")
page("links", '<a href="/x">x</a> ')
page("empty-divs", "<div></div>")
page("empty-p", "<p>")
page("comments", "<!---->")
page("attributes", "<i " + " ".join(f"a{j}" for j in range(200)) + "></i>")
page("text", "the committee agreed to extend the deadline by a year. ")
# 50 formatting elements left open, which html5ever rebuilds in every paragraph (50 elements per 4 bytes).
page("formatting", "<p>x", "".join(f'<div><b c="{j}"></div>' for j in range(50)))
PY

echo "rinse clean: ${SIZE_MB} MB pages of one repeated element ($RINSE)"
printf '%-11s %7s %8s %7s %9s %8s %9s %s\n' shape in-MB seconds MB/s peak-MB RSS/in bound-MB within
for file in "$work"/*.html; do
    name=$(basename "$file" .html)
    start=$(date +%s.%N)
    # A hard cap of 4 GiB (address space) and 5 minutes, so that a regression cannot take the machine down.
    (ulimit -v 4194304; timeout 300 /usr/bin/time -v -o "$work/time.txt" "$RINSE" --no-config clean "$file" \
        >/dev/null 2>"$work/err.txt") || true
    end=$(date +%s.%N)
    python3 - "$file" "$work/time.txt" "$start" "$end" "$name" <<'PY'
import os, re, sys
path, timing, start, end, name = sys.argv[1:]
size = os.path.getsize(path) / 2**20
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(timing).read()).group(1)) / 1024
status = re.search(r"Exit status: (\d+)", open(timing).read())
seconds = float(end) - float(start)
bound = 8 * size + 64
ok = "yes" if rss <= bound else "NO"
if status and status.group(1) not in ("0",):
    ok += f" (exit {status.group(1)})"
print(f"{name:<11} {size:7.1f} {seconds:8.2f} {size / seconds:7.1f} {rss:9.0f} {rss / size:8.1f} {bound:9.0f} {ok}")
PY
done
