package io.deskpulse.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How scoring time and query time grow with the data: the main tenant is filled in steps (1M, 2.5M, 5M, 10M
 * stored events by default) with traffic spread over the last 90 days, loaded as NDJSON backfills (one request
 * per million events: ingestion's fastest path). After each step: the step's scoring rate (from scoring's first
 * applied event of the step to the moment everything is applied), query (a) p50/p99, and the GROUP BY's time.
 */
final class ScalePhase {

    static final long CHUNK = 1_000_000;

    private ScalePhase() {
    }

    static Results.Scale run(Context ctx) throws Exception {
        Results.Scale scale = new Results.Scale();
        scale.loadMethod = "application/x-ndjson backfills of up to " + CHUNK + " events per request, one request at a time";
        scale.method = "stored events = events in the tenant's ticket and agent timelines (SQL); scoring s = from the "
                + "step's first applied event to everything applied (committed offsets at the topic's end); query (a) "
                + "and its GROUP BY timed as in the reporting figures";
        ctx.drain("everything before the scale phase");
        long stored = ReportingPhase.storedEvents(ctx);
        scale.storedAtStart = stored;
        if (stored > 0) {
            Log.info("scale: %s already holds %,d stored events (steps are totals: this run adds up to each)",
                    ctx.options.tenant, stored);
        }
        List<BiQueries.Query> queries = ReportingPhase.queries(ctx);
        BiQueries.Query teamByDay = queries.get(0);
        int index = 0;
        for (long target : ctx.profile.scaleSteps()) {
            index++;
            Results.Step step = new Results.Step();
            step.target = target;
            scale.steps.add(step);
            if (stored >= target) {
                step.skipped = "already " + stored + " stored events";
                step.storedEvents = stored;
                continue;
            }
            long needed = target - stored;
            // the main tenant gets 90 % of the tickets
            long events = ctx.options.tenantB == null ? needed : Math.round(needed / 0.9);
            Log.info("scale step %d: +%,d events for %s (to %,d stored), generating NDJSON", index, needed,
                    ctx.options.tenant, target);
            List<Path> files = new ArrayList<>();
            List<long[]> counts = new ArrayList<>();
            try {
                write(ctx, "scale" + index, events, files, counts);
                try (Context.CpuWindow ignored = ctx.cpu("scale-" + index);
                     ScoringMonitor.Recorder recorder = ctx.scoring.record(1000)) {
                    ScoringMonitor.Sample before = ctx.scoring.sample();
                    long loadStart = System.nanoTime();
                    long accepted = 0;
                    for (int i = 0; i < files.size(); i++) {
                        IngestDriver.Outcome outcome = ctx.ingest.postFile(files.get(i), (int) counts.get(i)[0], counts.get(i)[1]);
                        accepted += outcome.accepted();
                        Files.deleteIfExists(files.get(i));
                    }
                    long loadEnd = System.nanoTime();
                    step.loadS = ProcessProbe.round((loadEnd - loadStart) / 1e9, 1);
                    step.loadEventsPerS = (double) Math.round(accepted / ((loadEnd - loadStart) / 1e9));
                    Log.info("  loaded %,d events in %.0f s (%,.0f events/s); waiting for scoring", accepted, step.loadS,
                            step.loadEventsPerS);
                    ctx.drain("scale step " + index);
                    ScoringMonitor.Sample after = ctx.scoring.sample();
                    List<ScoringMonitor.Sample> samples = recorder.samples();
                    long firstApplied = loadStart;
                    for (ScoringMonitor.Sample sample : samples) {
                        if (sample.applied() > before.applied()) {
                            firstApplied = sample.nanos();
                            break;
                        }
                    }
                    double scoringSeconds = (after.nanos() - firstApplied) / 1e9;
                    step.stepEvents = (long) (after.applied() - before.applied());
                    step.scoringS = ProcessProbe.round(scoringSeconds, 1);
                    step.scoringEventsPerS = (double) Math.round(step.stepEvents / scoringSeconds);
                    ScoringPhase.Drain drain = ScoringPhase.drain(samples, loadStart, loadEnd, after);
                    if (drain != null && !drain.contended()) {
                        step.drainEventsPerS = (double) Math.round(drain.appliedPerSecond());
                    }
                }
            } finally {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                }
            }
            stored = ReportingPhase.storedEvents(ctx);
            step.storedEvents = stored;
            step.ticketFactsRows = ReportingPhase.ticketFacts(ctx);
            // DuckDB gets the step's facts afresh: loaded once per step, before query (a) is timed.
            try (DuckDbBaseline duck = ReportingPhase.loadDuckDb(ctx)) {
                Results.Query measured = ReportingPhase.measure(ctx, teamByDay, ctx.profile.scaleQueryIterations(),
                        ctx.profile.scaleBaselineIterations(), 30, false, duck);
                if (measured.duckdb != null) {
                    step.duckdbP50Ms = measured.duckdb.p50Ms;
                    step.duckdbP99Ms = measured.duckdb.p99Ms;
                    step.peerApiP99Ms = measured.apiPeer.p99Ms;
                    step.vsDuckdbP99 = measured.vsDuckdbP99;
                }
                step.queryP50Ms = measured.api.p50Ms;
                step.queryP99Ms = measured.api.p99Ms;
                if (measured.api.errors != null) {
                    step.failure = measured.api.errors + " requests failed, e.g. " + measured.api.firstError;
                }
                if (measured.baseline != null) {
                    step.baselineP50Ms = measured.baseline.p50Ms;
                    step.speedupP50 = measured.speedupP50;
                }
                // (b) and (c) against DuckDB too, so that the ratio to the peer is known at every size.
                for (BiQueries.Query other : queries.subList(1, queries.size())) {
                    Results.Query timed = ReportingPhase.measure(ctx, other, ctx.profile.scaleQueryIterations(), 0, 30,
                            false, duck);
                    Results.StepQuery q = new Results.StepQuery();
                    q.name = other.name();
                    q.apiP99Ms = timed.api.p99Ms;
                    q.duckdbP99Ms = timed.duckdb == null ? null : timed.duckdb.p99Ms;
                    q.peerApiP99Ms = timed.apiPeer == null ? null : timed.apiPeer.p99Ms;
                    q.vsDuckdbP99 = timed.vsDuckdbP99;
                    step.otherQueries.add(q);
                    Log.info("  step %d: %s p99 %.1f ms, DuckDB p99 %s ms", index, q.name, q.apiP99Ms,
                            q.duckdbP99Ms == null ? "-" : String.format("%.1f", q.duckdbP99Ms));
                }
            } catch (Exception e) {
                step.failure = e.getMessage();
                ctx.warn("scale step " + index + ": query (a) failed: " + e.getMessage());
            }
            Log.info("  step %d: %,d stored; scoring %,.0f events/s; query (a) p50 %s ms p99 %s ms; GROUP BY p50 %s ms;"
                            + " DuckDB p99 %s ms",
                    index, stored, step.scoringEventsPerS, step.queryP50Ms, step.queryP99Ms,
                    step.baselineP50Ms == null ? "-" : String.format("%.0f", step.baselineP50Ms),
                    step.duckdbP99Ms == null ? "-" : String.format("%.1f", step.duckdbP99Ms));
        }
        if (scale.steps.stream().allMatch(step -> step.skipped != null)) {
            ctx.warn("scale: " + ctx.options.tenant + " already held " + scale.storedAtStart
                    + " events, beyond every step; no growth table (deploy/local/benchmark.sh --fresh starts from an empty stack)");
            scale.note = "every step was already reached before this run";
        }
        return scale;
    }

    /** Generates the step's events into NDJSON files of at most CHUNK lines per tenant. */
    private static void write(Context ctx, String segment, long events, List<Path> files, List<long[]> counts)
            throws IOException {
        Files.createDirectories(ctx.workDir);
        BufferedWriter[] writers = new BufferedWriter[2];
        long[] lines = new long[2];
        int[] parts = new int[2];
        Path[] current = new Path[2];
        try {
            ctx.traffic.generate(segment, ctx.ninetyDaysAgo(), ctx.now, events, (tenant, json) -> {
                try {
                    if (writers[tenant] == null || lines[tenant] >= CHUNK) {
                        if (writers[tenant] != null) {
                            writers[tenant].close();
                            counts.add(new long[] {tenant, lines[tenant]});
                            files.add(current[tenant]);
                        }
                        current[tenant] = ctx.workDir.resolve(segment + "-" + tenant + "-" + parts[tenant]++ + ".ndjson");
                        writers[tenant] = Files.newBufferedWriter(current[tenant], StandardCharsets.UTF_8);
                        lines[tenant] = 0;
                    }
                    writers[tenant].write(json);
                    writers[tenant].write('\n');
                    lines[tenant]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            for (int t = 0; t < 2; t++) {
                if (writers[t] != null) {
                    writers[t].close();
                    counts.add(new long[] {t, lines[t]});
                    files.add(current[t]);
                }
            }
        }
    }
}
