package io.deskpulse.faults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Time to recover, from what the client saw and what the reports showed.
 *
 * <p>The stream is behind while the reports lack an event accepted more than {@code boundSeconds} earlier (the
 * quiet control phase's worst delay), while a batch due more than {@code boundSeconds} ago has not been accepted yet
 * (a request that hangs until Kafka is back refuses nothing, yet the stream stands still), and whenever an attempt is
 * refused or the reports do not answer. The fault's disruption is the run of such periods that begins within
 * {@link #GAP_SECONDS} of the injection, each following one beginning within {@link #GAP_SECONDS} of the previous
 * one's end: a hiccup of a busy machine long after is not the fault's. Time to recover is from the injection to the
 * end of that run, provided the reports were fresh again after it; 0 when nothing fell behind; null when the phase
 * ended first.
 */
record Recovery(Double recoverSeconds, double maxStalenessSeconds, Double refusedFromSeconds, Double refusedUntilSeconds,
                int unavailableSamples) {

    static final double GAP_SECONDS = 3.0;

    private record Period(long from, long to) {
    }

    static Recovery of(long injectedNanos, List<FreshnessMonitor.Sample> samples, List<Ledger.Refusal> refusals,
            List<Ledger.Acceptance> acceptances, double boundSeconds) {
        long bound = (long) (boundSeconds * 1e9);
        List<Period> behind = new ArrayList<>();
        double maxStaleness = 0;
        int unavailable = 0;
        for (FreshnessMonitor.Sample sample : samples) {
            if (sample.nanos() < injectedNanos) {
                continue;
            }
            if (sample.unavailable()) {
                unavailable++;
                behind.add(new Period(sample.nanos(), sample.nanos()));
            } else {
                maxStaleness = Math.max(maxStaleness, sample.stalenessSeconds());
                long staleness = (long) (sample.stalenessSeconds() * 1e9);
                if (staleness > bound) {
                    behind.add(new Period(sample.nanos() - staleness + bound, sample.nanos()));
                }
            }
        }
        Double refusedFrom = null;
        Double refusedUntil = null;
        for (Ledger.Refusal refusal : refusals) {
            if (refusal.nanos() >= injectedNanos) {
                double at = seconds(refusal.nanos() - injectedNanos);
                refusedFrom = refusedFrom == null ? at : Math.min(refusedFrom, at);
                refusedUntil = refusedUntil == null ? at : Math.max(refusedUntil, at);
                behind.add(new Period(refusal.nanos(), refusal.nanos()));
            }
        }
        for (Ledger.Acceptance acceptance : acceptances) {
            if (acceptance.nanos() >= injectedNanos && acceptance.lateNanos() > bound) {
                behind.add(new Period(acceptance.nanos() - acceptance.lateNanos() + bound, acceptance.nanos()));
            }
        }
        return new Recovery(recover(injectedNanos, behind, samples, bound), maxStaleness, refusedFrom, refusedUntil,
                unavailable);
    }

    private static Double recover(long injectedNanos, List<Period> behind, List<FreshnessMonitor.Sample> samples,
            long bound) {
        behind.sort(Comparator.comparingLong(Period::from));
        long gap = (long) (GAP_SECONDS * 1e9);
        long end = Long.MIN_VALUE;
        for (Period period : behind) {
            long reach = end == Long.MIN_VALUE ? injectedNanos : end;
            if (period.to() < injectedNanos) {
                continue;
            }
            if (period.from() > reach + gap) {
                break;
            }
            end = Math.max(end, period.to());
        }
        if (end == Long.MIN_VALUE) {
            return 0.0;
        }
        for (FreshnessMonitor.Sample sample : samples) {
            if (sample.nanos() > end && !sample.unavailable() && sample.stalenessSeconds() * 1e9 <= bound) {
                return seconds(Math.max(end, injectedNanos) - injectedNanos);
            }
        }
        return null;
    }

    /**
     * The quiet phase's worst delay — the reports behind, or a batch answered after it was due — at least
     * {@code floorSeconds}: what "as fresh as usual" means for the run.
     */
    static double bound(List<FreshnessMonitor.Sample> quiet, List<Ledger.Acceptance> acceptances, double floorSeconds) {
        double worst = 0;
        for (FreshnessMonitor.Sample sample : quiet) {
            if (!sample.unavailable()) {
                worst = Math.max(worst, sample.stalenessSeconds());
            }
        }
        for (Ledger.Acceptance acceptance : acceptances) {
            worst = Math.max(worst, acceptance.lateNanos() / 1e9);
        }
        return Math.max(floorSeconds, Math.ceil(worst * 10) / 10);
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }
}
