package io.deskpulse.scoring.domain;

import static io.deskpulse.scoring.domain.Events.agentAt;
import static io.deskpulse.scoring.domain.Events.agentNps;
import static io.deskpulse.scoring.domain.Events.at;
import static io.deskpulse.scoring.domain.Events.away;
import static io.deskpulse.scoring.domain.Events.busy;
import static io.deskpulse.scoring.domain.Events.created;
import static io.deskpulse.scoring.domain.Events.interaction;
import static io.deskpulse.scoring.domain.Events.offline;
import static io.deskpulse.scoring.domain.Events.online;
import static io.deskpulse.scoring.domain.Events.peer;
import static io.deskpulse.scoring.domain.Events.qa;
import static io.deskpulse.scoring.domain.Events.reply;
import static io.deskpulse.scoring.domain.Events.sale;
import static io.deskpulse.scoring.domain.KpiScenariosTest.agent;
import static io.deskpulse.scoring.domain.KpiScenariosTest.all;
import static io.deskpulse.scoring.domain.KpiScenariosTest.assertKpis;
import static io.deskpulse.scoring.domain.KpiScenariosTest.channel;
import static io.deskpulse.scoring.domain.KpiScenariosTest.day;
import static io.deskpulse.scoring.domain.KpiScenariosTest.expect;
import static io.deskpulse.scoring.domain.KpiScenariosTest.team;

import io.deskpulse.scoring.domain.KpiScenariosTest.Expectation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * KPIs of agents' day timelines — online time, occupancy, handle time, QA, sales, peer reviews and
 * ticketless NPS — worked out by hand. "Now" is 2026-11-20 12:00 UTC.
 */
class AgentKpiScenariosTest {

    record Scenario(String name, String agentId, List<AgentEvent> events, List<Expectation> expectations) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("online from 23:00 to 01:00 has an hour on each day", "a-1",
                        List.of(agentAt("2026-11-02T23:00:00Z", online("t-1")),
                                agentAt("2026-11-03T01:00:00Z", offline())),
                        List.of(expect("2 Nov", day("2026-11-02"), "online_s", 3_600.0),
                                expect("3 Nov", day("2026-11-03"), "online_s", 3_600.0),
                                expect("team t-1", team("t-1"), "online_s", 7_200.0),
                                // online without handling: occupancy 0; no handle time, so no average (null)
                                expect("tenant", all(), "occupancy", 0.0, "handle_count", 0L, "handle_avg_s", null),
                                expect("a day without online time", day("2026-11-04"), "occupancy", null))),

                new Scenario("busy counts as online, away does not", "a-1",
                        List.of(agentAt("2026-11-02T09:00:00Z", online("t-1")),
                                agentAt("2026-11-02T09:30:00Z", busy()),
                                agentAt("2026-11-02T10:00:00Z", away()),
                                agentAt("2026-11-02T10:30:00Z", online(null)),
                                agentAt("2026-11-02T11:00:00Z", offline())),
                        List.of(expect("tenant", all(), "online_s", 5_400.0),
                                // split by the clock: 09:00-10:00 and 10:30-11:00
                                expect("the 10 o'clock hour", hour("2026-11-02T10:00:00Z"), "online_s", 1_800.0))),

                new Scenario("handle time, its percentiles and occupancy", "a-1",
                        List.of(agentAt("2026-11-02T09:00:00Z", online("t-1")),
                                agentAt("2026-11-02T09:30:00Z", interaction("chat", 300)),
                                agentAt("2026-11-02T10:00:00Z", interaction("phone", 120 + 30 + 30)),
                                agentAt("2026-11-02T11:00:00Z", offline())),
                        List.of(expect("tenant", all(), "handle_count", 2L, "handle_avg_s", 240.0, "handle_total_s", 480.0,
                                        "handle_p50_s", 180.0, "handle_p90_s", 300.0, "online_s", 7_200.0,
                                        "occupancy", 480.0 / 7_200),
                                expect("chat", channel("chat"), "handle_count", 1L, "handle_avg_s", 300.0),
                                expect("agent and team", agent("a-1").and(team("t-1")), "handle_count", 2L))),

