package io.deskpulse.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DurationHistogramTest {

    @Test
    void zeroDurationsAreBinZeroAndWorthZero() {
        assertThat(DurationHistogram.binOf(0)).isZero();
        assertThat(DurationHistogram.binOf(-5)).isZero();
        assertThat(DurationHistogram.representativeMillis(0)).isZero();
    }

    @Test
    void oneMillisecondIsBinOne() {
        assertThat(DurationHistogram.binOf(1)).isEqualTo(1);
    }

    @Test
    void representativeIsWithinOnePercentOfEveryValueInItsBin() {
        long[] samples = {1, 2, 3, 7, 10, 99, 100, 101, 999, 1000, 1001, 30_000, 59_999, 60_000, 95_000,
                3_600_000, 86_400_000, 2_592_000_000L, 31_536_000_000L};
        for (long ms : samples) {
            double representative = DurationHistogram.representativeMillis(DurationHistogram.binOf(ms));
            assertThat(Math.abs(representative - ms) / ms).as("%d ms", ms).isLessThanOrEqualTo(0.01 + 1e-12);
        }
        for (long ms = 1; ms < 200_000; ms += 7) {
            double representative = DurationHistogram.representativeMillis(DurationHistogram.binOf(ms));
            assertThat(Math.abs(representative - ms) / ms).as("%d ms", ms).isLessThanOrEqualTo(0.01 + 1e-12);
        }
    }

    @Test
    void binBoundsFollowStorageMd() {
        // bin b holds gamma^(b-2) < d <= gamma^(b-1)
        for (long ms : new long[] {5, 250, 12_345, 9_000_000}) {
            int bin = DurationHistogram.binOf(ms);
            assertThat(Math.pow(DurationHistogram.GAMMA, bin - 2)).isLessThan(ms);
            assertThat(Math.pow(DurationHistogram.GAMMA, bin - 1)).isGreaterThanOrEqualTo(ms * (1 - 1e-12));
        }
    }

    @Test
    void binsAreMonotonic() {
        int previous = 0;
        for (long ms = 0; ms < 100_000; ms++) {
            int bin = DurationHistogram.binOf(ms);
            assertThat(bin).isGreaterThanOrEqualTo(previous);
            previous = bin;
        }
    }

    @Test
    void theLookedUpRepresentativeIsThePower() {
        for (int bin : new int[] {1, 2, 700, 2047, 2048, 3000}) {
            assertThat(DurationHistogram.representativeMillis(bin))
                    .isEqualTo(2 * StrictMath.pow(DurationHistogram.GAMMA, bin - 1) / (DurationHistogram.GAMMA + 1));
        }
    }

    @Test
    void percentileIsTheNearestRankBin() {
        int[] bins = {0, 10, 20, 30};
        long[] counts = {1, 4, 4, 1}; // n = 10
        assertThat(DurationHistogram.percentileMillis(bins, counts, 10)).isZero(); // rank 1
        assertThat(DurationHistogram.percentileMillis(bins, counts, 50))
                .isEqualTo(DurationHistogram.representativeMillis(10)); // rank 5
        assertThat(DurationHistogram.percentileMillis(bins, counts, 51))
                .isEqualTo(DurationHistogram.representativeMillis(20)); // rank ceil(5.1) = 6
        assertThat(DurationHistogram.percentileMillis(bins, counts, 90))
                .isEqualTo(DurationHistogram.representativeMillis(20)); // rank 9
        assertThat(DurationHistogram.percentileMillis(bins, counts, 100))
                .isEqualTo(DurationHistogram.representativeMillis(30));
    }

    @Test
    void rankIsExactWhereFloatingPointWouldOvershoot() {
        // 0.9 * 30 is 27.000000000000004 in doubles; the rank must be 27, not 28.
        int[] bins = {1, 2};
        long[] counts = {27, 3};
        assertThat(DurationHistogram.percentileMillis(bins, counts, 90)).isEqualTo(DurationHistogram.representativeMillis(1));
    }

    @Test
    void emptyOrNonPositiveHistogramHasNoPercentile() {
        assertThat(DurationHistogram.percentileMillis(new int[0], new long[0], 50)).isNull();
        assertThat(DurationHistogram.percentileMillis(new int[] {5}, new long[] {0}, 50)).isNull();
        assertThat(DurationHistogram.percentileMillis(new int[] {5, 6}, new long[] {-1, 2}, 50))
                .isCloseTo(DurationHistogram.representativeMillis(6), within(1e-9));
    }
}
