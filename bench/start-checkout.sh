# Sourced by the build-against-build tools (single-client.sh, cpu-per-payment.sh): with $here (this
# repository) and $1 (a built checkout, default this one) and $tool (the caller's name), starts that
# checkout's ./run.sh on a fresh data directory (ports 19080/19200) and waits for it; stops it on exit.
# Sets checkout, work, lua (the checkout's wrk script) and exports LEDGER_TOKEN.
checkout="$(cd "${1:-$here}" && pwd)"
work="$here/bench/target/$tool-$(basename "$checkout")"
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
