#!/usr/bin/env bash
# 考勤 benchmark (issue 19, item 7). Prints its figures; exits non-zero when a target is missed.
# The packaged WAR (dev mode) seeded with the school-shaped data set (../shared/data/generate.py --students 15000:
# 15,871 people, 375 classes, the whole term's timetable), school clock Wed 2026-11-25 10:20:
#   1. affected classes of a two-week leave, the apply page's Ajax check for LEAVES (200) students of different
#      classes: server time from the Server-Timing header (development mode only) ≤ 20 ms
#   2. a 60-student roster (a class of 40 + 20 individual students) under wrk, CONNECTIONS (20) of its teacher's
#      sessions: p99 ≤ 100 ms
#   3. saving 60 marks (提交考勤, each post changing all 60), SAVES (50) posts: p99 ≤ 200 ms
#   4. a counsellor's term statistics for 8 classes, roll calls seeded for every meeting of the school in weeks
#      1–12: STATS_ROUNDS (20) rounds of the 8 class pages, p99 of a round ≤ 300 ms
# A short run: LEAVES=40 SAVES=20 STATS_ROUNDS=5 bench/attendance.sh. Needs wrk. Port 18585 unless BENCH_PORT is set.
# Besides CPU, it prints SQL statements per request and the JIT compiler's part of Payara's CPU. BENCH_HOLD=1 keeps
# the app running afterwards for a profiler (target/bench-attendance/hold: PIDs, cookies, URLs; delete it to end).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
WORK=$(pwd)/target/bench-attendance
rm -rf "$WORK"; mkdir -p "$WORK"
GEN=${GENERATOR:-../shared/data/generate.py}
python3 "$GEN" "$WORK/data" --students 15000 >/dev/null
cp src/demo/tiles.json "$WORK/data/"
export LEAVES="${LEAVES:-200}" CONNECTIONS="${CONNECTIONS:-20}" SAVES="${SAVES:-50}" STATS_ROUNDS="${STATS_ROUNDS:-20}"
mvn -q -B -o -Pbench -Dbench.main=cn.edu.ntvu.workbench.bench.AttendanceBench -Dbench.work="$WORK" \
  -Dbench.port="${BENCH_PORT:-18585}"
