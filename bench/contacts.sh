#!/usr/bin/env bash
# Contacts sync benchmark (issue 6): the demo directory plus 20,000 people in 500 departments; prints the dry-run
# diff's time and heap, a full reconcile through the batch route to the WeCom stand-in, and an incremental run with
# 200 changes (targets: diff ≤ 10 s, full ≤ 2 min, incremental ≤ 30 s). Exits non-zero when a target is missed.
#   bench/contacts.sh              # 20,000 people, 500 departments
#   bench/contacts.sh 2000 50      # a quick check
# Port 18780 unless BENCH_PORT is set.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(pwd)/target/bench-contacts
rm -rf "$WORK"; mkdir -p "$WORK"
mvn -q -B -o -Pbench -Dbench.main=cn.edu.ntvu.workbench.bench.ContactsBench -Dbench.work="$WORK" \
  -Dbench.port="${BENCH_PORT:-18780}" -Dbench.people="${1:-20000}" -Dbench.departments="${2:-500}"
