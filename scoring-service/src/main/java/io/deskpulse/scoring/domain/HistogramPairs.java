package io.deskpulse.scoring.domain;

/**
 * The stored encoding of a histogram, {@code int[]} of (bin, count) pairs in ascending bin order (docs/storage.md),
 * and its merge. Scoring merges in Java what it has read under a row lock: the SQL {@code hist_merge()} costs
 * about 50 µs a call, which made it most of a batch's time (docs/performance.md).
 */
public final class HistogramPairs {

    private HistogramPairs() {
    }

    /**
     * {@code a + b}, bin by bin; bins whose counts add up to zero disappear. Both inputs must be sorted by bin, as
     * stored and as {@link KpiDelta#histogramPairs} gives them.
     */
    public static int[] merge(int[] a, int[] b) {
        if (b.length == 0) {
            return a;
        }
        if (a.length == 0) {
            return b;
        }
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            int bin;
            long count;
            if (j >= b.length || (i < a.length && a[i] < b[j])) {
                bin = a[i];
                count = a[i + 1];
                i += 2;
            } else if (i >= a.length || b[j] < a[i]) {
                bin = b[j];
                count = b[j + 1];
                j += 2;
            } else {
                bin = a[i];
                count = (long) a[i + 1] + b[j + 1];
                i += 2;
                j += 2;
            }
            if (count != 0) {
                out[n++] = bin;
                out[n++] = Math.toIntExact(count);
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
