package io.deskpulse.scoring.domain;

import static io.deskpulse.scoring.domain.Events.assigned;
import static io.deskpulse.scoring.domain.Events.assignedTeamOnly;
import static io.deskpulse.scoring.domain.Events.at;
import static io.deskpulse.scoring.domain.Events.bot;
import static io.deskpulse.scoring.domain.Events.created;
import static io.deskpulse.scoring.domain.Events.createdWithPriority;
import static io.deskpulse.scoring.domain.Events.csat;
import static io.deskpulse.scoring.domain.Events.customer;
import static io.deskpulse.scoring.domain.Events.note;
import static io.deskpulse.scoring.domain.Events.nps;
import static io.deskpulse.scoring.domain.Events.reply;
import static io.deskpulse.scoring.domain.Events.solved;
import static io.deskpulse.scoring.domain.Events.status;
import static io.deskpulse.scoring.domain.Events.system;
import static io.deskpulse.scoring.domain.Events.tagged;
import static io.deskpulse.scoring.domain.Events.unassigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deskpulse.scoring.domain.TicketFact.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of ticket histories and the KPIs worked out by hand from docs/kpis.md. Each history is
 * scored one event at a time in the order written; {@link OrderIndependenceTest} shuffles them.
 */
class KpiScenariosTest {

    /** A ticket history and what its KPIs must be, per group of aggregate rows. */
    record Scenario(String name, List<TimelineEvent> events, List<Expectation> expectations) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Expectation(String rows, Predicate<AggregateKey> filter, Map<String, Object> kpis) {
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("email ticket answered after 95 s, solved after an hour, rated 5",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-02T09:00:00Z", customer()),
                                at("2026-11-02T09:01:35Z", reply("a-1")),
                                at("2026-11-02T09:30:00Z", note("a-2")),
                                at("2026-11-02T10:00:00Z", solved("a-1")),
                                at("2026-11-02T10:05:00Z", csat(5, null))),
                        List.of(
                                expect("tenant", all(), "tickets_created", 1L, "tickets_resolved", 1L,
                                        "first_response_count", 1L, "first_response_avg_s", 95.0,
                                        "first_response_p50_s", 95.0, "first_response_p90_s", 95.0,
                                        "resolution_avg_s", 3600.0, "resolution_p50_s", 3600.0,
                                        "reopened_resolutions", 0L, "reopen_rate", 0.0, "agent_replies", 1L,
                                        "customer_messages", 1L, "csat_count", 1L, "csat_avg", 5.0,
                                        "csat_satisfied_rate", 1.0),
                                // the internal note of a-2 counts nowhere
                                expect("agent a-2", agent("a-2"), "agent_replies", 0L, "first_response_count", 0L),
                                // customer messages are credited to the ticket's team only
                                expect("team t-1", team("t-1"), "customer_messages", 1L, "tickets_created", 1L),
                                expect("agent a-1", agent("a-1"), "customer_messages", 0L, "csat_count", 1L))),

