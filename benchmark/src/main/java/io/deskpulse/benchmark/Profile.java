package io.deskpulse.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * How much work each phase does. {@code full} gives every figure of docs/performance.md, the 10M-event scale
 * phase included (25 to 60 minutes on a 2-core machine); {@code quick} every figure but the scale table in a
 * few minutes; {@code tiny} is the CI smoke run (seconds): the figures exist, their values mean little.
 */
public record Profile(
        String name,
        /**
         * Events posted and applied, untimed, before anything is measured: the services' JITs keep compiling for the
         * first few hundred thousand events (measured: C2 took twice the poll loop's CPU after 300k events).
         */
        long warmupEvents,
        /** Events (over 90 days) posted in batches: the ingestion figure and the scoring backlog. */
        long batchEvents,
        int batchSize,
        /** Events per concurrency level when looking for the level that saturates ingestion. */
        long sweepEventsPerLevel,
        List<Integer> sweepClients,
        /** How long single events (one per request) are posted, and by how many clients. */
        double singleSeconds,
        int singleClients,
        /** Events in one NDJSON backfill request. */
        long ndjsonEvents,
        /** Records Kafka's ProducerPerformance writes per run. */
        long rawRecords,
        /** The steady load under which freshness is measured, its length, and the probe interval. */
        int freshnessRate,
        double freshnessSeconds,
        int probeIntervalMs,
        /** Concurrent clients and measured iterations (in all) per reporting query, API and SQL baseline. */
        int queryClients,
        int queryIterations,
        int baselineIterations,
        /** Seconds after which a query's measurement stops early (each client having made two calls). */
        double queryBudgetSeconds,
        /** Stored events of the main tenant after each scale step; empty: no scale phase. */
        List<Long> scaleSteps,
        int scaleQueryIterations,
        int scaleBaselineIterations,
        /** How long to wait for scoring to apply everything before a phase gives up. */
        double drainTimeoutSeconds) {

    public static Profile named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "full" -> new Profile("full", 500_000, 600_000, 500, 50_000, List.of(1, 2, 4, 8, 16), 30, 16, 500_000,
                    1_000_000, 5_000, 60, 100, 4, 200, 40, 90,
                    List.of(1_000_000L, 2_500_000L, 5_000_000L, 10_000_000L), 100, 8, 3_600);
            case "quick" -> new Profile("quick", 300_000, 300_000, 500, 30_000, List.of(1, 2, 4, 8, 16), 15, 16, 200_000,
                    500_000, 5_000, 30, 100, 4, 60, 12, 30, List.of(), 0, 0, 900);
            case "tiny" -> new Profile("tiny", 1_000, 3_000, 500, 1_000, List.of(1, 2), 2, 4, 1_500,
                    5_000, 300, 3, 200, 2, 4, 2, 10, List.of(), 0, 0, 120);
            default -> throw new IllegalArgumentException("unknown profile '" + name + "': full, quick or tiny");
        };
    }

    /** The clients of the single-event sweep (one event per request, as helpdesk webhooks send them). */
    public List<Integer> singleSweepClients() {
        return name.equals("tiny") ? List.of(1, 4) : List.of(1, 16, 64, 256);
    }

    /** How long each level of the single-event sweep posts. */
    public double singleSweepSeconds() {
        return name.equals("tiny") ? 1 : singleSeconds / 3;
    }
}
