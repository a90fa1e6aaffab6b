#!/usr/bin/env bash
# Two builds on one box, interleaved, so that what the box does meanwhile (the JIT, other load, heat)
# falls on both alike: processPayment at 16 connections against A and B in alternating 20 s runs.
#   bench/ab.sh A B      two checkouts, each built with mvn -Prun package (e.g. git worktrees of two
#                        commits; bench/unverified-build.sh makes one of this checkout without token
#                        verification, the baseline for what verifying bearer tokens costs)
# Each build runs by its own ./run.sh with its own Elasticsearch node on a fresh data directory (A on
# ports 19080/19200, B on 19090/19210), both driven with the same bearer token. Warm-up: WARM_ROUNDS
# (default 3) rounds of WARM_SECONDS (60) per build at 16 connections. Then ROUNDS (default 8) rounds
# of one 20 s run per build, A first in odd rounds and B first in even ones (a steady drift favours
# neither). After each run the script waits until that build is idle again (at most 60 s: the
# projection catching up, refreshes, merges), so the next run has the box to itself; each run prints
# payments/s, failed requests and the CPU that Liberty and its node spent per payment from the run's
# start to that moment (from /proc). At the end: B against A, round by round, and as the geometric
# mean of the rounds' ratios with a 95 % confidence interval (t distribution) and their median, for
# throughput, CPU per payment of both processes, and Liberty's alone.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -eq 2 ] || { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }
work="$here/bench/target/ab"
rm -rf "$work" && mkdir -p "$work"
export LEDGER_DEV_KEYS_DIR="$work/keys"
ticks=$(getconf CLK_TCK)
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done; wait 2>/dev/null || true' EXIT

declare -A checkout port node liberty
start() { # start NAME CHECKOUT HTTP_PORT ES_PORT
  local name=$1 dir http=$3 es=$4
  dir="$(cd "$2" && pwd)"
  [ -x "$dir/ear/target/liberty/wlp/bin/server" ] || { echo "$dir is not built (mvn -Prun package)" >&2; exit 1; }
  checkout[$name]=$dir
  port[$name]=$http
  (cd "$dir" && exec env LEDGER_SKIP_BUILD=1 LEDGER_HTTP_PORT="$http" LEDGER_ES_PORT="$es" \
    LEDGER_ES_TRANSPORT_PORT=$((es + 100)) LEDGER_DATA_DIR="$work/data-$name" ./run.sh >"$work/run-$name.log" 2>&1) &
  pids+=($!)
}
await() { # await NAME: until its GraphQL endpoint answers; then finds its processes
  local name=$1
  for _ in $(seq 1 900); do
    curl -s -o /dev/null "http://localhost:${port[$name]}/graphql/schema.graphql" && break
    sleep 0.2
  done
  # a second instance from one checkout (A = B, to see the method's own spread) runs as a copy of the
  # server named after its port
  local server=ledger
  [ -d "${checkout[$name]}/ear/target/liberty/wlp/usr/servers/ledger-${port[$name]}" ] && server="ledger-${port[$name]}"
  liberty[$name]=$(pgrep -af "ws-server.jar $server( |$)" | awk -v d="${checkout[$name]}/ear/target/liberty/wlp/bin/tools/ws-server.jar " 'index($0, d) { print $1; exit }')
  node[$name]=$(cat "$work/data-$name/elasticsearch.pid")
  [ -n "${liberty[$name]}" ] && [ -n "${node[$name]}" ] || { echo "$name did not start: $work/run-$name.log" >&2; exit 1; }
}
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
lua() { echo "${checkout[$1]}/bench/src/main/resources/wrk/new-payments.lua"; }

# the CPU ticks a build's two processes have used so far
ticks_of() { echo $(( $(cpu "${liberty[$1]}") + $(cpu "${node[$1]}") )); }
# settle NAME: waits (at most 60 s) until the build's processes use under a tenth of a core, so that
# what a run leaves behind (the projection catching up, refreshes, merges) is done before the next run
# starts and is counted in that run's CPU per payment; prints the seconds waited
settle() {
  local s=0 a b
  while [ $s -lt 60 ]; do
    a=$(ticks_of "$1"); sleep 1; b=$(ticks_of "$1"); s=$((s + 1))
    [ $(((b - a) * 10)) -lt "$ticks" ] && break
  done
  echo $s
}
start A "$1" 19080 19200
start B "$2" 19090 19210
await A
await B
LEDGER_TOKEN=$("$here/run.sh" token --org org-1 --sub bench --roles payments:read,payments:write)
export LEDGER_TOKEN
echo "A = ${checkout[A]} ($(git -C "${checkout[A]}" log -1 --format=%h 2>/dev/null || echo '?'))"
echo "B = ${checkout[B]} ($(git -C "${checkout[B]}" log -1 --format=%h 2>/dev/null || echo '?'))"

