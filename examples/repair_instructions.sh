#!/usr/bin/env bash
# Counts the instructions `vietdoc repair` executes (valgrind's cachegrind),
# a speed measure that does not move with the host's load the way timings do.
#
#   examples/repair_instructions.sh [BIN]
#
# Prints three counts for the 20 first medium held-out scans (about 82 KB):
#   cold  - one process repairing them, dictionary load included;
#   warm  - the same files repaired after 40 light held-out scans in the same
#           process (caches filled by other documents, as in a batch), the
#           40 files' own count subtracted;
#   load  - a process repairing an empty file (the dictionary load alone).
# Needs valgrind (`apt-get install valgrind`) and a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/vietdoc}
mapfile -t medium < <(ls fixtures/heldout/*-medium.ocr.txt | head -20)
mapfile -t light < <(ls fixtures/heldout/*-light.ocr.txt | head -40)
count() {
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        "$BIN" repair "$@" 2>&1 >/dev/null |
        awk '/I[ ]+refs:/ { gsub(",", "", $NF); print $NF }'
}
empty=$(mktemp)
trap 'rm -f "$empty"' EXIT
bytes=$(cat "${medium[@]}" | wc -c)
load=$(count "$empty")
cold=$(count "${medium[@]}")
before=$(count "${light[@]}")
both=$(count "${light[@]}" "${medium[@]}")
warm=$((both - before))
echo "files: ${#medium[@]} medium held-out scans, $bytes bytes"
echo "load: $load instructions"
echo "cold: $cold instructions ($(((cold - load) / bytes)) per byte after the load)"
echo "warm: $warm instructions ($((warm / bytes)) per byte)"
