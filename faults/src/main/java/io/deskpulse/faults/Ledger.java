package io.deskpulse.faults;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the client of one phase saw: which events were accepted (a 202 for a request holding them) and when, in the
 * order of their first acceptance, and every refused attempt with its reason. All times are {@link System#nanoTime}.
 */
final class Ledger {

    /** An attempt that did not get a 202: its end and why ("503", "connection refused", ...). */
    record Refusal(long nanos, String reason) {
    }

    /** How far acceptance had got when a report was asked for: events accepted, and their additive weight. */
    record Mark(int accepted, long weight) {
    }

    /** A 202: when it came, and how long after the batch was due (its place in the steady stream). */
    record Acceptance(long nanos, long lateNanos) {
    }

    private final Traffic traffic;
    private final boolean[] accepted;
    private long[] acceptedAt = new long[1024];
    private long[] cumulativeWeight = new long[1024];
    private int acceptedCount;
    private long weight;
    private final List<Refusal> refusals = new ArrayList<>();
    private final List<Acceptance> acceptances = new ArrayList<>();
    private long requests;
    private long okRequests;

    Ledger(Traffic traffic) {
        this.traffic = traffic;
        this.accepted = new boolean[traffic.events.size()];
    }

    synchronized void accepted(Traffic.Batch batch, long dueNanos) {
        long now = System.nanoTime();
        requests++;
        okRequests++;
        acceptances.add(new Acceptance(now, now - dueNanos));
        for (int index : batch.events()) {
            if (!accepted[index]) {
                accepted[index] = true;
                if (acceptedCount == acceptedAt.length) {
                    acceptedAt = Arrays.copyOf(acceptedAt, acceptedCount * 2);
                    cumulativeWeight = Arrays.copyOf(cumulativeWeight, acceptedCount * 2);
                }
                weight += traffic.events.get(index).additiveWeight();
                acceptedAt[acceptedCount] = now;
                cumulativeWeight[acceptedCount] = weight;
                acceptedCount++;
            }
        }
    }

    synchronized void refused(String reason) {
        requests++;
        refusals.add(new Refusal(System.nanoTime(), reason));
    }

    synchronized Mark mark() {
        return new Mark(acceptedCount, weight);
    }

    /**
     * How old, at {@code nanos}, the oldest accepted event not yet in the reports was, given that the reports showed
     * {@code visible} (the sum of {@link Traffic#ADDITIVE_METRICS}) for what had been accepted up to {@code mark}.
     * Events are taken as applied in acceptance order, which is close enough to time a delay; exactness is the
     * oracles' job. 0 when everything was visible.
     */
    synchronized double stalenessSeconds(long nanos, Mark mark, long visible) {
        if (visible >= mark.weight()) {
            return 0;
        }
        // the first accepted event whose weight the reports do not show yet
        int low = 0;
        int high = mark.accepted() - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulativeWeight[middle] > visible) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return Math.max(0, (nanos - acceptedAt[low]) / 1e9);
    }

    synchronized List<Traffic.Event> acceptedEvents() {
        List<Traffic.Event> events = new ArrayList<>(acceptedCount);
        for (int i = 0; i < accepted.length; i++) {
            if (accepted[i]) {
                events.add(traffic.events.get(i));
            }
        }
        return events;
    }

    synchronized int acceptedCount() {
        return acceptedCount;
    }

    synchronized List<Acceptance> acceptances() {
        return List.copyOf(acceptances);
    }

    synchronized List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    synchronized Map<String, Long> refusalsByReason() {
        Map<String, Long> counts = new TreeMap<>();
        refusals.forEach(r -> counts.merge(r.reason(), 1L, Long::sum));
        return counts;
    }

    synchronized long requests() {
        return requests;
    }

    synchronized long okRequests() {
        return okRequests;
    }
}
