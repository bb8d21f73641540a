#!/usr/bin/env bash
# WeCom outbox benchmark (issue 3): 10,000 messages delivered by the background worker to the WeCom stand-in;
# prints the time and the duplicates (target ≤ 60 s, 0 duplicates). ~2 minutes on 2 cores.
#   bench/outbox.sh           # 10,000 messages
#   bench/outbox.sh 200       # a quick check with 200
# Worker settings can be passed as environment variables, e.g. WECOM_OUTBOX_WORKERS=8 bench/outbox.sh.
# Port 18680 unless BENCH_PORT is set.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(pwd)/target/bench-outbox
rm -rf "$WORK"; mkdir -p "$WORK"
mvn -q -B -o -Pbench -Dbench.main=cn.edu.ntvu.workbench.bench.OutboxBench -Dbench.work="$WORK" \
  -Dbench.port="${BENCH_PORT:-18680}" -Dbench.messages="${1:-10000}"
