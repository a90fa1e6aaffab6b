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
tool=single-client
source "$here/bench/start-checkout.sh"
wrk -t2 -c"${WARM_CONNECTIONS:-4}" -d"${WARM_SECONDS:-40}s" -s "$lua" http://localhost:19080/graphql -- graphql warm >/dev/null
i=0
for c in ${CONNECTIONS:-1 1 1 1 1 1}; do
  i=$((i + 1))
  echo "$(basename "$checkout") run $i, $c connection(s): $(wrk -t1 -c"$c" -d10s -s "$lua" http://localhost:19080/graphql \
    -- graphql "r$i" | grep RESULT | sed 's/RESULT //')"
done
