package io.deskpulse.e2e;

import static io.deskpulse.e2e.Events.agentReply;
import static io.deskpulse.e2e.Events.batch;
import static io.deskpulse.e2e.Events.created;
import static io.deskpulse.e2e.Events.csat;
import static io.deskpulse.e2e.Events.customerMessage;
import static io.deskpulse.e2e.Events.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events in over HTTP, numbers out over HTTP, through all three services, Kafka and PostgreSQL. */
class EndToEndTest {

    private static DeskPulseStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = new DeskPulseStack("deskpulse_test_e2e");
    }

    @AfterAll
    static void stopStack() throws InterruptedException {
        if (stack != null) {
            stack.close();
        }
    }

    private static JsonPath post(String contentType, String body) {
        return given().baseUri(stack.ingestion.baseUrl()).auth().oauth2(DeskPulseStack.INGEST_KEY)
                .contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/events").then().statusCode(202).extract().jsonPath();
    }

    private static JsonPath kpis(Map<String, ?> query) {
        return given().baseUri(stack.reporting.baseUrl()).auth().oauth2(DeskPulseStack.READ_KEY)
                .queryParams(query).get("/v1/kpis").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> total(String from, String to) {
        List<Map<String, Object>> rows = kpis(Map.of("from", from, "to", to, "granularity", "total")).getList("rows");
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    @Test
    void eventsInOverHttpComeOutAsKpis() {
        List<String> ticket1 = List.of(
                created("k1-1", "2026-11-02T09:00:00Z", "T-1", "email", "t-1", "a-1"),
                customerMessage("k1-2", "2026-11-02T09:00:10Z", "T-1"),
                agentReply("k1-3", "2026-11-02T09:01:35Z", "T-1", "a-1"),
                status("k1-4", "2026-11-02T10:00:00Z", "T-1", "solved"),
                csat("k1-5", "2026-11-02T10:05:00Z", "T-1", 5));
        List<String> ticket2 = List.of(
                created("k2-1", "2026-11-02T09:30:00Z", "T-2", "CHAT", "t-1", "a-2"),
                agentReply("k2-2", "2026-11-02T09:30:45Z", "T-2", "a-2"),
                status("k2-3", "2026-11-02T09:40:00Z", "T-2", "solved"),
                csat("k2-4", "2026-11-02T09:45:00Z", "T-2", 2),
                status("k2-5", "2026-11-03T08:00:00Z", "T-2", "open"));
        List<String> ticket3 = List.of(
                created("k3-1", "2026-11-02T11:00:00Z", "T-3", "phone", "t-2", "a-3"),
                agentReply("k3-2", "2026-11-02T11:00:20Z", "T-3", "a-3"));

        // the reopen and a reply arrive first, one event alone, the rest as a batch, then resent as NDJSON
        post("application/cloudevents+json", ticket2.get(4));
        post("application/json", ticket3.get(1));
        List<String> rest = new ArrayList<>();
        rest.addAll(ticket1);
        rest.addAll(ticket2.subList(0, 4));
        rest.add(ticket3.get(0));
        Collections.shuffle(rest, new Random(3));
        JsonPath batch = post("application/cloudevents-batch+json", batch(rest));
        assertThat(batch.getInt("accepted")).isEqualTo(10);
        JsonPath resent = post("application/x-ndjson", String.join("\n", ticket1) + "\n");
        assertThat(resent.getInt("accepted") + resent.getInt("duplicates")).isEqualTo(5);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> total = total("2026-11-02", "2026-11-03");
            assertThat(total).containsEntry("tickets_created", 3).containsEntry("tickets_resolved", 2)
                    .containsEntry("reopened_resolutions", 1).containsEntry("agent_replies", 3)
                    .containsEntry("customer_messages", 1).containsEntry("first_response_count", 3)
                    .containsEntry("csat_count", 2);
        });
        Map<String, Object> total = total("2026-11-02", "2026-11-03");
        assertThat(number(total, "first_response_avg_s")).isCloseTo((95 + 45 + 20) / 3.0, within(0.001));
        assertThat(number(total, "first_response_p50_s")).isCloseTo(45.0, within(0.45));
        assertThat(number(total, "first_response_p90_s")).isCloseTo(95.0, within(0.95));
        assertThat(number(total, "resolution_avg_s")).isCloseTo((3600 + 600) / 2.0, within(0.001));
        assertThat(number(total, "reopen_rate")).isCloseTo(0.5, within(1e-9));
        assertThat(number(total, "csat_avg")).isCloseTo(3.5, within(1e-9));
        assertThat(number(total, "csat_satisfied_rate")).isCloseTo(0.5, within(1e-9));

        // per team and day: frozen attribution, event-time periods
        List<Map<String, Object>> teams = kpis(Map.of("dimension", "team", "from", "2026-11-02", "to", "2026-11-02",
                "metrics", "tickets_created,tickets_resolved,reopened_resolutions")).getList("rows");
        assertThat(teams).containsExactly(
                Map.of("period", "2026-11-02", "id", "t-1", "tickets_created", 2, "tickets_resolved", 2,
                        "reopened_resolutions", 1),
                Map.of("period", "2026-11-02", "id", "t-2", "tickets_created", 1, "tickets_resolved", 0,
                        "reopened_resolutions", 0));

        String csv = given().baseUri(stack.reporting.baseUrl()).auth().oauth2(DeskPulseStack.READ_KEY)
                .queryParams(Map.of("dimension", "agent", "from", "2026-11-02", "to", "2026-11-02",
                        "metrics", "agent_replies,csat_count", "format", "csv"))
                .get("/v1/kpis").then().statusCode(200).extract().asString();
        // the first row (no id) holds what no agent was credited with, here T-1's customer message, so
        // that the agents' rows add up to the tenant's
        assertThat(csv).isEqualTo("period,id,agent_replies,csat_count\r\n"
                + "2026-11-02,,0,0\r\n"
                + "2026-11-02,a-1,1,1\r\n2026-11-02,a-2,1,1\r\n2026-11-02,a-3,1,0\r\n");
    }

    @Test
    void scoringKilledMidStreamLosesNothingAndCountsNothingTwice() throws Exception {
        int tickets = 400;
        List<String> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        Random random = new Random(11);
        long sumFirstResponse = 0;
        Instant base = Instant.parse("2026-10-01T08:00:00Z");
        for (int i = 0; i < tickets; i++) {
            String ticket = "R-" + i;
            Instant createdAt = base.plusSeconds(60L * i);
            int firstResponse = 1 + i % 100;
            sumFirstResponse += firstResponse;
            current.add(created("r" + i + "-1", createdAt.toString(), ticket, "email", "t-" + (i % 3), "a-" + (i % 7)));
            current.add(customerMessage("r" + i + "-2", createdAt.plusSeconds(1).toString(), ticket));
            current.add(agentReply("r" + i + "-3", createdAt.plusSeconds(firstResponse).toString(), ticket, "a-" + (i % 7)));
            current.add(status("r" + i + "-4", createdAt.plusSeconds(3600).toString(), ticket, "solved"));
            if (current.size() >= 40) {
                Collections.shuffle(current, random);
                batches.add(batch(current));
                current = new ArrayList<>();
            }
        }
        int half = batches.size() / 2;
        for (String body : batches.subList(0, half)) {
            post("application/cloudevents-batch+json", body);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count(total("2026-10-01", "2026-10-01"), "tickets_created") > 0);

        stack.scoring.kill();
        for (String body : batches.subList(half, batches.size())) {
            post("application/cloudevents-batch+json", body);
        }
        // and some of the first half again, as a helpdesk retrying after a timeout would
        for (String body : batches.subList(0, 3)) {
            post("application/cloudevents-batch+json", body);
        }
        stack.scoring.start();
        stack.scoring.awaitReady();

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(total("2026-10-01", "2026-10-01"))
                .containsEntry("tickets_created", tickets).containsEntry("customer_messages", tickets)
                .containsEntry("agent_replies", tickets).containsEntry("first_response_count", tickets)
                .containsEntry("tickets_resolved", tickets));
        Map<String, Object> total = total("2026-10-01", "2026-10-01");
        assertThat(number(total, "first_response_avg_s")).isCloseTo((double) sumFirstResponse / tickets, within(0.001));
        assertThat(number(total, "resolution_avg_s")).isCloseTo(3600.0, within(0.001));
    }

    private static double number(Map<String, Object> row, String metric) {
        return ((Number) row.get(metric)).doubleValue();
    }

    private static long count(Map<String, Object> row, String metric) {
        Object value = row.get(metric);
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Test
    void agentEventsSurveysAndASettingsChangeComeOutAsKpis() {
        String agent = "{\"agent_id\":\"a-7\"";
        List<String> events = List.of(
                Events.event("n-1", "agent.status_changed", "2026-10-05T09:00:00Z", agent + ",\"status\":\"online\",\"team_id\":\"t-9\"}"),
                Events.event("n-2", "interaction.completed", "2026-10-05T09:30:00Z", agent + ",\"channel\":\"email\",\"ticket_id\":\"E-1\",\"talk_s\":240,\"wrap_s\":60}"),
                Events.event("n-3", "qa.review", "2026-10-05T10:00:00Z", agent + ",\"score\":85,\"reviewer_id\":\"q-1\"}"),
                Events.event("n-4", "sale.converted", "2026-10-05T10:15:00Z", agent + ",\"ticket_id\":\"E-1\",\"amount\":100,\"currency\":\"EUR\"}"),
                Events.event("n-5", "peer.review", "2026-10-05T10:20:00Z", agent + ",\"reviewer_id\":\"a-8\",\"score\":4}"),
                Events.event("n-6", "survey.nps", "2026-10-05T10:25:00Z", agent + ",\"score\":10}"),
                Events.event("n-7", "agent.status_changed", "2026-10-05T11:00:00Z", agent + ",\"status\":\"offline\"}"),
                // Friday 17:00 Berlin to Monday 11:00 Berlin: 66 h, of which 2 business hours once they are set
                created("n-8", "2026-10-02T15:00:00Z", "E-1", "email", "t-9", "a-7"),
                agentReply("n-9", "2026-10-05T09:00:00Z", "E-1", "a-7"),
                Events.event("n-10", "ticket.tagged", "2026-10-05T09:10:00Z", "{\"ticket_id\":\"E-1\",\"tags\":[\"Complaint\"]}"),
                status("n-11", "2026-10-05T09:20:00Z", "E-1", "solved"));
        post("application/cloudevents-batch+json", batch(events));

        Map<String, String> team = Map.of("dimension", "team", "id", "t-9", "from", "2026-10-02", "to", "2026-10-05",
                "granularity", "total");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(kpis(team).getList("rows")).hasSize(1));
        Map<String, Object> row = kpis(team).getMap("rows[0]");
        assertThat(row).containsEntry("handle_count", 1).containsEntry("qa_count", 1).containsEntry("conversions", 1)
                .containsEntry("peer_review_count", 1).containsEntry("nps_count", 1).containsEntry("complaints", 1)
                .containsEntry("first_resolutions", 1).containsEntry("fcr_count", 1);
        assertThat(number(row, "online_s")).isEqualTo(7_200.0);
        assertThat(number(row, "handle_avg_s")).isEqualTo(300.0);
        // rest-assured reads JSON numbers as floats
        assertThat(number(row, "occupancy")).isCloseTo(300.0 / 7_200, within(1e-6));
        assertThat(number(row, "qa_avg")).isEqualTo(85.0);
        assertThat(number(row, "qa_pass_rate")).isEqualTo(1.0);
        assertThat(number(row, "sales_amount")).isEqualTo(100.0);
        assertThat(number(row, "conversion_rate")).isEqualTo(1.0);
        assertThat(number(row, "peer_review_avg")).isEqualTo(4.0);
        assertThat(number(row, "nps")).isEqualTo(100.0);
        assertThat(number(row, "first_response_bh_avg_s")).isEqualTo(237_600.0);

        // Business hours Monday to Friday 09:00-17:00 in Berlin: scoring recomputes, reports switch when it is done.
        given().baseUri(stack.scoring.baseUrl()).auth().oauth2(DeskPulseStack.ADMIN_KEY).contentType("application/json")
                .body("{\"time_zone\": \"Europe/Berlin\", \"business_hours\": {\"weekly\": {"
                        + "\"monday\": [\"09:00-17:00\"], \"tuesday\": [\"09:00-17:00\"], \"wednesday\": [\"09:00-17:00\"],"
                        + "\"thursday\": [\"09:00-17:00\"], \"friday\": [\"09:00-17:00\"]}}}")
                .put("/v1/settings").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                number(kpis(team).getMap("rows[0]"), "first_response_bh_avg_s")).isEqualTo(7_200.0));
        JsonPath after = kpis(team);
        assertThat(after.getString("tz")).isEqualTo("Europe/Berlin");
        assertThat(number(after.getMap("rows[0]"), "first_response_avg_s")).isEqualTo(237_600.0);
        assertThat(number(after.getMap("rows[0]"), "online_s")).isEqualTo(7_200.0);
    }
}