                new Scenario("a status counts for 24 hours at most: a forgotten log-off is not days online", "a-1",
                        List.of(agentAt("2026-11-02T08:00:00Z", online("t-1"))),
                        List.of(expect("2 Nov", day("2026-11-02"), "online_s", 57_600.0),
                                expect("3 Nov", day("2026-11-03"), "online_s", 28_800.0),
                                expect("4 Nov", day("2026-11-04"), "online_s", 0.0))),

                new Scenario("the agent's team is the one the latest status change named", "a-1",
                        List.of(agentAt("2026-11-02T08:00:00Z", online("t-1")),
                                agentAt("2026-11-02T09:00:00Z", interaction("chat", 60)),
                                agentAt("2026-11-02T10:00:00Z", busy()),
                                agentAt("2026-11-02T10:30:00Z", interaction("chat", 60)),
                                agentAt("2026-11-02T11:00:00Z", online("t-2")),
                                agentAt("2026-11-02T11:30:00Z", interaction("chat", 60)),
                                agentAt("2026-11-02T12:00:00Z", offline())),
                        List.of(expect("team t-1", team("t-1"), "handle_count", 2L, "online_s", 10_800.0),
                                expect("team t-2", team("t-2"), "handle_count", 1L, "online_s", 3_600.0))),

                new Scenario("QA: the default pass mark 80 decides unless the review says", "a-1",
                        List.of(agentAt("2026-11-02T09:00:00Z", online("t-1")),
                                agentAt("2026-11-02T09:10:00Z", qa(85, null)),
                                agentAt("2026-11-02T09:20:00Z", qa(79.5, null)),
                                agentAt("2026-11-02T09:30:00Z", qa(70, true)),
                                agentAt("2026-11-02T10:00:00Z", offline())),
                        List.of(expect("tenant", all(), "qa_count", 3L, "qa_avg", (85 + 79.5 + 70) / 3,
                                        "qa_pass_rate", 2.0 / 3),
                                expect("team t-1", team("t-1"), "qa_count", 3L))),

                new Scenario("sales and peer reviews; no first responses, so no conversion rate", "a-1",
                        List.of(agentAt("2026-11-02T09:00:00Z", sale(120.5)),
                                agentAt("2026-11-02T09:30:00Z", sale(79.5)),
                                agentAt("2026-11-02T10:00:00Z", peer(4)),
                                agentAt("2026-11-02T10:30:00Z", peer(5))),
                        List.of(expect("tenant", all(), "conversions", 2L, "sales_amount", 200.0, "conversion_rate", null,
                                "peer_review_count", 2L, "peer_review_avg", 4.5),
                                // no status change named a team yet: credited to the agent alone
                                expect("no team", team(""), "conversions", 2L))),

                new Scenario("NPS without a ticket: promoters minus detractors over responses", "a-1",
                        List.of(agentAt("2026-11-02T09:00:00Z", agentNps(10)),
                                agentAt("2026-11-02T09:01:00Z", agentNps(9)),
                                agentAt("2026-11-02T09:02:00Z", agentNps(7)),
                                agentAt("2026-11-02T09:03:00Z", agentNps(3))),
                        List.of(expect("tenant", all(), "nps_count", 4L, "nps", 25.0))),

