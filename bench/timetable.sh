#!/usr/bin/env bash
# Timetable benchmark (issue 4). Prints its figures; takes ~6 minutes on 2 cores.
# With the school-shaped data set (../shared/data/generate.py, 15,000 students, ~870 staff, ~4,000 course meetings)
# imported through the admin pages:
#   1. the full-term timetable import (term, calendar, period times, 正方 and 金智 files): time and Payara's peak RSS
#   2. SQL statements per week-view request (MariaDB's 'Questions' counter; the home page as the baseline)
#   3. the week view under wrk at 20 and 100 connections, 200 students' sessions in rotation
# Needs: wrk, chromium + chromium-driver, python3. Port 18580 unless BENCH_PORT is set.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
WORK=$(pwd)/target/bench-timetable
rm -rf "$WORK"; mkdir -p "$WORK"
GEN=${GENERATOR:-../shared/data/generate.py}
python3 "$GEN" "$WORK/data" --students 15000
mvn -q -B -o -Pbench -Dbench.main=cn.edu.ntvu.workbench.bench.TimetableBench -Dbench.work="$WORK" \
  -Dbench.port="${BENCH_PORT:-18580}"
