package io.deskpulse.reporting.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds stored histograms ({@code int[]} of (bin, count) pairs in ascending bin order, docs/storage.md) into one.
 * A day of a team is one stored row, so the common case is a single histogram, taken as it is; several are added
 * in an array indexed by bin, sized to the largest bin (bins are small non-negative integers: about 1,150 cover a
 * millisecond to a century at 1 % accuracy).
 */
public final class HistogramSum {

    private final List<int[]> parts = new ArrayList<>(1);

    public void add(int[] pairs) {
        if (pairs.length > 0) {
            parts.add(pairs);
        }
    }

    /** The sum as ascending bins and their counts, or empty when every count added up to zero. */
    public Optional<Histogram> histogram() {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (parts.size() == 1) {
            return single(parts.get(0));
        }
        int maxBin = 0;
        for (int[] pairs : parts) {
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i] < 0) {
                    throw new IllegalStateException("a stored histogram has a negative bin: " + pairs[i]);
                }
            }
            maxBin = Math.max(maxBin, pairs[pairs.length - 2]);
        }
        long[] counts = new long[maxBin + 1];
        for (int[] pairs : parts) {
            for (int i = 0; i + 1 < pairs.length; i += 2) {
                counts[pairs[i]] += pairs[i + 1];
            }
        }
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

    private static Optional<Histogram> single(int[] pairs) {
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
        return Optional.of(new Histogram(bins, counts));
    }
}
