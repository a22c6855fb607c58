#!/usr/bin/env bash
# Bulk memory/throughput run of the whole pipeline (repair included) through
# `vietdoc parse DIR --out-dir`: generates N documents from fixtures/seeds, runs
# the first SUBSET of them on 1 thread (the per-core rate), then all of them
# on 2 threads, and prints peak RSS, wall time and MB/s for each, with the commit.
#
#   examples/bulk_memory.sh [N [SUBSET]]      # defaults: 10000 and 200
#
# Environment: WORK (scratch directory, default /tmp/vietdoc-bulk; its in/,
# sub/, out/ and out1/ are replaced), VIETDOC (binary, default: build
# target/release/vietdoc), JOBS (threads of the big run, default 2).
# Needs python3 and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
SUBSET=${2:-200}
JOBS=${JOBS:-2}
WORK=${WORK:-/tmp/vietdoc-bulk}
if [ -z "${VIETDOC:-}" ]; then
  cargo build --release --quiet
  VIETDOC=$PWD/target/release/vietdoc
fi
case "$WORK" in /|"") echo "refusing WORK=$WORK" >&2; exit 2 ;; esac
rm -rf "$WORK/in" "$WORK/sub" "$WORK/out" "$WORK/out1"
mkdir -p "$WORK"

# N documents in folders of 100: seed i mod 5 behind a numbered first line, so
# every document (and its source.sha256) differs. The first SUBSET go to sub/.
python3 - "$N" "$SUBSET" "$WORK" <<'PY'
import glob, os, sys
n, subset, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
seeds = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("fixtures/seeds/*.txt"))]
for i in range(n):
    text = f"Tài liệu số {i}\n" + seeds[i % len(seeds)]
    for root, keep in (("in", True), ("sub", i < subset)):
        if keep:
            d = f"{work}/{root}/d{i // 100:03d}"
            os.makedirs(d, exist_ok=True)
            with open(f"{d}/doc{i:05d}.txt", "w", encoding="utf-8") as f:
                f.write(text)
PY

commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- src Cargo.toml Cargo.lock dictionaries || commit="$commit+dirty"
echo "vietdoc at $commit; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# run LABEL DIR OUT JOBS: one timed batch, then its figures.
run() {
  local label=$1 dir=$2 out=$3 jobs=$4 log
  log=$(mktemp)
  /usr/bin/time -v "$VIETDOC" parse "$dir" --out-dir "$out" --jobs "$jobs" 2>"$log" || true
  python3 - "$label" "$dir" "$log" <<'PY'
import os, re, sys
label, d, log = sys.argv[1:]
text = open(log, encoding="utf-8", errors="replace").read()
docs = sum(len(fs) for _, _, fs in os.walk(d))
size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(d) for f in fs)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
secs = 0.0
for part in wall.split(":"):
    secs = secs * 60 + float(part)
cpu = re.search(r"Percent of CPU this job got: (\S+)", text).group(1)
summary = [l for l in text.splitlines() if re.match(r"vietdoc: \d+ documents", l)]
print(f"{label}: {docs} documents, {size / 1e6:.1f} MB: wall {secs:.1f} s, "
      f"{size / 1e6 / secs:.3f} MB/s, {docs / secs:.2f} docs/s, CPU {cpu}, "
      f"max RSS {rss / 1024:.1f} MiB")
for l in summary:
    print(f"  {l}")
PY
  rm -f "$log"
}
run "--jobs 1" "$WORK/sub" "$WORK/out1" 1
run "--jobs $JOBS" "$WORK/in" "$WORK/out" "$JOBS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
