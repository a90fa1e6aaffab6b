#!/usr/bin/env bash
# Open Liberty's dev mode on this application, used as a developer uses it: `./run.sh dev` (embedded
# Elasticsearch, ports of its own), then a GraphQL query is added to the code while it runs and must
# answer, and is removed again and must be gone — both without a restart. Prints how long each took;
# fails if dev mode does not start, or a change is not deployed within the limit.
set -euo pipefail
cd "$(dirname "$0")/.."

HTTP_PORT=${HTTP_PORT:-19480}
LIMIT=${LIMIT:-180} # seconds for a change to be live
data=$(mktemp -d /tmp/ledger-dev-check.XXXXXX)
probe=graphql-api/src/main/java/io/esledger/interfaces/graphql/DevModeProbe.java
log=$data/dev.log

[ ! -e "$probe" ] || { echo "$probe exists: not started" >&2; exit 2; }
mkfifo "$data/keys"
exec 3<>"$data/keys" # dev mode reads its console keys from here; kept open for the whole run

LEDGER_HTTP_PORT=$HTTP_PORT LEDGER_ES_PORT=$((HTTP_PORT + 10)) LEDGER_ES_TRANSPORT_PORT=$((HTTP_PORT + 11)) \
  LEDGER_DATA_DIR="$data" ./run.sh dev <"$data/keys" >"$log" 2>&1 &
dev=$!

finish() {
  status=$?
  rm -f "$probe"
  if kill -0 "$dev" 2>/dev/null; then
    echo q >&3
    for _ in $(seq 1 90); do kill -0 "$dev" 2>/dev/null || break; sleep 1; done
    kill "$dev" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ]; then
    echo "--- last lines of the dev mode output ($log)"
    tail -40 "$log"
  fi
}
trap finish EXIT

graphql() {
  curl -s -m 10 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"query\":\"$1\"}" "http://localhost:$HTTP_PORT/graphql" || true
}

# waits until the probe query's answer contains $1; $2 says what was changed, for the messages
await_probe() {
  local changed
  changed=$(date +%s)
  until [[ $(graphql '{ devModeProbe }') == *"$1"* ]]; do
    if [ $(($(date +%s) - changed)) -gt "$LIMIT" ]; then
      echo "no answer with '$1' $LIMIT s after $2: $(graphql '{ devModeProbe }')" >&2
      exit 1
    fi
    sleep 1
  done
  echo "dev mode: an answer with '$1' $(($(date +%s) - changed)) s after $2"
}

started=$(date +%s)
for _ in $(seq 1 900); do
  curl -sf -o /dev/null "http://localhost:$HTTP_PORT/graphql/schema.graphql" && break
  kill -0 "$dev" 2>/dev/null || { echo "dev mode exited before the application answered" >&2; exit 1; }
  sleep 1
done
curl -sf -o /dev/null "http://localhost:$HTTP_PORT/graphql/schema.graphql" \
  || { echo "the application did not answer in dev mode within 900 s" >&2; exit 1; }
echo "dev mode: the application answered $(($(date +%s) - started)) s after ./run.sh dev (build included)"
# dev mode watches the sources only once it has checked every module ("Recompile skipped for ear ..."
# after its banner); a file written before that is not seen until the next change
for _ in $(seq 1 120); do
  grep -q "Recompile skipped for ear\|ear source compilation was successful" "$log" && break
  sleep 1
done
sleep 2
token=$(sed -n 's/^ *export TOKEN=//p' "$log" | head -1)
[ -n "$token" ] || { echo "no development token printed" >&2; exit 1; }

answer=$(graphql '{ __typename }')
[[ $answer == *'"__typename":"Query"'* ]] || { echo "a query with the printed token failed: $answer" >&2; exit 1; }

# a change while it runs: a new query in the API module
cat >"$probe" <<'JAVA'
package io.esledger.interfaces.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

/** Written and removed by .ci/dev-mode-check.sh; never committed. */
@GraphQLApi
@ApplicationScoped
public class DevModeProbe {
  @Query
  public String devModeProbe() {
    return "deployed while running";
  }
}
JAVA
await_probe 'deployed while running' "the new query's source file was written"
rm -f "$probe"
await_probe 'VALIDATION_FAILED' "its source file was deleted (the field is gone)"

echo q >&3
for _ in $(seq 1 90); do kill -0 "$dev" 2>/dev/null || break; sleep 1; done
if kill -0 "$dev" 2>/dev/null; then
  echo "dev mode did not stop on 'q'" >&2
  exit 1
fi
if curl -s -o /dev/null "http://127.0.0.1:$((HTTP_PORT + 10))/"; then
  echo "the embedded Elasticsearch still answers after dev mode stopped" >&2
  exit 1
fi
echo "dev mode: stopped on 'q', and the embedded Elasticsearch with it"
rm -rf "$data"
