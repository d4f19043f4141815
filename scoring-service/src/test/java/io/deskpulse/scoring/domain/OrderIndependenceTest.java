package io.deskpulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The same events in any arrival order, in any batches, with any duplicates, give the same
 * aggregates: every scenario of {@link KpiScenariosTest} on its own ticket, shuffled.
 */
class OrderIndependenceTest {

    private static final Map<String, String> IN_ORDER = inOrder();

    private static Map<String, String> inOrder() {
        InMemoryScoring scoring = new InMemoryScoring();
        for (InMemoryScoring.Delivery delivery : KpiScenariosTest.allDeliveries()) {
            scoring.apply(List.of(delivery));
        }
        return scoring.table.snapshot();
    }

    @Test
    void theReferenceRunHasData() {
        assertThat(IN_ORDER).hasSizeGreaterThan(10);
    }

    @RepeatedTest(200)
    void shuffledBatchedAndDuplicatedGivesTheSameAggregates(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<InMemoryScoring.Delivery> deliveries = new ArrayList<>(KpiScenariosTest.allDeliveries());
        int resends = random.nextInt(deliveries.size());
        for (int i = 0; i < resends; i++) {
            deliveries.add(deliveries.get(random.nextInt(deliveries.size())));
        }
        Collections.shuffle(deliveries, random);

        InMemoryScoring scoring = new InMemoryScoring();
        int at = 0;
        while (at < deliveries.size()) {
            int size = 1 + random.nextInt(8);
            scoring.apply(deliveries.subList(at, Math.min(deliveries.size(), at + size)));
            at += size;
        }

        assertThat(scoring.table.snapshot()).as("seed %d", repetition.getCurrentRepetition()).isEqualTo(IN_ORDER);
    }

    @Test
    void everythingInOneBatchGivesTheSameAggregates() {
        InMemoryScoring scoring = new InMemoryScoring();
        List<InMemoryScoring.Delivery> reversed = new ArrayList<>(KpiScenariosTest.allDeliveries());
        Collections.reverse(reversed);
        scoring.apply(reversed);
        assertThat(scoring.table.snapshot()).isEqualTo(IN_ORDER);
    }
}
