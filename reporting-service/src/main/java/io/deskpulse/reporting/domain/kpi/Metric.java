package io.deskpulse.reporting.domain.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One reported column and how it is computed from a group's sums (docs/storage.md: sums first,
 * division last). Durations are stored in ms and reported in seconds rounded to the millisecond;
 * ratios, averages of scores and NPS are unrounded; an empty group gives 0 for counts and totals,
 * null for averages, percentiles and rates.
 */
public sealed interface Metric {

    String name();

    /** The value for a group: a {@code Long} for counts, a {@code Double} or null otherwise. */
    Object valueOf(GroupTotals totals);

    /** How the value is computed, in words and column names, for the API documentation. */
    String formula();

    /** The histogram column this metric reads, if any: only then are histograms merged. */
    default Optional<String> histogramColumn() {
        return Optional.empty();
    }

    /**
     * The stored columns whose items make up this metric ({@code kpi_contributions.parts}): an item is part of a
     * cell of this metric when it adds to any of them. A new kind of metric declares them, and its {@link #share}.
     */
    List<String> contributionColumns();

    /**
     * What one item adds to this metric, from its parts (stored column → amount; absent = 0), such that the cell is
     * computed from the shares of its items as from its sums (docs/reporting-api.md, "contributions"): counts and
     * totals add up their {@code value}s; averages and rates divide Σ value by Σ denominator; a net score is that
     * times 100; a percentile is the nearest-rank value among the {@code value}s.
     */
    Share share(Map<String, Long> parts);

    /** One item's share: {@code value} in the metric's unit (seconds, score, count, amount); denominator or null. */
    record Share(BigDecimal value, Long denominator) {
    }

    private static long part(Map<String, Long> parts, String column) {
        return parts.getOrDefault(column, 0L);
    }

    /** True for counts (JSON integers); false for decimals. */
    default boolean integer() {
        return false;
    }

    /** True when an empty group gives null (averages, percentiles, rates); counts and totals give 0. */
    default boolean nullWhenEmpty() {
        return true;
    }

    /** A summed count column, reported as is. */
    record Count(String name, String column) implements Metric {
        @Override
        public List<String> contributionColumns() {
            return List.of(column);
        }

        @Override
        public Share share(Map<String, Long> parts) {
            return new Share(BigDecimal.valueOf(part(parts, column)), null);
        }

        @Override
        public Object valueOf(GroupTotals totals) {
            return totals.sum(column);
        }

        @Override
        public String formula() {
            return "Σ " + column;
        }

        @Override
        public boolean integer() {
            return true;
        }

        @Override
        public boolean nullWhenEmpty() {
            return false;
        }
    }

    /**
     * A summed column kept in thousandths (ms, or milli-units of an amount), reported divided by 1000:
     * exact to the thousandth. A total, so 0 (not null) when there is nothing.
     */
    record Thousandths(String name, String column) implements Metric {
        @Override
        public List<String> contributionColumns() {
            return List.of(column);
        }

        @Override
        public Share share(Map<String, Long> parts) {
            return new Share(BigDecimal.valueOf(part(parts, column), 3), null);
        }

        @Override
        public Object valueOf(GroupTotals totals) {
            return thousandths(totals.sum(column));
        }

        @Override
        public String formula() {
            return "Σ " + column + " / 1000 (a total: 0 when there is none)";
        }

        @Override
        public boolean nullWhenEmpty() {
            return false;
        }
    }

    /** {@code sum_ms / count}, in seconds rounded to the millisecond. */
    record AverageSeconds(String name, String sumMsColumn, String countColumn) implements Metric {
        @Override
        public List<String> contributionColumns() {
            return List.of(sumMsColumn, countColumn);
        }

        @Override
        public Share share(Map<String, Long> parts) {
            return new Share(BigDecimal.valueOf(part(parts, sumMsColumn), 3), part(parts, countColumn));
        }

