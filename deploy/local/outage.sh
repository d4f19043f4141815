#!/usr/bin/env bash
# How ingestion answers during a Kafka outage (docs/faults.md, "Ingestion during a Kafka outage"; not part of CI):
# starts a broker and ingestion-service alone (ports 9092/9093 and 8081; the stack must not be running), lets
# 8 clients post batches of 10 events without pause, kills the broker (SIGKILL) for 30 s and starts it again
# on its data. Prints, as JSON: how long requests waited before their 503 (in flight at the kill; refused
# afterwards; refused once the service knew), how many were refused, ingestion's threads, RSS and Kafka gauges
# before, during and after, and the time from the broker's return to the first 202.
#
#   deploy/local/outage.sh                      the defaults (ack timeout 10 s, as shipped)
#   DESKPULSE_KAFKA_ACK_TIMEOUT=4s deploy/local/outage.sh --down 60 --clients 16
#
# Options (passed to the harness): --clients N, --before S, --down S, --after S, --json FILE.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

case "${1:-}" in
  -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
esac

RUN="$DP_LOCAL/.run/outage"
dp_ensure_java
dp_tcp_open 127.0.0.1 8081 && dp_die "port 8081 is taken: stop the stack first (deploy/local/stop.sh)"
dp_tcp_open 127.0.0.1 9092 && dp_die "port 9092 is taken: stop the stack first (deploy/local/stop.sh)"

jar="$DP_ROOT/benchmark/target/deskpulse-benchmark.jar"
service_jar="$DP_ROOT/ingestion-service/target/quarkus-app/quarkus-run.jar"
mkdir -p "$DP_LOCAL/.run/logs"
if [ ! -d "$DP_ROOT/benchmark/target/lib" ] || dp_service_stale ingestion-service \
  || dp_stale "$jar" "$DP_ROOT/benchmark/src/main" "$DP_ROOT/benchmark/pom.xml"; then
  dp_log "building ingestion-service and the harness"
  (cd "$DP_ROOT" && ./mvnw -B -q -pl ingestion-service,benchmark -am package -DskipTests) \
    >"$DP_LOCAL/.run/logs/outage-build.log" 2>&1 || dp_die "the build failed, see $DP_LOCAL/.run/logs/outage-build.log"
fi

rm -rf "$RUN"
mkdir -p "$RUN"
cleanup() {
  dp_stop_pid_file "$RUN/ingestion-service.pid" ingestion-service
  dp_kafka_stop "$RUN/kafka"
}
trap cleanup EXIT
dp_kafka_ensure_jars
dp_log "starting Kafka on 127.0.0.1:9092 (log: $RUN/kafka/kafka.log)"
dp_kafka_start "$RUN/kafka" 9092 9093 "$RUN/kafka/kafka.log"
# The harness kills the broker: no job notice from this shell (the pid file still names it for the cleanup).
disown -a

dp_log "starting ingestion-service on 8081 (log: $RUN/ingestion-service.log)"
# The JVM options of deploy/local/run.sh.
KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 QUARKUS_HTTP_PORT=8081 MALLOC_ARENA_MAX=2 \
  DESKPULSE_AUTH_API_KEYS="bench-a:ingest:$(printf '%s' bench-a-ingest-key | sha256sum | cut -d' ' -f1)" \
  nohup java $(dp_service_java_opts) -jar "$service_jar" >"$RUN/ingestion-service.log" 2>&1 &
echo $! >"$RUN/ingestion-service.pid"
dp_wait_ready ingestion-service 8081 "$RUN/ingestion-service.pid" "$RUN/ingestion-service.log"

java -Xmx256m -cp "$jar" io.deskpulse.benchmark.Outage --lib "$DP_LOCAL/lib.sh" --broker-dir "$RUN/kafka" \
  --ingestion-pid "$(cat "$RUN/ingestion-service.pid")" --ingest-url http://127.0.0.1:8081 \
  --ingest-key bench-a-ingest-key "$@"
