#!/usr/bin/env bash
# Runs the ledger on this machine: builds it, starts a real Elasticsearch node (unless
# LEDGER_ELASTICSEARCH_HOSTS points at a cluster of yours) and Open Liberty with the EAR, prints the
# GraphQL and GraphiQL URLs when they answer, and stops both on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"

HTTP_PORT=${LEDGER_HTTP_PORT:-9080}
ES_PORT=${LEDGER_ES_PORT:-9200}
ES_TRANSPORT_PORT=${LEDGER_ES_TRANSPORT_PORT:-9300}
DATA_DIR=${LEDGER_DATA_DIR:-$PWD/data}
ES_HEAP=${LEDGER_ES_HEAP:-512m}
es_pid_file="$DATA_DIR/elasticsearch.pid"
WLP=ear/target/liberty/wlp
SERVER=ledger
started=$(date +%s)

log() { printf '[run] %s\n' "$*"; }

# development signing keys (never committed: under the data directory) and tokens signed with them
KEYS_DIR=${LEDGER_DEV_KEYS_DIR:-$DATA_DIR/dev-keys}
dev_tokens() {
  if [ ! -f es-node/target/classpath.txt ]; then
    mvn -B -q -pl es-node package -DskipTests
  fi
  java -cp "$(cat es-node/target/classpath.txt)" io.esledger.devtools.DevTokens "$@"
}

# the embedded Elasticsearch node (data under $DATA_DIR), started in the background; returns once it answers
start_embedded_es() {
  mkdir -p "$DATA_DIR/elasticsearch" "$DATA_DIR/es-home"
  java -Xms256m -Xmx"$ES_HEAP" -cp "$(cat es-node/target/classpath.txt)" io.esledger.esnode.ElasticsearchNode start \
    --home "$DATA_DIR/es-home" --data "$DATA_DIR/elasticsearch" \
    --http-port "$ES_PORT" --transport-port "$ES_TRANSPORT_PORT" --pid-file "$es_pid_file" \
    > "$DATA_DIR/elasticsearch.out" 2>&1 &
  java -cp "$(cat es-node/target/classpath.txt)" io.esledger.esnode.ElasticsearchNode await \
    --url "http://127.0.0.1:$ES_PORT" --timeout-seconds 90
}

if [ "${1:-}" = "token" ]; then
  # ./run.sh token [--org org-2] [--sub user-7] [--roles payments:read,payments:write,ledger:operator] [--hours 12]
  shift
  dev_tokens token --dir "$KEYS_DIR" "$@"
  exit 0
fi

# backups: Elasticsearch snapshots of the ledger's indices (./run.sh backup [NAME] | backups | restore NAME)
if [ "${1:-}" = "backup" ] || [ "${1:-}" = "backups" ] || [ "${1:-}" = "restore" ]; then
  action=$1
  shift
  [ -f es-node/target/classpath.txt ] || mvn -B -q -pl es-node package -DskipTests
  es_cp="$(cat es-node/target/classpath.txt)"
  es_url=${LEDGER_ELASTICSEARCH_HOSTS:-http://127.0.0.1:$ES_PORT}
  es_url=${es_url%%,*}
  if [ -n "${LEDGER_SNAPSHOT_REPOSITORY:-}" ]; then
    repository=(--repository "$LEDGER_SNAPSHOT_REPOSITORY") # registered on your cluster (S3, GCS, shared fs, ...)
  else
    repository=(--repository ledger-backups --location ledger-backups) # under the node's path.repo
  fi
  case $action in
    backup) arguments=(snapshot ${1:+--name "$1"}) ;;
    backups) arguments=(list) ;;
    restore)
      [ -n "${1:-}" ] || { echo "usage: ./run.sh restore NAME   (./run.sh backups lists the snapshots)" >&2; exit 2; }
      if [ -d "$WLP/usr/servers/$SERVER" ] && "$WLP/bin/server" status "$SERVER" >/dev/null 2>&1; then
        echo "stop the app first: a running instance would write into the indices being restored" >&2
        exit 1
      fi
      arguments=(restore --name "$1") ;;
  esac
  temporary_es=""
  if [ -z "${LEDGER_ELASTICSEARCH_HOSTS:-}" ] && ! curl -sf -o /dev/null "$es_url/"; then
    log "starting Elasticsearch for the $action (data in $DATA_DIR/elasticsearch)"
    start_embedded_es >/dev/null
    temporary_es=1
  fi
  status=0
  java -cp "$es_cp" io.esledger.esnode.Snapshots "${arguments[@]}" --url "$es_url" \
    --prefix "${LEDGER_ELASTICSEARCH_INDEX_PREFIX:-ledger-}" "${repository[@]}" || status=$?
  if [ -n "$temporary_es" ]; then
    java -cp "$es_cp" io.esledger.esnode.ElasticsearchNode stop --pid-file "$es_pid_file" >/dev/null
  fi
  exit "$status"
