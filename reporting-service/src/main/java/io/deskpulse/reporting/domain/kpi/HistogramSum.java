package io.deskpulse.reporting.domain.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds histograms into one. A day of a team is one stored row, so the common case is a single histogram, given
 * back as it is (with any percentile it already computed); several are added in an array indexed by bin, sized to
 * the largest bin (bins are small non-negative integers: about 1,150 cover a millisecond to a century at 1 %).
 */
public final class HistogramSum {

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