warm_seconds=${WARM_SECONDS:-60}
for w in $(seq 1 "${WARM_ROUNDS:-3}"); do
  for name in A B; do
    wrk -t2 -c16 -d"${warm_seconds}s" -s "$(lua $name)" "http://localhost:${port[$name]}/graphql" -- graphql "w$w" >/dev/null
  done
  echo "warm-up round $w of ${WARM_ROUNDS:-3} done (${warm_seconds} s per build; settled in $(settle A) s, $(settle B) s)"
done

results="$work/results.txt"
: > "$results"
run() { # run NAME ROUND: one 20 s run; appends "ROUND NAME payments/s cpu_ms_per_payment liberty_ms_per_payment" to $results
  local name=$1 round=$2 l0 e0 l1 e1 out n failed settled
  l0=$(cpu "${liberty[$name]}"); e0=$(cpu "${node[$name]}")
  out=$(wrk -t1 -c16 -d20s -s "$(lua "$name")" "http://localhost:${port[$name]}/graphql" -- graphql "r$round")
  settled=$(settle "$name")
  l1=$(cpu "${liberty[$name]}"); e1=$(cpu "${node[$name]}")
  n=$(echo "$out" | grep RESULT | sed 's/.*requests=\([0-9]*\).*/\1/')
  failed=$(echo "$out" | grep -c '^FAILED' || true)
  awk -v r="$round" -v b="$name" -v n="$n" -v f="$failed" -v l=$((l1 - l0)) -v e=$((e1 - e0)) -v t="$ticks" \
    -v w="$settled" -v out="$results" \
    'BEGIN { lm = l * 1000 / t / n; em = e * 1000 / t / n
             printf "round %d %s: %d payments/s, %d failed; CPU per payment (with the %d s it took to settle): Liberty %.2f ms + Elasticsearch %.2f ms\n",
                    r, b, n / 20, f, w, lm, em
             printf "%d %s %.1f %.4f %.4f\n", r, b, n / 20, lm + em, lm >> out }'
}
rounds=${ROUNDS:-8}
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then run A "$r"; run B "$r"; else run B "$r"; run A "$r"; fi
done

awk '
  { rate[$1, $2] = $3; cost[$1, $2] = $4; app[$1, $2] = $5; if ($1 > n) n = $1 }
  END {
    split("12.706 4.303 3.182 2.776 2.571 2.447 2.365 2.306 2.262 2.228 2.201 2.179 2.160 2.145 2.131 2.120 2.110 2.101 2.093 2.086", t, " ")
    print "\nB against A, per round (payments/s; CPU per payment, both processes; Liberty alone):"
    for (r = 1; r <= n; r++) {
      x[r] = log(rate[r, "B"] / rate[r, "A"]); y[r] = log(cost[r, "B"] / cost[r, "A"]); z[r] = log(app[r, "B"] / app[r, "A"])
      printf "  round %d: %.3f; %.3f; %.3f\n", r, exp(x[r]), exp(y[r]), exp(z[r])
      sa += rate[r, "A"]; sb += rate[r, "B"]
    }
    printf "mean payments/s over the rounds: A %.0f, B %.0f (B/A %.3f)\n", sa / n, sb / n, sb / sa
    tc = t[n - 1 > 20 ? 20 : n - 1]
    summary("throughput B/A", x); summary("CPU per payment B/A", y); summary("Liberty CPU per payment B/A", z)
  }
  function summary(label, v,    r, m, s, w, i, j, h) {
    m = 0; for (r = 1; r <= n; r++) m += v[r]; m /= n
    s = 0; for (r = 1; r <= n; r++) s += (v[r] - m) ^ 2; s = sqrt(s / (n - 1))
    for (r = 1; r <= n; r++) w[r] = v[r]
    for (i = 2; i <= n; i++) for (j = i; j > 1 && w[j - 1] > w[j]; j--) { h = w[j]; w[j] = w[j - 1]; w[j - 1] = h }
    printf "%s: %.3f (95 %% confidence %.3f to %.3f; median of the rounds %.3f; %d rounds)\n", label, exp(m),
      exp(m - tc * s / sqrt(n)), exp(m + tc * s / sqrt(n)), n % 2 ? exp(w[(n + 1) / 2]) : exp((w[n / 2] + w[n / 2 + 1]) / 2), n
  }' "$results"
