#!/usr/bin/env bash
# CPU time per processPayment, of Liberty's JVM and of the Elasticsearch node, on the build in a checkout
# (default: this one): ./run.sh on a fresh data directory (ports 19080/19200), a warm-up at 16 connections
# (WARM_SECONDS, default 90), then RUNS (default 3) runs of 20 s at 16 connections, each printing payments/s
# and the CPU both processes spent per payment (from /proc). Less sensitive than throughput to a busy box:
# compare builds one after the other, and read the runs until they stop falling (the JIT takes minutes here).
#   bench/cpu-per-payment.sh [checkout]       e.g. a worktree of an older commit, built with mvn -Prun package
# PROFILE=1 also records the last run with Java Flight Recorder (Liberty's JVM) and prints where its CPU
# samples were: the hottest frames of the application and of the runtime, and the share of samples per layer.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tool=cpu
source "$here/bench/start-checkout.sh"
wrk -t2 -c16 -d"${WARM_SECONDS:-90}s" -s "$lua" http://localhost:19080/graphql -- graphql warm >/dev/null
liberty=$(pgrep -f "ws-server.jar ledger( |$)" | head -1)
node=$(cat "$work/data/elasticsearch.pid")
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
runs=${RUNS:-3}
for i in $(seq 1 "$runs"); do
  if [ "${PROFILE:-0}" = 1 ] && [ "$i" = "$runs" ]; then
    jcmd "$liberty" JFR.start name=cpu settings=profile duration=20s filename="$work/liberty.jfr" >/dev/null
  fi
  l0=$(cpu "$liberty"); e0=$(cpu "$node")
  result=$(wrk -t1 -c16 -d20s -s "$lua" http://localhost:19080/graphql -- graphql "c$i" | grep RESULT)
  l1=$(cpu "$liberty"); e1=$(cpu "$node")
  n=$(echo "$result" | sed 's/.*requests=\([0-9]*\).*/\1/')
  awk -v b="$(basename "$checkout")" -v i="$i" -v n="$n" -v l=$((l1 - l0)) -v e=$((e1 - e0)) -v t="$ticks" \
    'BEGIN { printf "%s run %d: %d payments/s; CPU per payment: Liberty %.2f ms, Elasticsearch %.2f ms\n",
             b, i, n / 20, l * 1000 / t / n, e * 1000 / t / n }'
done
if [ "${PROFILE:-0}" = 1 ]; then
  sleep 2
  jfr print --events jdk.ExecutionSample --stack-depth 64 "$work/liberty.jfr" > "$work/samples.txt"
  python3 "$here/bench/jfr-summary.py" "$work/samples.txt"
fi
