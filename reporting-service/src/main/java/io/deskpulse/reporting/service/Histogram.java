package io.deskpulse.reporting.service;

/** A merged duration histogram: ascending bins and their counts (see {@link DurationHistogram}). */
public record Histogram(int[] bins, long[] counts) {

    public static final Histogram EMPTY = new Histogram(new int[0], new long[0]);

    /** The nearest-rank percentile in ms, or null when the histogram holds no value. */
    public Double percentileMillis(int percent) {
        return DurationHistogram.percentileMillis(bins, counts, percent);
    }
}
