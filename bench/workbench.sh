#!/usr/bin/env bash
# Workbench benchmark (issue 7). Prints its figures; takes ~3 minutes on 2 cores.
# The home page of a student who sees 20 tiles (visible by every kind of rule, among tiles for others) with badges,
# the badge cache off (WORKBENCH_BADGE_CACHE_SECONDS=0: every badge counted on every request):
#   1. SQL statements per home-page request (MariaDB's 'Questions' counter)
#   2. requests/s and latency under wrk at 20 and 100 connections, 100 signed-in browser sessions
#   3. bytes of a first visit (page + assets, gzip) and of a repeat visit (assets cached)
# Needs: wrk, python3. Port 18580 unless BENCH_PORT is set.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
WORK=$(pwd)/target/bench-workbench
rm -rf "$WORK"; mkdir -p "$WORK"
mvn -q -B -o -Pbench -Dbench.main=cn.edu.ntvu.workbench.bench.WorkbenchBench -Dbench.work="$WORK" \
  -Dbench.port="${BENCH_PORT:-18580}"
