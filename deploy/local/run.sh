#!/usr/bin/env bash
# Starts the whole of DeskPulse on this machine, without Docker: PostgreSQL (the one answering on
# 127.0.0.1:5432, else the local server started or installed), a single-node KRaft Kafka broker from
# cached Maven Central jars, and the three packaged services. Logs go to deploy/local/.run/logs.
#
#   deploy/local/run.sh            in the foreground; Ctrl-C stops everything it started
#   deploy/local/run.sh --detach   returns once all three services are ready; deploy/local/stop.sh stops them
#
# Environment: DESKPULSE_DEMO_INGEST_KEY / DESKPULSE_DEMO_READ_KEY / DESKPULSE_DEMO_ADMIN_KEY (the demo
# tenant's keys, defaults demo-ingest-key / demo-read-key / demo-admin-key), DESKPULSE_DEMO_OPERATOR_KEY (the operator
# key that creates tenants, default demo-operator-key), DESKPULSE_KAFKA_BOOTSTRAP (use an existing broker instead of
# starting one), DESKPULSE_JAVA_OPTS (JVM options of the services), DESKPULSE_SECRETS_ENCRYPTION_KEY (the key that
# encrypts stored secrets; default: generated once into ~/.cache/deskpulse/secrets-encryption-key and reused).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

detach=false
case "${1:-}" in
  --detach) detach=true ;;
  "") ;;
  *) dp_die "usage: $0 [--detach]" ;;
esac

RUN="$DP_LOCAL/.run"
LOGS="$RUN/logs"
SERVICES=(scoring-service ingestion-service reporting-service)
declare -A PORTS=([ingestion-service]=8081 [scoring-service]=8082 [reporting-service]=8083)

for service in "${SERVICES[@]}"; do
  if [ -f "$RUN/$service.pid" ] && kill -0 "$(cat "$RUN/$service.pid")" 2>/dev/null; then
    dp_die "DeskPulse is already running (deploy/local/stop.sh stops it)"
  fi
done
mkdir -p "$LOGS"
rm -f "$RUN/started-postgres"

ingest_key="${DESKPULSE_DEMO_INGEST_KEY:-demo-ingest-key}"
read_key="${DESKPULSE_DEMO_READ_KEY:-demo-read-key}"
admin_key="${DESKPULSE_DEMO_ADMIN_KEY:-demo-admin-key}"
operator_key="${DESKPULSE_DEMO_OPERATOR_KEY:-demo-operator-key}"
db_password="${DESKPULSE_DB_PASSWORD:-deskpulse}"

dp_ensure_java

# PostgreSQL
if [ "$(dp_pg_ensure_running)" = started ]; then
  dp_pg_ctl_version >"$RUN/started-postgres"
fi
dp_pg_ensure_role deskpulse "$db_password"
dp_pg_ensure_database deskpulse deskpulse

# Kafka
bootstrap="${DESKPULSE_KAFKA_BOOTSTRAP:-}"
if [ -z "$bootstrap" ]; then
  bootstrap=127.0.0.1:9092
  dp_kafka_ensure_jars
  dp_log "starting Kafka on $bootstrap (log: $LOGS/kafka.log)"
  dp_kafka_start "$RUN/kafka" 9092 9093 "$LOGS/kafka.log"
fi

# The services, built when a jar is missing or older than its sources
needs_build=false
for service in "${SERVICES[@]}"; do
  if dp_service_stale "$service"; then
    needs_build=true
  fi
done
if $needs_build; then
  dp_log "building the services (./mvnw package -DskipTests; the first build downloads dependencies)"
  (cd "$DP_ROOT" && ./mvnw -B -q -DskipTests package) >"$LOGS/build.log" 2>&1 \
    || dp_die "the build failed, see $LOGS/build.log"
fi

DP_JAVA_OPTS=$(dp_service_java_opts)
# Reporting holds its row cache in the old generation and builds half-megabyte answers for several clients at
# once: from a 32 MB heap, those answers overflowed the survivor space into the old generation, and every few
# seconds a full collection (about 60 ms) stopped all requests: the p99 of the benchmark's BI queries. A fixed
# young generation with room for the answers in flight, and an old one that starts big enough for the cache.
declare -A DP_SERVICE_JAVA_OPTS=([reporting-service]="-Xms128m -Xmn64m -XX:SurvivorRatio=4")

