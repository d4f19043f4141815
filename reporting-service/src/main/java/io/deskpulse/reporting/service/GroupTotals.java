package io.deskpulse.reporting.service;

import java.util.Map;

/**
 * The summed kpi_hourly columns of one report row (period and member), plus the merged histograms
 * that its percentile metrics need. Ratios are computed from these sums only when read.
 */
public record GroupTotals(PageKey key, Map<String, Long> sums, Map<String, Histogram> histograms) {

    public long sum(String column) {
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
        return new GroupTotals(key, sums, Map.copyOf(merged));
    }
}
