package io.deskpulse.reporting.service;

import java.util.Arrays;
import java.util.Optional;

/**
 * Adds stored histograms ({@code int[]} of (bin, count) pairs, docs/storage.md) into one, in a dense array indexed
 * by bin: bins are small non-negative integers (about 1,150 cover a millisecond to a century at 1 % accuracy).
 */
public final class HistogramSum {

    private long[] counts = new long[256];

    public void add(int[] pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            int bin = pairs[i];
            if (bin < 0) {
                throw new IllegalStateException("a stored histogram has a negative bin: " + bin);
            }
            if (bin >= counts.length) {
                counts = Arrays.copyOf(counts, Math.max(bin + 1, counts.length * 2));
            }
            counts[bin] += pairs[i + 1];
        }
    }

    /** The sum as ascending bins and their counts, or empty when every count added up to zero. */
    public Optional<Histogram> histogram() {
        int n = 0;
        for (long count : counts) {
            if (count != 0) {
                n++;
            }
        }
        if (n == 0) {
            return Optional.empty();
        }
        int[] bins = new int[n];
        long[] sums = new long[n];
        int j = 0;
        for (int bin = 0; bin < counts.length; bin++) {
            if (counts[bin] != 0) {
                bins[j] = bin;
                sums[j++] = counts[bin];
            }
        }
        return Optional.of(new Histogram(bins, sums));
    }
}
