#!/usr/bin/env bash
# 通知 benchmark (issue 20). Prints its figures; exits non-zero when a target is missed.
# The packaged WAR (dev mode) seeded with the school-shaped data set (../shared/data/generate.py --students 15000:
# 15,871 people; the WeCom stand-in beside it knows them as members):
#   1. a notice to all of them sent through the compose page: queued (the 发送 post) ≤ 5 s, delivered to the
#      stand-in ≤ 60 s from the tap, nobody twice
#   2. READERS (5,000) first reads due evenly within READ_WINDOW (300) s over CONNECTIONS (20) connections, each timed
#      from when it was due: notice page p99 ≤ 100 ms (READ_WINDOW=0: as fast as answered, a stress run)
#   3. the sender's counts page for the 15,871 recipients, RESULT_RUNS (100) loads: p99 ≤ 200 ms
# A short run: READERS=500 READ_WINDOW=30 RESULT_RUNS=20 bench/notices.sh. Port 18584 unless BENCH_PORT is set.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(pwd)/target/bench-notices
rm -rf "$WORK"; mkdir -p "$WORK"
GEN=${GENERATOR:-../shared/data/generate.py}
python3 "$GEN" "$WORK/generated" --students 15000 >/dev/null
# The directory only (the timetable is not what this measures), and the demo's tiles.
mkdir -p "$WORK/data"
cp "$WORK/generated/departments.csv" "$WORK/generated/classes.csv" "$WORK/generated/people.csv" "$WORK/data/"
cp src/demo/tiles.json "$WORK/data/"
export READERS="${READERS:-5000}" CONNECTIONS="${CONNECTIONS:-20}" RESULT_RUNS="${RESULT_RUNS:-100}" READ_WINDOW="${READ_WINDOW:-300}"
mvn -q -B -o -Pbench -Dbench.main=cn.edu.ntvu.workbench.bench.NoticesBench -Dbench.work="$WORK" \
  -Dbench.port="${BENCH_PORT:-18584}"
