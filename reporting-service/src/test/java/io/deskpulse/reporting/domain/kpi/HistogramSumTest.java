package io.deskpulse.reporting.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.storage.DurationHistogram;
import org.junit.jupiter.api.Test;

class HistogramSumTest {

    @Test
    void storedPairsAddUpBinByBinInAscendingOrder() {
        HistogramSum sum = new HistogramSum();
        sum.add(Histogram.ofPairs(new int[] {3, 1, 700, 2}));
        sum.add(Histogram.ofPairs(new int[] {3, 4, 1500, 1}));

        Histogram merged = sum.histogram().orElseThrow();

        assertThat(merged.bins()).containsExactly(3, 700, 1500);
        assertThat(merged.counts()).containsExactly(5L, 2L, 1L);
    }

    @Test
    void aSingleHistogramIsGivenBackAsItIsWithWhatItAlreadyComputed() {
        Histogram row = Histogram.ofPairs(new int[] {3, 1, 700, 2});
        Double p50 = row.percentileMillis(50);
        HistogramSum sum = new HistogramSum();
        sum.add(row);
        sum.add(Histogram.EMPTY);
        assertThat(sum.histogram()).containsSame(row);
        assertThat(row.percentileMillis(50)).isSameAs(p50).isEqualTo(DurationHistogram.representativeMillis(700));
        assertThat(row.percentileMillis(90)).isEqualTo(DurationHistogram.representativeMillis(700));
        assertThat(row.percentileMillis(10)).isEqualTo(DurationHistogram.representativeMillis(3));
    }

    @Test
    void countsThatCancelLeaveNoHistogram() {
        HistogramSum sum = new HistogramSum();
        sum.add(Histogram.ofPairs(new int[] {10, 2}));
        sum.add(Histogram.ofPairs(new int[] {10, -2}));
        assertThat(sum.histogram()).isEmpty();
        assertThat(new HistogramSum().histogram()).isEmpty();
        assertThat(Histogram.EMPTY.percentileMillis(50)).isNull();
    }

    @Test
    void aNegativeBinIsCorruptDataNotAnIndex() {
        assertThatThrownBy(() -> Histogram.ofPairs(new int[] {-1, 1})).isInstanceOf(IllegalStateException.class);
    }
}
