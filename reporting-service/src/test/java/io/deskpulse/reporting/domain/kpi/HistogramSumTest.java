package io.deskpulse.reporting.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.storage.DurationHistogram;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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

    @Test
    void fewAndManyPartsAddUpToTheSameBinsAndCountsAsABinByBinReference() {
        // Up to SORTED_MERGE_MAX_PARTS parts are merged along their sorted bins, more in an array by bin: both must
        // give what adding bin by bin gives, counts that cancel left out, whichever the number of parts.
        Random random = new Random(15);
        for (int round = 0; round < 2_000; round++) {
            int parts = 2 + random.nextInt(2 * HistogramSum.SORTED_MERGE_MAX_PARTS);
            HistogramSum sum = new HistogramSum();
            TreeMap<Integer, Long> reference = new TreeMap<>();
            for (int p = 0; p < parts; p++) {
                int n = random.nextInt(6);
                TreeMap<Integer, Long> part = new TreeMap<>();
                for (int i = 0; i < n; i++) {
                    long count = random.nextBoolean() ? 1 + random.nextInt(4) : -1 - random.nextInt(2);
                    part.put(random.nextInt(40) * 30, count);
                }
                int[] pairs = new int[2 * part.size()];
                int j = 0;
                for (Map.Entry<Integer, Long> e : part.entrySet()) {
                    pairs[j++] = e.getKey();
                    pairs[j++] = e.getValue().intValue();
                    reference.merge(e.getKey(), e.getValue(), Long::sum);
                }
                sum.add(Histogram.ofPairs(pairs));
            }
            reference.values().removeIf(count -> count == 0);
            if (reference.isEmpty()) {
                assertThat(sum.histogram()).isEmpty();
                continue;
            }
            Histogram merged = sum.histogram().orElseThrow();
            assertThat(merged.bins()).containsExactly(reference.keySet().stream().mapToInt(Integer::intValue).toArray());
            assertThat(merged.counts()).containsExactly(reference.values().stream().mapToLong(Long::longValue).toArray());
        }
    }
}
