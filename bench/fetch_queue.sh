#!/usr/bin/env bash
# Memory of `rinse fetch` against the number of URLs (issue 17, item 10): a local server (Python's http.server on
# 127.0.0.1) whose robots.txt disallows everything, so each URL is queued, checked and counted without a page
# request; the peak RSS then shows what the queue itself costs. Prints URLs, seconds and peak RSS per run, and the
# RSS per 100k URLs above the smallest run: once with the URLs in a `--urls` file, once in a sitemap index of
# sitemaps of 50 000 URLs each (the sitemaps.org maximum; sitemaps are not subject to robots.txt). COUNTS (default "10000 100000 500000"); RINSE=path/to/rinse to measure
# a given binary (default: a release build of this checkout).
set -euo pipefail
cd "$(dirname "$0")/.."

COUNTS=${COUNTS:-"10000 100000 500000"}
if [ -z "${RINSE:-}" ]; then
    cargo build --release --quiet --bin rinse
    target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
    RINSE="$target_dir/release/rinse"
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/site"
printf 'User-agent: *\nDisallow: /p/\n' >"$work/site/robots.txt"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/robots.txt')" 2>/dev/null && break
    sleep 0.1
done

# measure LABEL COUNT ARGS...: one run, its line, and the growth per 100k URLs above the first run of LABEL.
first_rss=""
first_count=""
measure() {
    local count=$1
    shift
    local start end rss
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$work/time.txt" "$RINSE" --no-config fetch -q -o "$work/out" --delay 0 "$@" \
        >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    printf '%8d %8.1f %12.1f\n' "$count" "$(echo "$end - $start" | bc)" "$(echo "$rss / 1024" | bc -l)"
    if [ -z "$first_rss" ]; then
        first_rss=$rss
        first_count=$count
    else
        echo "  +$(echo "($rss - $first_rss) / 1024 / (($count - $first_count) / 100000)" | bc -l | xargs printf '%.1f') MB per 100k URLs above $first_count"
    fi
}

echo "rinse fetch --urls FILE: N URLs on one host whose robots.txt disallows them all ($RINSE)"
printf '%8s %8s %12s\n' urls seconds peak-RSS-MB
for count in $COUNTS; do
    python3 -c "import sys; [print(f'http://127.0.0.1:$port/p/{i}') for i in range($count)]" >"$work/urls.txt"
    measure "$count" --urls "$work/urls.txt"
done

echo "rinse fetch --sitemap INDEX: the same N URLs in sitemaps of 50 000 URLs each"
printf '%8s %8s %12s\n' urls seconds peak-RSS-MB
first_rss=""
first_count=""
for count in $COUNTS; do
    python3 - "$work/site" "$port" "$count" <<'PY'
import sys
site, port, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = f"http://127.0.0.1:{port}"
per = 50_000
sitemaps = []
for n, start in enumerate(range(0, count, per)):
    with open(f"{site}/s{n}.xml", "w") as out:
        out.write("<urlset>")
        out.writelines(f"<url><loc>{base}/p/{i}</loc></url>" for i in range(start, min(start + per, count)))
        out.write("</urlset>")
    sitemaps.append(f"{base}/s{n}.xml")
with open(f"{site}/index.xml", "w") as out:
    out.write("<sitemapindex>" + "".join(f"<sitemap><loc>{s}</loc></sitemap>" for s in sitemaps) + "</sitemapindex>")
PY
    measure "$count" --sitemap "http://127.0.0.1:$port/index.xml"
done
