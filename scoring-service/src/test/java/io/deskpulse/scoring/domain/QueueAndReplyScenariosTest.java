package io.deskpulse.scoring.domain;

import static io.deskpulse.scoring.domain.Events.abandoned;
import static io.deskpulse.scoring.domain.Events.answered;
import static io.deskpulse.scoring.domain.Events.assigned;
import static io.deskpulse.scoring.domain.Events.at;
import static io.deskpulse.scoring.domain.Events.bot;
import static io.deskpulse.scoring.domain.Events.created;
import static io.deskpulse.scoring.domain.Events.customer;
import static io.deskpulse.scoring.domain.Events.note;
import static io.deskpulse.scoring.domain.Events.offered;
import static io.deskpulse.scoring.domain.Events.reply;
import static io.deskpulse.scoring.domain.Events.system;
import static io.deskpulse.scoring.domain.KpiScenariosTest.agent;
import static io.deskpulse.scoring.domain.KpiScenariosTest.all;
import static io.deskpulse.scoring.domain.KpiScenariosTest.assertKpis;
import static io.deskpulse.scoring.domain.KpiScenariosTest.channel;
import static io.deskpulse.scoring.domain.KpiScenariosTest.day;
import static io.deskpulse.scoring.domain.KpiScenariosTest.expect;
import static io.deskpulse.scoring.domain.KpiScenariosTest.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.domain.KpiScenariosTest.Expectation;
import io.deskpulse.scoring.domain.KpiScenariosTest.Scenario;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reply time and the queue KPIs of issue 16 (docs/kpis.md), worked out by hand: each history scored one event at a
 * time in the order written (a late event where the list says so); {@link OrderIndependenceTest} shuffles,
 * batches and duplicates them all.
 */