        @Override
        public Object valueOf(GroupTotals totals) {
            long count = totals.sum(countColumn);
            if (count == 0) {
                return null;
            }
            return roundedSeconds(totals.sum(sumMsColumn), count);
        }

        @Override
        public String formula() {
            return "Σ " + sumMsColumn + " / Σ " + countColumn + " / 1000, seconds rounded to the millisecond";
        }
    }

    /** {@code numerator / denominator}, unrounded. */
    record Ratio(String name, String numerator, String denominator) implements Metric {
        @Override
        public List<String> contributionColumns() {
            return List.of(numerator, denominator);
        }

        @Override
        public Share share(Map<String, Long> parts) {
            return new Share(BigDecimal.valueOf(part(parts, numerator)), part(parts, denominator));
        }

        @Override
        public Object valueOf(GroupTotals totals) {
            long den = totals.sum(denominator);
            return den == 0 ? null : (double) totals.sum(numerator) / den;
        }

        @Override
        public String formula() {
            return "Σ " + numerator + " / Σ " + denominator;
        }
    }

    /**
     * {@code numerator / (Σ added − Σ excluded)}, unrounded: a rate over a base of several columns (the queue rates,
     * docs/kpis.md, whose base leaves the short abandons out). Null when the base is not positive.
     */
    record Rate(String name, String numerator, List<String> added, List<String> excluded) implements Metric {
        public Rate {
            added = List.copyOf(added);
            excluded = List.copyOf(excluded);
        }

        @Override
        public List<String> contributionColumns() {
            List<String> columns = new java.util.ArrayList<>();
            columns.add(numerator);
            columns.addAll(added);
            columns.addAll(excluded);
            return List.copyOf(new java.util.LinkedHashSet<>(columns));
        }

        /** An item's denominator is what it adds to the base: its added parts less its excluded ones. */
        @Override
        public Share share(Map<String, Long> parts) {
            long base = 0;
            for (String column : added) {
                base += part(parts, column);
            }
            for (String column : excluded) {
                base -= part(parts, column);
            }
            return new Share(BigDecimal.valueOf(part(parts, numerator)), base);
        }

        /** The base the rate divides by. */
        public long base(GroupTotals totals) {
            long base = 0;
            for (String column : added) {
                base += totals.sum(column);
            }
            for (String column : excluded) {
                base -= totals.sum(column);
            }
            return base;
        }

        @Override
        public Object valueOf(GroupTotals totals) {
            long base = base(totals);
            return base <= 0 ? null : (double) totals.sum(numerator) / base;
        }

        @Override
        public String formula() {
            StringBuilder base = new StringBuilder(added.stream().map(c -> "Σ " + c).collect(Collectors.joining(" + ")));
            excluded.forEach(c -> base.append(" − Σ ").append(c));
            return "Σ " + numerator + " / (" + base + ")";
        }
    }

    /**
     * {@code sum_milli / 1000 / count}: the mean of scores kept in thousandths, unrounded. One division
     * (by {@code count * 1000}, exact) so that the double is the nearest to the true mean.
     */
    record AverageOfThousandths(String name, String sumMilliColumn, String countColumn) implements Metric {
        @Override
        public List<String> contributionColumns() {
            return List.of(sumMilliColumn, countColumn);
        }

        @Override
        public Share share(Map<String, Long> parts) {
            return new Share(BigDecimal.valueOf(part(parts, sumMilliColumn), 3), part(parts, countColumn));
        }

        @Override
        public Object valueOf(GroupTotals totals) {
            long count = totals.sum(countColumn);
            return count == 0 ? null : totals.sum(sumMilliColumn) / (count * 1000.0);
        }

        @Override
        public String formula() {
            return "Σ " + sumMilliColumn + " / 1000 / Σ " + countColumn;
        }
    }

