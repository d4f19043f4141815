package io.deskpulse.storage;

/**
 * The bin math of the duration histograms of docs/storage.md, and the nearest-rank percentile of a
 * merged histogram: scoring writes bins with it, reporting reads them with it. Bin {@code b >= 1} holds
 * durations {@code d} (ms) with {@code gamma^(b-2) < d <= gamma^(b-1)}, so the representative value
 * {@code 2 * gamma^(b-1) / (gamma + 1)} is within 1 % of every duration in the bin; bins merge by adding
 * their counts.
 */
public final class DurationHistogram {

    public static final double RELATIVE_ACCURACY = 0.01;
    public static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = StrictMath.log(GAMMA);
    // Every bin a duration up to about a century can fall in: reports look values up instead of taking a power.
    private static final double[] REPRESENTATIVE = new double[2048];

    static {
        for (int bin = 1; bin < REPRESENTATIVE.length; bin++) {
            REPRESENTATIVE[bin] = 2 * StrictMath.pow(GAMMA, bin - 1) / (GAMMA + 1);
        }
    }

    private DurationHistogram() {
    }

    /**
     * The bin of a duration in ms. StrictMath, not Math: a retraction must find the bin its addition used,
     * even when another replica or JVM version computed that addition.
     */
    public static int binOf(long millis) {
        if (millis <= 0) {
            return 0;
        }
        return 1 + (int) StrictMath.ceil(StrictMath.log(millis) / LOG_GAMMA);
    }

    /** The value that stands for every duration of a bin, in ms; bin 0 is exactly 0. */
    public static double representativeMillis(int bin) {
        if (bin <= 0) {
            return 0;
        }
        return bin < REPRESENTATIVE.length ? REPRESENTATIVE[bin] : 2 * StrictMath.pow(GAMMA, bin - 1) / (GAMMA + 1);
    }

    /**
     * The nearest-rank percentile (1..100) of a merged histogram, in ms: the representative value
     * of the bin holding the value of rank {@code ceil(percent * n / 100)}, counting from
     * the lowest bin. {@code bins} must be ascending; bins with a count of 0 or less (only possible
     * while retractions and additions are out of step) are ignored. Null when the histogram is empty.
     */
    public static Double percentileMillis(int[] bins, long[] counts, int percent) {
        long n = 0;
        for (long count : counts) {
            n += Math.max(0, count);
        }
        if (n == 0) {
            return null;
        }
        // Integer arithmetic: 0.9 * n in floating point can land just above an integer and skip a rank.
        long rank = Math.max(1, (percent * n + 99) / 100);
        long seen = 0;
        for (int i = 0; i < bins.length; i++) {
            seen += Math.max(0, counts[i]);
            if (seen >= rank) {
                return representativeMillis(bins[i]);
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + n + " values");
    }
}
