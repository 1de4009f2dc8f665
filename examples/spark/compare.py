"""Check a Spark run against a plain rinse run of the same JSONL input: every input line comes out exactly once,
with the same content."""

import json
import pathlib
import sys


def load(paths):
    rows = []
    for path in paths:
        for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def key(row):
    # Error lines for invalid JSON carry no id; their source names the line of the input.
    return ("id", row["id"]) if "id" in row else ("error", row.get("error"))


def main():
    inputs, plain_path, spark_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    n_inputs = sum(1 for line in open(inputs, encoding="utf-8") if line.strip())
    plain = load([plain_path])
    spark = load(sorted(pathlib.Path(spark_dir).glob("part-*")))
    problems = []
    if len(plain) != n_inputs:
        problems.append(f"plain run: {len(plain)} lines for {n_inputs} inputs")
    if len(spark) != n_inputs:
        problems.append(f"spark run: {len(spark)} lines for {n_inputs} inputs")
    ids = [r["id"] for r in spark if "id" in r]
    if len(ids) != len(set(ids)):
        problems.append("spark run: some ids come out more than once")
    # Spark's `source` is the line number within its partition; compare everything else.
    strip = lambda row: {k: v for k, v in row.items() if k not in ("source",)} | {
        "metadata": {k: v for k, v in row.get("metadata", {}).items() if k != "source"}
    }
    by_key_plain = {key(r): strip(r) for r in plain}
    by_key_spark = {key(r): strip(r) for r in spark}
    if by_key_plain.keys() != by_key_spark.keys():
        problems.append(f"different documents: {sorted(map(str, by_key_plain.keys() ^ by_key_spark.keys()))[:5]}")
    differing = [k for k in by_key_plain if k in by_key_spark and by_key_plain[k] != by_key_spark[k]]
    if differing:
        problems.append(f"{len(differing)} documents differ, e.g. {differing[:3]}")
    errors = sum(1 for r in spark if "error" in r)
    if problems:
        print("spark check FAILED:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print(f"spark check: {len(spark)} documents out of {n_inputs} inputs, each exactly once, "
          f"identical to the plain run ({errors} error lines)")


if __name__ == "__main__":
    main()
