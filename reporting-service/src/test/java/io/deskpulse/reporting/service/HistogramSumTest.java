package io.deskpulse.reporting.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HistogramSumTest {

    @Test
    void storedPairsAddUpBinByBinInAscendingOrder() {
        HistogramSum sum = new HistogramSum();
        sum.add(new int[] {700, 2, 3, 1});
        sum.add(new int[] {3, 4, 1500, 1});

        Histogram merged = sum.histogram().orElseThrow();

        assertThat(merged.bins()).containsExactly(3, 700, 1500);
        assertThat(merged.counts()).containsExactly(5L, 2L, 1L);
    }

    @Test
    void countsThatCancelLeaveNoHistogram() {
        HistogramSum sum = new HistogramSum();
        sum.add(new int[] {10, 2});
        sum.add(new int[] {10, -2});
        assertThat(sum.histogram()).isEmpty();
        assertThat(new HistogramSum().histogram()).isEmpty();
    }

    @Test
    void aNegativeBinIsCorruptDataNotAnIndex() {
        HistogramSum corrupt = new HistogramSum();
        corrupt.add(new int[] {-1, 1});
        assertThatThrownBy(corrupt::histogram).isInstanceOf(IllegalStateException.class);
    }
}
