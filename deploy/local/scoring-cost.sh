#!/usr/bin/env bash
# Counts scoring-service's PostgreSQL work per event (docs/performance-changelog.md, "Scoring's cost per event"):
# statements, rows written per table, index entries, WAL bytes by statement, resource manager and relation, and the
# WAL of the vacuum that follows. Counts, not timings: they do not move with the load of a shared machine.
#
#   deploy/local/scoring-cost.sh                       50,000 measured events after a warm-up of 100,000
#   deploy/local/scoring-cost.sh --events 20000 --warmup 50000 --partitions 1 --threads 1 --seed 42
#   deploy/local/scoring-cost.sh --pg-conf 'wal_compression = lz4'   a server setting for the run (repeatable)
#   deploy/local/scoring-cost.sh --scoring-jar /elsewhere/scoring-service/target/quarkus-app/quarkus-run.jar
#                                                      another build of scoring-service (an older commit's, to bisect)
#   deploy/local/scoring-cost.sh --keep-contributions false
#                                                      the tenant's settings keep no contribution rows (docs/settings.md)
#   deploy/local/scoring-cost.sh --explain             also logs EXPLAIN (ANALYZE, BUFFERS) of every statement of the
#                                                      batches (auto_explain, the warm-up's too: keep both small) to
#                                                      deploy/local/.run/scoring-cost/explain.log
#
# It runs a private PostgreSQL cluster (127.0.0.1:15440, data in a temporary directory, removed afterwards) with
# pg_stat_statements, pg_walinspect and autovacuum off, and the packaged scoring-service (port 18092, its own vacuum
# off) reading a topic of its own on the broker at DESKPULSE_KAFKA_BOOTSTRAP (default 127.0.0.1:9092, run.sh's). The
# traffic is the benchmark's generator, 90 days, one tenant, produced straight to the topic as ingestion writes it.
# With one partition and one poll loop (the defaults) every batch is a full poll of the backlog and none waits for
# another's locks, so reruns give the same counts; --partitions 6 --threads 2 is the shape of the local stack.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

