#!/usr/bin/env bash
# The soak run (docs/soak.md; not part of CI): the local stack for 30 minutes under a steady, realistic load
# (the benchmark's live traffic for the tenants bench-a and bench-b, open loop), with alert rules and period
# reports active, while RSS, heap after GC and threads of every process, scoring's consumer lag, the database
# size and the p99 of ingestion and of a reporting query are sampled. At the end each series is judged: bounded,
# or growing without bound (docs/soak.md says how). Exits 1 when something grows or requests failed.
#
#   deploy/local/soak.sh                          30 minutes at 150 events/s, a sample every 30 s
#   deploy/local/soak.sh --minutes 5 --rate 100   shorter or lighter (any option of the harness's Soak, see --help)
#
# Starts the stack (deploy/local/run.sh --detach) on a fresh database and broker, and stops it at the end; it
# refuses to run while the stack is running. Writes docs/soak-results.json (every sample and verdict) and
# deploy/local/.run/logs/soak.log; the table it prints at the end goes into docs/soak.md by hand.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

case "${1:-}" in
  -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
esac

RUN="$DP_LOCAL/.run"
dp_ensure_java
for service in ingestion-service scoring-service reporting-service; do
  if [ -f "$RUN/$service.pid" ] && kill -0 "$(cat "$RUN/$service.pid")" 2>/dev/null; then
    dp_die "the stack is running: stop it first (deploy/local/stop.sh); the soak starts from a fresh one"
  fi
done

mkdir -p "$RUN/logs"
dp_benchmark_jar
jar="$DP_BENCHMARK_JAR"

dp_log "a fresh database and broker: dropping the deskpulse database and the local broker's data"
dp_pg_ensure_running >/dev/null
dp_pg_admin -c "DROP DATABASE IF EXISTS deskpulse WITH (FORCE)" >/dev/null
rm -rf "$RUN/kafka"

# Period reports looked for every minute instead of every 5, so that the days the history closes are kept
# during the run, not after it.
export DESKPULSE_REPORTS_INTERVAL="${DESKPULSE_REPORTS_INTERVAL:-1m}"
dp_log "starting the stack (deploy/local/run.sh --detach)"
"$DP_LOCAL/run.sh" --detach >"$RUN/logs/soak-stack.log" 2>&1 || dp_die "the stack did not start, see $RUN/logs/soak-stack.log"
trap '"$DP_LOCAL/stop.sh" >/dev/null 2>&1 || true' EXIT

status=0
java -Xms256m -Xmx1g -XX:+UseParallelGC -cp "$jar" io.deskpulse.benchmark.Soak \
  --ingest-url http://127.0.0.1:8081 --scoring-url http://127.0.0.1:8082 --reporting-url http://127.0.0.1:8083 \
  --tenant bench-a --ingest-key bench-a-ingest-key --read-key bench-a-read-key \
  --tenant-b bench-b --ingest-key-b bench-b-ingest-key --read-key-b bench-b-read-key \
  --jdbc-url "jdbc:postgresql://$DP_PG_HOST:$DP_PG_PORT/deskpulse" --db-user deskpulse \
  --db-password "${DESKPULSE_DB_PASSWORD:-deskpulse}" \
  --bootstrap 127.0.0.1:9092 --topic deskpulse.events.v1 --scoring-group deskpulse-scoring \
  --pid-dir "$RUN" --json "$DP_ROOT/docs/soak-results.json" "$@" 2>&1 | tee "$RUN/logs/soak.log" || status=$?
exit "$status"
