#!/usr/bin/env bash
# Approvals benchmark (issue 18). Prints its figures; exits non-zero when a target is missed.
# The packaged WAR (dev mode) seeded with the school-shaped data set (../shared/data/generate.py --students 15000),
# school clock Wed 2026-11-25 10:20; requests, steps and seats seeded in SQL:
#   1. 待我审批 (/leave/approvals.xhtml) of a counsellor with WAITING (500) requests waiting, CONNECTIONS (20) of
#      their sessions in wrk (bench/browser-sessions.lua) for 30 s: p50/p99 and statements per page (target p99 ≤ 150 ms)
#   2. the page's batch approve of BATCH (100) ticked requests in one post (target ≤ 3 s), every card queued once
#      (outbox rows counted per request)
#   3. the escalation job over OPEN_STEPS (20,000) open steps all due for stage 1: the run's own time (target ≤ 5 s),
#      one stage row, one message and one timeline line per step. Waits for the job's next scheduled run (≤ 5 min).
# Needs wrk. Port 18586 unless BENCH_PORT is set. Measured figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
WORK=$(pwd)/target/bench-approvals
rm -rf "$WORK"; mkdir -p "$WORK"
GEN=${GENERATOR:-../shared/data/generate.py}
[ -f "$GEN" ] || GEN=/work/shared/data/generate.py
python3 "$GEN" "$WORK/data" --students "${BENCH_STUDENTS:-15000}" >/dev/null
cp src/demo/tiles.json "$WORK/data/"
export CONNECTIONS="${CONNECTIONS:-20}" WAITING="${WAITING:-500}" BATCH="${BATCH:-100}" OPEN_STEPS="${OPEN_STEPS:-20000}"
mvn -q -B -o -Pbench -Dbench.main=cn.edu.ntvu.workbench.bench.ApprovalsBench -Dbench.work="$WORK" \
  -Dbench.port="${BENCH_PORT:-18586}"
