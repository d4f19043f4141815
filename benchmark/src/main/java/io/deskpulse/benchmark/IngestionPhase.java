package io.deskpulse.benchmark;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Events/s that ingestion-service accepts over HTTP: batches of 500 (after a sweep of the number of concurrent
 * clients, keeping the one that gives the most), single events (one per request) and an NDJSON backfill.
 * The batches are also the scoring backlog: {@link ScoringPhase} measures how fast scoring drains them.
 */
final class IngestionPhase {

    private IngestionPhase() {
    }

    static int sweep(Context ctx, Results.Batches batches) throws Exception {
        // warm the JITs of the harness and the services up first, untimed, scoring's included
        long warmupEvents = Math.max(ctx.profile.warmupEvents(), ctx.profile.sweepEventsPerLevel());
        Log.info("warm-up: %,d events through ingestion and scoring, untimed", warmupEvents);
        List<IngestDriver.Body> warmup = batchBodies(ctx, "warmup", warmupEvents);
        ctx.ingest.postAll(warmup, IngestDriver.BATCH, 4);
        ctx.drain("the warm-up");
        int best = ctx.profile.sweepClients().get(0);
        double bestRate = -1;
        for (int clients : ctx.profile.sweepClients()) {
            List<IngestDriver.Body> bodies = batchBodies(ctx, "sweep" + clients, ctx.profile.sweepEventsPerLevel());
            ctx.drain("the previous requests");
            IngestDriver.Outcome outcome;
            try (ScoringPause pause = ScoringPause.start(ctx)) {
                outcome = ctx.ingest.postAll(bodies, IngestDriver.BATCH, clients);
            }
            Results.Level level = new Results.Level();
            level.clients = clients;
            level.events = outcome.accepted();
            level.seconds = ProcessProbe.round(outcome.seconds(), 2);
            level.eventsPerS = Math.round(outcome.acceptedPerSecond());
            batches.sweep.add(level);
            Log.info("  %2d clients: %,9.0f events/s accepted (%d requests of %d)", clients, outcome.acceptedPerSecond(),
                    outcome.requests(), ctx.profile.batchSize());
            if (outcome.acceptedPerSecond() > bestRate) {
                bestRate = outcome.acceptedPerSecond();
                best = clients;
            }
        }
        return best;
    }

    /** The batches: returns when the last 202 is in; {@code [loadStartNanos, loadEndNanos]} for the scoring window. */
    static long[] batches(Context ctx, Results.Batches batches, int clients) throws Exception {
        List<IngestDriver.Body> bodies = batchBodies(ctx, "batches", ctx.profile.batchEvents());
        ctx.drain("the sweep");
        Log.info("ingestion, batches: %,d events in %d requests, %d clients", ctx.profile.batchEvents(), bodies.size(),
                clients);
        long start = System.nanoTime();
        IngestDriver.Outcome outcome;
        try (ScoringPause pause = ScoringPause.start(ctx); Context.CpuWindow ignored = ctx.cpu("ingestion-batches")) {
            outcome = ctx.ingest.postAll(bodies, IngestDriver.BATCH, clients);
            batches.scoringPaused = pause.active();
        }
        if (!batches.scoringPaused) {
            ctx.warn("scoring-service's pid is unknown: it applied the batches while they were timed, and the ratio to the "
                    + "raw producer charges its CPU to ingestion");
        }
        long end = System.nanoTime();
        batches.clients = clients;
        batches.eventsPosted = outcome.events();
        batches.eventsAccepted = outcome.accepted();
        batches.duplicates = outcome.duplicates();
        batches.seconds = ProcessProbe.round(outcome.seconds(), 2);
        batches.eventsPerS = (double) Math.round(outcome.acceptedPerSecond());
        batches.requestsPerS = ProcessProbe.round(outcome.requests() / outcome.seconds(), 1);
        batches.latencyP50Ms = millis(outcome.latencyMicros(), 50);
        batches.latencyP99Ms = millis(outcome.latencyMicros(), 99);
        if (outcome.retries() > 0) {
            ctx.warn("ingestion answered 503 or 429 to " + outcome.retries() + " batch requests (resent)");
        }
        Log.info("  %,.0f events/s accepted (%,d accepted, %,d duplicates) in %.1f s; request p50 %.0f ms, p99 %.0f ms",
                outcome.acceptedPerSecond(), outcome.accepted(), outcome.duplicates(), outcome.seconds(),
                batches.latencyP50Ms, batches.latencyP99Ms);
        return new long[] {start, end};
    }