args=()
explain=false
partitions=1
threads=1
pg_conf=()
scoring_jar=""
keep_contributions=true
while [ $# -gt 0 ]; do
  case "$1" in
    --events | --warmup | --seed)
      [ $# -ge 2 ] || dp_die "$1 needs a value"
      args+=("$1" "$2")
      shift 2
      ;;
    --partitions) [ $# -ge 2 ] || dp_die "$1 needs a value"; partitions=$2; shift 2 ;;
    --threads) [ $# -ge 2 ] || dp_die "$1 needs a value"; threads=$2; shift 2 ;;
    --explain) explain=true; shift ;;
    --scoring-jar) [ $# -ge 2 ] || dp_die "$1 needs a value"; scoring_jar=$2; shift 2 ;;
    --keep-contributions)
      [ "${2:-}" = true ] || [ "${2:-}" = false ] || dp_die "$1 needs true or false"
      keep_contributions=$2
      shift 2
      ;;
    --pg-conf) [ $# -ge 2 ] || dp_die "$1 needs a value"; pg_conf+=("$2"); shift 2 ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) dp_die "unknown argument $1 (--help)" ;;
  esac
done

RUN="$DP_LOCAL/.run/scoring-cost"
mkdir -p "$RUN"
pg_port=15440
http_port=18092
bootstrap="${DESKPULSE_KAFKA_BOOTSTRAP:-127.0.0.1:9092}"
dp_ensure_java
host=${bootstrap%:*}
dp_tcp_open "$host" "${bootstrap##*:}" || dp_die "no Kafka broker at $bootstrap (set DESKPULSE_KAFKA_BOOTSTRAP or run run.sh)"
for port in $pg_port $http_port; do
  if dp_tcp_open 127.0.0.1 "$port"; then dp_die "port $port is taken"; fi
done

if [ -z "$scoring_jar" ] && dp_service_stale scoring-service; then
  dp_log "building scoring-service (logs in $RUN/build.log)"
  (cd "$DP_ROOT" && ./mvnw -B -q -DskipTests package -pl scoring-service -am) >"$RUN/build.log" 2>&1 \
    || dp_die "the build failed, see $RUN/build.log"
fi
dp_benchmark_jar

pg_dir=$(mktemp -d /tmp/deskpulse-scoring-cost.XXXXXX)
chmod 755 "$pg_dir"
scoring_pid=""
cleanup() {
  if [ -n "$scoring_pid" ]; then kill -CONT "$scoring_pid" 2>/dev/null || true; kill "$scoring_pid" 2>/dev/null || true; wait "$scoring_pid" 2>/dev/null || true; fi
  dp_pg_private_stop "$pg_dir" fast 2>/dev/null || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

dp_log "starting a private PostgreSQL on 127.0.0.1:$pg_port ($pg_dir)"
dp_pg_private_init "$pg_dir" "$pg_port"
cat >>"$pg_dir/data/postgresql.conf" <<EOF
shared_buffers = 128MB
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.max = 1000
autovacuum = off
track_io_timing = on
EOF
for line in ${pg_conf[@]+"${pg_conf[@]}"}; do
  echo "$line" >>"$pg_dir/data/postgresql.conf"
done
if $explain; then
  # Every statement of the scoring role, with its plan, rows and buffers, to the server log.
  echo "session_preload_libraries = 'auto_explain'" >>"$pg_dir/data/postgresql.conf"
fi
dp_pg_private_start "$pg_dir"
psql_su() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "${PGDB:-postgres}" -Atq -v ON_ERROR_STOP=1 "$@"; }
psql_su -c "CREATE ROLE deskpulse LOGIN PASSWORD 'deskpulse'" -c "CREATE DATABASE deskpulse OWNER deskpulse"
PGDB=deskpulse psql_su -c "CREATE EXTENSION pg_stat_statements" -c "CREATE EXTENSION pg_walinspect"

if $explain; then
  # From scoring's first connection on: the warm-up is logged too, so keep --warmup small with --explain.
  PGDB=deskpulse psql_su -c "ALTER ROLE deskpulse SET auto_explain.log_min_duration = 0" \
    -c "ALTER ROLE deskpulse SET auto_explain.log_analyze = on" -c "ALTER ROLE deskpulse SET auto_explain.log_buffers = on" \
    -c "ALTER ROLE deskpulse SET auto_explain.log_wal = on"
fi

topic="deskpulse.scoring-cost.$(date +%s)"
key=$(head -c 32 /dev/urandom | base64)
dp_log "starting scoring-service on port $http_port, topic $topic (log: $RUN/scoring-service.log)"
# run.sh's JVM options. Period reports (written every 5 min, not per event) wait a day and the reconciliation schedule
# is off (a run read every timeline and set hint bits: 2.4 MB of WAL in the window); alert evaluation stays (no rules).
(
  export QUARKUS_HTTP_PORT=$http_port KAFKA_BOOTSTRAP_SERVERS="$bootstrap" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/deskpulse" QUARKUS_DATASOURCE_USERNAME=deskpulse \
    QUARKUS_DATASOURCE_PASSWORD=deskpulse DESKPULSE_KAFKA_TOPIC="$topic" DESKPULSE_KAFKA_DEAD_LETTER_TOPIC="$topic.dlq" \
    DESKPULSE_SCORING_CONSUMER_GROUP="$topic" DESKPULSE_KAFKA_TOPIC_PARTITIONS="$partitions" \
    DESKPULSE_SCORING_CONSUMER_THREADS="$threads" DESKPULSE_SCORING_VACUUM=never DESKPULSE_REPORTS_INTERVAL=24h DESKPULSE_RECONCILIATION_INTERVAL=off \
    DESKPULSE_SECRETS_ENCRYPTION_KEY="$key" \
    DESKPULSE_AUTH_API_KEYS="cost:admin:$(printf 'cost-admin-key' | sha256sum | cut -d' ' -f1)" MALLOC_ARENA_MAX=2
  # shellcheck disable=SC2046
  exec java $(dp_service_java_opts) -jar "${scoring_jar:-$DP_ROOT/scoring-service/target/quarkus-app/quarkus-run.jar}"
) >"$RUN/scoring-service.log" 2>&1 &
scoring_pid=$!
echo "$scoring_pid" >"$RUN/scoring-service.pid"
dp_wait_ready scoring-service "$http_port" "$RUN/scoring-service.pid" "$RUN/scoring-service.log"

if [ "$keep_contributions" = false ]; then
  curl -fsS -o /dev/null -X PUT "http://127.0.0.1:$http_port/v1/settings" -H "Authorization: Bearer cost-admin-key" \
    -H 'Content-Type: application/json' -d '{"keep_contributions": false}' || dp_die "could not save the settings"
  dp_log "settings saved: keep_contributions false"
fi

java -Xmx512m -cp "$DP_BENCHMARK_JAR" io.deskpulse.benchmark.ScoringCost \
  --pg-url "jdbc:postgresql://127.0.0.1:$pg_port/deskpulse?user=postgres" --bootstrap "$bootstrap" --topic "$topic" \
  --pid "$scoring_pid" --partitions "$partitions" ${args[@]+"${args[@]}"}

if $explain; then
  cp "$pg_dir/postgres.log" "$RUN/explain.log"
  dp_log "plans in $RUN/explain.log"
fi
