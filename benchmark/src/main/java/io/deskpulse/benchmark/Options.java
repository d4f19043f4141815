package io.deskpulse.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the harness talks to, from arguments only (defaults: the local stack of deploy/local/run.sh and
 * its benchmark tenants), and the profile with any overrides. {@code --help} lists them.
 */
public final class Options {

    static final String USAGE = """
            usage: java -jar deskpulse-benchmark.jar [options]
              --profile full|quick|tiny       how much work (default quick; deploy/local/benchmark.sh defaults to full)
              --ingest-url URL                ingestion-service (default http://127.0.0.1:8081)
              --scoring-url URL               scoring-service, for /q/metrics and the webhooks phase's connector (default http://127.0.0.1:8082)
              --admin-key KEY                 admin key of the main tenant, to create the webhooks phase's connector (default bench-a-admin-key)
              --reporting-url URL             reporting-service (default http://127.0.0.1:8083)
              --tenant T --ingest-key K --read-key K          the main tenant (default bench-a, bench-a-ingest-key, bench-a-read-key)
              --tenant-b T --ingest-key-b K --read-key-b K    the second tenant (default bench-b ...); --tenant-b none: one tenant
              --probe-tenant a|b              whose probes measure freshness (default b: keeps probe teams out of the main tenant's reports)
              --jdbc-url URL --db-user U --db-password P      read-only SQL baseline (default the local deskpulse database)
              --bootstrap HOST:PORT           Kafka (default 127.0.0.1:9092)
              --topic NAME                    the event topic (default deskpulse.events.v1)
              --scoring-group NAME            scoring's consumer group, to know when it has applied everything (default deskpulse-scoring)
              --kafka-libs DIR                Kafka 4.3.1 jars for ProducerPerformance (default $DESKPULSE_KAFKA_LIBS; none: that step is skipped)
              --pid-dir DIR                   deploy/local/.run: <service>.pid and kafka/kafka.pid, for RSS and CPU
              --pid NAME=PID                  a process to watch (repeatable), e.g. --pid scoring-service=1234
              --seed N                        traffic seed (default: new each run; the same seed resends the same events)
              --json FILE                     write the results as JSON
              --markdown FILE                 regenerate the results section of this page (between <!-- results:start/end -->)
              --work-dir DIR                  scratch files (NDJSON bodies, payload file; default a temporary directory)
              --skip PHASE,...                raw-producer, ingestion, singles, webhooks, single-sweep, ndjson, freshness, reporting, scale
              --stack-info TEXT               recorded with the machine (e.g. the git commit)
              --baseline-percentile disc|cont percentile function of the SQL baseline (default disc = nearest rank, as the API)
              overrides of the profile: --warmup-events N --batch-events N --ndjson-events N --raw-records N --freshness-rate N
                --freshness-seconds S --query-iterations N --scale-steps N,N,...
            """;

    Profile profile = Profile.named("quick");
    String ingestUrl = "http://127.0.0.1:8081";
    String scoringUrl = "http://127.0.0.1:8082";
    String reportingUrl = "http://127.0.0.1:8083";
    String tenant = "bench-a";
    String ingestKey = "bench-a-ingest-key";
    String readKey = "bench-a-read-key";
    String adminKey = "bench-a-admin-key";
    String tenantB = "bench-b";
    String ingestKeyB = "bench-b-ingest-key";
    String readKeyB = "bench-b-read-key";
    boolean probesOnB = true;
    String jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/deskpulse";
    String dbUser = "deskpulse";
    String dbPassword = "deskpulse";
    String bootstrap = "127.0.0.1:9092";
    String topic = "deskpulse.events.v1";
    String scoringGroup = "deskpulse-scoring";
    Path kafkaLibs = envPath("DESKPULSE_KAFKA_LIBS");
    Path pidDir;
    final Map<String, Long> pids = new LinkedHashMap<>();
    long seed = System.currentTimeMillis() % 100_000_000L;
    boolean seedGiven;
    Path json;
    Path markdown;
    Path workDir;
    final Set<String> skip = new LinkedHashSet<>();
    String stackInfo = "";
    String baselinePercentile = "disc";

    static final List<String> PHASES = List.of("raw-producer", "ingestion", "singles", "webhooks", "single-sweep", "ndjson", "freshness",
            "reporting", "scale");

