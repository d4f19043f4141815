package io.deskpulse.e2e;

import static io.deskpulse.e2e.Events.agentReply;
import static io.deskpulse.e2e.Events.batch;
import static io.deskpulse.e2e.Events.created;
import static io.deskpulse.e2e.Events.csat;
import static io.deskpulse.e2e.Events.nps;
import static io.deskpulse.e2e.Events.status;
import static io.deskpulse.e2e.Events.tagged;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manager and BI features through the real pipeline: events posted to ingestion, scored by scoring-service
 * from Kafka, read back from reporting-service — a scorecard with a tenant's own scoring model and the
 * leaderboard of the same numbers, the ticket export, a customer at risk from a complaint and an NPS detractor,
 * and an alert rule raised by events whose signed webhook reaches an HTTP server of this test.
 */
class ManagerFeaturesEndToEndTest {

    private static final String WEBHOOK_SECRET = "whsec-e2e-0123456789abcdef";

    private static DeskPulseStack stack;
    private static HttpServer receiver;
    private static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private record Delivery(Map<String, String> headers, byte[] body) {
    }

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            deliveries.add(new Delivery(headers, body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        // Alerts evaluated and webhooks sent every second (not 10 s and 2 s); the receiver is on 127.0.0.1.
        stack = new DeskPulseStack("deskpulse_test_e2e_manager", Map.of(
                "DESKPULSE_ALERTS_INTERVAL", "1s",
                "DESKPULSE_WEBHOOKS_INTERVAL", "1s",
                "DESKPULSE_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static void post(List<String> events) {
        given().baseUri(stack.ingestion.baseUrl()).auth().oauth2(DeskPulseStack.INGEST_KEY)
                .contentType("application/cloudevents-batch+json").body(batch(events).getBytes(StandardCharsets.UTF_8))
                .post("/v1/events").then().statusCode(202);
    }

    private static RequestSpecification reporting() {
        return given().baseUri(stack.reporting.baseUrl()).auth().oauth2(DeskPulseStack.READ_KEY);
    }

    private static RequestSpecification admin() {
        return given().baseUri(stack.scoring.baseUrl()).auth().oauth2(DeskPulseStack.ADMIN_KEY)
                .contentType("application/json");
    }

    private static JsonPath read(String path, Map<String, ?> query) {
        return reporting().queryParams(query).get(path).then().statusCode(200).extract().jsonPath();
    }

    /**
     * Team billing on 2026-11-02: a-1 answers T-1 in 30 s and T-2 in 90 s, rated 5 and 4; a-2 answers T-3 in 120 s,
     * rated 3. Customer c-9 opened T-1 and T-2 (T-2 tagged complaint) and answered NPS 3 the next day.
     */
    @Test
    void aScorecardAndALeaderboardOfTheSameNumbersAndACustomerAtRisk() {
        admin().body("""
                {"roles": {"solo": {"kpis": [
                   {"metric": "csat_avg", "channel": null, "group": null, "direction": "higher", "target": 4.5, "weight": 60},
                   {"metric": "first_response_avg_s", "channel": null, "group": null, "direction": "lower", "target": 60,
                    "weight": 40}], "peer_review": null}},
                 "default_roles": {"agent": "solo", "team": "solo"}, "agent_roles": {}, "team_roles": {}}""")
                .put("/v1/settings/scoring-models").then().statusCode(200);
        post(List.of(
                created("m1-1", "2026-11-02T09:00:00Z", "T-1", "email", "billing", "a-1", "c-9"),
                agentReply("m1-2", "2026-11-02T09:00:30Z", "T-1", "a-1"),
                status("m1-3", "2026-11-02T09:30:00Z", "T-1", "solved"),
                csat("m1-4", "2026-11-02T09:35:00Z", "T-1", 5),
                created("m2-1", "2026-11-02T10:00:00Z", "T-2", "email", "billing", "a-1", "c-9"),
                agentReply("m2-2", "2026-11-02T10:01:30Z", "T-2", "a-1"),
                tagged("m2-3", "2026-11-02T10:02:00Z", "T-2", "complaint"),
                status("m2-4", "2026-11-02T10:30:00Z", "T-2", "solved"),
                csat("m2-5", "2026-11-02T10:35:00Z", "T-2", 4),
                created("m3-1", "2026-11-02T11:00:00Z", "T-3", "email", "billing", "a-2", "c-5"),
                agentReply("m3-2", "2026-11-02T11:02:00Z", "T-3", "a-2"),
                status("m3-3", "2026-11-02T11:30:00Z", "T-3", "solved"),
                csat("m3-4", "2026-11-02T11:35:00Z", "T-3", 3),
                nps("m4-1", "2026-11-03T09:00:00Z", "c-9", 3)));
        Map<String, String> day = Map.of("from", "2026-11-02", "to", "2026-11-02");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(read("/v1/kpis",
                Map.of("from", "2026-11-02", "to", "2026-11-03", "granularity", "total", "metrics", "csat_count,nps_count"))
                .getList("rows")).containsExactly(Map.of("period", "2026-11-02", "id", "e2e", "csat_count", 3,
                        "nps_count", 1)));

        // leaderboard: a-1 (4 + 5) / 2 = 4.5 on 2 ratings, a-2 3.0 on 1
        JsonPath board = read("/v1/leaderboards/csat_avg", merge(day, Map.of("min_volume", "1")));
        assertThat(board.getList("rows.id")).containsExactly("a-1", "a-2");
        assertThat(board.getList("rows.rank")).containsExactly(1, 2);
        assertThat(board.getList("rows.volume", Number.class)).extracting(Number::intValue).containsExactly(2, 1);
        double a1Csat = board.getDouble("rows[0].value");
        double a2Csat = board.getDouble("rows[1].value");
        assertThat(a1Csat).isCloseTo(4.5, within(1e-9));
        assertThat(a2Csat).isCloseTo(3.0, within(1e-9));

        // scorecards with the tenant's model: a-1 csat 4.5 of 4.5 -> 60, first response (30 + 90) / 2 = 60 s of 60
        // -> 40: 100; a-2 csat 3 / 4.5 x 60 = 40, first response 60 / 120 x 40 = 20: 60
        JsonPath cards = read("/v1/scorecards", merge(day, Map.of("granularity", "total")));
        assertThat(cards.getList("rows.id")).containsExactly("a-1", "a-2");
        assertThat(cards.getInt("rows[0].model_version")).isEqualTo(1);
        assertThat(cards.getString("rows[0].role")).isEqualTo("solo");
        assertThat(cards.getDouble("rows[0].score")).isCloseTo(100.0, within(1e-9));
        assertThat(cards.getDouble("rows[1].score")).isCloseTo(60.0, within(1e-9));
        // the scorecard's CSAT is the leaderboard's, and its first response the ticket export's average
        assertThat(cards.getDouble("rows[0].kpis[0].actual")).isEqualTo(a1Csat);
        assertThat(cards.getDouble("rows[1].kpis[0].actual")).isEqualTo(a2Csat);
        assertThat(cards.getDouble("rows[1].kpis[1].actual")).isCloseTo(120.0, within(1e-9));
        assertThat(cards.getDouble("rows[1].kpis[1].points")).isCloseTo(20.0, within(1e-9));
        String csv = reporting().queryParams(merge(day, Map.of("granularity", "total", "id", "a-2", "format", "csv")))
                .get("/v1/scorecards").then().statusCode(200).extract().asString();
        String[] records = csv.split("\r\n");
        assertThat(records).hasSize(3);
        assertThat(records[2]).startsWith("2026-11-02,a-2,solo,1,60.0,first_response_avg_s,,,lower,used,60.0,60.0,120.0,1,40.0,");

        JsonPath tickets = read("/v1/tickets", day);
        assertThat(tickets.getList("rows.ticket_id")).containsExactly("T-1", "T-2", "T-3");
        assertThat(tickets.getList("rows.first_response_s", Float.class)).containsExactly(30.0f, 90.0f, 120.0f);
        assertThat(tickets.getList("rows[1].tags")).containsExactly("complaint");

        // c-9: 2 tickets (no repeat-contact points), 1 complaint (25), latest NPS 3 (25): 50; c-5 scores 0
        JsonPath atRisk = read("/v1/customers/at-risk", Map.of("as_of", "2026-11-10"));
        assertThat(atRisk.getList("rows.customer_id")).containsExactly("c-9");
        assertThat(atRisk.getInt("rows[0].score")).isEqualTo(50);
        assertThat(atRisk.getList("rows[0].signals")).containsExactly("complaints", "nps_detractor");
        assertThat(atRisk.getInt("rows[0].tickets")).isEqualTo(2);
        assertThat(atRisk.getInt("rows[0].nps_score")).isEqualTo(3);
    }

    /**
     * Team support's chat answered in 150 s and 250 s within the last hour: 200 s on 2 first responses breaks a
     * rule of "more than 120 s on at least 2"; the alert is served by reporting and posted, signed, to the webhook.
     */
    @Test
    void anAlertRaisedByEventsIsServedAndItsSignedWebhookArrives() throws Exception {
        int rule = admin().body("""
                {"name": "Support chat too slow", "metric": "first_response_avg_s", "dimension": "team",
                 "channel": "chat", "window_minutes": 60, "comparison": ">", "threshold": 120, "min_volume": 2,
                 "webhook": {"url": "http://127.0.0.1:%d/hook", "secret": "%s"}}"""
                .formatted(receiver.getAddress().getPort(), WEBHOOK_SECRET))
                .post("/v1/alert-rules").then().statusCode(201).extract().path("id");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(20, ChronoUnit.MINUTES);
        post(List.of(
                created("w1-1", start.toString(), "W-1", "chat", "support", "a-9"),
                agentReply("w1-2", start.plusSeconds(150).toString(), "W-1", "a-9"),
                created("w2-1", start.plusSeconds(60).toString(), "W-2", "chat", "support", "a-9"),
                agentReply("w2-2", start.plusSeconds(60 + 250).toString(), "W-2", "a-9")));

        await().atMost(Duration.ofSeconds(60)).until(() -> !read("/v1/alerts", Map.of("rule", rule)).getList("rows").isEmpty());
        JsonPath alerts = read("/v1/alerts", Map.of("rule", rule));
        assertThat(alerts.getList("rows")).hasSize(1);
        Map<String, Object> alert = alerts.getMap("rows[0]");
        assertThat(alert).containsEntry("state", "raised").containsEntry("member", "support")
                .containsEntry("metric", "first_response_avg_s").containsEntry("raised_volume", 2);
        assertThat(((Number) alert.get("raised_value")).doubleValue()).isCloseTo(200.0, within(1e-9));

        await().atMost(Duration.ofSeconds(30)).until(() -> !deliveries.isEmpty());
        Delivery delivery = deliveries.get(0);
        assertThat(delivery.headers()).containsEntry("X-DeskPulse-Event", "alert.raised");
        String timestamp = delivery.headers().get("X-DeskPulse-Timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(delivery.body()));
        assertThat(MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                delivery.headers().get("X-DeskPulse-Signature").getBytes(StandardCharsets.UTF_8)))
                .as("the signature is HMAC-SHA256 of timestamp.body with the rule's secret").isTrue();
        JsonPath payload = JsonPath.from(new String(delivery.body(), StandardCharsets.UTF_8));
        assertThat(payload.getString("event")).isEqualTo("alert.raised");
        assertThat(payload.getString("tenant")).isEqualTo(DeskPulseStack.TENANT);
        assertThat(payload.getLong("alert.id")).isEqualTo(((Number) alert.get("id")).longValue());
        assertThat(payload.getDouble("alert.raised_value")).isCloseTo(200.0, within(1e-9));
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> merged = new java.util.HashMap<>(a);
        merged.putAll(b);
        return merged;
    }
}
