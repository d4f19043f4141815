package io.deskpulse.scoring.domain;

import static io.deskpulse.scoring.domain.Events.assigned;
import static io.deskpulse.scoring.domain.Events.at;
import static io.deskpulse.scoring.domain.Events.ces;
import static io.deskpulse.scoring.domain.Events.ces5;
import static io.deskpulse.scoring.domain.Events.created;
import static io.deskpulse.scoring.domain.Events.csat;
import static io.deskpulse.scoring.domain.Events.customerFeeling;
import static io.deskpulse.scoring.domain.Events.reply;
import static io.deskpulse.scoring.domain.Events.sentiment;
import static io.deskpulse.scoring.domain.KpiScenariosTest.agent;
import static io.deskpulse.scoring.domain.KpiScenariosTest.all;
import static io.deskpulse.scoring.domain.KpiScenariosTest.assertKpis;
import static io.deskpulse.scoring.domain.KpiScenariosTest.day;
import static io.deskpulse.scoring.domain.KpiScenariosTest.expect;
import static io.deskpulse.scoring.domain.KpiScenariosTest.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.domain.KpiScenariosTest.Expectation;
import io.deskpulse.scoring.domain.KpiScenariosTest.Scenario;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Customer effort and sentiment of issue 16 (docs/kpis.md), worked out by hand, and the churn-risk history a ticket
 * keeps for the at-risk back-test; {@link OrderIndependenceTest} shuffles, batches and duplicates these too.
 */