                new Scenario("NPS naming neither ticket nor agent is the tenant's alone", "",
                        List.of(agentAt("2026-11-02T09:00:00Z", agentNps(0))),
                        List.of(expect("no agent", agent(""), "nps_count", 1L, "nps", -100.0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioGivesTheHandComputedKpis(Scenario scenario) {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEachForAgent(scenario.agentId(), scenario.events());
        for (Expectation expectation : scenario.expectations()) {
            assertKpis(scoring.table.kpis(expectation.filter()), expectation.kpis(), expectation.rows());
        }
    }

    @Test
    void conversionRateIsSalesOverTicketsTheAgentFirstRepliedTo() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEach("T-1", List.of(at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                at("2026-11-02T09:01:00Z", reply("a-1"))));
        scoring.applyEach("T-2", List.of(at("2026-11-02T10:00:00Z", created("chat", "t-1", "a-1")),
                at("2026-11-02T10:01:00Z", reply("a-1"))));
        scoring.applyEachForAgent("a-1", List.of(agentAt("2026-11-02T11:00:00Z", sale(50))));
        assertKpis(scoring.table.kpis(agent("a-1")), Map.of("conversions", 1L, "conversion_rate", 0.5), "agent a-1");
    }

    @Test
    void anOpenSessionCountsUpToNowAndGrowsWhenRefreshed() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEachForAgent("a-1", List.of(agentAt("2026-11-20T10:00:00Z", online("t-1"))));
        assertKpis(scoring.table.kpis(all()), Map.of("online_s", 7_200.0), "now 12:00");

        scoring.refresh("a-1", List.of(LocalDate.parse("2026-11-20")), Instant.parse("2026-11-20T13:30:00Z").toEpochMilli());

        assertKpis(scoring.table.kpis(all()), Map.of("online_s", 12_600.0), "refreshed at 13:30");
    }

    @Test
    void aSessionStillRunningAtMidnightIsCarriedIntoTheNextDayByTheRefresh() {
        InMemoryScoring scoring = new InMemoryScoring(TenantSettings.DEFAULTS,
                Instant.parse("2026-11-19T23:00:00Z").toEpochMilli());
        scoring.applyEachForAgent("a-1", List.of(agentAt("2026-11-19T22:00:00Z", online("t-1"))));
        assertKpis(scoring.table.kpis(all()), Map.of("online_s", 3_600.0), "19 Nov 23:00");

        scoring.refresh("a-1", List.of(LocalDate.parse("2026-11-19")), Instant.parse("2026-11-20T02:00:00Z").toEpochMilli());

        assertKpis(scoring.table.kpis(day("2026-11-19")), Map.of("online_s", 7_200.0), "19 Nov, to midnight");
        assertKpis(scoring.table.kpis(day("2026-11-20")), Map.of("online_s", 7_200.0), "20 Nov, to 02:00");
    }

    @Test
    void aLateStatusChangeRestatesTheNextDay() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEachForAgent("a-1", List.of(agentAt("2026-11-03T00:30:00Z", interaction("phone", 600)),
                agentAt("2026-11-03T02:00:00Z", offline())));
        assertKpis(scoring.table.kpis(team("t-1")), Map.of("handle_count", 0L), "before");
        assertKpis(scoring.table.kpis(team("")), Map.of("handle_count", 1L), "before");

        // the status change of the evening before arrives late: the night's interaction belongs to t-1
        scoring.applyEachForAgent("a-1", List.of(agentAt("2026-11-02T23:00:00Z", online("t-1"))));

        assertKpis(scoring.table.kpis(team("t-1")), Map.of("handle_count", 1L, "online_s", 10_800.0), "after");
        assertKpis(scoring.table.kpis(team("")), Map.of("handle_count", 0L), "after");
        assertKpis(scoring.table.kpis(day("2026-11-03")), Map.of("online_s", 7_200.0, "occupancy", 600.0 / 7_200),
                "3 Nov after");
    }

    static java.util.function.Predicate<AggregateKey> hour(String isoHour) {
        long start = Instant.parse(isoHour).toEpochMilli();
        return key -> key.hourEpochMillis() == start;
    }

    /** All scenarios' events, each scenario's agent renamed so that they do not meet. */
    static List<InMemoryScoring.Delivery> allDeliveries() {
        List<InMemoryScoring.Delivery> deliveries = new ArrayList<>();
        List<Scenario> all = scenarios().toList();
        for (int i = 0; i < all.size(); i++) {
            String agentId = all.get(i).agentId().isEmpty() ? "" : "agent-" + i;
            all.get(i).events().forEach(e -> deliveries.add(InMemoryScoring.Delivery.agent(agentId, e)));
        }
        return deliveries;
    }
}
