#!/usr/bin/env bash
# Workbench search benchmark (issue 21). Prints its figures; exits non-zero when the target is missed.
# The packaged WAR (dev mode) seeded with the school-shaped data set (../shared/data/generate.py --students 15000:
# 15,871 people, the term's timetable) and the demo tiles, plus every person's things to search: 20 published
# forms asking the whole school (317,420 recipient rows), 3 leave requests for each of 3,000 students:
#   1. SQL statements per search request (MariaDB 'Questions')
#   2. wrk at CONNECTIONS (20) connections, each one signed-in student's browser, SECONDS (30) s per query:
#      qj (pinyin: tiles, form titles, courses), 体检 (a form title), 高等数学 (a course): p99 ≤ 80 ms each
# Needs: wrk, python3. Port 18597 unless BENCH_PORT is set. About 6 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
WORK=$(pwd)/target/bench-search
rm -rf "$WORK"; mkdir -p "$WORK"
GEN=${GENERATOR:-../shared/data/generate.py}
python3 "$GEN" "$WORK/data" --students 15000 >/dev/null
cp src/demo/tiles.json "$WORK/data/"
export CONNECTIONS="${CONNECTIONS:-20}" SECONDS_EACH="${SECONDS_EACH:-30}"
mvn -q -B -o -Pbench -Dbench.main=cn.edu.ntvu.workbench.bench.SearchBench -Dbench.work="$WORK" \
  -Ddemo.dir="$WORK/data" -Dbench.port="${BENCH_PORT:-18597}"
