package io.deskpulse.reporting.domain.kpi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Adds histograms into one. A day of a team is one stored row, so the common case is a single histogram, given
 * back as it is (with any percentile it already computed). A few (an agent's day: one row per channel and queue,
 * about five) are merged bin by bin along their sorted bins; many (a month of days) are added in an array indexed
 * by bin, sized to the largest bin (bins are small non-negative integers: about 1,150 cover a millisecond to a
 * century at 1 %). Both give the same bins and counts.
 */
public final class HistogramSum {

    /**
     * Up to this many parts, the sorted merge: a part has some tens of bins, and the array of the other way
     * (up to ~1,150 longs, zeroed, then scanned twice) cost more than the histograms themselves. An agent-day
     * report merged eight such arrays per agent and day: query (b) allocated about 30 MB per request
     * (docs/performance-changelog.md, Reporting).
     */
    static final int SORTED_MERGE_MAX_PARTS = 12;

    private final List<Histogram> parts = new ArrayList<>(1);

    public void add(Histogram histogram) {
        if (!histogram.isEmpty()) {
            parts.add(histogram);
        }
    }

    /** The sum as ascending bins and their counts, or empty when every count added up to zero. */
    public Optional<Histogram> histogram() {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (parts.size() == 1) {
            return Optional.of(parts.get(0));
        }
        Histogram sum = parts.size() <= SORTED_MERGE_MAX_PARTS ? sortedMerge() : denseSum();
        return sum == null ? Optional.empty() : Optional.of(sum);
    }

    /** A k-way merge of the parts' ascending bins; bins whose counts add up to zero are left out. */
    private Histogram sortedMerge() {
        int k = parts.size();
        int[][] bins = new int[k][];
        long[][] counts = new long[k][];
        int[] at = new int[k];
        int total = 0;
        for (int p = 0; p < k; p++) {
            bins[p] = parts.get(p).bins();
            counts[p] = parts.get(p).counts();
            total += bins[p].length;
        }
        int[] outBins = new int[total];
        long[] outCounts = new long[total];
        int n = 0;
        while (true) {
            int bin = Integer.MAX_VALUE;
            for (int p = 0; p < k; p++) {
                if (at[p] < bins[p].length && bins[p][at[p]] < bin) {
                    bin = bins[p][at[p]];
                }
            }
            if (bin == Integer.MAX_VALUE) {
                break;
            }
            long count = 0;
            for (int p = 0; p < k; p++) {
                if (at[p] < bins[p].length && bins[p][at[p]] == bin) {
                    count += counts[p][at[p]++];
                }
            }
            if (count != 0) {
                outBins[n] = bin;
                outCounts[n++] = count;
            }
        }
        if (n == 0) {
            return null;
        }
        if (n < total) {
            outBins = Arrays.copyOf(outBins, n);
            outCounts = Arrays.copyOf(outCounts, n);
        }
        return new Histogram(outBins, outCounts);
    }

    private Histogram denseSum() {
        int maxBin = 0;
        for (Histogram part : parts) {
            maxBin = Math.max(maxBin, part.bins()[part.bins().length - 1]);
        }
        long[] counts = new long[maxBin + 1];
        for (Histogram part : parts) {
            int[] bins = part.bins();
            long[] partCounts = part.counts();
            for (int i = 0; i < bins.length; i++) {
                counts[bins[i]] += partCounts[i];
            }
        }
        int n = 0;
        for (long count : counts) {
            if (count != 0) {
                n++;
            }
        }
        if (n == 0) {
            return null;
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
        return new Histogram(bins, sums);
    }
}