fi

# ./run.sh dev: the same start, but Open Liberty in dev mode (mvn liberty:dev) on a loose application:
# a changed class, resource or server.xml is compiled and redeployed while it runs
DEV_MODE=""
if [ "${1:-}" = "dev" ]; then
  DEV_MODE=1
  if [ -d "$WLP/usr/servers/$SERVER" ] && "$WLP/bin/server" status "$SERVER" >/dev/null 2>&1; then
    echo "the app already runs from this checkout: stop it first (dev mode runs the same server, $SERVER)" >&2
    exit 1
  fi
fi

if [ -z "$DEV_MODE" ] && [ -d "$WLP/usr/servers/$SERVER" ] && "$WLP/bin/server" status "$SERVER" >/dev/null 2>&1; then
  # another instance of the app runs from this checkout: reuse its build, run a copy of its server
  log "another app instance is running here: starting a second one on port $HTTP_PORT (no rebuild)"
  copy="$SERVER-$HTTP_PORT"
  rm -rf "${WLP:?}/usr/servers/$copy"
  mkdir -p "$WLP/usr/servers/$copy"
  (cd "$WLP/usr/servers/$SERVER" && tar cf - --exclude=./logs --exclude=./workarea --exclude=./console.out .) \
    | (cd "$WLP/usr/servers/$copy" && tar xf -)
  SERVER=$copy
elif [ -n "${LEDGER_SKIP_BUILD:-}" ] && [ -x "$WLP/bin/server" ]; then
  log "LEDGER_SKIP_BUILD is set: running the last build"
else
  log "building (first run downloads Open Liberty and Elasticsearch jars: a few minutes)"
  mvn -B -q -Prun package -DskipTests
  if [ -n "$DEV_MODE" ]; then
    # dev mode resolves the domain's test classes (used by the store's tests) from the local repository
    mvn -B -q install -DskipTests -pl payment-domain -am
  fi
fi

embedded_es=""
stop_all() {
  trap - INT TERM EXIT
  log "stopping"
  "$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true
  if [ -n "$embedded_es" ]; then
    java -cp "$(cat es-node/target/classpath.txt)" io.esledger.esnode.ElasticsearchNode stop \
      --pid-file "$es_pid_file" || log "could not stop Elasticsearch (pid file $es_pid_file)"
  fi
  log "stopped"
}
trap stop_all INT TERM EXIT

if [ -z "${LEDGER_ELASTICSEARCH_HOSTS:-}" ] && curl -sf -o /dev/null "http://127.0.0.1:$ES_PORT/"; then
  # an Elasticsearch (e.g. the one a first ./run.sh started) already answers: share it, leave it running
  log "using the Elasticsearch already running on http://127.0.0.1:$ES_PORT (not stopped on exit)"
  export LEDGER_ELASTICSEARCH_HOSTS="http://127.0.0.1:$ES_PORT"
elif [ -z "${LEDGER_ELASTICSEARCH_HOSTS:-}" ]; then
  embedded_es=1
  log "starting Elasticsearch on http://127.0.0.1:$ES_PORT (data in $DATA_DIR/elasticsearch, log in $DATA_DIR/es-home/logs)"
  start_embedded_es
  export LEDGER_ELASTICSEARCH_HOSTS="http://127.0.0.1:$ES_PORT"
else
  log "using your Elasticsearch at $LEDGER_ELASTICSEARCH_HOSTS (no embedded node)"
fi

if [ -z "${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-}${MP_JWT_VERIFY_PUBLICKEY:-}" ]; then
  # no identity provider configured: development tokens, signed with a key pair made on the first run
  dev_tokens keys --dir "$KEYS_DIR" | sed 's/^/[run] /'
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$KEYS_DIR/public.pem"
  dev_token=$(dev_tokens token --dir "$KEYS_DIR" --org org-1 --sub user-1 --roles payments:read,payments:write)
else
  log "bearer tokens verified with $MP_JWT_VERIFY_PUBLICKEY_LOCATION (issuer ${MP_JWT_VERIFY_ISSUER:-https://ledger.dev.local})"
  dev_token=""
fi

