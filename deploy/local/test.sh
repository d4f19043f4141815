#!/usr/bin/env bash
# Runs every test of DeskPulse (unit, per-service @QuarkusTest, end to end) against a real Kafka broker
# and a real PostgreSQL, on a fresh machine too: PostgreSQL is used, started or installed; a throwaway
# Kafka broker is started on 127.0.0.1:19092 from cached Maven Central jars and stopped afterwards.
#
#   deploy/local/test.sh              all tests
#   deploy/local/test.sh -pl scoring-service -am   extra arguments go to Maven
set -euo pipefail
source "$(dirname "$0")/lib.sh"

dp_ensure_java
pg_started=$(dp_pg_ensure_running)
dp_pg_ensure_role deskpulse deskpulse
export DESKPULSE_TEST_PG_HOST="$DP_PG_HOST" DESKPULSE_TEST_PG_PORT="$DP_PG_PORT"
export DESKPULSE_TEST_PG_USER=deskpulse DESKPULSE_TEST_PG_PASSWORD=deskpulse

run_dir="$DP_LOCAL/.run/test"
mkdir -p "$run_dir"
broker_dir=""
cleanup() {
  if [ -n "$broker_dir" ]; then dp_kafka_stop "$broker_dir"; rm -rf "$broker_dir"; fi
  if [ "$pg_started" = started ]; then
    dp_log "stopping the PostgreSQL server this run started"
    dp_as_root pg_ctlcluster "$(dp_pg_ctl_version)" main stop || true
  fi
}
trap cleanup EXIT

# The benchmark's smoke test runs Kafka's own ProducerPerformance from these jars.
dp_kafka_ensure_jars
export DESKPULSE_KAFKA_LIBS="$DP_KAFKA_LIBS"
# e2e-tests' OpenApiLintTest runs the Redocly CLI from here, DashboardBrowserTest playwright-core;
dp_node_ensure_tools
# the latter drives Debian's chromium.
dp_browser_ensure
export DESKPULSE_NODE_TOOLS="$DP_NODE_TOOLS"

if [ -z "${DESKPULSE_TEST_KAFKA_BOOTSTRAP:-}" ]; then
  export DESKPULSE_TEST_KAFKA_BOOTSTRAP=127.0.0.1:19092
  if dp_tcp_open 127.0.0.1 19092; then
    dp_log "reusing the test broker already running on 127.0.0.1:19092"
  else
    broker_dir=$(mktemp -d "$run_dir/kafka.XXXXXX")
    dp_log "starting a test Kafka broker on 127.0.0.1:19092 (log: $broker_dir/kafka.log)"
    dp_kafka_start "$broker_dir" 19092 19093 "$broker_dir/kafka.log"
  fi
fi

cd "$DP_ROOT"
./mvnw -B verify "$@"