class QueueAndReplyScenariosTest {

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("every reply that answers a waiting customer counts; bot, system and internal never do",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                                // before the first reply the wait runs from the creation
                                at("2026-11-02T09:00:00Z", customer()),
                                at("2026-11-02T09:01:00Z", reply("a-1")),
                                // two customer messages in a row are one wait, from the earlier
                                at("2026-11-02T09:05:00Z", customer()),
                                at("2026-11-02T09:06:00Z", customer()),
                                at("2026-11-02T09:07:00Z", reply("a-1")),
                                // the agent's second reply in a row answers nobody
                                at("2026-11-02T09:08:00Z", reply("a-1")),
                                at("2026-11-02T09:10:00Z", customer()),
                                // an internal note, a bot and a system message neither answer nor start a wait
                                at("2026-11-02T09:10:30Z", note("a-2")),
                                at("2026-11-02T09:10:40Z", bot()),
                                at("2026-11-02T09:10:50Z", system()),
                                at("2026-11-02T09:12:00Z", reply("a-2"))),
                        List.of(
                                expect("tenant", all(), "reply_count", 3L, "reply_avg_s", 100.0, "reply_p50_s", 120.0,
                                        "reply_p90_s", 120.0, "reply_bh_avg_s", 100.0, "first_response_count", 1L,
                                        "first_response_avg_s", 60.0, "agent_replies", 4L),
                                expect("agent a-1", agent("a-1"), "reply_count", 2L, "reply_avg_s", 90.0),
                                expect("agent a-2", agent("a-2"), "reply_count", 1L, "reply_avg_s", 120.0))),

                new Scenario("a reply is credited to the team holding the ticket at the reply",
                        List.of(
                                at("2026-11-02T10:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-02T10:00:30Z", reply("a-1")),
                                at("2026-11-02T10:05:00Z", customer()),
                                at("2026-11-02T10:06:00Z", assigned("a-2", "t-2")),
                                at("2026-11-02T10:10:00Z", reply("a-2"))),
                        List.of(
                                expect("team t-1", team("t-1"), "reply_count", 1L, "reply_avg_s", 30.0),
                                expect("team t-2", team("t-2"), "reply_count", 1L, "reply_avg_s", 300.0,
                                        "first_response_count", 0L))),

                new Scenario("a reply counts in the period of the reply",
                        List.of(
                                at("2026-11-02T23:50:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-03T00:20:00Z", reply("a-1"))),
                        List.of(
                                expect("2 Nov", day("2026-11-02"), "reply_count", 0L, "tickets_created", 1L),
                                expect("3 Nov", day("2026-11-03"), "reply_count", 1L, "reply_avg_s", 1800.0))),

                new Scenario("without the creation the first reply answers the earliest customer message",
                        List.of(
                                at("2026-11-02T09:00:00Z", customer()),
                                at("2026-11-02T09:02:00Z", customer()),
                                at("2026-11-02T09:05:00Z", reply("a-1"))),
                        List.of(expect("tenant", all(), "reply_count", 1L, "reply_avg_s", 300.0,
                                "first_response_count", 0L))),

                new Scenario("a phone call answered within the service level",
                        List.of(
                                at("2026-11-02T09:00:00Z", offered("phone", "q-billing", "t-1")),
                                at("2026-11-02T09:00:12Z", answered("a-1", 12))),
                        List.of(
                                expect("queue", queue("q-billing"), "offered", 1L, "answered", 1L, "abandoned", 0L,
                                        "short_abandoned", 0L, "answer_rate", 1.0, "abandon_rate", 0.0, "asa_s", 12.0,
                                        "asa_p50_s", 12.0, "asa_p90_s", 12.0, "service_level_met", 1L,
                                        "service_level_rate", 1.0, "tickets_created", 0L),
                                expect("team t-1", team("t-1"), "offered", 1L, "answered", 1L),
                                // the agent answered but was offered nothing: no answer rate of its own
                                expect("agent a-1", agent("a-1"), "offered", 0L, "answered", 1L, "asa_s", 12.0,
                                        "answer_rate", null, "service_level_rate", 1.0),
                                expect("channel phone", channel("phone"), "offered", 1L))),

                new Scenario("a phone call answered after 25 s misses the 20 s service level",
                        List.of(
                                at("2026-11-02T09:00:00Z", offered("phone", "q-billing", "t-1")),
                                at("2026-11-02T09:00:25Z", answered("a-1", 25))),
                        List.of(expect("tenant", all(), "answered", 1L, "asa_s", 25.0, "service_level_met", 0L,
                                "service_level_rate", 0.0))),

                new Scenario("a chat answered after 25 s meets the 30 s service level",
                        List.of(
                                at("2026-11-02T09:00:00Z", offered("chat", "q-chat", null)),
                                at("2026-11-02T09:00:25Z", answered("a-1", 25))),
                        List.of(expect("tenant", all(), "answered", 1L, "service_level_met", 1L,
                                "service_level_rate", 1.0),
                                expect("no team", team(""), "offered", 1L))),

                new Scenario("an abandon under 5 s is short: counted apart and out of every rate",
                        List.of(
                                at("2026-11-02T09:00:00Z", offered("phone", "q-billing", "t-1")),
                                at("2026-11-02T09:00:03Z", abandoned(3))),
                        List.of(expect("tenant", all(), "offered", 1L, "abandoned", 0L, "short_abandoned", 1L,
                                "answer_rate", null, "abandon_rate", null, "service_level_rate", null))),

                new Scenario("an abandon of exactly 5 s is not short",
                        List.of(
                                at("2026-11-02T09:00:00Z", offered("phone", "q-billing", "t-1")),
                                at("2026-11-02T09:00:05Z", abandoned(5))),
                        List.of(expect("tenant", all(), "abandoned", 1L, "short_abandoned", 0L, "abandon_rate", 1.0,
                                "answer_rate", 0.0, "service_level_rate", 0.0))),

                new Scenario("an answer that arrives before its offer counts once the offer is known",
                        List.of(
                                at("2026-11-02T09:00:20Z", answered("a-1", 20)),
                                at("2026-11-02T09:00:00Z", offered("chat", "q-chat", "t-1"))),
                        List.of(expect("tenant", all(), "offered", 1L, "answered", 1L, "asa_s", 20.0))),

                new Scenario("an interaction answered at all counts as answered, not abandoned",
                        List.of(
                                at("2026-11-02T09:00:00Z", offered("phone", "q-billing", "t-1")),
                                at("2026-11-02T09:00:30Z", abandoned(30)),
                                at("2026-11-02T09:00:40Z", answered("a-2", 40))),
                        List.of(expect("tenant", all(), "answered", 1L, "abandoned", 0L, "asa_s", 40.0),
                                expect("agent a-2", agent("a-2"), "answered", 1L))),

                new Scenario("a resent offer counts once, in the queue of the earliest",
                        List.of(
                                at("2026-11-02T09:00:02Z", offered("phone", "q-2", "t-1")),
                                at("2026-11-02T09:00:00Z", offered("phone", "q-1", "t-1"))),
                        List.of(expect("q-1", queue("q-1"), "offered", 1L),
                                expect("q-2", queue("q-2"), "offered", 0L))),

                new Scenario("everything of an interaction counts at the offer's time",
                        List.of(
                                at("2026-11-02T23:59:50Z", offered("chat", "q-chat", "t-1")),
                                at("2026-11-03T00:00:20Z", answered("a-1", 30))),
                        List.of(expect("2 Nov", day("2026-11-02"), "offered", 1L, "answered", 1L),
                                expect("3 Nov", day("2026-11-03"), "offered", 0L, "answered", 0L))));
    }

    static Predicate<AggregateKey> queue(String queue) {
        return key -> key.queueId().equals(queue);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioGivesTheHandComputedKpis(Scenario scenario) {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEach("I-1", scenario.events());
        for (Expectation expectation : scenario.expectations()) {
            assertKpis(scoring.table.kpis(expectation.filter()), expectation.kpis(), expectation.rows());
        }
    }

    /** All scenarios' events, each on its own timeline. */
    static List<InMemoryScoring.Delivery> allDeliveries() {
        List<InMemoryScoring.Delivery> deliveries = new ArrayList<>();
        List<Scenario> all = scenarios().toList();
        for (int i = 0; i < all.size(); i++) {
            String id = "Q-" + i;
            all.get(i).events().forEach(e -> deliveries.add(InMemoryScoring.Delivery.ticket(id, e)));
        }
        return deliveries;
    }

    @Test
    void anAnswerAloneCountsNothingUntilItsOfferArrivesThenRestates() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEach("I-1", List.of(at("2026-11-02T09:00:20Z", answered("a-1", 20))));
        assertKpis(scoring.table.kpis(all()), Map.of("offered", 0L, "answered", 0L), "before the offer");
        scoring.applyEach("I-1", List.of(at("2026-11-02T09:00:00Z", offered("chat", "q-chat", "t-1"))));
        assertKpis(scoring.table.kpis(all()), Map.of("offered", 1L, "answered", 1L), "after the offer");
        // a late abandonment report changes nothing: the interaction was answered
        scoring.applyEach("I-1", List.of(at("2026-11-02T09:00:10Z", Events.abandoned(10))));
        assertKpis(scoring.table.kpis(all()), Map.of("answered", 1L, "abandoned", 0L), "after a late abandonment");
    }

    @Test
    void anInteractionSharingATicketsIdLeavesTheTicketsKpisAndFactsAlone() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEach("X-1", List.of(at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                at("2026-11-02T09:00:00Z", offered("chat", "q-chat", "t-9")),
                at("2026-11-02T09:00:10Z", answered("a-1", 10)),
                at("2026-11-02T09:00:30Z", reply("a-1"))));
        assertKpis(scoring.table.kpis(all()), Map.of("tickets_created", 1L, "first_response_avg_s", 30.0,
                "reply_count", 1L, "offered", 1L, "answered", 1L), "tenant");
        assertKpis(scoring.table.kpis(team("t-9")), Map.of("offered", 1L, "tickets_created", 0L), "team t-9");
        assertThat(scoring.facts("X-1").teamId()).isEqualTo("t-1");
    }

    @Test
    void anInteractionAloneHasNoTicketFacts() {
        TicketTimeline timeline = new TicketTimeline(List.of(at("2026-11-02T09:00:00Z", offered("phone", "q", "t"))));
        assertThat(ContributionDeriver.deriveWithFacts(timeline, TenantSettings.DEFAULTS).facts()).isNull();
    }

    /** Settings with the tenant's own thresholds: phone 30 s, chat 10 s, short abandons under 10 s. */
    static final TenantSettings THRESHOLDS = new TenantSettings(ZoneId.of("Europe/Berlin"), null, Map.of(), Map.of(),
            Map.of(), 80, "complaint", Map.of("phone", 30L, "chat", 10L), 10);

    @Test
    void theTenantsThresholdsDecideServiceLevelAndShortAbandons() {
        InMemoryScoring scoring = new InMemoryScoring(THRESHOLDS, InMemoryScoring.NOW);
        scoring.applyEach("P-1", List.of(at("2026-11-02T09:00:00Z", offered("phone", "q", "t")),
                at("2026-11-02T09:00:25Z", answered("a-1", 25))));
        scoring.applyEach("C-1", List.of(at("2026-11-02T09:00:00Z", offered("chat", "q", "t")),
                at("2026-11-02T09:00:25Z", answered("a-1", 25))));
        scoring.applyEach("E-1", List.of(at("2026-11-02T09:00:00Z", offered("email", "q", "t")),
                at("2026-11-02T09:00:20Z", answered("a-1", 20))));
        scoring.applyEach("A-1", List.of(at("2026-11-02T09:00:00Z", offered("phone", "q", "t")),
                at("2026-11-02T09:00:08Z", abandoned(8))));
        // phone 25 <= 30 met, chat 25 > 10 missed, email keeps the catalog's 20 s (met at 20); 8 s < 10 is short
        assertKpis(scoring.table.kpis(channel("phone")), Map.of("service_level_met", 1L, "short_abandoned", 1L,
                "abandoned", 0L), "phone");
        assertKpis(scoring.table.kpis(channel("chat")), Map.of("service_level_met", 0L), "chat");
        assertKpis(scoring.table.kpis(channel("email")), Map.of("service_level_met", 1L), "email");
        assertThat(TenantSettings.DEFAULTS.serviceLevelThresholdMillis("phone")).isEqualTo(20_000);
        assertThat(TenantSettings.DEFAULTS.serviceLevelThresholdMillis("chat")).isEqualTo(30_000);
        assertThat(TenantSettings.DEFAULTS.shortAbandonMillis()).isEqualTo(5_000);
    }

    @Test
    void dailyRowsFollowTheTenantsTimeZoneWithTheQueueKept() {
        // 23:30 UTC on 2 Nov is 00:30 on 3 Nov in Berlin (UTC+1)
        DeltaAccumulator deltas = new DeltaAccumulator();
        TicketScorer.score("i-1", null, List.of(at("2026-11-02T23:30:00Z", offered("phone", "q-night", "t-1")),
                at("2026-11-02T23:30:40Z", answered("a-1", 40))), List.of(new Target("acme", 0, THRESHOLDS)), deltas);
        TreeMap<DailyKey, KpiDelta> daily = deltas.dailyChanges();
        assertThat(daily.keySet()).extracting(DailyKey::day).containsOnly(LocalDate.parse("2026-11-03"));
        assertThat(daily.keySet()).extracting(DailyKey::queueId).containsOnly("q-night");
        assertThat(daily.values().stream().mapToLong(d -> d.get(Measure.OFFERED)).sum()).isEqualTo(1);
        assertThat(daily.values().stream().mapToLong(d -> d.get(Measure.ASA_SUM_MS)).sum()).isEqualTo(40_000);
        assertThat(deltas.teamDailyChanges().firstKey().day()).isEqualTo(LocalDate.parse("2026-11-03"));
    }

    /** Business hours Monday to Friday 09:00-17:00 in Berlin, as SettingsScenariosTest's. */
    @Test
    void replyTimeInBusinessHoursRunsOnlyWhileOpen() {
        InMemoryScoring scoring = new InMemoryScoring(SettingsScenariosTest.SETTINGS, InMemoryScoring.NOW);
        // Friday 6 Nov: created 15:00 UTC (16:00 Berlin), first reply 15:30 UTC; the customer writes at 15:45 UTC
        // (16:45 Berlin) and the answer comes Monday 09:00 UTC (10:00 Berlin): 15 business minutes + 1 business hour
        scoring.applyEach("B-1", List.of(at("2026-11-06T15:00:00Z", created("email", "t-1", "a-1")),
                at("2026-11-06T15:30:00Z", reply("a-1")),
                at("2026-11-06T15:45:00Z", customer()),
                at("2026-11-09T09:00:00Z", reply("a-1"))));
        assertKpis(scoring.table.kpis(all()), Map.of("reply_count", 2L, "reply_avg_s", (1_800.0 + 234_900.0) / 2,
                "reply_bh_avg_s", (1_800.0 + 4_500.0) / 2), "tenant");
    }
}
