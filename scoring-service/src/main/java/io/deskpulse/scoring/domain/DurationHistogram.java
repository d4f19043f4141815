package io.deskpulse.scoring.domain;

/**
 * The bins of the duration histograms (docs/storage.md): log-spaced so that a bin's representative
 * value is within 1 % of every duration in it, and mergeable by adding counts per bin.
 */
public final class DurationHistogram {

    public static final double RELATIVE_ACCURACY = 0.01;
    public static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = StrictMath.log(GAMMA);

    private DurationHistogram() {
    }

    /**
     * The bin of a duration in milliseconds. StrictMath, not Math: a retraction must find the bin its
     * addition used, even when another replica or JVM version computed that addition.
     */
    public static int binOf(long millis) {
        if (millis <= 0) {
            return 0;
        }
        return 1 + (int) StrictMath.ceil(StrictMath.log(millis) / LOG_GAMMA);
    }

    /** The value that stands for every duration of a bin, in milliseconds. */
    public static double representativeMillis(int bin) {
        if (bin <= 0) {
            return 0;
        }
        return 2 * StrictMath.pow(GAMMA, bin - 1) / (GAMMA + 1);
    }
}
