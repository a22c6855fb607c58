#!/usr/bin/env bash
# Runs examples/pyspark_pipe.py: vietdoc as a Spark RDD.pipe mapper, local mode.
# Needs Java 17 and Python 3; installs pyspark into a virtualenv on first use.
#   examples/pyspark_pipe.sh [INPUT_DIR] [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
VENV=${VENV:-target/pyspark-venv}
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet pyspark
fi
VIETDOC="$PWD/target/release/vietdoc" "$VENV/bin/python" examples/pyspark_pipe.py "$@"
