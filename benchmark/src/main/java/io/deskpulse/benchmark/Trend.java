package io.deskpulse.benchmark;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whether a sampled series grows without bound. A level that rises and then holds (a cache filling, the JIT, a pool
 * reaching its size) is bounded; a level still rising at the end of the run is not. After a warm-up (the first fifth
 * of the samples), the rest is cut in thirds: a series grows when the thirds' means rise one after the other, the
 * last third's mean is more than 5 % (and more than 1 unit) above the first third's, and the last third holds the
 * run's maximum, and it still rises within the last third (its second half above its first by more than an eighth
 * of that rise). Noise around a level fails the first condition, a step that then holds the last. A step late in the
 * run cannot be told from growth: a longer run decides.
 */
final class Trend {

    record Verdict(boolean growing, double min, double max, double firstThird, double lastThird, String summary) {
    }

    private Trend() {
    }

    static Verdict of(double[] raw) {
        double[] series = Arrays.stream(raw).filter(v -> !Double.isNaN(v)).toArray();
        if (series.length < 6) {
            return new Verdict(false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "too few samples");
        }
        double min = Arrays.stream(series).min().orElseThrow();
        double max = Arrays.stream(series).max().orElseThrow();
        double[] steady = Arrays.copyOfRange(series, series.length / 5, series.length);
        int third = steady.length / 3;
        double m1 = mean(steady, 0, third);
        double m2 = mean(steady, third, steady.length - third);
        double m3 = mean(steady, steady.length - third, steady.length);
        double lastMax = Arrays.stream(steady, steady.length - third, steady.length).max().orElseThrow();
        double rise = m3 - m1;
        // Within the last third, its second half above its first: still rising at the end. A straight line gives a
        // quarter of the rise here; a step that then holds, nothing.
        int half = steady.length - third / 2;
        double endRise = mean(steady, half, steady.length) - mean(steady, steady.length - third, half);
        boolean growing = m1 < m2 && m2 < m3 && rise > 1.0 && rise > 0.05 * Math.abs(m1) && lastMax >= max
                && endRise > rise / 8;
        String summary = growing
                ? String.format(Locale.ROOT, "GROWING: %.1f -> %.1f -> %.1f (thirds after warm-up)", m1, m2, m3)
                : String.format(Locale.ROOT, "bounded (thirds after warm-up %.1f, %.1f, %.1f)", m1, m2, m3);
        return new Verdict(growing, min, max, m1, m3, summary);
    }

    /**
     * A size that must grow with the data stored (the database): what it grows by per event, in the first and the
     * last third after warm-up. It grows without bound when the last third costs more than twice as much per event
     * as the first (bloat: dead rows, an index nobody prunes), not because events keep coming.
     */
    static Verdict perEvent(double[] size, double[] events) {
        int n = size.length;
        if (n < 6) {
            return new Verdict(false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "too few samples");
        }
        int from = n / 5;
        int third = (n - from) / 3;
        double first = perThousand(size, events, from, from + third);
        double last = perThousand(size, events, n - 1 - third, n - 1);
        double min = Arrays.stream(size).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
        double max = Arrays.stream(size).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        boolean growing = first > 0 && last > 2 * first;
        String summary = String.format(Locale.ROOT, "%s: %.3f MB per 1000 events in the first third, %.3f in the last",
                growing ? "GROWING faster than the data" : "grows with the data", first, last);
        return new Verdict(growing, min, max, first, last, summary);
    }

    private static double perThousand(double[] size, double[] events, int a, int b) {
        double stored = events[b] - events[a];
        return stored <= 0 ? 0 : (size[b] - size[a]) / stored * 1000;
    }

    private static double mean(double[] values, int from, int to) {
        return Arrays.stream(values, from, to).average().orElse(Double.NaN);
    }
}
