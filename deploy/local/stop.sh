#!/usr/bin/env bash
# Stops exactly what deploy/local/run.sh started: the three services, the Kafka broker if run.sh
# started it, and PostgreSQL only if run.sh had to start it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUN="$DP_LOCAL/.run"
for service in ingestion-service reporting-service scoring-service; do
  if [ -f "$RUN/$service.pid" ]; then
    dp_log "stopping $service"
    dp_stop_pid_file "$RUN/$service.pid" "$service"
  fi
done
if [ -f "$RUN/kafka/kafka.pid" ]; then
  dp_log "stopping Kafka"
  dp_kafka_stop "$RUN/kafka"
fi
if [ -f "$RUN/started-postgres" ]; then
  dp_log "stopping PostgreSQL (run.sh started it)"
  dp_as_root pg_ctlcluster "$(cat "$RUN/started-postgres")" main stop || true
  rm -f "$RUN/started-postgres"
fi
