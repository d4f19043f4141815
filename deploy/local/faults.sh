#!/usr/bin/env bash
# The fault-injection suite (docs/faults.md): exactly once, whatever fails. On a stack of its own — its own PostgreSQL
# cluster (127.0.0.1:15433, in a temporary directory), its own Kafka broker (29092/29093), the three packaged services
# (18081-18083, a second scoring instance on 18084) and a TCP proxy between scoring and PostgreSQL (15434) — a retrying
# client posts the same realistic traffic for a control tenant and then, once per fault, for a tenant of that fault
# while the fault is injected mid-stream; every KPI, every ticket and the counts of the accepted events are checked.
# Nothing else on the machine is touched: the local stack (run.sh) and the test broker may keep running.
#
#   deploy/local/faults.sh                    the full profile (about 10 minutes on 2 cores); rewrites the results
#                                             section of docs/faults.md and docs/faults-results.json
#   deploy/local/faults.sh --profile ci       the CI variant's load (a few minutes); the docs are left alone
#   deploy/local/faults.sh --faults broker-kill,partition    only these faults; the docs are left alone
#
# Other arguments go to the suite (java -jar faults/target/deskpulse-faults.jar --help), e.g. --seed 42, --events N,
# --partition-seconds S. Logs and the results of the last run are kept in deploy/local/.run/faults. Exit code 0: every
# check of every phase passed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

profile=full
docs=true
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --profile)
      [ $# -ge 2 ] || dp_die "--profile needs full or ci"
      profile=$2
      shift 2
      ;;
    --faults | --events | --rate | --down-seconds | --partition-seconds | --idle-transaction-timeout)
      [ $# -ge 2 ] || dp_die "$1 needs a value"
      docs=false
      args+=("$1" "$2")
      shift 2
      ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) args+=("$1"); shift ;;
  esac
done
case "$profile" in
  full) ;;
  ci) docs=false ;;
  *) dp_die "unknown profile '$profile': full or ci" ;;
esac

RUN="$DP_LOCAL/.run/faults"
mkdir -p "$RUN"
dp_ensure_java
dp_pg_bindir >/dev/null
dp_kafka_ensure_jars

for port in 18081 18082 18083 18084 29092 29093 15433 15434; do
  if dp_tcp_open 127.0.0.1 "$port"; then
    dp_die "port $port is taken: the suite runs its own stack on 18081-18084, 29092/29093, 15433 and 15434"
  fi
done

jar="$DP_ROOT/faults/target/deskpulse-faults.jar"
needs_build=false
for service in ingestion-service scoring-service reporting-service; do
  if dp_service_stale "$service"; then
    needs_build=true
  fi
done
if dp_stale "$jar" "$DP_ROOT/faults/src/main" "$DP_ROOT/faults/pom.xml" "$DP_ROOT/benchmark/src/main"; then
  needs_build=true
fi
if $needs_build; then
  dp_log "building the services and the suite (./mvnw package -DskipTests; logs in $RUN/build.log)"
  (cd "$DP_ROOT" && ./mvnw -B -q -DskipTests package -pl ingestion-service,scoring-service,reporting-service,faults -am) \
    >"$RUN/build.log" 2>&1 || dp_die "the build failed, see $RUN/build.log"
fi

commit=$(git -C "$DP_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$DP_ROOT" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  commit="$commit with local changes"
fi

outputs=(--json "$RUN/results.json")
if $docs; then
  outputs=(--json "$DP_ROOT/docs/faults-results.json" --markdown "$DP_ROOT/docs/faults.md")
fi
dp_log "running the $profile profile (progress below; the summary follows)"
exec java -Xms256m -Xmx1g -jar "$jar" --profile "$profile" --root "$DP_ROOT" --work-dir "$RUN" \
  --stack-info "DeskPulse $commit" "${outputs[@]}" ${args[@]+"${args[@]}"}
