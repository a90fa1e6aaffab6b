#!/usr/bin/env bash
# What one processPayment asks of Elasticsearch: requests per payment by REST route (from the node's
# own per-route counters, _nodes/stats/http), and documents indexed, gets, searches and refreshes per
# payment (_nodes/stats/indices), at 16 connections after a warm-up; then the same counters over 30 s
# of idle (what the app does when nothing happens).
#   bench/es-calls-per-payment.sh [checkout]   a checkout built with mvn -Prun package (default: this one)
# Starts the checkout's ./run.sh on a fresh data directory (ports 19080/19200). WARM_SECONDS (60) and
# SECONDS_MEASURED (30) set the windows. Every request counts: the payment's own, the projection's,
# the invoice process manager's, health sampling, refreshes for readers.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
checkout=$(cd "${1:-$here}" && pwd)
work=$here/bench/target/es-calls
rm -rf "$work" && mkdir -p "$work"
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }
[ -x "$checkout/ear/target/liberty/wlp/bin/server" ] || { echo "$checkout is not built (mvn -Prun package)" >&2; exit 1; }
(cd "$checkout" && exec env LEDGER_SKIP_BUILD=1 LEDGER_HTTP_PORT=19080 LEDGER_ES_PORT=19200 LEDGER_ES_TRANSPORT_PORT=19300 \
  LEDGER_DATA_DIR="$work/data" ./run.sh >"$work/run.log" 2>&1) &
app=$!
trap 'kill -INT $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf -o /dev/null http://localhost:19080/graphql/schema.graphql && break; sleep 1; done
export LEDGER_TOKEN
LEDGER_TOKEN=$(cd "$checkout" && LEDGER_DATA_DIR="$work/data" ./run.sh token --roles payments:read,payments:write | tail -1)
lua=$checkout/bench/src/main/resources/wrk/new-payments.lua

# route → requests, and the node's index/get/search/refresh totals, as "key value" lines
counters() {
  curl -s "http://127.0.0.1:19200/_nodes/stats/http,indices?filter_path=nodes.*.http.routes.*.requests.count,nodes.*.indices.indexing.index_total,nodes.*.indices.get.total,nodes.*.indices.search.query_total,nodes.*.indices.refresh.total,nodes.*.indices.refresh.external_total" \
    | python3 -c '
import json, sys
node = list(json.load(sys.stdin)["nodes"].values())[0]
for route, r in node.get("http", {}).get("routes", {}).items():
    print("route " + route, r["requests"]["count"])
i = node["indices"]
print("documents indexed", i["indexing"]["index_total"])
print("gets (shard level)", i["get"]["total"])
print("search queries (shard level)", i["search"]["query_total"])
print("refreshes (shard level)", i["refresh"]["total"])
print("external refreshes (shard level)", i["refresh"].get("external_total", 0))'
}
# prints per-unit deltas between two counter files, largest first
per() { # $1 before, $2 after, $3 divisor, $4 unit
  python3 - "$1" "$2" "$3" "$4" <<'PY'
import sys
def read(path):
    out = {}
    for line in open(path):
        key, value = line.rsplit(" ", 1)
        out[key] = int(value)
    return out
before, after, divisor, unit = read(sys.argv[1]), read(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
rows = sorted(((after[k] - before.get(k, 0)) / divisor, k) for k in after)
for value, key in reversed(rows):
    if value > 0:
        print(f"  {value:8.3f} {unit}  {key}")
PY
}

echo "warm-up: ${WARM_SECONDS:-60} s at 16 connections" >&2
wrk -t2 -c16 -d"${WARM_SECONDS:-60}s" -s "$lua" http://localhost:19080/graphql -- graphql warm >/dev/null
sleep 5
counters >"$work/before"
seconds=${SECONDS_MEASURED:-30}
result=$(wrk -t1 -c16 -d"${seconds}s" -s "$lua" http://localhost:19080/graphql -- graphql calls | grep RESULT || true)
sleep 5 # the projection and the invoice process manager catch up: their calls belong to these payments
counters >"$work/after"
# payments acknowledged = requests - errors (the RESULT line of new-payments.lua)
payments=$(echo "$result" | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } } END { print v["requests"] - v["errors"] }')
[ -n "$payments" ] && [ "$payments" -gt 0 ] || { echo "no payment was acknowledged: $result" >&2; exit 1; }
echo "Elasticsearch work per payment ($payments payments in $seconds s at 16 connections, after the warm-up; $checkout):"
per "$work/before" "$work/after" "$payments" "per payment"
sleep 10
counters >"$work/idle-before"
sleep 30
counters >"$work/idle-after"
echo "Idle, 30 s (nothing sent):"
per "$work/idle-before" "$work/idle-after" 30 "per second"
