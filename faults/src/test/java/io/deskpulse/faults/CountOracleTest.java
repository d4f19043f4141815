package io.deskpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The independent oracle's arithmetic: kpis.md's definitions, from events, per UTC day. */
class CountOracleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Traffic.Event> events = new ArrayList<>();

    private void event(String type, String time, String data) throws Exception {
        var node = JSON.readTree(data);
        events.add(new Traffic.Event(events.size(), "test", "e-" + events.size(), type, Instant.parse(time),
                node.path("ticket_id").asText(null), node));
    }

    private static final LocalDate MON = LocalDate.parse("2026-11-02");
    private static final LocalDate TUE = LocalDate.parse("2026-11-03");

    /** A ticket created Monday, answered, solved, rated 2, reopened and solved again Tuesday, re-rated 5 Tuesday. */
    private void ticket() throws Exception {
        event("ticket.created", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T-1\",\"channel\":\"email\",\"team_id\":\"t\"}");
        event("ticket.message", "2026-11-02T09:00:05Z", "{\"ticket_id\":\"T-1\",\"author\":\"customer\",\"public\":true}");
        event("ticket.message", "2026-11-02T09:00:06Z", "{\"ticket_id\":\"T-1\",\"author\":\"bot\",\"public\":true}");
        event("ticket.message", "2026-11-02T09:01:00Z", "{\"ticket_id\":\"T-1\",\"author\":\"agent\",\"agent_id\":\"a\","
                + "\"public\":false}");
        event("ticket.message", "2026-11-02T09:02:00Z", "{\"ticket_id\":\"T-1\",\"author\":\"agent\",\"agent_id\":\"a\","
                + "\"public\":true}");
        event("ticket.status_changed", "2026-11-02T10:00:00Z", "{\"ticket_id\":\"T-1\",\"status\":\"pending\"}");
        event("ticket.status_changed", "2026-11-02T11:00:00Z", "{\"ticket_id\":\"T-1\",\"status\":\"solved\"}");
        event("ticket.tagged", "2026-11-02T11:30:00Z", "{\"ticket_id\":\"T-1\",\"tags\":[\"Complaint\",\"vip\"]}");
        event("survey.csat", "2026-11-02T12:00:00Z", "{\"ticket_id\":\"T-1\",\"score\":2}");
        event("ticket.status_changed", "2026-11-03T08:00:00Z", "{\"ticket_id\":\"T-1\",\"status\":\"open\"}");
        event("ticket.tagged", "2026-11-03T08:30:00Z", "{\"ticket_id\":\"T-1\",\"tags\":[\"complaint\"]}");
        event("ticket.message", "2026-11-03T08:40:00Z", "{\"ticket_id\":\"T-1\",\"author\":\"agent\",\"agent_id\":\"b\","
                + "\"public\":true}");
        event("ticket.status_changed", "2026-11-03T09:00:00Z", "{\"ticket_id\":\"T-1\",\"status\":\"solved\"}");
        event("ticket.status_changed", "2026-11-03T10:00:00Z", "{\"ticket_id\":\"T-1\",\"status\":\"closed\"}");
        event("survey.csat", "2026-11-03T12:00:00Z", "{\"ticket_id\":\"T-1\",\"score\":5}");
        event("survey.nps", "2026-11-03T12:30:00Z", "{\"ticket_id\":\"T-1\",\"score\":9}");
    }

    private void agentDay() throws Exception {
        event("interaction.completed", "2026-11-02T10:00:00Z", "{\"agent_id\":\"a\",\"channel\":\"chat\",\"ticket_id\":\"T-9\","
                + "\"talk_s\":240,\"hold_s\":30,\"wrap_s\":60}");
        event("qa.review", "2026-11-02T10:10:00Z", "{\"agent_id\":\"a\",\"ticket_id\":\"T-9\",\"score\":80}");
        event("sale.converted", "2026-11-03T10:20:00Z", "{\"agent_id\":\"a\",\"ticket_id\":\"T-9\",\"amount\":49.95,"
                + "\"currency\":\"EUR\"}");
        event("peer.review", "2026-11-03T10:30:00Z", "{\"agent_id\":\"a\",\"reviewer_id\":\"b\",\"score\":4}");
        event("agent.status_changed", "2026-11-02T08:00:00Z", "{\"agent_id\":\"a\",\"status\":\"online\"}");
    }

    @Test
    void countsPerDayAsTheDefinitionsSay() throws Exception {
        ticket();
        agentDay();

        Map<String, Map<LocalDate, Long>> expected = CountOracle.expected(events);

        assertThat(expected.get("tickets_created")).isEqualTo(Map.of(MON, 1L));
        assertThat(expected.get("customer_messages")).isEqualTo(Map.of(MON, 1L));
        // the internal note and the bot do not count; the first public reply is Monday's
        assertThat(expected.get("agent_replies")).isEqualTo(Map.of(MON, 1L, TUE, 1L));
        assertThat(expected.get("first_response_count")).isEqualTo(Map.of(MON, 1L));
        // pending -> solved Monday, open -> solved Tuesday; solved -> closed is no new resolution
        assertThat(expected.get("tickets_resolved")).isEqualTo(Map.of(MON, 1L, TUE, 1L));
        assertThat(expected.get("first_resolutions")).isEqualTo(Map.of(MON, 1L));
        // the latest rating counts, on its day
        assertThat(expected.get("csat_count")).isEqualTo(Map.of(TUE, 1L));
        // tagged twice, counted once, when first tagged (case-insensitive)
        assertThat(expected.get("complaints")).isEqualTo(Map.of(MON, 1L));
        assertThat(expected.get("nps_count")).isEqualTo(Map.of(TUE, 1L));
        assertThat(expected.get("handle_count")).isEqualTo(Map.of(MON, 1L));
        assertThat(expected.get("handle_total_s")).isEqualTo(Map.of(MON, 330_000L));
        assertThat(expected.get("qa_count")).isEqualTo(Map.of(MON, 1L));
        assertThat(expected.get("conversions")).isEqualTo(Map.of(TUE, 1L));
        assertThat(expected.get("sales_amount")).isEqualTo(Map.of(TUE, 49_950L));
        assertThat(expected.get("peer_review_count")).isEqualTo(Map.of(TUE, 1L));
        // the first public reply answers the creation; Tuesday's reply has nobody waiting
        assertThat(expected.get("reply_count")).isEqualTo(Map.of(MON, 1L));
    }

    @Test
    void everyReplyToAWaitingCustomerCountsOnce() throws Exception {
        event("ticket.created", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T-3\",\"channel\":\"chat\"}");
        event("ticket.message", "2026-11-02T09:01:00Z", "{\"ticket_id\":\"T-3\",\"author\":\"agent\",\"agent_id\":\"a\"}");
        event("ticket.message", "2026-11-02T09:05:00Z", "{\"ticket_id\":\"T-3\",\"author\":\"customer\"}");
        event("ticket.message", "2026-11-02T09:06:00Z", "{\"ticket_id\":\"T-3\",\"author\":\"customer\"}");
        event("ticket.message", "2026-11-02T09:06:30Z", "{\"ticket_id\":\"T-3\",\"author\":\"bot\"}");
        event("ticket.message", "2026-11-02T09:07:00Z", "{\"ticket_id\":\"T-3\",\"author\":\"agent\",\"agent_id\":\"a\","
                + "\"public\":false}");
        event("ticket.message", "2026-11-03T09:00:00Z", "{\"ticket_id\":\"T-3\",\"author\":\"agent\",\"agent_id\":\"a\"}");
        event("ticket.message", "2026-11-03T09:01:00Z", "{\"ticket_id\":\"T-3\",\"author\":\"agent\",\"agent_id\":\"b\"}");
        // no creation: the first reply answers the customer
        event("ticket.message", "2026-11-02T10:00:00Z", "{\"ticket_id\":\"T-4\",\"author\":\"customer\"}");
        event("ticket.message", "2026-11-02T10:05:00Z", "{\"ticket_id\":\"T-4\",\"author\":\"agent\",\"agent_id\":\"a\"}");
        event("ticket.message", "2026-11-02T11:00:00Z", "{\"ticket_id\":\"T-5\",\"author\":\"agent\",\"agent_id\":\"a\"}");

        Map<String, Map<LocalDate, Long>> expected = CountOracle.expected(events);

        // T-3: 09:01 (the creation's wait) and Tuesday 09:00 (the two customer messages); 09:01 Tuesday answers nobody.
        // T-4: its reply answers the customer; T-5: a reply with nobody waiting and no creation counts nothing
        assertThat(expected.get("reply_count")).isEqualTo(Map.of(MON, 2L, TUE, 1L));
        // Monday: T-3's 60 s and T-4's 300 s; Tuesday: from the first of the two customer messages, 09:05 Monday
        assertThat(expected.get("reply_avg_s")).isEqualTo(Map.of(MON, 180_000L, TUE, (86_400L - 300) * 1000));
        assertThat(expected.get("reply_bh_avg_s")).isEqualTo(expected.get("reply_avg_s"));
        assertThat(expected.get("first_response_count")).isEqualTo(Map.of(MON, 1L));
    }

    /**
     * A call answered within the second it was created in, the answer delivered first: scoring orders events of the
     * same time by kind, creation first, so it is a first response of 0 s (the full run of seed 24881878 had one).
     */
    @Test
    void eventsOfTheSameTimeAreTakenInScoringsOrderOfKinds() throws Exception {
        event("ticket.message", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T-2\",\"author\":\"agent\",\"agent_id\":\"a\","
                + "\"public\":true}");
        event("ticket.status_changed", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T-2\",\"status\":\"solved\"}");
        event("ticket.created", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T-2\",\"channel\":\"phone\"}");

        Map<String, Map<LocalDate, Long>> expected = CountOracle.expected(events);

        assertThat(expected.get("first_response_count")).isEqualTo(Map.of(MON, 1L));
        assertThat(expected.get("tickets_created")).isEqualTo(Map.of(MON, 1L));
        assertThat(expected.get("first_resolutions")).isEqualTo(Map.of(MON, 1L));
    }

    @Test
    void aShortfallIsLostAndAnExcessDoubledDayByDay() throws Exception {
        ticket();
        agentDay();
        Map<String, Map<LocalDate, Long>> expected = CountOracle.expected(events);
        ObjectNode monday = row(MON);
        ObjectNode tuesday = row(TUE);
        fill(expected, MON, monday);
        fill(expected, TUE, tuesday);
        assertThat(CountOracle.compare(expected, List.of(monday, tuesday)).exact()).isTrue();

        // one reply missing on Monday, one counted twice on Tuesday: the totals agree, the days do not
        monday.put("agent_replies", 0);
        tuesday.put("agent_replies", 2);
        tuesday.put("sales_amount", 50.0);
        CountOracle.Check check = CountOracle.compare(expected, List.of(monday, tuesday));

        assertThat(check.lost()).isEqualTo(1);
        assertThat(check.doubled()).isEqualTo(1);
        assertThat(check.totalsOff()).isEqualTo(50);
        assertThat(check.metrics()).filteredOn(m -> m.metric().equals("agent_replies")).singleElement()
                .isEqualTo(new CountOracle.MetricCheck("agent_replies", 2, 2, 1, 1));
    }

    @Test
    void aDayTheReportsLackEntirelyIsLostWhole() throws Exception {
        ticket();
        Map<String, Map<LocalDate, Long>> expected = CountOracle.expected(events);
        ObjectNode monday = row(MON);
        fill(expected, MON, monday);

        CountOracle.Check check = CountOracle.compare(expected, List.of(monday));

        // Tuesday: a reply, a resolution, the rating and the NPS response
        assertThat(check.lost()).isEqualTo(4);
        assertThat(check.doubled()).isZero();
    }

    /** kpis.md, Queues: the earliest offer says the day, the earliest answer (else abandonment) the outcome. */
    @Test
    void queueNumbersAsTheDefinitionsSay() throws Exception {
        event("interaction.offered", "2026-11-02T09:00:00Z", "{\"interaction_id\":\"C-1\",\"channel\":\"phone\",\"team_id\":\"t\"}");
        event("interaction.answered", "2026-11-02T09:00:12Z", "{\"interaction_id\":\"C-1\",\"agent_id\":\"a\",\"wait_s\":12}");
        // answered after the service level; the disconnect afterwards is no abandonment
        event("interaction.offered", "2026-11-02T09:01:00Z", "{\"interaction_id\":\"C-2\",\"channel\":\"phone\",\"queue_id\":\"q\"}");
        event("interaction.answered", "2026-11-02T09:01:25Z", "{\"interaction_id\":\"C-2\",\"agent_id\":\"a\",\"wait_s\":25}");
        event("interaction.abandoned", "2026-11-02T09:02:25Z", "{\"interaction_id\":\"C-2\",\"wait_s\":85}");
        // a chat answered at exactly its 30 s meets the service level
        event("interaction.offered", "2026-11-02T09:02:00Z", "{\"interaction_id\":\"C-3\",\"channel\":\"chat\",\"team_id\":\"t\"}");
        event("interaction.answered", "2026-11-02T09:02:30Z", "{\"interaction_id\":\"C-3\",\"agent_id\":\"b\",\"wait_s\":30}");
        // abandoned after 40 s; after 3 s (short); after exactly 5 s (not short)
        event("interaction.offered", "2026-11-02T09:03:00Z", "{\"interaction_id\":\"C-4\",\"channel\":\"phone\",\"team_id\":\"t\"}");
        event("interaction.abandoned", "2026-11-02T09:03:40Z", "{\"interaction_id\":\"C-4\",\"wait_s\":40}");
        event("interaction.offered", "2026-11-02T09:04:00Z", "{\"interaction_id\":\"C-5\",\"channel\":\"phone\",\"team_id\":\"t\"}");
        event("interaction.abandoned", "2026-11-02T09:04:03Z", "{\"interaction_id\":\"C-5\",\"wait_s\":3}");
        event("interaction.offered", "2026-11-02T09:05:00Z", "{\"interaction_id\":\"C-6\",\"channel\":\"phone\",\"team_id\":\"t\"}");
        event("interaction.abandoned", "2026-11-02T09:05:05Z", "{\"interaction_id\":\"C-6\",\"wait_s\":5}");
        // an answer whose offer never arrived counts nothing
        event("interaction.answered", "2026-11-02T09:06:00Z", "{\"interaction_id\":\"C-7\",\"agent_id\":\"a\",\"wait_s\":1}");
        // offered Monday, answered Tuesday at exactly the phone's 20 s: Monday's, and within the service level
        event("interaction.offered", "2026-11-02T23:59:50Z", "{\"interaction_id\":\"C-8\",\"channel\":\"phone\",\"team_id\":\"t\"}");
        event("interaction.answered", "2026-11-03T00:00:10Z", "{\"interaction_id\":\"C-8\",\"agent_id\":\"a\",\"wait_s\":20}");
        // re-queued on Tuesday: the earliest offer (Monday) counts, once; still waiting
        event("interaction.offered", "2026-11-03T09:00:00Z", "{\"interaction_id\":\"C-9\",\"channel\":\"chat\",\"queue_id\":\"x\"}");
        event("interaction.offered", "2026-11-02T10:00:00Z", "{\"interaction_id\":\"C-9\",\"channel\":\"chat\",\"team_id\":\"t\"}");
        // abandoned, then answered after all: answered
        event("interaction.offered", "2026-11-02T11:00:00Z", "{\"interaction_id\":\"C-10\",\"channel\":\"phone\",\"team_id\":\"t\"}");
        event("interaction.abandoned", "2026-11-02T11:00:50Z", "{\"interaction_id\":\"C-10\",\"wait_s\":50}");
        event("interaction.answered", "2026-11-02T11:00:55Z", "{\"interaction_id\":\"C-10\",\"agent_id\":\"a\",\"wait_s\":55}");

        Map<String, Map<LocalDate, Long>> expected = CountOracle.expected(events);

        assertThat(expected.get("offered")).isEqualTo(Map.of(MON, 9L));
        assertThat(expected.get("answered")).isEqualTo(Map.of(MON, 5L));
        assertThat(expected.get("abandoned")).isEqualTo(Map.of(MON, 2L));
        assertThat(expected.get("short_abandoned")).isEqualTo(Map.of(MON, 1L));
        // C-1 (12 s), C-3 (chat, 30 s), C-8 (phone, 20 s)
        assertThat(expected.get("service_level_met")).isEqualTo(Map.of(MON, 3L));
        // the day's average wait in ms, rounded half up: 142 s / 5
        assertThat(expected.get("asa_s")).isEqualTo(Map.of(MON, 28_400L));
    }

    /** kpis.md, Customer effort: the latest answer per ticket; 1..5 mapped onto 1..7; easy from 5. */
    @Test
    void effortIsTheLatestAnswerOnTheSevenPointScale() throws Exception {
        event("survey.ces", "2026-11-02T10:00:00Z", "{\"ticket_id\":\"T-1\",\"score\":3}");
        event("survey.ces", "2026-11-02T12:00:00Z", "{\"ticket_id\":\"T-1\",\"score\":6,\"scale\":\"1-7\"}");
        event("survey.ces", "2026-11-02T12:00:00Z", "{\"ticket_id\":\"T-2\",\"score\":4,\"scale\":\"1-5\"}");
        event("survey.ces", "2026-11-03T12:00:00Z", "{\"ticket_id\":\"T-3\",\"score\":3,\"scale\":\"1-5\"}");
        event("survey.ces", "2026-11-03T12:00:00Z", "{\"ticket_id\":\"T-4\",\"score\":5,\"agent_id\":\"a\"}");
        // an older answer arriving late changes nothing
        event("survey.ces", "2026-11-02T08:00:00Z", "{\"ticket_id\":\"T-4\",\"score\":7}");

        Map<String, Map<LocalDate, Long>> expected = CountOracle.expected(events);

        assertThat(expected.get("ces_count")).isEqualTo(Map.of(MON, 2L, TUE, 2L));
        // Monday: 6 and 4 of 5 = 5.5; Tuesday: 3 of 5 = 4.0 and 5
        assertThat(expected.get("ces_sum")).isEqualTo(Map.of(MON, 11_500L, TUE, 9_000L));
        assertThat(expected.get("ces_easy")).isEqualTo(Map.of(MON, 2L, TUE, 1L));
    }

    /** kpis.md, Sentiment: a conversation score replaces the ticket's message scores; negative at −0.25 and below. */
    @Test
    void sentimentCountsTheConversationScoreElseTheCustomersMessages() throws Exception {
        event("ticket.message", "2026-11-02T09:01:00Z", "{\"ticket_id\":\"T-5\",\"author\":\"customer\",\"sentiment\":-0.6}");
        event("ticket.message", "2026-11-02T09:02:00Z", "{\"ticket_id\":\"T-5\",\"author\":\"customer\",\"sentiment\":0.2}");
        event("ticket.message", "2026-11-02T09:03:00Z", "{\"ticket_id\":\"T-5\",\"author\":\"agent\",\"agent_id\":\"a\","
                + "\"sentiment\":-0.9}");
        event("ticket.message", "2026-11-02T09:03:30Z", "{\"ticket_id\":\"T-5\",\"author\":\"customer\"}");
        event("ticket.message", "2026-11-03T09:04:00Z", "{\"ticket_id\":\"T-5\",\"author\":\"customer\",\"sentiment\":-0.25}");
        event("ticket.message", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T-6\",\"author\":\"customer\",\"sentiment\":-0.8}");
        event("ticket.sentiment", "2026-11-02T10:00:00Z", "{\"ticket_id\":\"T-6\",\"sentiment\":-0.5}");
        event("ticket.sentiment", "2026-11-03T11:00:00Z", "{\"ticket_id\":\"T-6\",\"sentiment\":0.4,\"agent_id\":\"c\"}");

        Map<String, Map<LocalDate, Long>> expected = CountOracle.expected(events);

        // Monday: T-5's −0.6 and 0.2 (the agent's score is ignored); Tuesday: T-5's −0.25 and T-6's latest 0.4
        assertThat(expected.get("sentiment_count")).isEqualTo(Map.of(MON, 2L, TUE, 2L));
        assertThat(expected.get("sentiment_sum")).isEqualTo(Map.of(MON, -400L, TUE, 150L));
        assertThat(expected.get("sentiment_negative")).isEqualTo(Map.of(MON, 1L, TUE, 1L));
    }

    /**
     * kpis.md, Cost, with the run's rates: online time in pieces cut by the clock, each rounded to the thousandth, at
     * the role's rate, else the team's, else the default; a contact at its channel's rate, else the role's, else the
     * default.
     */
    @Test
    void onlineTimeAndContactsCostTheRunsRates() throws Exception {
        // billing-01 holds the senior role (41.333 an hour): two pieces of 20 minutes, 13.778 each
        event("agent.status_changed", "2026-11-02T09:40:00Z", "{\"agent_id\":\"billing-01\",\"status\":\"online\","
                + "\"team_id\":\"billing\"}");
        event("agent.status_changed", "2026-11-02T10:00:00Z", "{\"agent_id\":\"billing-01\",\"status\":\"busy\"}");
        event("agent.status_changed", "2026-11-02T10:20:00Z", "{\"agent_id\":\"billing-01\",\"status\":\"away\"}");
        event("agent.status_changed", "2026-11-02T11:00:00Z", "{\"agent_id\":\"billing-01\",\"status\":\"offline\"}");
        // tech-01: the team's 30.5 an hour, across midnight
        event("agent.status_changed", "2026-11-02T23:30:00Z", "{\"agent_id\":\"tech-01\",\"status\":\"online\","
                + "\"team_id\":\"tech-support\"}");
        event("agent.status_changed", "2026-11-03T00:30:00Z", "{\"agent_id\":\"tech-01\",\"status\":\"offline\"}");
        // no role, no team: the default 24 an hour for 10 minutes
        event("agent.status_changed", "2026-11-02T13:00:00Z", "{\"agent_id\":\"x-1\",\"status\":\"online\"}");
        event("agent.status_changed", "2026-11-02T13:10:00Z", "{\"agent_id\":\"x-1\",\"status\":\"offline\"}");
        // contacts: phone 1.2 (the channel's, before the role's), chat 0.75 (the role's), chat 0.5 (the default)
        event("interaction.completed", "2026-11-02T09:50:00Z", "{\"agent_id\":\"billing-01\",\"channel\":\"phone\","
                + "\"talk_s\":60}");
        event("interaction.completed", "2026-11-02T10:10:00Z", "{\"agent_id\":\"billing-01\",\"channel\":\"chat\","
                + "\"talk_s\":60}");
        event("interaction.completed", "2026-11-03T00:10:00Z", "{\"agent_id\":\"tech-01\",\"channel\":\"chat\","
                + "\"talk_s\":60}");

        Map<String, Map<LocalDate, Long>> expected = CountOracle.expected(events, CostSettings.RUN);

        assertThat(expected.get("online_s")).isEqualTo(Map.of(MON, 2_400_000L + 1_800_000L + 600_000L, TUE, 1_800_000L));
        assertThat(expected.get("cost_total")).isEqualTo(Map.of(
                MON, 2 * 13_778L + 15_250L + 4_000L + 1_200L + 750L,
                TUE, 15_250L + 500L));
        // without rates, nothing costs anything
        assertThat(CountOracle.expected(events).get("cost_total").values()).containsOnly(0L);
    }

    @Test
    void aStatusCountsForAtMostADay() throws Exception {
        event("agent.status_changed", "2026-11-02T08:00:00Z", "{\"agent_id\":\"a\",\"status\":\"online\"}");
        event("agent.status_changed", "2026-11-04T10:00:00Z", "{\"agent_id\":\"a\",\"status\":\"offline\"}");

        assertThat(CountOracle.expected(events).get("online_s")).isEqualTo(Map.of(MON, 16 * 3_600_000L, TUE, 8 * 3_600_000L));
    }

    /** kpis.md, Churn: distinct customers per day; active = a ticket created, a renewal or a churn that day. */
    @Test
    void churnCountsDistinctCustomersPerDay() throws Exception {
        event("ticket.created", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T-1\",\"channel\":\"email\",\"customer_id\":\"c-1\"}");
        event("customer.churned", "2026-11-02T10:00:00Z", "{\"customer_id\":\"c-1\",\"revenue\":100,\"currency\":\"EUR\"}");
        event("customer.churned", "2026-11-02T11:00:00Z", "{\"customer_id\":\"c-1\",\"revenue\":100,\"currency\":\"EUR\"}");
        event("customer.renewed", "2026-11-02T12:00:00Z", "{\"customer_id\":\"c-2\"}");
        // c-5: the latest churn naming a revenue counts (250, not 50), a later one naming none changes nothing
        event("customer.churned", "2026-11-03T08:00:00Z", "{\"customer_id\":\"c-5\",\"revenue\":50,\"currency\":\"EUR\"}");
        event("customer.churned", "2026-11-03T09:00:00Z", "{\"customer_id\":\"c-5\",\"revenue\":250.5,\"currency\":\"EUR\"}");
        event("customer.churned", "2026-11-03T11:00:00Z", "{\"customer_id\":\"c-5\"}");
        event("customer.churned", "2026-11-03T10:00:00Z", "{\"customer_id\":\"c-3\"}");
        event("ticket.created", "2026-11-03T09:00:00Z", "{\"ticket_id\":\"T-2\",\"channel\":\"email\",\"customer_id\":\"c-3\"}");
        event("ticket.created", "2026-11-03T09:30:00Z", "{\"ticket_id\":\"T-3\",\"channel\":\"email\",\"customer_id\":\"c-4\"}");
        event("ticket.created", "2026-11-03T09:40:00Z", "{\"ticket_id\":\"T-4\",\"channel\":\"email\"}");

        Map<String, Map<LocalDate, Long>> expected = ChurnOracle.expected(events);

        assertThat(expected.get("churned_customers")).isEqualTo(Map.of(MON, 1L, TUE, 2L));
        assertThat(expected.get("renewed_customers")).isEqualTo(Map.of(MON, 1L));
        assertThat(expected.get("active_customers")).isEqualTo(Map.of(MON, 2L, TUE, 3L));
        // c-1's churn sent twice counts its revenue once; c-3 names none
        assertThat(expected.get("churned_revenue")).isEqualTo(Map.of(MON, 100_000L, TUE, 250_500L));
        assertThat(expected.get("renewed_revenue")).isEmpty();

        ObjectNode monday = row(MON).put("churned_customers", 1).put("renewed_customers", 1).put("active_customers", 2)
                .put("churned_revenue", 100.0).putNull("renewed_revenue");
        ObjectNode tuesday = row(TUE).put("churned_customers", 3).put("renewed_customers", 0).put("active_customers", 3)
                .put("churned_revenue", 250.5);
        CountOracle.Check check = CountOracle.compare(expected, List.of(monday, tuesday));
        assertThat(check.doubled()).isEqualTo(1);
        assertThat(check.lost()).isZero();
        assertThat(check.totalsOff()).isZero();
    }

    /** The counts and sums behind an average or a rate are taken back from the row exactly. */
    @Test
    void countsAndSumsAreTakenBackFromAveragesAndRates() {
        ObjectNode row = row(MON).put("ces_count", 3).put("ces_easy_rate", 2.0 / 3).put("ces_avg", 16.5 / 3)
                .put("sentiment_count", 3).put("sentiment_avg", -0.65 / 3).put("negative_share", 2.0 / 3)
                .put("answered", 3).put("cost_total", 110.2);

        assertThat(CountOracle.actual(row, "ces_easy")).isEqualTo(2);
        assertThat(CountOracle.actual(row, "ces_sum")).isEqualTo(16_500);
        assertThat(CountOracle.actual(row, "sentiment_sum")).isEqualTo(-650);
        assertThat(CountOracle.actual(row, "sentiment_negative")).isEqualTo(2);
        assertThat(CountOracle.actual(row.put("asa_s", 18.333), "asa_s")).isEqualTo(18_333);
        assertThat(CountOracle.actual(row, "cost_total")).isEqualTo(110_200);
        assertThat(CountOracle.actual(row, "answered")).isEqualTo(3);
        // an empty group's average is null: nothing
        assertThat(CountOracle.actual(row(TUE).putNull("ces_avg").put("ces_count", 0), "ces_sum")).isZero();
    }

    private static ObjectNode row(LocalDate day) {
        return JSON.createObjectNode().put("period", day.toString());
    }

    private static void fill(Map<String, Map<LocalDate, Long>> expected, LocalDate day, ObjectNode row) {
        expected.forEach((metric, days) -> {
            long value = days.getOrDefault(day, 0L);
            if (CountOracle.isTotal(metric)) {
                row.put(metric, value / 1000.0);
            } else {
                row.put(metric, value);
            }
        });
    }
}
