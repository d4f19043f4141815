package io.deskpulse.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The benchmark harness: drives realistic helpdesk traffic through the real HTTP API of a running DeskPulse stack
 * and measures each stage against the machine's limits (see docs/performance.md). Every endpoint, key, the
 * database, the topic and the broker come from arguments ({@link Options}); deploy/local/benchmark.sh passes the
 * local stack's.
 *
 * <p>Phases, in order: raw Kafka producer; ingestion (sweep, batches, which are also the scoring backlog);
 * scoring drain; the whole pipeline (batches posted while scoring runs); single events; webhooks; the single-event sweep (events and webhooks at 1 to 256 clients); NDJSON
 * backfill; freshness under steady load; scale steps (full profile);
 * reporting queries against the SQL baseline; memory. A phase that fails is reported as a warning and the run
 * goes on, so that one broken stage never hides the figures of the others.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Results results = run(options);
            System.out.print(ReportTables.text(results));
            System.out.flush();
            System.exit(0);
        } catch (Exception e) {
            System.err.println("[benchmark] failed: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs the harness with these arguments (see {@link Options#USAGE}) and returns every figure. */
    public static Results run(String... args) throws Exception {
        return run(Options.parse(args));
    }

    static Results run(Options options) throws Exception {
        Results results = new Results();
        Instant started = Instant.now();
        results.profile = options.profile.name();
        results.seed = options.seed;
        results.startedAt = started.truncatedTo(ChronoUnit.SECONDS).toString();
        results.tenant = options.tenant;
        results.tenantB = options.tenantB;
        Path workDir = options.workDir != null ? options.workDir : Files.createTempDirectory("deskpulse-benchmark");
        Files.createDirectories(workDir);
        try (Context ctx = new Context(options, results, workDir)) {
            Log.info("profile %s, seed %d (run id %s), tenants %s%s; stack: ingestion %s, scoring %s, reporting %s",
                    options.profile.name(), options.seed, results.runId, options.tenant,
                    options.tenantB == null ? "" : " and " + options.tenantB, options.ingestUrl, options.scoringUrl,
                    options.reportingUrl);
            preflight(ctx);
            MachineInfo.fill(ctx, results.machine);
            ctx.drain("what was already in Kafka");
            phases(ctx);
            results.memory = memory(ctx);
        } finally {
            if (options.workDir == null) {
                deleteQuietly(workDir);
            }
        }
        Instant finished = Instant.now();
        results.finishedAt = finished.truncatedTo(ChronoUnit.SECONDS).toString();
        results.durationS = ProcessProbe.round((finished.toEpochMilli() - started.toEpochMilli()) / 1000.0, 1);
        Targets.evaluate(results);
        if (options.json != null) {
            ResultWriter.json(results, options.json);
            Log.info("wrote %s", options.json);
        }
        if (options.markdown != null) {
            ResultWriter.markdown(results, options.markdown);
            Log.info("wrote the results section of %s", options.markdown);
        }
        return results;
    }

    private static void phases(Context ctx) throws Exception {
        Options options = ctx.options;
        Results results = ctx.results;
        Results.Ingestion ingestion = new Results.Ingestion();
        results.ingestion = ingestion;
        ingestion.method = "closed-loop HTTP/1.1 keep-alive clients posting prepared bodies of generated traffic; "
                + "events/s = events the 202s accepted / wall time from the first request to the last answer";

        if (options.runs("raw-producer")) {
            phase(ctx, "raw producer", () -> RawProducerPhase.run(ctx, ingestion));
        }
        if (options.runs("ingestion")) {
            phase(ctx, "ingestion (batches) and scoring", () -> {
                Results.Batches batches = new Results.Batches();
                batches.batchSize = ctx.profile.batchSize();
                ingestion.batches = batches;
                Log.info("ingestion, batches: which number of concurrent clients saturates ingestion?");
                int clients = IngestionPhase.sweep(ctx, batches);
                batches.clientsChosen = "the sweep's fastest";
                ScoringPhase.Drain drain;
                long backlog;
                try (ScoringMonitor.Recorder recorder = ctx.scoring.record(500)) {
                    Thread.sleep(600); // a sample before the load
                    long[] window = IngestionPhase.batches(ctx, batches, clients);
                    backlog = ctx.scoring.behind(ctx.scoring.endOffsets());
                    try (Context.CpuWindow ignored = ctx.cpu("scoring-drain")) {
                        ctx.drain("the batch backlog");
                    }
                    drain = ScoringPhase.drain(recorder.samples(), window[0], window[1], ctx.scoring.sample());
                }
                results.scoring = ScoringPhase.result(ctx, drain, batches.eventsAccepted);
                results.scoring.backlogAtLoadEnd = backlog < 0 ? null : backlog;
                ratios(ingestion);
                results.pipeline = PipelinePhase.run(ctx, clients, ingestion);
            });
        }
        if (options.runs("singles")) {
            phase(ctx, "single events", () -> ingestion.singles = IngestionPhase.singles(ctx));
        }
        if (options.runs("webhooks")) {
            phase(ctx, "webhooks", () -> ingestion.webhooks = WebhookPhase.run(ctx, ingestion.singles));
        }
        if (options.runs("single-sweep")) {
            phase(ctx, "single-event sweep", () -> SingleSweep.run(ctx, ingestion));
        }
        if (options.runs("ndjson")) {
            phase(ctx, "NDJSON backfill", () -> ingestion.ndjson = IngestionPhase.ndjson(ctx, new long[2]));
        }
        if (options.runs("freshness")) {
            phase(ctx, "freshness", () -> results.freshness = FreshnessPhase.run(ctx));
        }
        if (options.runs("scale") && !ctx.profile.scaleSteps().isEmpty()) {
            phase(ctx, "scale", () -> results.scale = ScalePhase.run(ctx));
        }
        if (options.runs("reporting")) {
            phase(ctx, "reporting", () -> results.reporting = ReportingPhase.run(ctx));
        }
    }

    interface Phase {
        void run() throws Exception;
    }

    private static void phase(Context ctx, String name, Phase phase) throws InterruptedException {
        try {
            phase.run();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            ctx.warn("the " + name + " phase failed: " + e);
            e.printStackTrace();
        }
    }

    static void ratios(Results.Ingestion ingestion) {
        if (ingestion.batches == null || ingestion.batches.eventsPerS == null) {
            return;
        }
        double eventsPerS = ingestion.batches.eventsPerS;
        ingestion.ratioBatchesToRaw = RawProducerPhase.ratio(ingestion, RawProducerPhase.INGESTION_SETTINGS, eventsPerS);
        if (ingestion.ratioBatchesToRaw != null) {
            ingestion.ratioComparedAgainst = "ProducerPerformance with ingestion's producer settings ("
                    + RawProducerPhase.INGESTION_SETTINGS + ")";
        }
        ingestion.ratioBatchesToRawDefaults = RawProducerPhase.ratio(ingestion, RawProducerPhase.DEFAULT_SETTINGS,
                eventsPerS);
        ingestion.ratioBatchesToRawLinger10 = RawProducerPhase.ratio(ingestion, RawProducerPhase.LINGER_SETTINGS,
                eventsPerS);
    }

    /** Fails fast, with what to do, when a part of the stack does not answer. */
    private static void preflight(Context ctx) throws Exception {
        Options o = ctx.options;
        expect(o.ingestUrl, "/q/health/ready", null, "ingestion-service is not ready");
        expect(o.scoringUrl, "/q/metrics", null, "scoring-service's metrics do not answer");
        expect(o.reportingUrl, "/v1/kpis?granularity=total&metrics=tickets_created", o.readKey,
                "reporting-service refuses the read key of " + o.tenant);
        if (o.tenantB != null) {
            expect(o.reportingUrl, "/v1/kpis?granularity=total&metrics=tickets_created", o.readKeyB,
                    "reporting-service refuses the read key of " + o.tenantB);
        }
        try (Connection ignored = ctx.database()) {
            // reachable
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to " + o.jdbcUrl + " as " + o.dbUser + ": " + e.getMessage(), e);
        }
        ctx.scoring.partitions(o.topic);
    }

    private static void expect(String base, String path, String key, String problem) throws IOException {
        try (HttpConnection http = new HttpConnection(base, 30_000)) {
            HttpConnection.Response response = http.get(path, key);
            if (response.status() != 200) {
                throw new IllegalStateException(problem + ": GET " + base + path + " answered " + response.status() + " "
                        + IngestDriver.abbreviate(response.text()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(problem + ": " + base + " does not answer (" + e.getMessage()
                    + "); is the stack running? deploy/local/run.sh --detach", e);
        }
    }

    private static Results.Memory memory(Context ctx) {
        Results.Memory memory = new Results.Memory();
        memory.method = "VmHWM (peak resident set since the process started) and VmRSS from /proc/<pid>/status at the "
                + "end of the run; PostgreSQL: PSS summed over its processes";
        for (String service : ProcessProbe.SERVICES) {
            memory.services.add(ctx.processes.memory(service));
        }
        if (ctx.processes.pids().containsKey(ProcessProbe.BROKER)) {
            memory.broker = ctx.processes.memory(ProcessProbe.BROKER);
        }
        memory.postgresql = ctx.processes.postgres();
        for (Results.Proc service : memory.services) {
            if (service.peakRssMb != null) {
                Log.info("memory: %-18s peak RSS %4.0f MB, now %4.0f MB", service.name, service.peakRssMb, service.rssMb);
            }
        }
        return memory;
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // scratch
                }
            });
        } catch (IOException ignored) {
            // scratch
        }
    }
}
