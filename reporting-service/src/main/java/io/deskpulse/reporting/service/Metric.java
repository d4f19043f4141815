package io.deskpulse.reporting.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One reported column and how it is computed from a group's sums (docs/storage.md: sums first,
 * division last). Durations are stored in ms and reported in seconds rounded to the millisecond;
 * ratios are unrounded; an empty group gives null for everything but counts.
 */
public sealed interface Metric {

    String name();

    /** The value for a group: a {@code Long} for counts, a {@code Double} or null otherwise. */
    Object valueOf(GroupTotals totals);

    /** The histogram column this metric reads, if any: only then are histograms merged. */
    default Optional<String> histogramColumn() {
        return Optional.empty();
    }

    /** A summed count column, reported as is. */
    record Count(String name, String column) implements Metric {
        @Override
        public Object valueOf(GroupTotals totals) {
            return totals.sum(column);
        }
    }

    /** {@code sum_ms / count}, in seconds rounded to the millisecond. */
    record AverageSeconds(String name, String sumMsColumn, String countColumn) implements Metric {
        @Override
        public Object valueOf(GroupTotals totals) {
            long count = totals.sum(countColumn);
            if (count == 0) {
                return null;
            }
            // BigDecimal: a sum of many long durations does not fit a double exactly.
            return BigDecimal.valueOf(totals.sum(sumMsColumn))
                    .divide(BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(1000)), 3, RoundingMode.HALF_UP)
                    .doubleValue();
        }
    }

    /** {@code numerator / denominator}, unrounded. */
    record Ratio(String name, String numerator, String denominator) implements Metric {
        @Override
        public Object valueOf(GroupTotals totals) {
            long den = totals.sum(denominator);
            return den == 0 ? null : (double) totals.sum(numerator) / den;
        }
    }

    /** A nearest-rank percentile of the merged histogram, in seconds rounded to the millisecond. */
    record PercentileSeconds(String name, String column, int percent) implements Metric {
        @Override
        public Object valueOf(GroupTotals totals) {
            Double millis = totals.histogram(column).percentileMillis(percent);
            return millis == null ? null : Math.round(millis) / 1000.0;
        }

        @Override
        public Optional<String> histogramColumn() {
            return Optional.of(column);
        }
    }
}