    /**
     * {@code cost_milli / 1000 / count}: a cost per contact or per solve (docs/kpis.md), unrounded. Null when there
     * is no count, and also when no cost was recorded at all (Σ cost 0: a tenant or member without cost rates), so
     * that a scorecard leaves it out instead of scoring a cost of 0 as perfect.
     */
    record CostPer(String name, String costMilliColumn, String countColumn) implements Metric {
        /** The same contributions and shares as a mean of thousandths; only an empty cost differs. */
        private AverageOfThousandths mean() {
            return new AverageOfThousandths(name, costMilliColumn, countColumn);
        }

        @Override
        public List<String> contributionColumns() {
            return mean().contributionColumns();
        }

        @Override
        public Share share(Map<String, Long> parts) {
            return mean().share(parts);
        }

        @Override
        public Object valueOf(GroupTotals totals) {
            return totals.sum(costMilliColumn) == 0 ? null : mean().valueOf(totals);
        }

        @Override
        public String formula() {
            return mean().formula() + " (null when either is 0)";
        }
    }

    /** A net score: {@code (positive - negative) / count * 100}, from -100 to 100, unrounded. */
    record NetScore(String name, String positive, String negative, String countColumn) implements Metric {
        @Override
        public List<String> contributionColumns() {
            return List.of(positive, negative, countColumn);
        }

        @Override
        public Share share(Map<String, Long> parts) {
            return new Share(BigDecimal.valueOf(part(parts, positive) - part(parts, negative)), part(parts, countColumn));
        }

        @Override
        public Object valueOf(GroupTotals totals) {
            long count = totals.sum(countColumn);
            if (count == 0) {
                return null;
            }
            // The difference times 100 is an exact integer: one division, correctly rounded.
            return (double) ((totals.sum(positive) - totals.sum(negative)) * 100) / count;
        }

        @Override
        public String formula() {
            return "(Σ " + positive + " − Σ " + negative + ") / Σ " + countColumn + " × 100";
        }
    }

    /** A nearest-rank percentile of the merged histogram, in seconds rounded to the millisecond. */
    record PercentileSeconds(String name, String column, int percent) implements Metric {
        @Override
        public List<String> contributionColumns() {
            return List.of(column);
        }

        @Override
        public Share share(Map<String, Long> parts) {
            return new Share(BigDecimal.valueOf(part(parts, column), 3), null);
        }

        @Override
        public Object valueOf(GroupTotals totals) {
            Double millis = totals.histogram(column).percentileMillis(percent);
            return millis == null ? null : Math.round(millis) / 1000.0;
        }

        @Override
        public Optional<String> histogramColumn() {
            return Optional.of(column);
        }

        @Override
        public String formula() {
            return "nearest-rank p" + percent + " of the merged " + column
                    + " / 1000, seconds rounded to the millisecond (within 1 %)";
        }
    }

    /** {@code value / 1000} as the double nearest to it (what BigDecimal.valueOf(value, 3).doubleValue() gives). */
    static double thousandths(long value) {
        // Below 2^53 the long is exact as a double and one division is correctly rounded: the same double,
        // without a BigDecimal for every number of every report row.
        return Math.abs(value) < (1L << 53) ? value / 1000.0 : BigDecimal.valueOf(value, 3).doubleValue();
    }

    /**
     * {@code sumMs / count / 1000} in seconds rounded half up (away from zero) to the millisecond, as the double
     * nearest to that: exactly BigDecimal's {@code sumMs / (count * 1000)} at scale 3, HALF_UP, in long arithmetic.
     */
    static double roundedSeconds(long sumMs, long count) {
        if (count <= 0 || count > (1L << 61)) {
            return BigDecimal.valueOf(sumMs)
                    .divide(BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(1000)), 3, RoundingMode.HALF_UP)
                    .doubleValue();
        }
        long millis = sumMs / count;
        long remainder = Math.abs(sumMs % count);
        if (2 * remainder >= count) {
            millis += sumMs < 0 ? -1 : 1;
        }
        return thousandths(millis);
    }
}
