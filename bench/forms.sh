#!/usr/bin/env bash
# 收集表 benchmark (issue 5). Prints its figures.
# On the packaged WAR (dev mode, demo directory plus STUDENTS generated students over four classes):
#   1. a form of 20 questions sent to the students; SUBMITS of them submit within SPAN seconds: how many stored,
#      p50/p99 of the submit post (target p99 ≤ 300 ms)
#   2. the rest of the answers added in the database (STUDENTS answers × 20 questions); the results page loaded
#      RESULT_RUNS times: p50/p99 (target p99 ≤ 500 ms)
#   3. the XLSX export of all of them: time and the app's peak heap growth during it (jstat; target ≤ 10 s, ≤ 100 MB)
# A short run: STUDENTS=400 SUBMITS=100 SPAN=10 RESULT_RUNS=20 bench/forms.sh
# Port 18582 unless BENCH_PORT is set.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(pwd)/target/bench-forms
rm -rf "$WORK"; mkdir -p "$WORK"
export STUDENTS="${STUDENTS:-15000}" SUBMITS="${SUBMITS:-1500}" SPAN="${SPAN:-60}" RESULT_RUNS="${RESULT_RUNS:-100}"
mvn -q -B -o -Pbench -Dbench.main=cn.edu.ntvu.workbench.bench.FormsBench -Dbench.work="$WORK" \
  -Dbench.port="${BENCH_PORT:-18582}"
