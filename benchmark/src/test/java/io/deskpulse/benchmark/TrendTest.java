package io.deskpulse.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrendTest {

    @Test
    void aLevelReachedDuringWarmUpAndHeldIsBounded() {
        double[] rss = IntStream.range(0, 60).mapToDouble(i -> i < 8 ? 100 + 10 * i : 180 + (i % 3)).toArray();
        Trend.Verdict verdict = Trend.of(rss);
        assertThat(verdict.growing()).isFalse();
        assertThat(verdict.min()).isEqualTo(100.0);
        assertThat(verdict.summary()).startsWith("bounded");
    }

    @Test
    void aStepThatThenHoldsIsBounded() {
        double[] threads = IntStream.range(0, 60).mapToDouble(i -> i < 30 ? 30 : 34).toArray();
        assertThat(Trend.of(threads).growing()).isFalse();
    }

    @Test
    void aSeriesStillRisingAtTheEndGrows() {
        double[] heap = IntStream.range(0, 60).mapToDouble(i -> 50 + 0.5 * i + (i % 2)).toArray();
        Trend.Verdict verdict = Trend.of(heap);
        assertThat(verdict.growing()).isTrue();
        assertThat(verdict.summary()).startsWith("GROWING");
    }

    @Test
    void aRiseSmallerThanOneUnitIsNoise() {
        double[] lag = IntStream.range(0, 60).mapToDouble(i -> i * 0.01).toArray();
        assertThat(Trend.of(lag).growing()).isFalse();
    }

    @Test
    void missingSamplesAreSkippedAndTooFewDecideNothing() {
        Trend.Verdict verdict = Trend.of(new double[] {1, Double.NaN, 2, 3, Double.NaN});
        assertThat(verdict.growing()).isFalse();
        assertThat(verdict.summary()).isEqualTo("too few samples");
    }

    @Test
    void aDatabaseGrowingWithItsDataIsBoundedAndOneBloatingIsNot() {
        double[] events = IntStream.range(0, 60).mapToDouble(i -> 1000.0 * i).toArray();
        double[] steady = IntStream.range(0, 60).mapToDouble(i -> 10 + 0.5 * i).toArray();
        double[] bloating = IntStream.range(0, 60).mapToDouble(i -> 10 + 0.02 * i * i).toArray();
        assertThat(Trend.perEvent(steady, events).growing()).isFalse();
        assertThat(Trend.perEvent(steady, events).summary()).contains("0.500 MB per 1000 events");
        assertThat(Trend.perEvent(bloating, events).growing()).isTrue();
    }
}
