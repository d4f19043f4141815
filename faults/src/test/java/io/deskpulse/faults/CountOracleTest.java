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

    private static ObjectNode row(LocalDate day) {
        return JSON.createObjectNode().put("period", day.toString());
    }

    private static void fill(Map<String, Map<LocalDate, Long>> expected, LocalDate day, ObjectNode row) {
        expected.forEach((metric, days) -> {
            long value = days.getOrDefault(day, 0L);
            if (CountOracle.TOTALS.contains(metric)) {
                row.put(metric, value / 1000.0);
            } else {
                row.put(metric, value);
            }
        });
    }
}
