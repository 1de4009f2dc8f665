"""Clean a JSONL corpus with rinse as a step of an Apache Spark job.

Each input line is one document, {"url": ..., "html": ...} or {"url": ..., "markdown": ...}, with any other fields
(an "id", say) carried through. Every partition is piped through one `rinse clean` process with RDD.pipe: rinse
reads the partition's lines on stdin and writes exactly one JSON line per input line on stdout (a document, or an
{"error": ...} line), in order, in bounded memory. The output is the cleaned JSONL, one part file per partition.

    spark-submit --files /path/to/rinse clean_jsonl.py --rinse ./rinse IN.jsonl OUT_DIR

On a cluster, ship the binary with `--files /path/to/rinse` (it lands in each executor's working directory; the
job makes it executable) or install it at the same path on every node and pass that path with --rinse.
"""

import argparse
import os
import shlex
import stat

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def rinse_path(name):
    """The rinse binary: a path as given, or a file shipped with --files."""
    if os.path.sep in name and os.path.exists(name):
        return os.path.abspath(name)
    shipped = SparkFiles.get(os.path.basename(name))
    if os.path.exists(shipped):
        mode = os.stat(shipped).st_mode
        os.chmod(shipped, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return shipped
    return name


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rinse", default="rinse", help="path of the rinse binary, or its name shipped with --files")
    parser.add_argument("--partitions", type=int, default=0, help="repartition the input first (0: keep)")
    parser.add_argument("--rinse-args", default="", help="extra arguments for rinse clean, e.g. '--images'")
    parser.add_argument("input", help="JSONL file(s) or folder readable by Spark")
    parser.add_argument("output", help="output folder (must not exist)")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("rinse-clean").getOrCreate()
    sc = spark.sparkContext
    lines = sc.textFile(args.input).filter(lambda line: line.strip() != "")
    if args.partitions:
        lines = lines.repartition(args.partitions)
    binary = rinse_path(args.rinse)
    # One rinse process per partition; -j 1 because Spark already runs one task per core.
    command = [binary, "--no-config", "clean", "--input-format", "jsonl", "--format", "jsonl", "-q", "-j", "1"]
    command += args.rinse_args.split()
    command.append("-")
    # checkCode: a rinse exit status of 2 only means some documents became error lines; keep them.
    cleaned = lines.pipe(shlex.join(command), checkCode=False)
    cleaned.saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
