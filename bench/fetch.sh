#!/usr/bin/env bash
# Fetch throughput: PAGES pages (default 1000) from a local server (examples/slow_server.rs) that adds LATENCY_MS
# (default 50) to every request, with `rinse fetch --jobs N` for N in JOBS (default "8 32 128"), the per-host limit
# and delay lifted. Prints pages/s and peak RSS per run. Everything stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

PAGES=${PAGES:-1000}
LATENCY_MS=${LATENCY_MS:-50}
JOBS=${JOBS:-"8 32 128"}

cargo build --release --quiet --bin rinse --example slow_server
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
rinse="$target_dir/release/rinse"
server="$target_dir/release/examples/slow_server"

work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$server" --latency-ms "$LATENCY_MS" --max-seconds 900 >"$work/server.out" &
server_pid=$!
for _ in $(seq 1 100); do
    grep -q '^listening on ' "$work/server.out" 2>/dev/null && break
    sleep 0.1
done
addr=$(sed -n 's/^listening on //p' "$work/server.out")
for i in $(seq 1 "$PAGES"); do echo "http://$addr/page/$i"; done >"$work/urls.txt"

echo "rinse fetch: $PAGES pages, ${LATENCY_MS} ms latency per request, --per-host 0 --delay 0"
printf '%6s %10s %10s %12s\n' jobs seconds pages/s peak-RSS-MB
for jobs in $JOBS; do
    rm -rf "$work/out"
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$work/time.txt" "$rinse" --no-config fetch -q --urls "$work/urls.txt" -o "$work/out" \
        --jobs "$jobs" --per-host 0 --delay 0
    end=$(date +%s.%N)
    stored=$(find "$work/out" -name '*.html' | wc -l)
    if [ "$stored" -ne "$PAGES" ]; then
        echo "expected $PAGES pages in the output, found $stored" >&2
        exit 1
    fi
    rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    python3 - "$jobs" "$start" "$end" "$PAGES" "$rss_kb" <<'EOF'
import sys
jobs, start, end, pages, rss = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
secs = end - start
print(f"{jobs:>6} {secs:>10.2f} {pages / secs:>10.1f} {rss / 1024:>12.1f}")
EOF
done