    static Results.Singles singles(Context ctx) throws Exception {
        Results.Singles singles = new Results.Singles();
        int pool = (int) Math.max(2_000, ctx.profile.singleSeconds() * 8_000);
        Bodies.Singles sink = new Bodies.Singles();
        ctx.traffic.generate("singles", ctx.ninetyDaysAgo(), ctx.now, pool, sink);
        ctx.drain("the batches");
        int clients = ctx.profile.singleClients();
        Log.info("ingestion, single events: %d clients for %.0f s", clients, ctx.profile.singleSeconds());
        IngestDriver.Outcome outcome;
        try (Context.CpuWindow ignored = ctx.cpu("ingestion-singles")) {
            outcome = ctx.ingest.post(sink.bodies, IngestDriver.SINGLE, clients, ctx.profile.singleSeconds());
        }
        if (outcome.requests() >= sink.bodies.size()) {
            ctx.warn("the single-event run used up its " + sink.bodies.size() + " prepared events before "
                    + ctx.profile.singleSeconds() + " s");
        }
        singles.clients = clients;
        singles.events = outcome.events();
        singles.seconds = ProcessProbe.round(outcome.seconds(), 2);
        singles.eventsPerS = (double) Math.round(outcome.eventsPerSecond());
        singles.latencyP50Ms = millis(outcome.latencyMicros(), 50);
        singles.latencyP99Ms = millis(outcome.latencyMicros(), 99);
        Log.info("  %,.0f events/s (%,d requests); request p50 %.1f ms, p99 %.1f ms", outcome.eventsPerSecond(),
                outcome.requests(), singles.latencyP50Ms, singles.latencyP99Ms);
        return singles;
    }

    /** One NDJSON backfill request of the main tenant (the second tenant's share follows, untimed). */
    static Results.Ndjson ndjson(Context ctx, long[] window) throws Exception {
        Results.Ndjson ndjson = new Results.Ndjson();
        Bodies.Ndjson files = new Bodies.Ndjson(ctx.workDir, "backfill");
        try {
            try (files) {
                ctx.traffic.generate("ndjson", ctx.ninetyDaysAgo(), ctx.now, ctx.profile.ndjsonEvents(), files);
            }
            ctx.drain("the single events");
            Log.info("ingestion, NDJSON: one request of %,d events (%,d MB)", files.lines[0],
                    java.nio.file.Files.size(files.files[0]) / 1_000_000);
            window[0] = System.nanoTime();
            IngestDriver.Outcome outcome;
            try (Context.CpuWindow ignored = ctx.cpu("ingestion-ndjson")) {
                outcome = ctx.ingest.postFile(files.files[0], 0, files.lines[0]);
            }
            window[1] = System.nanoTime();
            ndjson.events = outcome.accepted() + outcome.duplicates();
            ndjson.bytes = java.nio.file.Files.size(files.files[0]);
            ndjson.seconds = ProcessProbe.round(outcome.seconds(), 2);
            ndjson.eventsPerS = (double) Math.round(outcome.accepted() / outcome.seconds());
            Log.info("  %,.0f events/s accepted (%,d accepted, %,d duplicates) in %.1f s", ndjson.eventsPerS,
                    outcome.accepted(), outcome.duplicates(), outcome.seconds());
            if (files.lines[1] > 0) {
                ctx.ingest.postFile(files.files[1], 1, files.lines[1]);
            }
        } finally {
            files.delete();
        }
        return ndjson;
    }

    static List<IngestDriver.Body> batchBodies(Context ctx, String segment, long events) {
        Bodies.Batches sink = new Bodies.Batches(ctx.profile.batchSize());
        ctx.traffic.generate(segment, ctx.ninetyDaysAgo(), ctx.now, events, sink);
        return sink.finish();
    }

    static double millis(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : ProcessProbe.round(micros.getValueAtPercentile(percentile) / 1000.0, 2);
    }
}