class EffortAndSentimentScenariosTest {

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("only the latest effort answer counts, credited like CSAT: the assignee and team at the answer",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-02T10:00:00Z", ces(3, null)),
                                at("2026-11-02T11:00:00Z", assigned("a-2", "t-2")),
                                at("2026-11-02T12:00:00Z", ces(6, null))),
                        List.of(
                                expect("tenant", all(), "ces_count", 1L, "ces_avg", 6.0, "ces_easy_rate", 1.0),
                                expect("agent a-1", agent("a-1"), "ces_count", 0L, "ces_avg", null),
                                expect("team t-2", team("t-2"), "ces_count", 1L, "ces_avg", 6.0))),

                new Scenario("an effort answer naming its agent is credited to that agent",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                                at("2026-11-02T09:30:00Z", ces(5, "a-9"))),
                        List.of(expect("agent a-9", agent("a-9"), "ces_count", 1L, "ces_avg", 5.0, "ces_easy_rate", 1.0))),

                new Scenario("a 1..5 answer of 4 maps to 5.5 on 1..7: easy",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                                at("2026-11-02T09:30:00Z", ces5(4, null))),
                        List.of(expect("tenant", all(), "ces_count", 1L, "ces_avg", 5.5, "ces_easy_rate", 1.0))),

                new Scenario("a 1..5 answer of 3 maps to 4 on 1..7: not easy",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                                at("2026-11-02T09:30:00Z", ces5(3, null))),
                        List.of(expect("tenant", all(), "ces_count", 1L, "ces_avg", 4.0, "ces_easy_rate", 0.0))),

                new Scenario("each scored customer message counts, credited to the holder at the message; -0.25 is negative",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                                at("2026-11-02T09:01:00Z", customerFeeling(-0.6)),
                                at("2026-11-02T09:02:00Z", customerFeeling(0.2)),
                                at("2026-11-02T09:03:00Z", assigned("a-2", "t-2")),
                                at("2026-11-02T09:04:00Z", customerFeeling(-0.25)),
                                at("2026-11-02T09:05:00Z", reply("a-2"))),
                        List.of(
                                expect("tenant", all(), "sentiment_count", 3L, "sentiment_avg", -0.65 / 3,
                                        "negative_share", 2.0 / 3, "customer_messages", 3L),
                                expect("agent a-1", agent("a-1"), "sentiment_count", 2L, "sentiment_avg", -0.2,
                                        "negative_share", 0.5),
                                expect("agent a-2", agent("a-2"), "sentiment_count", 1L, "sentiment_avg", -0.25,
                                        "negative_share", 1.0),
                                expect("team t-2", team("t-2"), "sentiment_count", 1L))),

                new Scenario("a conversation score replaces the message scores; the latest counts, credited at it",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                                at("2026-11-02T09:01:00Z", customerFeeling(-0.9)),
                                at("2026-11-02T10:00:00Z", sentiment(-0.5, null)),
                                at("2026-11-03T11:00:00Z", sentiment(0.4, "a-3"))),
                        List.of(
                                expect("tenant", all(), "sentiment_count", 1L, "sentiment_avg", 0.4, "negative_share", 0.0),
                                expect("agent a-1", agent("a-1"), "sentiment_count", 0L, "sentiment_avg", null),
                                expect("agent a-3 on the day of the score", agent("a-3").and(day("2026-11-03")),
                                        "sentiment_count", 1L))),

                new Scenario("a sentiment on an agent's message is no customer's: ignored",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                                at("2026-11-02T09:01:00Z",
                                        new TicketFact.Message(TicketFact.Author.AGENT, "a-1", true, -900))),
                        List.of(expect("tenant", all(), "sentiment_count", 0L, "sentiment_avg", null,
                                "negative_share", null, "agent_replies", 1L))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioGivesTheHandComputedKpis(Scenario scenario) {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEach("T-1", scenario.events());
        for (Expectation expectation : scenario.expectations()) {
            assertKpis(scoring.table.kpis(expectation.filter()), expectation.kpis(), expectation.rows());
        }
    }

    /** All scenarios' events, each on its own ticket. */
    static List<InMemoryScoring.Delivery> allDeliveries() {
        return KpiScenariosTest.deliveries("E-", scenarios().toList());
    }

    @Test
    void aLateEffortAnswerRestatesTheEarlierOnesPeriod() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEach("T-1", List.of(at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                at("2026-11-05T09:00:00Z", ces(2, null))));
        assertKpis(scoring.table.kpis(day("2026-11-05")), Map.of("ces_count", 1L, "ces_avg", 2.0), "Nov 5 before");
        // an answer given later (Nov 6) but arriving now replaces the Nov 5 one: Nov 5 empties, Nov 6 fills
        scoring.applyEach("T-1", List.of(at("2026-11-06T09:00:00Z", ces(7, null))));
        assertKpis(scoring.table.kpis(day("2026-11-05")), Map.of("ces_count", 0L), "Nov 5 after");
        assertKpis(scoring.table.kpis(day("2026-11-06")), Map.of("ces_count", 1L, "ces_easy_rate", 1.0), "Nov 6 after");
    }

    @Test
    void dailyRowsFollowTheTenantsTimeZone() {
        // 23:30 UTC on 2 Nov is 00:30 on 3 Nov in Berlin (UTC+1): the day of the message is the tenant's local day
        DeltaAccumulator deltas = new DeltaAccumulator();
        TicketScorer.score("t-9", null, List.of(at("2026-11-02T20:00:00Z", created("chat", "t-1", "a-1")),
                at("2026-11-02T23:30:00Z", customerFeeling(-0.8)), at("2026-11-02T23:40:00Z", ces(7, null))),
                List.of(new Target("acme", 0, QueueAndReplyScenariosTest.THRESHOLDS)), deltas);
        TreeMap<DailyKey, KpiDelta> daily = deltas.dailyChanges();
        assertThat(daily.entrySet().stream().filter(e -> e.getValue().get(Measure.SENTIMENT_COUNT) != 0)
                .map(e -> e.getKey().day())).containsOnly(LocalDate.parse("2026-11-03"));
        assertThat(daily.values().stream().mapToLong(d -> d.get(Measure.SENTIMENT_NEGATIVE)).sum()).isEqualTo(1);
        assertThat(daily.values().stream().mapToLong(d -> d.get(Measure.SENTIMENT_SUM_MILLI)).sum()).isEqualTo(-800);
        assertThat(daily.entrySet().stream().filter(e -> e.getValue().get(Measure.CES_COUNT) != 0)
                .map(e -> e.getKey().day())).containsOnly(LocalDate.parse("2026-11-03"));
        assertThat(daily.values().stream().mapToLong(d -> d.get(Measure.CES_SUM_MILLI)).sum()).isEqualTo(7000);
    }

    @Test
    void theRiskHistoryFollowsComplaintsCsatReopensAndSentimentByEventTime() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEach("T-1", List.of(
                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                at("2026-11-02T09:05:00Z", customerFeeling(-0.7)),
                at("2026-11-02T09:10:00Z", csat(1, null)),
                // the conversation score supersedes the negative message: no longer negative
                at("2026-11-04T09:00:00Z", sentiment(0.3, null))));
        TicketFacts facts = scoring.facts("T-1");
        assertThat(facts.negativeSentiment()).isFalse();
        assertThat(facts.riskHistory()).containsExactly(
                new RiskPoint(t("2026-11-02T09:05:00Z"), false, false, 0, true),
                new RiskPoint(t("2026-11-02T09:10:00Z"), false, true, 0, true),
                new RiskPoint(t("2026-11-04T09:00:00Z"), false, true, 0, false));
    }

    @Test
    void eventsOfOneInstantLeaveOnePointAndNoneWhenTheyCancel() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEach("T-1", List.of(
                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                at("2026-11-02T09:10:00Z", csat(2, null)),
                at("2026-11-02T09:10:00Z", csat(5, null))));
        assertThat(scoring.facts("T-1").riskHistory()).isEmpty();
    }

    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
