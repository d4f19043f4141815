package io.deskpulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The item rows scoring keeps for the drill-down (kpi_contributions) add up to the aggregates, row by row, measure
 * by measure and bin by bin, whatever order, batching and duplication the events arrive in (late events restate
 * items as they restate sums), and after open sessions are counted again.
 */
class ContributionItemsTest {

    private static InMemoryScoring shuffled(long seed) {
        InMemoryScoring scoring = new InMemoryScoring(SettingsScenariosTest.SETTINGS, InMemoryScoring.NOW);
        OrderIndependenceTest.arriveShuffled(scoring, OrderIndependenceTest.deliveries(), new Random(seed));
        return scoring;
    }

    @RepeatedTest(50)
    void itemsAddUpToTheAggregatesInAnyArrivalOrder(RepetitionInfo repetition) {
        InMemoryScoring scoring = shuffled(repetition.getCurrentRepetition());
        assertThat(scoring.tableFromItems().snapshot()).as("seed %d", repetition.getCurrentRepetition())
                .isEqualTo(scoring.table.snapshot());
        assertThat(scoring.items.values()).allMatch(count -> count > 0);
    }

    @Test
    void itemsFollowOpenSessionsCountedAgain() {
        InMemoryScoring scoring = shuffled(7);
        scoring.refreshOpenSessions(InMemoryScoring.NOW + 3 * AggregateKey.HOUR_MILLIS + 120_000);
        assertThat(scoring.tableFromItems().snapshot()).isEqualTo(scoring.table.snapshot());
    }

    @Test
    void everyKindOfItemIsKept() {
        InMemoryScoring scoring = shuffled(3);
        Set<String> types = scoring.items.keySet().stream().map(c -> c.item().type()).collect(Collectors.toSet());
        assertThat(types).contains(ContributionItem.TICKET, "interaction", "qa_review", "sale", "peer_review",
                "online_time");
        // a ticket's items are kept under the ticket, whatever the deriver knew
        assertThat(scoring.items.keySet()).filteredOn(c -> c.contribution().observation() instanceof Observation.Solve)
                .allMatch(c -> c.item().type().equals(ContributionItem.TICKET) && !c.item().id().isEmpty());
    }

    @Test
    void anItemDeltaKeepsItsRawDurations() {
        KpiDelta item = KpiDelta.ofItem(new Observation.FirstResponse(40_000, 0, true));
        assertThat(item.parts()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("first_response_count", 1L,
                "first_response_sum_ms", 40_000L, "first_response_sla_met", 1L, "first_response_hist", 40_000L,
                "first_response_bh_hist", 0L));
    }
}
