package io.deskpulse.scoring.domain;

import static io.deskpulse.scoring.domain.Events.agentAt;
import static io.deskpulse.scoring.domain.Events.at;
import static io.deskpulse.scoring.domain.Events.created;
import static io.deskpulse.scoring.domain.Events.interaction;
import static io.deskpulse.scoring.domain.Events.offline;
import static io.deskpulse.scoring.domain.Events.online;
import static io.deskpulse.scoring.domain.Events.solved;
import static io.deskpulse.scoring.domain.KpiScenariosTest.agent;
import static io.deskpulse.scoring.domain.KpiScenariosTest.all;
import static io.deskpulse.scoring.domain.KpiScenariosTest.assertKpis;
import static io.deskpulse.scoring.domain.KpiScenariosTest.channel;
import static io.deskpulse.scoring.domain.KpiScenariosTest.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.domain.CostRates.Rate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Cost KPIs (docs/kpis.md, "Cost"), worked out by hand: the rate of each level, the precedence of channel, role, team
 * and default, rounding per hour's piece, the denominators of cost_per_contact and cost_per_resolution, and the same
 * numbers whatever the order, batching, duplication and lateness of the events.
 */
class CostScenariosTest {

    /**
     * 24 an hour and 0.5 a contact by default; team t-2 36 an hour; role senior (a-2) 48 an hour; phone contacts 1.2.
     */
    static final CostRates RATES = new CostRates("EUR", new Rate(24_000L, 500L), Map.of("t-2", new Rate(36_000L, null)),
            Map.of("senior", new Rate(48_000L, null)), Map.of("a-2", "senior"), Map.of("phone", new Rate(null, 1_200L)));
    static final TenantSettings SETTINGS = TenantSettings.DEFAULTS.withCostRates(RATES);

    /** a-1 (t-1) 2 h online, a chat and a phone call, one solve; a-2 (senior, t-2) 30 min and a chat; a-3 (t-2) 1 h. */
    static List<InMemoryScoring.Delivery> day() {
        List<InMemoryScoring.Delivery> events = new ArrayList<>();
        List.of(agentAt("2026-11-02T09:00:00Z", online("t-1")),
                agentAt("2026-11-02T09:20:00Z", interaction("chat", 300)),
                agentAt("2026-11-02T10:10:00Z", interaction("phone", 200)),
                agentAt("2026-11-02T11:00:00Z", offline()))
                .forEach(e -> events.add(InMemoryScoring.Delivery.agent("a-1", e)));
        List.of(agentAt("2026-11-02T09:00:00Z", online("t-2")),
                agentAt("2026-11-02T09:10:00Z", interaction("chat", 120)),
                agentAt("2026-11-02T09:30:00Z", offline()))
                .forEach(e -> events.add(InMemoryScoring.Delivery.agent("a-2", e)));
        List.of(agentAt("2026-11-02T13:00:00Z", online("t-2")), agentAt("2026-11-02T14:00:00Z", offline()))
                .forEach(e -> events.add(InMemoryScoring.Delivery.agent("a-3", e)));
        List.of(at("2026-11-02T09:05:00Z", created("chat", "t-1", "a-1")), at("2026-11-02T09:25:00Z", solved("a-1")))
                .forEach(e -> events.add(InMemoryScoring.Delivery.ticket("T-1", e)));
        return events;
    }

    @Test
    void eachLevelsRateAndTheDenominators() {
        InMemoryScoring scoring = new InMemoryScoring(SETTINGS, InMemoryScoring.NOW);
        scoring.apply(day());
        // a-1: 2 h x 24 = 48, chat 0.5 (default), phone 1.2 (channel): 49.7 over 2 contacts and 1 solve
        assertKpis(scoring.table.kpis(agent("a-1")), kpis("cost_total", 49.7, "cost_per_contact", 24.85,
                "cost_per_resolution", 49.7), "agent a-1");
        // a-2: the role's 48 an hour beats the team's 36 (0.5 h: 24); per contact the role sets none, nor does t-2:
        // the default 0.5
        assertKpis(scoring.table.kpis(agent("a-2")), kpis("cost_total", 24.5, "cost_per_contact", 24.5,
                "cost_per_resolution", null), "agent a-2");
        // a-3: the team's 36 an hour; no contact, so no cost per contact although there is a cost
        assertKpis(scoring.table.kpis(agent("a-3")), kpis("cost_total", 36.0, "cost_per_contact", null),
                "agent a-3");
        assertKpis(scoring.table.kpis(team("t-2")), kpis("cost_total", 60.5, "cost_per_contact", 60.5), "team t-2");
        assertKpis(scoring.table.kpis(all()), kpis("cost_total", 110.2, "cost_per_contact", 110.2 / 3,
                "cost_per_resolution", 110.2), "tenant");
        // by channel only the per-contact costs: online time has no channel
        assertKpis(scoring.table.kpis(channel("phone")), kpis("cost_total", 1.2, "cost_per_contact", 1.2), "phone");
        assertKpis(scoring.table.kpis(channel("")), kpis("cost_total", 108.0), "no channel");
    }

