#!/usr/bin/env bash
# Runs examples/spark/clean_jsonl.py in Spark local mode on a few hundred documents and checks that every input
# comes out exactly once, with the same content as a plain `rinse clean` run. Prints both timings.
# Needs Java 17 and pyspark (`pip install pyspark==3.5.9`; .ci/spark.sh installs it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
count=${COUNT:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$repo"
cargo build --quiet --locked
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
rinse="$target/debug/rinse"
[ -n "${RINSE_PROFILE:-}" ] && rinse="$target/$RINSE_PROFILE/rinse"

python3 "$here/make_corpus.py" raw "$work/in.jsonl" --count "$count"

start=$(date +%s.%N)
"$rinse" --no-config clean --input-format jsonl --format jsonl -q - < "$work/in.jsonl" > "$work/plain.jsonl" || [ $? -eq 2 ]
plain_s=$(python3 -c "import time; print(f'{time.time() - $start:.2f}')")

start=$(date +%s.%N)
PYSPARK_PYTHON=python3 python3 "$here/clean_jsonl.py" --rinse "$rinse" --partitions 4 \
  "$work/in.jsonl" "$work/spark-out" 2> "$work/spark.log" || { tail -40 "$work/spark.log"; exit 1; }
spark_s=$(python3 -c "import time; print(f'{time.time() - $start:.2f}')")

python3 "$here/compare.py" "$work/in.jsonl" "$work/plain.jsonl" "$work/spark-out"
echo "plain rinse: ${plain_s}s; spark local[*] (4 partitions, JVM start included): ${spark_s}s"
