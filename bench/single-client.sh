#!/usr/bin/env bash
# processPayment at one connection, after warm-up, on the build in a checkout (default: this one):
# starts it with ./run.sh on a fresh data directory (ports 19080/19200), warms it up for 40 s at 4
# connections, then prints six 10-second runs at one connection (payments, p50/p99 in µs). The JIT
# keeps improving for about a minute: read the last runs, and compare builds one after the other.
#   bench/single-client.sh [checkout]      e.g. a worktree of an older commit, built with mvn -Prun package
#   CONNECTIONS="1 1 1 16 16 16" bench/single-client.sh [checkout]   other runs (one per entry)
#   WARM_CONNECTIONS=16 WARM_SECONDS=90 ...                          a longer, busier warm-up
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
checkout="$(cd "${1:-$here}" && pwd)"
work="$here/bench/target/single-client-$(basename "$checkout")"
rm -rf "$work" && mkdir -p "$work"
export LEDGER_DEV_KEYS_DIR="$work/keys"
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }
(cd "$checkout" && exec env LEDGER_SKIP_BUILD=1 LEDGER_HTTP_PORT=19080 LEDGER_ES_PORT=19200 \
  LEDGER_ES_TRANSPORT_PORT=19300 LEDGER_DATA_DIR="$work/data" ./run.sh >"$work/run.log" 2>&1) &
app=$!
trap 'kill -TERM $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -s -o /dev/null http://localhost:19080/graphql/schema.graphql && break; sleep 0.2; done
# the drivers' token: builds without bearer tokens ignore the header
LEDGER_TOKEN=$("$here/run.sh" token --org org-1 --sub bench --roles payments:read,payments:write)
export LEDGER_TOKEN
lua="$checkout/bench/src/main/resources/wrk/new-payments.lua"
wrk -t2 -c"${WARM_CONNECTIONS:-4}" -d"${WARM_SECONDS:-40}s" -s "$lua" http://localhost:19080/graphql -- graphql warm >/dev/null
i=0
for c in ${CONNECTIONS:-1 1 1 1 1 1}; do
  i=$((i + 1))
  echo "$(basename "$checkout") run $i, $c connection(s): $(wrk -t1 -c"$c" -d10s -s "$lua" http://localhost:19080/graphql \
    -- graphql "r$i" | grep RESULT | sed 's/RESULT //')"
done
