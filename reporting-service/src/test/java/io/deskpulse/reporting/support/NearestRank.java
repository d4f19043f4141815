package io.deskpulse.reporting.support;

import java.util.Arrays;

/** The hand computation of a nearest-rank percentile over raw durations, to compare the histogram's with. */
public final class NearestRank {

    private NearestRank() {
    }

    /** The value of rank ceil(percent/100 * n) of the sorted durations, in seconds. */
    public static double seconds(int percent, long... millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent * sorted.length / 100.0);
        return sorted[Math.max(rank, 1) - 1] / 1000.0;
    }
}
