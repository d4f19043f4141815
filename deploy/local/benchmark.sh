#!/usr/bin/env bash
# The DeskPulse benchmark on this machine (docs/performance.md): starts the local stack if it is not running,
# builds the harness (module benchmark) if needed, runs it against the stack with the benchmark tenants bench-a
# and bench-b, prints the summary, and writes docs/benchmark-results.json and the results section of
# docs/performance.md.
#
#   deploy/local/benchmark.sh                    the full profile: every figure, the 10M-event scale phase included
#                                                (25 to 30 minutes on a 2-core machine)
#   deploy/local/benchmark.sh --profile quick    every figure but the scale table, in a few minutes
#   deploy/local/benchmark.sh --fresh ...        first drops the deskpulse database and the broker's data (only when
#                                                the stack is not running): the scale table then starts from zero
#
# Other arguments go to the harness (java -jar benchmark/target/deskpulse-benchmark.jar --help), e.g. --seed 42,
# --skip raw-producer, --scale-steps 1000000,2000000, or --json /tmp/r.json --markdown /tmp/p.md to leave the
# docs alone.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

profile=full
fresh=false
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --profile)
      [ $# -ge 2 ] || dp_die "--profile needs full or quick"
      profile=$2
      shift 2
      ;;
    --fresh) fresh=true; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) args+=("$1"); shift ;;
  esac
done
case "$profile" in
  full|quick|tiny) ;;
  *) dp_die "unknown profile '$profile': full or quick" ;;
esac

RUN="$DP_LOCAL/.run"
dp_ensure_java

stack_ready() {
  dp_http_ok 8081 /q/health/ready && dp_http_ok 8082 /q/health/ready && dp_http_ok 8083 /q/health/ready
}
any_pid_alive() {
  local f
  for f in "$RUN"/ingestion-service.pid "$RUN"/scoring-service.pid "$RUN"/reporting-service.pid; do
    [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && return 0
  done
  return 1
}

if $fresh; then
  if stack_ready || any_pid_alive; then
    dp_die "--fresh drops the database and the broker's data: stop the stack first (deploy/local/stop.sh)"
  fi
  dp_log "--fresh: dropping the deskpulse database and the local broker's data"
  dp_pg_ensure_running >/dev/null
  dp_pg_admin -c "DROP DATABASE IF EXISTS deskpulse WITH (FORCE)" >/dev/null
  rm -rf "$RUN/kafka"
fi

if stack_ready; then
  dp_log "using the running stack (8081-8083)"
elif any_pid_alive; then
  dp_die "the stack is running but not ready; see deploy/local/.run/logs, or deploy/local/stop.sh and retry"
else
  dp_log "starting the stack (deploy/local/run.sh --detach)"
  "$DP_LOCAL/run.sh" --detach >/dev/null
fi

dp_kafka_ensure_jars

dp_benchmark_jar
jar="$DP_BENCHMARK_JAR"

commit=$(git -C "$DP_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$DP_ROOT" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  commit="$commit with local changes"
fi

dp_log "running the $profile profile (progress below; the summary follows)"
exec java -Xms512m -Xmx3g -XX:+UseParallelGC -jar "$jar" \
  --profile "$profile" \
  --ingest-url http://127.0.0.1:8081 --scoring-url http://127.0.0.1:8082 --reporting-url http://127.0.0.1:8083 \
  --tenant bench-a --ingest-key bench-a-ingest-key --read-key bench-a-read-key --admin-key bench-a-admin-key \
  --tenant-b bench-b --ingest-key-b bench-b-ingest-key --read-key-b bench-b-read-key \
  --jdbc-url "jdbc:postgresql://$DP_PG_HOST:$DP_PG_PORT/deskpulse" --db-user deskpulse \
  --db-password "${DESKPULSE_DB_PASSWORD:-deskpulse}" \
  --bootstrap "${DESKPULSE_KAFKA_BOOTSTRAP:-127.0.0.1:9092}" --topic deskpulse.events.v1 --scoring-group deskpulse-scoring \
  --kafka-libs "$DP_KAFKA_LIBS" --pid-dir "$RUN" \
  --stack-info "DeskPulse $commit" \
  --json "$DP_ROOT/docs/benchmark-results.json" --markdown "$DP_ROOT/docs/performance.md" \
  ${args[@]+"${args[@]}"}
