package io.deskpulse.benchmark;

import java.util.List;

/**
 * Sustained events/s that scoring applies to PostgreSQL: with a backlog in Kafka (loaded through ingestion faster
 * than scoring drains it), the rise of {@code deskpulse_scoring_events_applied_total} over the window from the
 * end of the load to the last scrape where {@code deskpulse_scoring_consumer_lag} was still above zero — so
 * scoring never waited for records, and nothing else loaded the machine but the scrapes.
 */
final class ScoringPhase {

    /** The drain measured from samples; null when there was no window with a backlog. */
    record Drain(double seconds, double applied, double duplicates, long lagAtStart, long lagAtEnd, double applyCount,
                 double applySum, boolean contended) {

        double appliedPerSecond() {
            return applied / seconds;
        }

        double recordsPerSecond() {
            return (applied + duplicates) / seconds;
        }
    }

    private ScoringPhase() {
    }

    /**
     * The window after {@code loadEnd} while the lag stays above zero. When there is none of at least 3 s (scoring
     * kept up with the load), the whole of it instead: from the load's start to {@code drained} (the moment
     * everything was applied), marked contended — scoring shared the machine with ingestion and waited for records.
     */
    static Drain drain(List<ScoringMonitor.Sample> samples, long loadStart, long loadEnd, ScoringMonitor.Sample drained) {
        int first = -1;
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).nanos() >= loadEnd) {
                first = i;
                break;
            }
        }
        Drain after = first < 0 ? null : window(samples, first);
        if (after != null && after.seconds() >= 3) {
            return after;
        }
        ScoringMonitor.Sample start = null;
        for (ScoringMonitor.Sample sample : samples) {
            if (sample.nanos() <= loadStart) {
                start = sample;
            }
        }
        if (start == null || drained == null || drained.nanos() <= loadStart) {
            return after;
        }
        double seconds = (drained.nanos() - loadStart) / 1e9;
        return new Drain(seconds, drained.applied() - start.applied(), drained.duplicates() - start.duplicates(),
                (long) start.lag(), (long) drained.lag(), drained.applyCount() - start.applyCount(),
                drained.applySum() - start.applySum(), true);
    }

    private static Drain window(List<ScoringMonitor.Sample> samples, int first) {
        // Scoring sets its lag gauge after each batch a poll loop applies: right after it was held still for the load,
        // the first scrapes still show the lag from before (0) while the backlog is being applied. Those are skipped,
        // else the window ended at once and the figure fell back to the contended one (the last two full runs).
        while (first < samples.size() && samples.get(first).lag() <= 0) {
            first++;
        }
        if (first >= samples.size()) {
            return null;
        }
        ScoringMonitor.Sample a = samples.get(first);
        int last = first;
        for (int i = first + 1; i < samples.size(); i++) {
            if (samples.get(i).lag() <= 0) {
                break;
            }
            last = i;
        }
        if (last == first) {
            return null;
        }
        ScoringMonitor.Sample b = samples.get(last);
        return new Drain((b.nanos() - a.nanos()) / 1e9, b.applied() - a.applied(), b.duplicates() - a.duplicates(),
                (long) a.lag(), (long) b.lag(), b.applyCount() - a.applyCount(), b.applySum() - a.applySum(), false);
    }

    static Results.Scoring result(Context ctx, Drain drain, long backlog) {
        Results.Scoring scoring = new Results.Scoring();
        scoring.method = "rise of deskpulse_scoring_events_applied_total (scoring's /q/metrics, scraped every 500 ms) over "
                + "the window after the batch load ended while deskpulse_scoring_consumer_lag > 0; records/s adds "
                + "deskpulse_scoring_events_duplicates_total (resent events recognised)";
        scoring.backlogEvents = backlog;
        if (drain == null) {
            scoring.note = "no window with a backlog: scoring applied the load as fast as it came";
            ctx.warn("scoring: no backlog window to measure (scoring kept up with the load)");
            return scoring;
        }
        scoring.windowS = ProcessProbe.round(drain.seconds(), 1);
        scoring.lagAtStart = drain.lagAtStart();
        scoring.lagAtEnd = drain.lagAtEnd();
        scoring.eventsApplied = (long) drain.applied();
        scoring.eventsPerS = (double) Math.round(drain.appliedPerSecond());
        scoring.recordsPerS = (double) Math.round(drain.recordsPerSecond());
        if (drain.applyCount() > 0) {
            scoring.batchApplyMeanMs = ProcessProbe.round(drain.applySum() / drain.applyCount() * 1000, 1);
        }
        if (drain.contended()) {
            scoring.note = "no backlog window of 3 s (scoring kept up with the load): measured from the load's start to "
                    + "everything applied, sharing the CPU with ingestion and waiting for records; a lower bound";
            ctx.warn("scoring: no backlog to measure a sustained rate; the figure is a contended lower bound");
        }
        if (drain.seconds() < 5) {
            ctx.warn("scoring: the backlog window was only " + scoring.windowS + " s; use more --batch-events for a steadier figure");
        }
        Log.info("scoring: %,.0f events/s applied (%,.0f records/s with duplicates) over %.1f s, lag %,d -> %,d%s",
                drain.appliedPerSecond(), drain.recordsPerSecond(), drain.seconds(), drain.lagAtStart(), drain.lagAtEnd(),
                drain.contended() ? " (contended)" : "");
        return scoring;
    }
}
