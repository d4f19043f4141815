#!/usr/bin/env bash
# The fuzz suite and the tenant-isolation matrix (docs/security.md, "Fuzzing" and "Tenant isolation"). The three
# packaged services run on 28081-28083 with a Kafka broker of their own (29192/29193, in deploy/local/.run/fuzz) and a
# database of their own (deskpulse_fuzz, dropped and created again) on the machine's PostgreSQL; 10,000 generated
# hostile requests, deterministic from a seed, and a few slow bodies reach every endpoint of the services' OpenAPI
# documents; then tenant A's keys are used against every id of tenant B. The local stack (run.sh) and the test broker
# may keep running.
#
#   deploy/local/fuzz.sh                    10,000 requests; rewrites the results in docs/security.md ("Fuzzing")
#   deploy/local/fuzz.sh --profile ci       2,000 requests, as e2e-tests' FuzzTest sends; the docs are left alone
#   deploy/local/fuzz.sh --seed 7           another seed (any of --requests, --seed, --slow, --threads: docs left alone)
#
# Other arguments go to the suite (java -jar fuzz/target/deskpulse-fuzz.jar --help). Logs, results.json and report.md
# of the last run are kept in deploy/local/.run/fuzz. Exit code 0: no 5xx, every 4xx of the application is
# problem+json, the services are ready afterwards, nothing was partially accepted, and no tenant saw another's data.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

requests=10000
docs=true
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --profile)
      [ $# -ge 2 ] || dp_die "--profile needs full or ci"
      case "$2" in
        full) ;;
        ci) requests=2000; docs=false ;;
        *) dp_die "unknown profile '$2': full or ci" ;;
      esac
      shift 2
      ;;
    --requests | --seed | --slow | --slow-seconds | --threads)
      [ $# -ge 2 ] || dp_die "$1 needs a value"
      docs=false
      if [ "$1" = --requests ]; then requests=$2; else args+=("$1" "$2"); fi
      shift 2
      ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) args+=("$1"); shift ;;
  esac
done

RUN="$DP_LOCAL/.run/fuzz"
mkdir -p "$RUN"
dp_ensure_java
dp_kafka_ensure_jars
for port in 28081 28082 28083 29192 29193; do
  if dp_tcp_open 127.0.0.1 "$port"; then
    dp_die "port $port is taken: the suite runs its services on 28081-28083 and its Kafka broker on 29192/29193"
  fi
done
pg_started=$(dp_pg_ensure_running)
[ "$pg_started" = started ] && dp_log "PostgreSQL was started for the suite and keeps running"
dp_pg_ensure_role deskpulse deskpulse

jar="$DP_ROOT/fuzz/target/deskpulse-fuzz.jar"
needs_build=false
for service in ingestion-service scoring-service reporting-service; do
  if dp_service_stale "$service"; then
    needs_build=true
  fi
done
if dp_stale "$jar" "$DP_ROOT/fuzz/src/main" "$DP_ROOT/fuzz/pom.xml"; then
  needs_build=true
fi
if $needs_build; then
  dp_log "building the services and the suite (./mvnw package -DskipTests; logs in $RUN/build.log)"
  (cd "$DP_ROOT" && ./mvnw -B -q -DskipTests package -pl ingestion-service,scoring-service,reporting-service,fuzz -am) \
    >"$RUN/build.log" 2>&1 || dp_die "the build failed, see $RUN/build.log"
fi

rm -rf "$RUN/kafka"
trap 'dp_kafka_stop "$RUN/kafka"' EXIT
trap 'exit 130' INT TERM
dp_kafka_start "$RUN/kafka" 29192 29193 "$RUN/kafka.log"

outputs=(--json "$RUN/results.json")
if $docs; then
  outputs+=(--markdown "$DP_ROOT/docs/security.md")
fi
dp_log "sending $requests requests (progress below; the summary follows)"
status=0
java -Xms128m -Xmx1g -jar "$jar" --requests "$requests" --ports fixed --kafka 127.0.0.1:29192 \
  --jdbc-url "jdbc:postgresql://$DP_PG_HOST:$DP_PG_PORT/deskpulse_fuzz" --recreate-database \
  --root "$DP_ROOT" --work-dir "$RUN" "${outputs[@]}" ${args[@]+"${args[@]}"} || status=$?
exit $status
