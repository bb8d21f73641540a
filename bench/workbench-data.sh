#!/usr/bin/env bash
# The numbers on WeCom's own workbench tile (工作台自定义展示, issue 21 item 5). Prints its figures; exits non-zero
# when a limit is broken or someone is missing. The packaged WAR (dev mode) seeded with the school-shaped data set
# (../shared/data/generate.py --students 15000: 15,871 people; the WeCom stand-in beside it knows them as members):
#   1. everyone's numbers changed at once: counted, queued through the outbox and delivered to the stand-in
#      (batch_set_workbench_data for people with the same values, ≤1000 a call; set_workbench_data for one),
#      the duration, the calls made, the most calls in a minute (cap 6,000; WeCom 10,000/min per API) and 45009s (0)
#   2. everyone marked again with nothing changed: nothing pushed
# SPREAD (13): unread notices run 0..SPREAD-1 a person (more distinct values → more calls). ~4 minutes on 2 cores.
# Port 18586 unless BENCH_PORT is set.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(pwd)/target/bench-workbench-data
rm -rf "$WORK"; mkdir -p "$WORK"
GEN=${GENERATOR:-../shared/data/generate.py}
python3 "$GEN" "$WORK/generated" --students 15000 >/dev/null
mkdir -p "$WORK/data"
cp "$WORK/generated/departments.csv" "$WORK/generated/classes.csv" "$WORK/generated/people.csv" "$WORK/data/"
cp src/demo/tiles.json "$WORK/data/"
export SPREAD="${SPREAD:-13}"
mvn -q -B -o -Pbench -Dbench.main=cn.edu.ntvu.workbench.bench.WorkbenchDataBench -Dbench.work="$WORK" \
  -Dbench.port="${BENCH_PORT:-18586}"
