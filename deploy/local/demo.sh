#!/usr/bin/env bash
# Posts a generated, realistic week of helpdesk traffic for the demo tenant to the running local stack
# (deploy/local/run.sh), then shows the week's KPIs from reporting-service and ends with
# the link that signs in the dashboard on the demo week. Options are passed to the
# generator: --days N, --tickets-per-day N, --seed N. The generator is the benchmark's (its demo profile,
# io.deskpulse.benchmark.DemoTraffic), built on first use like benchmark.sh builds it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ingest_key="${DESKPULSE_DEMO_INGEST_KEY:-demo-ingest-key}"
read_key="${DESKPULSE_DEMO_READ_KEY:-demo-read-key}"
dp_http_ok 8081 /q/health/ready || dp_die "ingestion-service is not running on 8081: start the stack with deploy/local/run.sh"

dp_benchmark_jar
java -cp "$DP_BENCHMARK_JAR" io.deskpulse.benchmark.DemoTraffic --url http://127.0.0.1:8081 --key "$ingest_key" "$@"

if command -v curl >/dev/null; then
  url="http://127.0.0.1:8083/v1/kpis?granularity=total&metrics=tickets_created,tickets_resolved,first_response_p50_s,first_response_p90_s,fcr_rate,first_response_sla_rate,csat_avg,nps,handle_avg_s,occupancy,qa_pass_rate,conversions,complaints"
  dp_log "scoring applies the events within seconds; the week so far per team:"
  for _ in $(seq 1 30); do
    body=$(curl -fsS -H "Authorization: Bearer $read_key" "$url&dimension=team&format=csv" || true)
    if [ "$(printf '%s\n' "$body" | wc -l)" -gt 2 ]; then break; fi
    sleep 1
  done
  printf '%s\n' "$body"
  echo
  echo "Try:  curl -H 'Authorization: Bearer $read_key' 'http://127.0.0.1:8083/v1/kpis?dimension=agent&granularity=week'"
fi

# The dashboard (docs/dashboard.md) with the demo week: the read key rides in the URL fragment, which the browser never
# sends to the server; the page moves it to sessionStorage and removes it from the address bar.
to=$(date -u +%F)
from=$(date -u -d "$to - 6 days" +%F 2>/dev/null || date -u -v-6d +%F)
echo
echo "Open the dashboard (signs in the demo tenant, shows the demo week):"
echo "  http://127.0.0.1:8083/#/overview?from=$from&to=$to&key=$read_key"