sha256() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
export KAFKA_BOOTSTRAP_SERVERS="$bootstrap"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DP_PG_HOST:$DP_PG_PORT/deskpulse"
export QUARKUS_DATASOURCE_USERNAME=deskpulse
export QUARKUS_DATASOURCE_PASSWORD="$db_password"
# The key that encrypts stored secrets (webhook signing secrets), the same for every service and every run.
dp_secrets_key
# The demo tenant, and two tenants of the benchmark (deploy/local/benchmark.sh) with fixed local keys.
bench_keys=""
for t in bench-a bench-b; do
  bench_keys+=",$t:ingest:$(sha256 "$t-ingest-key"),$t:read:$(sha256 "$t-read-key"),$t:admin:$(sha256 "$t-admin-key")"
done
# The operator key creates tenants and their first keys (POST /v1/tenants, docs/security.md); every service also
# takes the keys issued through scoring's API, from PostgreSQL (hence the datasource settings above for all three).
export DESKPULSE_AUTH_API_KEYS="demo:ingest:$(sha256 "$ingest_key"),demo:read:$(sha256 "$read_key"),demo:admin:$(sha256 "$admin_key"),demo:operator:$(sha256 "$operator_key")$bench_keys"

stop_all() {
  trap - INT TERM EXIT
  "$DP_LOCAL/stop.sh"
}
# Whatever stops this script before the stack is up (or Ctrl-C later) stops what it started.
trap stop_all INT TERM EXIT

for service in "${SERVICES[@]}"; do
  dp_log "starting $service on port ${PORTS[$service]} (log: $LOGS/$service.log)"
  # shellcheck disable=SC2086
  # Serial GC: with heaps this small, G1's own structures (about 45 MB per service, measured) cost more
  # than they save; glibc's per-thread malloc arenas are capped for the same reason (docs/performance.md).
  QUARKUS_HTTP_PORT="${PORTS[$service]}" MALLOC_ARENA_MAX=2 nohup java ${DESKPULSE_JAVA_OPTS:-$DP_JAVA_OPTS ${DP_SERVICE_JAVA_OPTS[$service]:-}} \
    -jar "$DP_ROOT/$service/target/quarkus-app/quarkus-run.jar" >"$LOGS/$service.log" 2>&1 &
  echo $! >"$RUN/$service.pid"
  if [ "$service" = scoring-service ]; then
    # scoring migrates the schema that reporting reads: let it get there first
    dp_wait_ready "$service" "${PORTS[$service]}" "$RUN/$service.pid" "$LOGS/$service.log"
  fi
done
for service in ingestion-service reporting-service; do
  dp_wait_ready "$service" "${PORTS[$service]}" "$RUN/$service.pid" "$LOGS/$service.log"
done

cat <<EOF

DeskPulse is running.
  ingestion   http://127.0.0.1:8081   POST /v1/events        (Authorization: Bearer $ingest_key)
  scoring     http://127.0.0.1:8082   /v1/settings, /v1/connectors, /v1/keys, /v1/recomputations, /v1/replays (Authorization: Bearer $admin_key)
                                      /v1/tenants (Authorization: Bearer $operator_key)
  reporting   http://127.0.0.1:8083   GET /v1/kpis           (Authorization: Bearer $read_key)
  dashboard   http://127.0.0.1:8083/#/overview?key=$read_key   (signs in the demo tenant; the key stays in the browser)
  API docs    http://127.0.0.1:8081/q/swagger-ui   http://127.0.0.1:8082/q/swagger-ui   http://127.0.0.1:8083/q/swagger-ui
  logs        $LOGS
Try: deploy/local/demo.sh   (a week of realistic helpdesk traffic for the demo tenant)
EOF

if $detach; then
  trap - INT TERM EXIT
  echo "Stop with: deploy/local/stop.sh"
else
  echo "Ctrl-C stops everything."
  wait
fi
