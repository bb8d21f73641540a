#!/usr/bin/env bash
# Student leave benchmark (issue 3). Prints its figures.
# On the packaged WAR (dev mode, demo directory plus generated students spread over four classes):
#   1. 2,000 students submitting within 60 s, after WARMUP (200) others at the same pace to warm the JIT (not
#      timed): how many stored, p50/p99 of the submit post (target p99 ≤ 300 ms)
#   2. a counsellor's 待我审批 list with ~500 pending requests: p50/p99 page time (target p99 ≤ 200 ms)
#   3. (MESSAGES=n) the outbox delivering n messages here; the outbox figure of record is bench/outbox.sh
# A short run: STUDENTS=40 SPAN=5 LIST_RUNS=20 MESSAGES=100 OUTBOX_WAIT=10 bench/leave.sh
# Port 18581 unless BENCH_PORT is set.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(pwd)/target/bench-leave
rm -rf "$WORK"; mkdir -p "$WORK"
export WARMUP="${WARMUP:-200}" STUDENTS="${STUDENTS:-2000}" SPAN="${SPAN:-60}" LIST_RUNS="${LIST_RUNS:-200}" MESSAGES="${MESSAGES:-0}"
mvn -q -B -o -Pbench -Dbench.main=cn.edu.ntvu.workbench.bench.LeaveBench -Dbench.work="$WORK" \
  -Dbench.port="${BENCH_PORT:-18581}"
