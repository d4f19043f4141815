package io.deskpulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HistogramPairsTest {

    @Test
    void binsAddUpAndInterleaveInOrder() {
        assertThat(HistogramPairs.merge(new int[] {3, 1, 7, 2}, new int[] {1, 5, 7, 1, 9, 4}))
                .containsExactly(1, 5, 3, 1, 7, 3, 9, 4);
    }

    @Test
    void binsThatCancelDisappear() {
        assertThat(HistogramPairs.merge(new int[] {3, 1, 7, 2}, new int[] {3, -1, 7, -2})).isEmpty();
        assertThat(HistogramPairs.merge(new int[] {3, 1, 7, 2}, new int[] {7, -1})).containsExactly(3, 1, 7, 1);
    }

    @Test
    void anEmptySideGivesTheOther() {
        int[] stored = {4, 2};
        assertThat(HistogramPairs.merge(stored, new int[0])).isSameAs(stored);
        assertThat(HistogramPairs.merge(new int[0], stored)).isSameAs(stored);
    }

    @Test
    void aCountBeyondAnIntIsRefusedRatherThanWrapped() {
        assertThatThrownBy(() -> HistogramPairs.merge(new int[] {1, Integer.MAX_VALUE}, new int[] {1, 1}))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void agreesWithAMapOfCountsOnRandomInput() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            TreeMap<Integer, Integer> a = randomBins(random);
            TreeMap<Integer, Integer> b = randomBins(random);
            TreeMap<Integer, Integer> expected = new TreeMap<>(a);
            b.forEach((bin, count) -> expected.merge(bin, count, Integer::sum));
            expected.values().removeIf(count -> count == 0);
            assertThat(HistogramPairs.merge(pairs(a), pairs(b))).containsExactly(pairs(expected));
        }
    }

    private static TreeMap<Integer, Integer> randomBins(Random random) {
        TreeMap<Integer, Integer> bins = new TreeMap<>();
        for (int i = random.nextInt(8); i > 0; i--) {
            int count = random.nextInt(7) - 3;
            if (count != 0) {
                bins.put(random.nextInt(20), count);
            }
        }
        return bins;
    }

    private static int[] pairs(TreeMap<Integer, Integer> bins) {
        return bins.entrySet().stream().flatMapToInt(e -> java.util.stream.IntStream.of(e.getKey(), e.getValue())).toArray();
    }
}
