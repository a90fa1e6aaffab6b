#!/usr/bin/env bash
# Every benchmark in one command, against a fresh embedded Elasticsearch node and a running
# Liberty on this machine, both started with ./run.sh on a data directory of their own:
#
#   bench/run.sh full     real numbers (about 15 minutes); rewrites the generated part of docs/benchmarks.md
#   bench/run.sh smoke    about 3 minutes, keeps the harness working (CI runs it); writes only under bench/target
#
# Steps: build; start the app on a fresh data dir and time it to its first answer (cold); stop; start it
# again on the same data (warm); ApiBenchmarks (P2, P4, P6) against it; StoreBenchmarks (P1, P2s, P3, P5)
# against its node; stop; assemble the report.
set -euo pipefail
cd "$(dirname "$0")/.."

scale=${1:-full}
case "$scale" in
  smoke | full) ;;
  *) echo "usage: bench/run.sh [smoke|full]" >&2; exit 2 ;;
esac

HTTP_PORT=${BENCH_HTTP_PORT:-19080}
ES_PORT=${BENCH_ES_PORT:-19200}
ES_TRANSPORT_PORT=${BENCH_ES_TRANSPORT_PORT:-19300}
WORK=$PWD/bench/target/run-$scale
DATA=$WORK/data
WLP=ear/target/liberty/wlp
GRAPHQL=http://localhost:$HTTP_PORT/graphql
ES=http://127.0.0.1:$ES_PORT
DRIVER_HEAP=-Xmx768m

log() { printf '[bench] %s\n' "$*" >&2; }
now_ms() { date +%s%3N; }

command -v wrk >/dev/null || { log "wrk drives the HTTP load: install it first (Debian: apt-get install wrk)"; exit 1; }
if curl -s -o /dev/null "http://localhost:$HTTP_PORT/" || curl -s -o /dev/null "$ES"; then
  log "port $HTTP_PORT or $ES_PORT is taken: stop what uses it, or set BENCH_HTTP_PORT / BENCH_ES_PORT"
  exit 1
fi
if [ -x "$WLP/bin/server" ] && "$WLP/bin/server" status ledger >/dev/null 2>&1; then
  log "the Liberty server 'ledger' is running (./run.sh?): stop it first, the benchmark starts its own"
  exit 1
fi

rm -rf "$WORK"
mkdir -p "$WORK"
log "building"
mvn -B -q -Prun package -DskipTests
# the app (./run.sh) and the drivers share one development key pair: the drivers sign their own tokens
export LEDGER_DEV_KEYS_DIR=$WORK/keys
TOKEN=$(./run.sh token --org org-1 --sub bench --roles payments:read,payments:write,ledger:operator)

app_pid=""
startup_ms=""
start_app() { # $1 = log file; sets app_pid and startup_ms (to the first GraphQL answer that read Elasticsearch)
  local t0 probe
  t0=$(now_ms)
  LEDGER_HTTP_PORT=$HTTP_PORT LEDGER_ES_PORT=$ES_PORT LEDGER_ES_TRANSPORT_PORT=$ES_TRANSPORT_PORT \
    LEDGER_DATA_DIR=$DATA ./run.sh >"$1" 2>&1 &
  app_pid=$!
  probe='{"query":"{ searchEvents(page: {size: 1}) { total } }"}'
  for _ in $(seq 1 1200); do
    if curl -sf -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" -d "$probe" "$GRAPHQL" 2>/dev/null \
      | grep -q '"total"'; then
      startup_ms=$(($(now_ms) - t0))
      return 0
    fi
    if ! kill -0 "$app_pid" 2>/dev/null; then
      log "./run.sh exited; its output:"
      cat "$1" >&2
      return 1
    fi
    sleep 0.1
  done
  log "no answer from $GRAPHQL within 120 s"
  return 1
}
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid"
    wait "$app_pid" || true
  fi
  app_pid=""
}
trap stop_app EXIT

log "starting the app on a fresh data dir (cold)"
start_app "$WORK/run-cold.log"
cold=$startup_ms
log "first answer after $cold ms; restarting on the same data (warm)"
stop_app
start_app "$WORK/run-warm.log"
warm=$startup_ms
log "first answer after $warm ms"

es_pid=$(cat "$DATA/elasticsearch.pid")
liberty_pid=$(pgrep -f -- "ws-server.jar ledger" | head -1 || true)

log "ApiBenchmarks (P2, P4, P6)"
java $DRIVER_HEAP -cp "$(cat bench/target/classpath.txt)" io.esledger.bench.ApiBenchmarks \
  --graphql "$GRAPHQL" --es "$ES" --index ledger-events --scale "$scale" --out "$WORK/api.md" \
  --startup-cold-ms "$cold" --startup-warm-ms "$warm" --es-pid "$es_pid" ${liberty_pid:+--liberty-pid "$liberty_pid"}

log "StoreBenchmarks (P1, P2s, P3, P5)"
java $DRIVER_HEAP -cp "$(cat bench/target/classpath.txt)" io.esledger.bench.StoreBenchmarks \
  --es "$ES" --scale "$scale" --out "$WORK/store.md"

stop_app

report=$WORK/benchmarks.md
{
  echo "### All benchmarks, scale \`$scale\` — $(date -u +%Y-%m-%dT%H:%MZ) (commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown))"
  echo
  echo "Command: \`bench/run.sh $scale\`. Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"
  echo "$(java -version 2>&1 | head -1); Elasticsearch heap 512 MB (./run.sh default), Liberty \`-Xmx512m\`,"
  echo "drivers in JVMs of their own (\`$DRIVER_HEAP\`) on the same box. Load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  sed 's/^### /#### /' "$WORK/api.md"
  echo
  sed 's/^### /#### /' "$WORK/store.md"
} >"$report"

if [ "$scale" = full ]; then
  begin='<!-- bench/run.sh full: generated from here -->'
  end='<!-- bench/run.sh full: generated up to here -->'
  awk -v begin="$begin" -v end="$end" -v report="$report" '
    $0 == begin { print; while ((getline line < report) > 0) print line; skipping = 1; next }
    $0 == end { skipping = 0 }
    !skipping { print }
  ' docs/benchmarks.md >"$WORK/benchmarks-doc.md"
  grep -qxF "$begin" docs/benchmarks.md || { log "docs/benchmarks.md lacks the marker line: $begin"; exit 1; }
  cp "$WORK/benchmarks-doc.md" docs/benchmarks.md
  log "wrote docs/benchmarks.md (and $report)"
else
  log "wrote $report"
fi