if [ -z "${LEDGER_SECURITY_TOKEN_KEY:-}" ]; then
  # the key consistency tokens are signed with: one per data directory, so every instance started
  # on it (and this one after a restart) honours the others' tokens
  if [ ! -s "$DATA_DIR/token-key" ]; then
    mkdir -p "$DATA_DIR"
    (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$DATA_DIR/token-key")
  fi
  LEDGER_SECURITY_TOKEN_KEY=$(cat "$DATA_DIR/token-key")
  export LEDGER_SECURITY_TOKEN_KEY
fi

# the application may use the server's OpenTelemetry API (traces, when otel.sdk.disabled=false)
mkdir -p "$WLP/usr/servers/$SERVER/configDropins/overrides"
cat > "$WLP/usr/servers/$SERVER/configDropins/overrides/ledger-classloader.xml" <<'XML'
<server>
  <enterpriseApplication id="ear"><classloader apiTypeVisibility="+third-party"/></enterpriseApplication>
</server>
XML

export default_http_port=$HTTP_PORT
export default_https_port=${LEDGER_HTTPS_PORT:-$((HTTP_PORT + 363))}

urls() {
  echo
  echo "  GraphQL endpoint: http://localhost:$HTTP_PORT/graphql  (HTTPS: https://localhost:$default_https_port/graphql,"
  echo "                    with a self-signed development certificate)"
  if [ -n "$dev_token" ]; then
    echo "  GraphiQL:         http://localhost:$HTTP_PORT/graphql-ui/?headers=%7B%22Authorization%22%3A%22Bearer%20$dev_token%22%7D"
    echo "                    (opens with a development token: organization org-1, user user-1, payments:read + payments:write)"
  else
    echo "  GraphiQL:         http://localhost:$HTTP_PORT/graphql-ui/ (add an Authorization: Bearer header)"
  fi
  echo "  Schema:           http://localhost:$HTTP_PORT/graphql/schema.graphql"
  if [ -n "$dev_token" ]; then
    echo "  Dashboard:        http://localhost:$HTTP_PORT/dashboard/#token=$dev_token"
  else
    echo "  Dashboard:        http://localhost:$HTTP_PORT/dashboard/ (paste a token)"
  fi
  echo "  Health, metrics:  http://localhost:$HTTP_PORT/health/ready  http://localhost:$HTTP_PORT/metrics"
  echo
  if [ -n "$dev_token" ]; then
    echo "  Development token (12 h; every request needs one):"
    echo "    export TOKEN=$dev_token"
    echo "  Others: ./run.sh token --org org-2 --sub user-9 --roles payments:read   (ledger:operator for rebuilds, status, all organizations)"
    echo
  fi
}

if [ -n "$DEV_MODE" ]; then
  log "starting Open Liberty in dev mode (mvn liberty:dev; tests are not run on Enter: use the README's test command)"
  log "once it prints 'Liberty is running in dev mode' (about a minute):"
  urls
  echo "  Edit any module's code, resources or server.xml: dev mode recompiles and redeploys (a few seconds)."
  echo "  'r' + Enter restarts the server; 'q' + Enter or Ctrl-C stops it (and an Elasticsearch started here)."
  echo
  # the application monitor watches the loose application's files (the packaged app waits to be told)
  status=0
  mvn -Dliberty.var.ledger.app-update-trigger=polled -DskipTests liberty:dev || status=$?
  exit "$status"
fi

log "starting Open Liberty (log: $WLP/usr/servers/$SERVER/logs/messages.log)"
"$WLP/bin/server" run "$SERVER" > "$WLP/usr/servers/$SERVER/console.out" 2>&1 &
liberty=$!

for _ in $(seq 1 120); do
  if curl -sf -o /dev/null "http://localhost:$HTTP_PORT/graphql/schema.graphql"; then
    log "ready in $(( $(date +%s) - started )) s"
    urls
    if [ -n "$embedded_es" ]; then
      echo "  Ctrl-C stops Liberty and Elasticsearch."
    else
      echo "  Ctrl-C stops this Liberty (Elasticsearch at $LEDGER_ELASTICSEARCH_HOSTS keeps running)."
    fi
    wait "$liberty"
    exit 0
  fi
  if ! kill -0 "$liberty" 2>/dev/null; then
    log "Liberty exited; see $WLP/usr/servers/$SERVER/logs/messages.log"
    exit 1
  fi
  sleep 1
done
log "Liberty did not answer within 120 s; see $WLP/usr/servers/$SERVER/logs/messages.log"
exit 1
