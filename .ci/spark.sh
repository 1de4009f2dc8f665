#!/usr/bin/env bash
# Installs what examples/spark/run_local.sh needs: pyspark from PyPI (Java 17 is on the machine).
set -euo pipefail
if ! python3 -c 'import pyspark' 2>/dev/null; then
  python3 -m pip install --quiet "pyspark==3.5.9"
fi
java -version 2>&1 | head -1
