package io.deskpulse.benchmark;

import java.util.List;

/**
 * The whole pipeline, as users run it: fresh events posted in batches while scoring applies them, timed from the
 * first request to the last event applied (scoring's committed offsets at the topic's end: committed in the same
 * transaction as the events' rows, so visible in /v1/kpis from then on). Also gives ingestion's rate with scoring
 * running, beside the isolated one of {@link IngestionPhase#batches} (scoring paused while timed).
 */
final class PipelinePhase {

    private PipelinePhase() {
    }

    static Results.Pipeline run(Context ctx, int clients, Results.Ingestion ingestion) throws Exception {
        List<IngestDriver.Body> bodies = IngestionPhase.batchBodies(ctx, "pipeline", ctx.profile.batchEvents());
        ctx.drain("the previous requests");
        Log.info("whole pipeline: %,d events in %d requests, %d clients, scoring running", ctx.profile.batchEvents(),
                bodies.size(), clients);
        Results.Pipeline pipeline = new Results.Pipeline();
        pipeline.method = "fresh batches of " + ctx.profile.batchSize() + " posted by " + clients + " clients while "
                + "scoring runs; events/s = events accepted / time from the first request to scoring's committed offsets "
                + "at the topic's end (the events' rows are committed with them, so visible in /v1/kpis)";
        IngestDriver.Outcome outcome;
        long start = System.nanoTime();
        try (Context.CpuWindow ignored = ctx.cpu("pipeline")) {
            outcome = ctx.ingest.postAll(bodies, IngestDriver.BATCH, clients);
            long behind = ctx.scoring.behind(ctx.scoring.endOffsets());
            pipeline.backlogAtLoadEnd = behind < 0 ? null : behind;
            ctx.drain("the pipeline's events");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pipeline.clients = clients;
        pipeline.events = outcome.accepted();
        pipeline.seconds = ProcessProbe.round(seconds, 2);
        pipeline.eventsPerS = (double) Math.round(outcome.accepted() / seconds);
        pipeline.ingestSeconds = ProcessProbe.round(outcome.seconds(), 2);
        pipeline.ingestEventsPerS = (double) Math.round(outcome.acceptedPerSecond());
        pipeline.ratioIngestToRaw = RawProducerPhase.ratio(ingestion, RawProducerPhase.INGESTION_SETTINGS,
                pipeline.ingestEventsPerS);
        if (outcome.retries() > 0) {
            ctx.warn("ingestion answered 503 or 429 to " + outcome.retries() + " pipeline requests (resent)");
        }
        Log.info("  %,.0f events/s from first post to applied (%,d events in %.1f s); ingestion took them at %,.0f "
                + "events/s with scoring running, %s behind when the last 202 came", pipeline.eventsPerS, pipeline.events,
                seconds, pipeline.ingestEventsPerS,
                pipeline.backlogAtLoadEnd == null ? "?" : String.format("%,d", pipeline.backlogAtLoadEnd));
        return pipeline;
    }
}
