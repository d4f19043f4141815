package io.deskpulse.faults;

import java.util.List;

/**
 * Time to recover, from what the client saw and what the reports showed: from the injection until the reports again
 * held every event accepted more than {@code boundSeconds} earlier (the freshness measured in the quiet control phase),
 * ingestion had stopped refusing, and the client had caught up with its stream (no batch accepted more than
 * {@code boundSeconds} after it was due: a request that hangs until Kafka is back refuses nothing, yet the stream
 * stands still). 0 when nothing ever fell behind; null when the phase ended first.
 */
record Recovery(Double recoverSeconds, double maxStalenessSeconds, Double refusedFromSeconds, Double refusedUntilSeconds,
                int unavailableSamples) {

    static Recovery of(long injectedNanos, List<FreshnessMonitor.Sample> samples, List<Ledger.Refusal> refusals,
            List<Ledger.Acceptance> acceptances, double boundSeconds) {
        long lastBad = Long.MIN_VALUE;
        double maxStaleness = 0;
        int unavailable = 0;
        boolean anyBad = false;
        for (FreshnessMonitor.Sample sample : samples) {
            if (sample.nanos() < injectedNanos) {
                continue;
            }
            if (sample.unavailable()) {
                unavailable++;
            } else {
                maxStaleness = Math.max(maxStaleness, sample.stalenessSeconds());
            }
            if (sample.unavailable() || sample.stalenessSeconds() > boundSeconds) {
                lastBad = Math.max(lastBad, sample.nanos());
                anyBad = true;
            }
        }
        Double refusedFrom = null;
        Double refusedUntil = null;
        for (Ledger.Refusal refusal : refusals) {
            if (refusal.nanos() < injectedNanos) {
                continue;
            }
            double at = seconds(refusal.nanos() - injectedNanos);
            refusedFrom = refusedFrom == null ? at : Math.min(refusedFrom, at);
            refusedUntil = refusedUntil == null ? at : Math.max(refusedUntil, at);
            lastBad = Math.max(lastBad, refusal.nanos());
            anyBad = true;
        }
        for (Ledger.Acceptance acceptance : acceptances) {
            if (acceptance.nanos() >= injectedNanos && acceptance.lateNanos() > boundSeconds * 1e9) {
                lastBad = Math.max(lastBad, acceptance.nanos());
                anyBad = true;
            }
        }
        Double recover = anyBad ? null : 0.0;
        if (anyBad) {
            for (FreshnessMonitor.Sample sample : samples) {
                if (sample.nanos() > lastBad && !sample.unavailable() && sample.stalenessSeconds() <= boundSeconds) {
                    recover = seconds(sample.nanos() - injectedNanos);
                    break;
                }
            }
        }
        return new Recovery(recover, maxStaleness, refusedFrom, refusedUntil, unavailable);
    }

    /** The quiet phase's worst staleness, at least {@code floorSeconds}: what "as fresh as usual" means for the run. */
    static double bound(List<FreshnessMonitor.Sample> quiet, double floorSeconds) {
        double worst = 0;
        for (FreshnessMonitor.Sample sample : quiet) {
            if (!sample.unavailable()) {
                worst = Math.max(worst, sample.stalenessSeconds());
            }
        }
        return Math.max(floorSeconds, Math.ceil(worst * 10) / 10);
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }
}
