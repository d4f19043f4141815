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
 * The same events in any arrival order, in any batches, with any duplicates, give the same aggregates,
 * for every metric: every ticket scenario (each on its own ticket) and every agent scenario (each its
 * own agent), under settings with business hours, shuffled.
 */
class OrderIndependenceTest {

    private static final Map<String, String> IN_ORDER = run(deliveries(), new Random(0), false);

    static List<InMemoryScoring.Delivery> deliveries() {
        List<InMemoryScoring.Delivery> all = new ArrayList<>(KpiScenariosTest.allDeliveries());
        List<SettingsScenariosTest.Scenario> withSettings = SettingsScenariosTest.scenarios().toList();
        for (int i = 0; i < withSettings.size(); i++) {
            String ticket = "S-" + i;
            withSettings.get(i).events().forEach(e -> all.add(InMemoryScoring.Delivery.ticket(ticket, e)));
        }
        all.addAll(AgentKpiScenariosTest.allDeliveries());
        all.addAll(QueueAndReplyScenariosTest.allDeliveries());
        all.addAll(EffortAndSentimentScenariosTest.allDeliveries());
        return all;
    }

    private static Map<String, String> run(List<InMemoryScoring.Delivery> deliveries, Random random, boolean shuffle) {
        InMemoryScoring scoring = new InMemoryScoring(SettingsScenariosTest.SETTINGS, InMemoryScoring.NOW);
        if (!shuffle) {
            deliveries.forEach(d -> scoring.apply(List.of(d)));
            return scoring.table.snapshot();
        }
        arriveShuffled(scoring, deliveries, random);
        return scoring.table.snapshot();
    }

    /** The deliveries, some resent, in random order and random batches of 1 to 8. */
    static void arriveShuffled(InMemoryScoring scoring, List<InMemoryScoring.Delivery> deliveries, Random random) {
        List<InMemoryScoring.Delivery> arriving = new ArrayList<>(deliveries);
        int resends = random.nextInt(arriving.size());
        for (int i = 0; i < resends; i++) {
            arriving.add(arriving.get(random.nextInt(arriving.size())));
        }
        Collections.shuffle(arriving, random);
        int at = 0;
        while (at < arriving.size()) {
            int size = 1 + random.nextInt(8);
            scoring.apply(arriving.subList(at, Math.min(arriving.size(), at + size)));
            at += size;
        }
    }

    @Test
    void theReferenceRunHasEveryKindOfData() {
        assertThat(IN_ORDER).hasSizeGreaterThan(40);
        assertThat(IN_ORDER.values()).anyMatch(row -> row.contains("HANDLE={"));
        assertThat(IN_ORDER.values()).anyMatch(row -> row.contains("REPLY_BH={")).anyMatch(row -> row.contains("ASA={"));
    }

    @RepeatedTest(200)
    void shuffledBatchedAndDuplicatedGivesTheSameAggregates(RepetitionInfo repetition) {
        Map<String, String> shuffled = run(deliveries(), new Random(repetition.getCurrentRepetition()), true);
        assertThat(shuffled).as("seed %d", repetition.getCurrentRepetition()).isEqualTo(IN_ORDER);
    }

    @Test
    void everythingInOneBatchGivesTheSameAggregates() {
        InMemoryScoring scoring = new InMemoryScoring(SettingsScenariosTest.SETTINGS, InMemoryScoring.NOW);
        List<InMemoryScoring.Delivery> reversed = new ArrayList<>(deliveries());
        Collections.reverse(reversed);
        scoring.apply(reversed);
        assertThat(scoring.table.snapshot()).isEqualTo(IN_ORDER);
    }
}
