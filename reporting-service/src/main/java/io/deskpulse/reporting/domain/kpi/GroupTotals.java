package io.deskpulse.reporting.domain.kpi;

import java.util.Map;

/**
 * The summed kpi_hourly columns of one report row (period and member), plus the merged histograms
 * that its percentile metrics need. Ratios are computed from these sums only when read.
 *
 * <p>{@code histogramsMerged} tells a group that already holds every histogram it has (an empty map then means
 * "no values", not "not read yet"), so that nobody reads its histograms a second time.
 */
public record GroupTotals(PageKey key, Map<String, Long> sums, Map<String, Histogram> histograms,
                          boolean histogramsMerged) {

    /** Sums only: the histograms, if any are needed, are still to be read. */
    public GroupTotals(PageKey key, Map<String, Long> sums, Map<String, Histogram> histograms) {
        this(key, sums, histograms, false);
    }

    public long sum(String column) {
        if (sums instanceof ColumnSums columns) {
            return columns.value(column);
        }
        Long value = sums.get(column);
        if (value == null) {
            throw new IllegalArgumentException("column " + column + " was not summed");
        }
        return value;
    }

    public Histogram histogram(String column) {
        return histograms.getOrDefault(column, Histogram.EMPTY);
    }

    public GroupTotals withHistograms(Map<String, Histogram> merged) {
        return new GroupTotals(key, sums, Map.copyOf(merged), true);
    }
}