    public static Options parse(String... args) {
        Options o = new Options();
        List<String> list = new ArrayList<>(Arrays.asList(args));
        // the profile first, so that overrides apply to it whatever their order
        for (int i = 0; i + 1 < list.size(); i++) {
            if (list.get(i).equals("--profile")) {
                o.profile = Profile.named(list.get(i + 1));
            }
        }
        for (int i = 0; i < list.size(); i++) {
            String name = list.get(i);
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= list.size()) {
                throw new IllegalArgumentException("option " + name + " needs a value\n" + USAGE);
            }
            String value = list.get(++i);
            Profile p = o.profile;
            switch (name) {
                case "--profile" -> { }
                case "--ingest-url" -> o.ingestUrl = trimSlash(value);
                case "--scoring-url" -> o.scoringUrl = trimSlash(value);
                case "--admin-key" -> o.adminKey = value;
                case "--reporting-url" -> o.reportingUrl = trimSlash(value);
                case "--tenant" -> o.tenant = value;
                case "--ingest-key" -> o.ingestKey = value;
                case "--read-key" -> o.readKey = value;
                case "--tenant-b" -> o.tenantB = value.isBlank() || value.equals("none") ? null : value;
                case "--ingest-key-b" -> o.ingestKeyB = value;
                case "--read-key-b" -> o.readKeyB = value;
                case "--probe-tenant" -> o.probesOnB = switch (value) {
                    case "a" -> false;
                    case "b" -> true;
                    default -> throw new IllegalArgumentException("--probe-tenant is a or b");
                };
                case "--jdbc-url" -> o.jdbcUrl = value;
                case "--db-user" -> o.dbUser = value;
                case "--db-password" -> o.dbPassword = value;
                case "--bootstrap" -> o.bootstrap = value;
                case "--topic" -> o.topic = value;
                case "--scoring-group" -> o.scoringGroup = value;
                case "--kafka-libs" -> o.kafkaLibs = value.isBlank() ? null : Path.of(value);
                case "--pid-dir" -> o.pidDir = Path.of(value);
                case "--pid" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--pid is NAME=PID, got " + value);
                    }
                    o.pids.put(value.substring(0, eq), Long.parseLong(value.substring(eq + 1)));
                }
                case "--seed" -> {
                    o.seed = Long.parseLong(value);
                    o.seedGiven = true;
                }
                case "--json" -> o.json = Path.of(value);
                case "--markdown" -> o.markdown = Path.of(value);
                case "--work-dir" -> o.workDir = Path.of(value);
                case "--skip" -> {
                    for (String phase : value.split(",")) {
                        if (!phase.isBlank() && !PHASES.contains(phase.trim())) {
                            throw new IllegalArgumentException("unknown phase to skip: " + phase + "; one of " + PHASES);
                        }
                        if (!phase.isBlank()) {
                            o.skip.add(phase.trim());
                        }
                    }
                }
                case "--stack-info" -> o.stackInfo = value;
                case "--baseline-percentile" -> {
                    if (!value.equals("disc") && !value.equals("cont")) {
                        throw new IllegalArgumentException("--baseline-percentile is disc or cont");
                    }
                    o.baselinePercentile = value;
                }
                case "--batch-events" -> o.profile = with(p, "batchEvents", Long.parseLong(value));
                case "--ndjson-events" -> o.profile = with(p, "ndjsonEvents", Long.parseLong(value));
                case "--raw-records" -> o.profile = with(p, "rawRecords", Long.parseLong(value));
                case "--freshness-rate" -> o.profile = with(p, "freshnessRate", Long.parseLong(value));
                case "--freshness-seconds" -> o.profile = with(p, "freshnessSeconds", Double.parseDouble(value));
                case "--query-iterations" -> o.profile = with(p, "queryIterations", Long.parseLong(value));
                case "--warmup-events" -> o.profile = with(p, "warmupEvents", Long.parseLong(value));
                case "--scale-steps" -> {
                    List<Long> steps = new ArrayList<>();
                    for (String step : value.split(",")) {
                        if (!step.isBlank()) {
                            steps.add(Long.parseLong(step.trim().replace("_", "")));
                        }
                    }
                    o.profile = new Profile(p.name(), p.warmupEvents(), p.batchEvents(), p.batchSize(), p.sweepEventsPerLevel(),
                            p.sweepClients(), p.singleSeconds(), p.singleClients(), p.ndjsonEvents(), p.rawRecords(),
                            p.freshnessRate(), p.freshnessSeconds(), p.probeIntervalMs(), p.queryClients(),
                            p.queryIterations(), p.baselineIterations(), p.queryBudgetSeconds(), steps,
                            Math.max(p.scaleQueryIterations(), 20), Math.max(p.scaleBaselineIterations(), 3),
                            p.drainTimeoutSeconds());
                }
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        if (o.tenantB == null) {
            o.probesOnB = false;
        }
        return o;
    }

    boolean runs(String phase) {
        return !skip.contains(phase);
    }

    private static Profile with(Profile p, String field, double v) {
        long n = (long) v;
        return new Profile(p.name(), field.equals("warmupEvents") ? n : p.warmupEvents(),
                field.equals("batchEvents") ? n : p.batchEvents(), p.batchSize(), p.sweepEventsPerLevel(),
                p.sweepClients(), p.singleSeconds(), p.singleClients(),
                field.equals("ndjsonEvents") ? n : p.ndjsonEvents(),
                field.equals("rawRecords") ? n : p.rawRecords(),
                field.equals("freshnessRate") ? (int) n : p.freshnessRate(),
                field.equals("freshnessSeconds") ? v : p.freshnessSeconds(), p.probeIntervalMs(), p.queryClients(),
                field.equals("queryIterations") ? (int) n : p.queryIterations(), p.baselineIterations(),
                p.queryBudgetSeconds(), p.scaleSteps(), p.scaleQueryIterations(), p.scaleBaselineIterations(), p.drainTimeoutSeconds());
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Path envPath(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : Path.of(value);
    }
}