    @Test
    void withoutRatesEveryCostIsZeroAndThePerUnitCostsAreNull() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.apply(day());
        assertKpis(scoring.table.kpis(all()), kpis("cost_total", 0.0, "cost_per_contact", null,
                "cost_per_resolution", null, "handle_count", 3L), "tenant");
    }

    @Test
    void eachHoursPieceIsRoundedOnItsOwn() {
        // 1 an hour: 20 minutes cost 0.333333..., kept as 0.333; 09:40-10:20 is two pieces of 0.333 and 0.333 (not 0.667)
        CostRates one = new CostRates("EUR", new Rate(1_000L, null), Map.of(), Map.of(), Map.of(), Map.of());
        assertThat(one.onlineCostMilli("a", "t", 20 * 60_000L)).isEqualTo(333);
        assertThat(one.onlineCostMilli("a", "t", 30 * 60_000L)).isEqualTo(500);
        InMemoryScoring scoring = new InMemoryScoring(TenantSettings.DEFAULTS.withCostRates(one), InMemoryScoring.NOW);
        scoring.applyEachForAgent("a-1", List.of(agentAt("2026-11-02T09:40:00Z", online("t-1")),
                agentAt("2026-11-02T10:20:00Z", offline())));
        assertKpis(scoring.table.kpis(all()), kpis("cost_total", 0.666, "online_s", 2_400.0), "tenant");
    }

    @Test
    void aLevelThatLeavesARateOutPassesItOn() {
        assertThat(RATES.contactCostMilli("a-2", "t-2", "chat")).isEqualTo(500);
        assertThat(RATES.contactCostMilli("a-2", "t-2", "phone")).isEqualTo(1_200);
        assertThat(RATES.onlineCostMilli("a-9", "t-2", 3_600_000L)).isEqualTo(36_000);
        assertThat(RATES.onlineCostMilli("a-2", "t-1", 3_600_000L)).isEqualTo(48_000);
        assertThat(CostRates.NONE.onlineCostMilli("a-1", "t-1", 3_600_000L)).isZero();
        assertThat(CostRates.NONE.contactCostMilli("a-1", "t-1", "phone")).isZero();
    }

    /** Shuffled, resent and split into batches, with the solve and a late status change arriving last. */
    @RepeatedTest(20)
    void anyOrderBatchingAndDuplicationGivesTheSameCosts(RepetitionInfo repetition) {
        InMemoryScoring inOrder = new InMemoryScoring(SETTINGS, InMemoryScoring.NOW);
        inOrder.apply(day());

        Random random = new Random(repetition.getCurrentRepetition());
        List<InMemoryScoring.Delivery> shuffled = new ArrayList<>(day());
        for (int i = 0; i < 4; i++) {
            shuffled.add(shuffled.get(random.nextInt(shuffled.size())));
        }
        Collections.shuffle(shuffled, random);
        InMemoryScoring scoring = new InMemoryScoring(SETTINGS, InMemoryScoring.NOW);
        for (int from = 0; from < shuffled.size(); ) {
            int to = Math.min(shuffled.size(), from + 1 + random.nextInt(4));
            scoring.apply(shuffled.subList(from, to));
            from = to;
        }
        assertThat(scoring.table.snapshot()).isEqualTo(inOrder.table.snapshot());
        // every item's parts add up to the aggregates (what /v1/kpis/contributions lists)
        assertThat(scoring.tableFromItems().snapshot()).isEqualTo(scoring.table.snapshot());
    }

    @Test
    void aDayInAnotherZoneHoldsTheCostOfItsOwnHours() {
        // Online 22:00-02:00 UTC at 24 an hour: New York's 2 November (UTC-5) holds all four hours; UTC's 2 November two
        InMemoryScoring scoring = new InMemoryScoring(SETTINGS, InMemoryScoring.NOW);
        scoring.applyEachForAgent("a-1", List.of(agentAt("2026-11-02T22:00:00Z", online("t-1")),
                agentAt("2026-11-03T02:00:00Z", offline())));
        assertKpis(scoring.table.kpis(localDay("2026-11-02", ZoneId.of("America/New_York"))),
                kpis("cost_total", 96.0), "New York's 2 Nov");
        assertKpis(scoring.table.kpis(localDay("2026-11-02", ZoneId.of("UTC"))), kpis("cost_total", 48.0), "UTC 2 Nov");
    }

    /** Metric, value pairs; a value may be null (no value expected). */
    private static Map<String, Object> kpis(Object... metricsAndValues) {
        return KpiScenariosTest.expect("", all(), metricsAndValues).kpis();
    }

    private static java.util.function.Predicate<AggregateKey> localDay(String date, ZoneId zone) {
        ZonedDateTime start = LocalDate.parse(date).atStartOfDay(zone);
        long from = start.toInstant().toEpochMilli();
        long to = start.plusDays(1).toInstant().toEpochMilli();
        return key -> key.hourEpochMillis() >= from && key.hourEpochMillis() < to;
    }
}