                new Scenario("bot and system messages never count; the first response is counted once",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("chat", "t-1", null)),
                                at("2026-11-02T09:00:05Z", bot()),
                                at("2026-11-02T09:00:06Z", system()),
                                at("2026-11-02T09:00:40Z", reply("a-1")),
                                at("2026-11-02T09:01:40Z", reply("a-2"))),
                        List.of(
                                expect("tenant", all(), "first_response_count", 1L, "first_response_avg_s", 40.0,
                                        "agent_replies", 2L, "tickets_resolved", 0L, "resolution_avg_s", null,
                                        "reopen_rate", null, "csat_avg", null, "csat_satisfied_rate", null),
                                expect("agent a-1", agent("a-1"), "first_response_count", 1L, "agent_replies", 1L),
                                expect("agent a-2", agent("a-2"), "first_response_count", 0L,
                                        "first_response_avg_s", null, "agent_replies", 1L),
                                // created with no agent: the creation is credited to the team only
                                expect("no agent", agent(""), "tickets_created", 1L))),

                new Scenario("a reopen a week later restates the solve it undoes",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-02T09:10:00Z", reply("a-1")),
                                at("2026-11-02T10:00:00Z", solved("a-1")),
                                at("2026-11-09T10:00:00Z", status(Status.OPEN, null)),
                                at("2026-11-09T11:00:00Z", assigned("a-2", "t-1")),
                                at("2026-11-09T12:00:00Z", solved(null)),
                                at("2026-11-10T08:00:00Z", status(Status.CLOSED, "a-2"))),
                        List.of(
                                // both solves count; only the first was reopened. Resolution times:
                                // 3600 s and 7 days 3 h = 615600 s.
                                expect("tenant", all(), "tickets_resolved", 2L, "reopened_resolutions", 1L,
                                        "reopen_rate", 0.5, "resolution_avg_s", (3600.0 + 615600.0) / 2,
                                        "resolution_p50_s", 3600.0, "resolution_p90_s", 615600.0),
                                expect("a-1 on 2 Nov", agent("a-1").and(day("2026-11-02")), "tickets_resolved", 1L,
                                        "reopened_resolutions", 1L, "reopen_rate", 1.0),
                                // the second solve has no agent on the status change: the assignee is credited
                                expect("a-2 on 9 Nov", agent("a-2").and(day("2026-11-09")), "tickets_resolved", 1L,
                                        "reopened_resolutions", 0L, "reopen_rate", 0.0),
                                // solved -> closed is not a new resolution
                                expect("10 Nov", day("2026-11-10"), "tickets_resolved", 0L))),

                new Scenario("a CSAT rating changed a week later moves out of the old period",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                                at("2026-11-02T12:00:00Z", csat(2, null)),
                                at("2026-11-09T12:00:00Z", csat(5, null))),
                        List.of(
                                expect("2 Nov", day("2026-11-02"), "csat_count", 0L, "csat_avg", null),
                                expect("9 Nov", day("2026-11-09"), "csat_count", 1L, "csat_avg", 5.0,
                                        "csat_satisfied_rate", 1.0),
                                expect("tenant", all(), "csat_count", 1L))),

                new Scenario("attribution is frozen at event time when the ticket moves to another team",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("web", "t-1", "a-1")),
                                at("2026-11-02T09:05:00Z", reply("a-1")),
                                at("2026-11-02T10:00:00Z", assigned("a-3", "t-2")),
                                at("2026-11-02T10:00:30Z", customer()),
                                at("2026-11-02T10:30:00Z", reply("a-3")),
                                at("2026-11-02T11:00:00Z", solved(null)),
                                at("2026-11-02T11:30:00Z", csat(3, null))),
                        List.of(
                                expect("team t-1", team("t-1"), "tickets_created", 1L, "first_response_count", 1L,
                                        "first_response_avg_s", 300.0, "agent_replies", 1L, "tickets_resolved", 0L,
                                        "customer_messages", 0L, "csat_count", 0L),
                                expect("team t-2", team("t-2"), "tickets_created", 0L, "first_response_count", 0L,
                                        "agent_replies", 1L, "tickets_resolved", 1L, "resolution_avg_s", 7200.0,
                                        "customer_messages", 1L, "csat_count", 1L, "csat_avg", 3.0,
                                        "csat_satisfied_rate", 0.0),
                                expect("agent a-3", agent("a-3"), "tickets_resolved", 1L, "csat_count", 1L))),

                new Scenario("a transfer before the first reply credits the first response to the new holder",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("phone", "t-1", "a-1")),
                                at("2026-11-02T09:00:10Z", assignedTeamOnly("t-2")),
                                at("2026-11-02T09:00:12Z", assigned("a-2", "t-2")),
                                at("2026-11-02T09:00:15Z", reply("a-2"))),
                        List.of(
                                expect("team t-2", team("t-2").and(agent("a-2")), "first_response_count", 1L,
                                        "first_response_avg_s", 15.0),
                                expect("team t-1", team("t-1"), "first_response_count", 0L, "tickets_created", 1L))),

                new Scenario("an explicit null agent unassigns: the solve goes to the team alone",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-02T09:30:00Z", unassigned()),
                                at("2026-11-02T10:00:00Z", solved(null))),
                        List.of(
                                expect("no agent", team("t-1").and(agent("")), "tickets_resolved", 1L,
                                        "resolution_avg_s", 3600.0),
                                expect("agent a-1", agent("a-1"), "tickets_resolved", 0L, "tickets_created", 1L))),

                new Scenario("a ticket whose creation never arrived still counts what needs no creation",
                        List.of(
                                at("2026-11-02T09:05:00Z", reply("a-1")),
                                at("2026-11-02T09:06:00Z", customer()),
                                at("2026-11-02T10:00:00Z", solved("a-1"))),
                        List.of(
                                expect("tenant", all(), "tickets_created", 0L, "tickets_resolved", 1L,
                                        "resolution_avg_s", null, "first_response_count", 0L, "agent_replies", 1L,
                                        "customer_messages", 1L),
                                expect("unknown channel", channel(""), "tickets_resolved", 1L))),

                new Scenario("closed -> solved and solved -> closed are not new resolutions; pending is a reopen",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-02T10:00:00Z", solved("a-1")),
                                at("2026-11-02T11:00:00Z", status(Status.CLOSED, "a-1")),
                                at("2026-11-02T12:00:00Z", solved("a-1")),
                                at("2026-11-03T09:00:00Z", status(Status.PENDING, "a-1")),
                                at("2026-11-03T10:00:00Z", status(Status.CLOSED, "a-1"))),
                        List.of(
                                expect("tenant", all(), "tickets_resolved", 2L, "reopened_resolutions", 1L,
                                        "resolution_avg_s", (3600.0 + 90000.0) / 2),
                                expect("3 Nov", day("2026-11-03"), "tickets_resolved", 1L, "reopened_resolutions", 0L))),

                new Scenario("same-second events: creation before reply, reply before solve; skewed reply is 0 s",
                        List.of(
                                at("2026-11-02T09:00:00Z", reply("a-1")),
                                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                                at("2026-11-02T09:00:00Z", solved("a-1")),
                                at("2026-11-02T08:59:00Z", reply("a-2"))),
                        List.of(
                                // a-2's reply is stamped a minute before creation (clock skew): it is the
                                // first reply, and counts as immediate
                                expect("tenant", all(), "first_response_count", 1L, "first_response_avg_s", 0.0,
                                        "first_response_p50_s", 0.0, "agent_replies", 2L, "resolution_avg_s", 0.0),
                                expect("agent a-2", agent("a-2"), "first_response_count", 1L))),

                new Scenario("one reply, then solved: resolved on first contact",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-02T09:00:00Z", customer()),
                                at("2026-11-02T09:10:00Z", reply("a-1")),
                                at("2026-11-02T09:30:00Z", solved("a-1"))),
                        List.of(expect("tenant", all(), "first_resolutions", 1L, "fcr_count", 1L, "fcr_rate", 1.0,
                                "transfers", 0L))),

                new Scenario("two public replies before the solve: not first contact",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-02T09:10:00Z", reply("a-1")),
                                at("2026-11-02T09:20:00Z", customer()),
                                at("2026-11-02T09:25:00Z", reply("a-1")),
                                at("2026-11-02T09:30:00Z", solved("a-1"))),
                        List.of(expect("tenant", all(), "first_resolutions", 1L, "fcr_count", 0L, "fcr_rate", 0.0))),

                new Scenario("an internal note does not spoil first contact; a transfer does",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-02T09:01:00Z", note("a-1")),
                                at("2026-11-02T09:05:00Z", assigned("a-2", "t-1")),
                                at("2026-11-02T09:10:00Z", reply("a-2")),
                                at("2026-11-02T09:30:00Z", solved("a-2"))),
                        List.of(expect("tenant", all(), "first_resolutions", 1L, "fcr_count", 0L, "transfers", 1L),
                                // the transfer is credited to the agent handing over, the resolution to the solver
                                expect("agent a-1", agent("a-1"), "transfers", 1L, "first_resolutions", 0L),
                                expect("agent a-2", agent("a-2"), "transfers", 0L, "first_resolutions", 1L))),

                new Scenario("a reopen a week later undoes first contact; only the first solve is a first resolution",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                                at("2026-11-02T09:01:00Z", reply("a-1")),
                                at("2026-11-02T09:30:00Z", solved("a-1")),
                                at("2026-11-09T09:00:00Z", status(Status.OPEN, null)),
                                at("2026-11-09T10:00:00Z", solved("a-1"))),
                        List.of(expect("2 Nov", day("2026-11-02"), "first_resolutions", 1L, "fcr_count", 0L,
                                        "fcr_rate", 0.0, "tickets_resolved", 1L),
                                expect("9 Nov", day("2026-11-09"), "first_resolutions", 0L, "fcr_rate", null,
                                        "tickets_resolved", 1L))),

                new Scenario("transfers: handing over to another agent or team counts, from or to nobody does not",
                        List.of(
                                at("2026-11-02T08:00:00Z", created("email", "t-1", null)),
                                at("2026-11-02T09:00:00Z", assigned("a-1", "t-1")),
                                at("2026-11-02T10:00:00Z", assigned("a-2", "t-1")),
                                at("2026-11-02T11:00:00Z", assignedTeamOnly("t-2")),
                                at("2026-11-02T12:00:00Z", unassigned()),
                                at("2026-11-02T13:00:00Z", assigned("a-3", "t-2")),
                                at("2026-11-02T14:00:00Z", assigned("a-3", "t-2"))),
                        List.of(expect("tenant", all(), "transfers", 2L),
                                expect("a-1 hands to a-2", agent("a-1"), "transfers", 1L),
                                expect("a-2 hands t-1 to t-2", agent("a-2").and(team("t-1")), "transfers", 1L),
                                expect("team t-2 handed nothing over", team("t-2"), "transfers", 0L),
                                expect("in the hours of the handovers", day("2026-11-02"), "transfers", 2L))),

                new Scenario("chat answered in 25 s meets the 30 s target",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                                at("2026-11-02T09:00:25Z", reply("a-1"))),
                        List.of(expect("tenant", all(), "first_response_sla_met", 1L, "first_response_sla_rate", 1.0))),

                new Scenario("chat answered in exactly 30 s meets the target (the target is inclusive)",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                                at("2026-11-02T09:00:30Z", reply("a-1"))),
                        List.of(expect("tenant", all(), "first_response_sla_met", 1L))),

                new Scenario("phone answered in 21 s misses the 20 s target",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("phone", "t-1", "a-1")),
                                at("2026-11-02T09:00:21Z", reply("a-1"))),
                        List.of(expect("tenant", all(), "first_response_sla_met", 0L, "first_response_sla_rate", 0.0,
                                "first_response_count", 1L))),

                new Scenario("an urgent email answered in 3 h 59 min meets the default 4 h email target",
                        List.of(
                                at("2026-11-02T09:00:00Z", createdWithPriority("email", "urgent", "t-1", "a-1")),
                                at("2026-11-02T12:59:00Z", reply("a-1"))),
                        List.of(expect("tenant", all(), "first_response_sla_met", 1L))),

                new Scenario("a ticket is a complaint once, when first tagged so (case-insensitive)",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-02T09:30:00Z", tagged("vip")),
                                at("2026-11-02T10:00:00Z", assigned("a-2", "t-2")),
                                at("2026-11-02T10:30:00Z", tagged("Complaint", "vip")),
                                at("2026-11-03T09:00:00Z", tagged("complaint")),
                                at("2026-11-03T10:00:00Z", tagged())),
                        List.of(expect("tenant", all(), "complaints", 1L),
                                expect("credited at tagging", agent("a-2").and(team("t-2")).and(day("2026-11-02")),
                                        "complaints", 1L))),

                new Scenario("NPS on a ticket: credited to the survey's agent, else the assignee",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-02T10:00:00Z", nps(10, null)),
                                at("2026-11-02T11:00:00Z", nps(3, "a-9")),
                                at("2026-11-02T12:00:00Z", nps(8, null))),
                        List.of(expect("tenant", all(), "nps_count", 3L, "nps", 0.0),
                                expect("agent a-1", agent("a-1"), "nps_count", 2L, "nps", 50.0),
                                expect("agent a-9", agent("a-9"), "nps_count", 1L, "nps", -100.0),
                                expect("empty group", agent("a-2"), "nps_count", 0L, "nps", null))),

                new Scenario("without business hours, business-hours durations equal calendar durations",
                        List.of(
                                at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1")),
                                at("2026-11-02T09:01:35Z", reply("a-1")),
                                at("2026-11-02T10:00:00Z", solved("a-1"))),
                        List.of(expect("tenant", all(), "first_response_bh_avg_s", 95.0, "first_response_bh_p50_s", 95.0,
                                "resolution_bh_avg_s", 3600.0, "resolution_bh_p90_s", 3600.0))));
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

    static void assertKpis(Map<String, Object> actual, Map<String, Object> expected, String rows) {
        expected.forEach((metric, value) -> {
            Object got = actual.get(metric);
            String what = metric + " of " + rows;
            if (value == null) {
                assertThat(got).as(what).isNull();
            } else if (metric.contains("_p50_") || metric.contains("_p90_")) {
                // percentiles come from histograms: within 1 % of the exact value
                assertThat((Double) got).as(what).isCloseTo((Double) value, within(Math.abs((Double) value) * 0.01 + 1e-9));
            } else if (value instanceof Double d) {
                assertThat((Double) got).as(what).isCloseTo(d, within(1e-9));
            } else {
                assertThat(got).as(what).isEqualTo(value);
            }
        });
    }

    static Expectation expect(String rows, Predicate<AggregateKey> filter, Object... metricsAndValues) {
        Map<String, Object> kpis = new LinkedHashMap<>();
        for (int i = 0; i < metricsAndValues.length; i += 2) {
            kpis.put((String) metricsAndValues[i], metricsAndValues[i + 1]);
        }
        return new Expectation(rows, filter, kpis);
    }

    static Predicate<AggregateKey> all() {
        return key -> true;
    }

    static Predicate<AggregateKey> agent(String agent) {
        return key -> key.agentId().equals(agent);
    }

    static Predicate<AggregateKey> team(String team) {
        return key -> key.teamId().equals(team);
    }

    static Predicate<AggregateKey> channel(String channel) {
        return key -> key.channel().equals(channel);
    }

    /** Rows of a UTC day. */
    static Predicate<AggregateKey> day(String isoDate) {
        long start = Instant.parse(isoDate + "T00:00:00Z").toEpochMilli();
        return key -> key.hourEpochMillis() >= start && key.hourEpochMillis() < start + 24 * AggregateKey.HOUR_MILLIS;
    }

    /** All scenarios' events, each scenario on its own ticket. */
    static List<InMemoryScoring.Delivery> allDeliveries() {
        return deliveries("T-", scenarios().toList());
    }

    /** The scenarios' events, each scenario on its own ticket: {@code prefix} and its index. */
    static List<InMemoryScoring.Delivery> deliveries(String prefix, List<Scenario> all) {
        List<InMemoryScoring.Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String ticket = prefix + i;
            all.get(i).events().forEach(e -> deliveries.add(InMemoryScoring.Delivery.ticket(ticket, e)));
        }
        return deliveries;
    }
}
