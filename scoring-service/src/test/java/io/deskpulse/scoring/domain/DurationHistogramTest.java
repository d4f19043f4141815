package io.deskpulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationHistogramTest {

    @Test
    void zeroAndNegativeDurationsAreBinZeroWorthZero() {
        assertThat(DurationHistogram.binOf(0)).isZero();
        assertThat(DurationHistogram.binOf(-5)).isZero();
        assertThat(DurationHistogram.representativeMillis(0)).isZero();
    }

    @Test
    void oneMillisecondIsTheFirstBin() {
        assertThat(DurationHistogram.binOf(1)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 99, 1000, 1001, 59_999, 95_000, 3_600_000, 615_600_000L, 31_536_000_000L})
    void theRepresentativeValueIsWithinOnePercent(long millis) {
        double representative = DurationHistogram.representativeMillis(DurationHistogram.binOf(millis));
        assertThat(representative).isCloseTo(millis, within(millis * DurationHistogram.RELATIVE_ACCURACY));
    }

    @Test
    void binsFollowTheDocumentedBoundaries() {
        // bin b holds gamma^(b-2) < d <= gamma^(b-1) (docs/storage.md)
        for (long millis = 1; millis < 2_000_000; millis = millis * 3 / 2 + 1) {
            int bin = DurationHistogram.binOf(millis);
            assertThat(Math.pow(DurationHistogram.GAMMA, bin - 2)).isLessThan(millis);
            assertThat(Math.pow(DurationHistogram.GAMMA, bin - 1)).isGreaterThanOrEqualTo(millis * (1 - 1e-12));
        }
    }

    @Test
    void binsAreMonotonic() {
        int previous = 0;
        for (long millis = 0; millis < 100_000; millis++) {
            int bin = DurationHistogram.binOf(millis);
            assertThat(bin).isGreaterThanOrEqualTo(previous);
            previous = bin;
        }
    }
}
