#!/usr/bin/env bash
# The fault drills of issue 17, in order, under load, on the local cluster (three Payara Micro nodes with replicated
# sessions, HAProxy with server-config/haproxy.cfg, MariaDB, the WeCom gate; development mode: people sign in through
# the WeCom stand-in's OAuth screen). Prints one line per drill and the table at the end (also target/resilience/table.txt):
#   node-kill        kill -9 node2 mid-load, start it again KILL_DOWN (120) s later
#   rolling-restart  drain, stop, start on a new copy of the WAR, ready — each node in turn, never two at once
#   database         MariaDB stopped for DB_DOWN (30) s, then started
#   wecom            WeCom answers -1, then hangs, then refuses connections: WECOM_DOWN (300) s in all
#   pause            node3 frozen (SIGSTOP) for PAUSE (20) s, then SIGCONT
# Load: STUDENTS (24) students and 4 counsellors, one wrk connection each (bench/cluster-mix.lua), THINK_MS (1500)
# between taps, a submit every SUBMIT_EVERY (3) rounds; card-button approvals every CARD_EVERY_MS (3000).
# STEADY (60) s of load before each fault, AFTER (60) s after it. About 25 minutes.
# A short run: DRILLS=node-kill,database STEADY=20 KILL_DOWN=30 DB_DOWN=10 AFTER=20 bench/resilience.sh
# Ports from BASE_PORT (18280). Needs haproxy and wrk (apt-get install haproxy wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v haproxy >/dev/null && command -v wrk >/dev/null || { echo "needs: apt-get install haproxy wrk" >&2; exit 1; }
WORK=$(pwd)/target/resilience
rm -rf "$WORK"; mkdir -p "$WORK"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -q -B -o -Pbench -Dbench.main=cn.edu.ntvu.workbench.bench.ResilienceBench -Dbench.work="$WORK" \
  -Dbench.port="${BASE_PORT:-18280}"
