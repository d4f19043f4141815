package io.deskpulse.reporting.domain.kpi;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Additive arithmetic on summed aggregates: every stored measure is a count, a sum or a histogram, so the
 * contributions of some days or teams can be added to, or taken out of, a group's totals exactly.
 */
public final class Totals {

    private static final GroupTotals EMPTY = emptyTotals();

    private Totals() {
    }

    /** No contributions: every sum 0, every histogram empty. */
    public static GroupTotals empty() {
        return EMPTY;
    }

    private static GroupTotals emptyTotals() {
        Map<String, Long> sums = new HashMap<>();
        MetricCatalog.SUMMED_COLUMNS.forEach(c -> sums.put(c, 0L));
        return new GroupTotals(new PageKey(null, ""), Map.copyOf(sums), Map.of());
    }

    public static GroupTotals plus(GroupTotals a, GroupTotals b) {
        return combine(a, b, 1);
    }

    public static GroupTotals minus(GroupTotals a, GroupTotals b) {
        return combine(a, b, -1);
    }

    /** Whether any count or sum is non-zero: the group has data (as /v1/kpis decides it). */
    public static boolean hasData(GroupTotals totals) {
        return totals.sums().values().stream().anyMatch(v -> v != 0);
    }

    /**
     * How many contributions a metric's value rests on: its denominator (first responses, ratings, solves,
     * online milliseconds for occupancy), or the values of its histogram for a percentile. Counts and totals,
     * which are not scorecard metrics, rest on nothing.
     */
    public static long volume(Metric metric, GroupTotals totals) {
        if (metric instanceof Metric.AverageSeconds m) {
            return totals.sum(m.countColumn());
        }
        if (metric instanceof Metric.Ratio m) {
            return totals.sum(m.denominator());
        }
        if (metric instanceof Metric.Rate m) {
            return Math.max(0, m.base(totals));
        }
        if (metric instanceof Metric.AverageOfThousandths m) {
            return totals.sum(m.countColumn());
        }
        if (metric instanceof Metric.CostPer m) {
            // no cost recorded: the value is null, so it rests on nothing
            return totals.sum(m.costMilliColumn()) == 0 ? 0 : totals.sum(m.countColumn());
        }
        if (metric instanceof Metric.NetScore m) {
            return totals.sum(m.countColumn());
        }
        if (metric instanceof Metric.PercentileSeconds m) {
            long n = 0;
            for (long count : totals.histogram(m.column()).counts()) {
                n += Math.max(0, count);
            }
            return n;
        }
        return 0;
    }

    private static GroupTotals combine(GroupTotals a, GroupTotals b, int sign) {
        Map<String, Long> sums = new HashMap<>(a.sums());
        b.sums().forEach((column, value) -> sums.merge(column, sign * value, Long::sum));
        Map<String, Histogram> histograms = new HashMap<>(a.histograms());
        b.histograms().forEach((column, h) -> histograms.put(column, merge(a.histogram(column), h, sign)));
        return new GroupTotals(a.key(), Map.copyOf(sums), Map.copyOf(histograms));
    }

    private static Histogram merge(Histogram a, Histogram b, int sign) {
        TreeMap<Integer, Long> bins = new TreeMap<>();
        for (int i = 0; i < a.bins().length; i++) {
            bins.merge(a.bins()[i], a.counts()[i], Long::sum);
        }
        for (int i = 0; i < b.bins().length; i++) {
            bins.merge(b.bins()[i], sign * b.counts()[i], Long::sum);
        }
        bins.values().removeIf(count -> count == 0);
        int[] binArray = new int[bins.size()];
        long[] counts = new long[bins.size()];
        int i = 0;
        for (Map.Entry<Integer, Long> entry : bins.entrySet()) {
            binArray[i] = entry.getKey();
            counts[i++] = entry.getValue();
        }
        return new Histogram(binArray, counts);
    }
}
