#!/usr/bin/env bash
# The local cluster (issue 17): MariaDB, three Payara Micro nodes as one Hazelcast cluster with replicated sessions,
# HAProxy in front (server-config/haproxy.cfg) and the WeCom gate, all on loopback.
#   bench/cluster.sh up       builds nothing: run `mvn -B package -DskipTests` first; starts and returns when ready
#   bench/cluster.sh status   HAProxy's view of the nodes, readiness through the balancer
#   bench/cluster.sh down     stops everything
# NODES (3) and BASE_PORT (18080: HAProxy 18080, nodes 18081…, stats 18084, MariaDB 18086, WeCom gate 18088, data
# grid 18981…); the app's own settings (APP_MODE, WECOM_*, …) are passed on to every node. Development mode unless
# APP_MODE says otherwise (sign-in through the WeCom stand-in's OAuth screen).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(pwd)/target/cluster
BASE_PORT="${BASE_PORT:-18080}"
pidfile="$WORK/cluster.pid"

running() { [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case "${1:-}" in
  up)
    if running; then echo "already up (pid $(cat "$pidfile"))"; cat "$WORK/ready" 2>/dev/null; exit 0; fi
    [[ -f target/workbench.war && -f target/payara-micro.jar ]] || { echo "run: mvn -B package -DskipTests" >&2; exit 1; }
    rm -rf "$WORK"; mkdir -p "$WORK"
    export NODES="${NODES:-3}" BASE_PORT
    nohup mvn -q -B -o -Pbench -Dbench.main=cn.edu.ntvu.workbench.bench.ClusterMain -Dbench.work="$WORK" \
      -Dbench.port="$BASE_PORT" > "$WORK/cluster.log" 2>&1 &
    echo "starting (log: $WORK/cluster.log) …"
    for _ in $(seq 1 600); do
      if [[ -f "$WORK/ready" ]]; then cat "$WORK/ready"; exit 0; fi
      if ! kill -0 $! 2>/dev/null; then echo "failed:"; tail -40 "$WORK/cluster.log"; exit 1; fi
      sleep 2
    done
    echo "not ready after 20 minutes"; exit 1 ;;
  down)
    if running; then
      pid=$(cat "$pidfile"); kill -TERM "$pid"
      for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      echo "down"
    else
      echo "not running"
    fi
    rm -f "$pidfile" "$WORK/ready" ;;
  status)
    if ! running; then echo "not running"; exit 1; fi
    cat "$WORK/ready"
    echo "HAProxy's view (backend workbench):"
    curl -s "http://127.0.0.1:$((BASE_PORT + 4))/;csv" | awk -F, '$1=="workbench" && $2!="BACKEND" {printf "  %-8s %-10s sessions now %s, total %s, check: %s\n", $2, $18, $5, $8, $37}'
    printf "readiness through the balancer: "; curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$BASE_PORT/health/ready" ;;
  *)
    echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
