package io.deskpulse.reporting.domain.kpi;

import io.deskpulse.storage.DurationHistogram;
import java.util.Arrays;

/**
 * A merged duration histogram: ascending bins and their counts (see {@link DurationHistogram}). Immutable; the
 * percentiles reports ask for (p50, p90) are remembered once computed, because a cached row's histogram serves
 * many reports (repository.AggregateRowCache).
 */
public final class Histogram {

    public static final Histogram EMPTY = new Histogram(new int[0], new long[0]);

    private static final Double NOT_YET = Double.NaN;

    private final int[] bins;
    private final long[] counts;
    // Racy but idempotent: two threads may compute the same value.
    private volatile Double p50 = NOT_YET;
    private volatile Double p90 = NOT_YET;

    public Histogram(int[] bins, long[] counts) {
        if (bins.length != counts.length) {
            throw new IllegalArgumentException(bins.length + " bins but " + counts.length + " counts");
        }
        this.bins = bins;
        this.counts = counts;
    }

    /** From the stored encoding, (bin, count) pairs in ascending bin order. */
    public static Histogram ofPairs(int[] pairs) {
        int n = pairs.length / 2;
        int[] bins = new int[n];
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            if (pairs[2 * i] < 0) {
                throw new IllegalStateException("a stored histogram has a negative bin: " + pairs[2 * i]);
            }
            bins[i] = pairs[2 * i];
            counts[i] = pairs[2 * i + 1];
        }
        return new Histogram(bins, counts);
    }

    public int[] bins() {
        return bins;
    }

    public long[] counts() {
        return counts;
    }

    public boolean isEmpty() {
        return bins.length == 0;
    }

    /** The nearest-rank percentile in ms, or null when the histogram holds no value. */
    public Double percentileMillis(int percent) {
        if (percent == 50) {
            Double value = p50;
            if (value != null && value.isNaN()) {
                p50 = value = DurationHistogram.percentileMillis(bins, counts, 50);
            }
            return value;
        }
        if (percent == 90) {
            Double value = p90;
            if (value != null && value.isNaN()) {
                p90 = value = DurationHistogram.percentileMillis(bins, counts, 90);
            }
            return value;
        }
        return DurationHistogram.percentileMillis(bins, counts, percent);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Arrays.equals(bins, h.bins) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bins) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram" + Arrays.toString(bins) + Arrays.toString(counts);
    }
}
