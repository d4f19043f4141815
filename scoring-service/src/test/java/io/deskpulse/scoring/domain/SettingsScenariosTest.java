package io.deskpulse.scoring.domain;

import static io.deskpulse.scoring.domain.Events.agentAt;
import static io.deskpulse.scoring.domain.Events.assigned;
import static io.deskpulse.scoring.domain.Events.at;
import static io.deskpulse.scoring.domain.Events.created;
import static io.deskpulse.scoring.domain.Events.createdWithPriority;
import static io.deskpulse.scoring.domain.Events.qa;
import static io.deskpulse.scoring.domain.Events.reply;
import static io.deskpulse.scoring.domain.Events.solved;
import static io.deskpulse.scoring.domain.Events.tagged;
import static io.deskpulse.scoring.domain.KpiScenariosTest.all;
import static io.deskpulse.scoring.domain.KpiScenariosTest.assertKpis;
import static io.deskpulse.scoring.domain.KpiScenariosTest.expect;

import io.deskpulse.scoring.domain.KpiScenariosTest.Expectation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * KPIs that depend on the tenant's settings: business hours (with a holiday, a daylight-saving change
 * and a team with its own hours), first-response targets, the QA pass mark and the complaint tag.
 * Values worked out by hand.
 */
class SettingsScenariosTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Monday to Friday 09:00-17:00 in Berlin, Christmas Day off; team "night" works 22:00-06:00 UTC. */
    static final TenantSettings SETTINGS = new TenantSettings(BERLIN,
            new BusinessHours(null, weekdays(new OpenInterval(9 * 60, 17 * 60)), Set.of(LocalDate.parse("2026-12-25"))),
            Map.of("night", new BusinessHours(ZoneId.of("UTC"), everyDay(new OpenInterval(0, 6 * 60),
                    new OpenInterval(22 * 60, 24 * 60)), Set.of())),
            Map.of("chat", 60L),
            Map.of("urgent", Map.of("email", 3_600L)),
            90, "Escalated");

    record Scenario(String name, List<TimelineEvent> events, List<Expectation> expectations) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("created Friday 16:00, answered Monday 10:00 with 09:00-17:00 hours: 2 business hours",
                        List.of(
                                // 2026-11-06 is a Friday; Berlin is UTC+1 in November
                                at("2026-11-06T15:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-09T09:00:00Z", reply("a-1")),
                                at("2026-11-09T11:00:00Z", solved("a-1"))),
                        List.of(expect("tenant", all(), "first_response_avg_s", 237_600.0,
                                "first_response_bh_avg_s", 7_200.0, "first_response_bh_p50_s", 7_200.0,
                                "resolution_avg_s", 244_800.0, "resolution_bh_avg_s", 14_400.0))),

                new Scenario("a holiday is closed all day",
                        List.of(
                                // Thursday 24 Dec 16:00 Berlin; Friday the 25th is a holiday; Monday 28 Dec 10:00
                                at("2026-12-24T15:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-12-28T09:00:00Z", reply("a-1"))),
                        List.of(expect("tenant", all(), "first_response_bh_avg_s", 7_200.0))),

                new Scenario("a daylight-saving weekend: one more calendar hour, the same business hours",
                        List.of(
                                // Friday 23 Oct 16:00 CEST (UTC+2) to Monday 26 Oct 10:00 CET (UTC+1)
                                at("2026-10-23T14:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-10-26T09:00:00Z", reply("a-1"))),
                        List.of(expect("tenant", all(), "first_response_avg_s", 241_200.0,
                                "first_response_bh_avg_s", 7_200.0))),

                new Scenario("a team with its own hours: the night team's 22:00-06:00 UTC",
                        List.of(
                                at("2026-11-09T21:00:00Z", created("email", "night", "a-1")),
                                at("2026-11-09T23:30:00Z", reply("a-1"))),
                        List.of(expect("tenant", all(), "first_response_avg_s", 9_000.0,
                                "first_response_bh_avg_s", 5_400.0))),

                new Scenario("the hours are those of the team credited at the reply",
                        List.of(
                                at("2026-11-09T20:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-09T21:00:00Z", assigned("a-2", "night")),
                                at("2026-11-09T22:30:00Z", reply("a-2"))),
                        List.of(expect("tenant", all(), "first_response_bh_avg_s", 1_800.0))),

                new Scenario("a chat answered in 45 s meets the tenant's own 60 s target",
                        List.of(
                                at("2026-11-09T09:00:00Z", created("chat", "t-1", "a-1")),
                                at("2026-11-09T09:00:45Z", reply("a-1"))),
                        List.of(expect("tenant", all(), "first_response_sla_met", 1L))),

                new Scenario("an urgent email answered in 2 h misses the 1 h urgent target",
                        List.of(
                                at("2026-11-09T09:00:00Z", createdWithPriority("email", "urgent", "t-1", "a-1")),
                                at("2026-11-09T11:00:00Z", reply("a-1"))),
                        List.of(expect("tenant", all(), "first_response_sla_met", 0L, "first_response_sla_rate", 0.0))),

                new Scenario("a normal email answered in 2 h meets the default 4 h target",
                        List.of(
                                at("2026-11-09T09:00:00Z", createdWithPriority("email", "normal", "t-1", "a-1")),
                                at("2026-11-09T11:00:00Z", reply("a-1"))),
                        List.of(expect("tenant", all(), "first_response_sla_met", 1L))),

                new Scenario("the tenant's complaint tag, not the default one",
                        List.of(
                                at("2026-11-09T09:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-09T10:00:00Z", tagged("complaint")),
                                at("2026-11-09T11:00:00Z", tagged("escalated"))),
                        List.of(expect("tenant", all(), "complaints", 1L))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioGivesTheHandComputedKpis(Scenario scenario) {
        InMemoryScoring scoring = new InMemoryScoring(SETTINGS, InMemoryScoring.NOW);
        scoring.applyEach("T-1", scenario.events());
        for (Expectation expectation : scenario.expectations()) {
            assertKpis(scoring.table.kpis(expectation.filter()), expectation.kpis(), expectation.rows());
        }
    }

    @Test
    void theQaPassMarkDecidesUnlessTheReviewSays() {
        InMemoryScoring scoring = new InMemoryScoring(SETTINGS, InMemoryScoring.NOW);
        scoring.applyEachForAgent("a-1", List.of(
                agentAt("2026-11-09T09:00:00Z", qa(85, null)),
                agentAt("2026-11-09T10:00:00Z", qa(90, null)),
                agentAt("2026-11-09T11:00:00Z", qa(60, true))));
        // pass mark 90: 85 fails, 90 passes, 60 passes because the review says so
        assertKpis(scoring.table.kpis(all()), Map.of("qa_count", 3L, "qa_pass_rate", 2.0 / 3, "qa_avg", 235.0 / 3),
                "tenant");
    }

    static Map<DayOfWeek, List<OpenInterval>> weekdays(OpenInterval... openings) {
        Map<DayOfWeek, List<OpenInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekly.put(day, List.of(openings));
        }
        return weekly;
    }

    static Map<DayOfWeek, List<OpenInterval>> everyDay(OpenInterval... openings) {
        Map<DayOfWeek, List<OpenInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, List.of(openings));
        }
        return weekly;
    }
}
