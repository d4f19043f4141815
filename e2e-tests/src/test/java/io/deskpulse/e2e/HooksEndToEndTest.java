package io.deskpulse.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.deskpulse.testsupport.ChatwootWebhooks;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Helpdesk webhooks through the whole stack (issue 14): a connector created through scoring's admin API, the
 * platform's signed deliveries posted to ingestion's hook URL, the KPIs read back from reporting. A conversation's
 * whole life, a retried delivery, a bad signature, an unknown event type, rotation grace and disabling.
 */
class HooksEndToEndTest {

    private static DeskPulseStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = new DeskPulseStack("deskpulse_test_e2e_hooks");
    }

    @AfterAll
    static void stopStack() throws InterruptedException {
        if (stack != null) {
            stack.close();
        }
    }

    /** POST /v1/connectors: the connector's id, webhook URL and secret. */
    private static Map<String, String> connector(String platform, String body) {
        var created = given().baseUri(stack.scoring.baseUrl()).auth().oauth2(DeskPulseStack.ADMIN_KEY)
                .contentType("application/json").body(body).post("/v1/connectors").then().statusCode(201).extract();
        return Map.of("id", created.path("connector.id"), "url", created.path("connector.webhook_url"),
                "secret", created.path("secret"));
    }

    private static ValidatableResponse chatwoot(String url, String secret, String body) throws Exception {
        long now = Instant.now().getEpochSecond();
        return given().contentType("application/json").header("X-Chatwoot-Timestamp", String.valueOf(now))
                .header("X-Chatwoot-Signature", ChatwootWebhooks.signature(secret, now, body)).body(body).post(url)
                .then();
    }

    /** The tenant's totals of one day (each platform's conversation lives on a day of its own). */
    private static Map<String, Object> day(String day, String metrics) {
        return row(Map.of("from", day, "to", day, "granularity", "total", "metrics", metrics), null);
    }

    /** One agent's totals of a day. */
    private static Map<String, Object> agent(String day, String agent, String metrics) {
        return row(Map.of("dimension", "agent", "from", day, "to", day, "granularity", "total", "metrics", metrics),
                agent);
    }

    private static Map<String, Object> row(Map<String, String> query, String id) {
        List<Map<String, Object>> rows = given().baseUri(stack.reporting.baseUrl()).auth().oauth2(DeskPulseStack.READ_KEY)
                .queryParams(query).get("/v1/kpis").then().statusCode(200).extract().jsonPath().getList("rows");
        return rows.stream().filter(r -> id == null || id.equals(r.get("id"))).findFirst().orElse(Map.of());
    }

    private static double number(Map<String, Object> row, String metric) {
        return ((Number) row.get(metric)).doubleValue();
    }

    private static final String LIFE_METRICS = "tickets_created,customer_messages,agent_replies,first_response_count,"
            + "tickets_resolved,reopened_resolutions,csat_count";

    /** The day's totals of one ticket's whole life: created, one reply, solved, reopened (and solved again). */
    private static void assertWholeLife(String day, int customerMessages, int resolved, boolean rated) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(day(day, LIFE_METRICS))
                .containsEntry("tickets_created", 1).containsEntry("customer_messages", customerMessages)
                .containsEntry("agent_replies", 1).containsEntry("first_response_count", 1)
                .containsEntry("tickets_resolved", resolved).containsEntry("reopened_resolutions", 1)
                .containsEntry("csat_count", rated ? 1 : 0));
    }

    @Test
    void aChatwootConversationsWholeLifeComesOutAsKpis() throws Exception {
        Map<String, String> c = connector("chatwoot", "{\"platform\": \"chatwoot\", \"name\": \"Support inbox\"}");
        assertThat(c.get("url")).isEqualTo(stack.ingestion.baseUrl() + "/v1/hooks/" + c.get("id"));
        String url = c.get("url");
        String secret = c.get("secret");
        Instant created = Instant.parse("2026-11-10T09:00:00Z");
        String createdBody = ChatwootWebhooks.conversationCreated(77, created, 7, 2);
        List<String> life = List.of(
                ChatwootWebhooks.message(77, 1001, "incoming", "contact", 901, false, created.plusSeconds(5)),
                ChatwootWebhooks.message(77, 1002, "outgoing", "user", 7, true, created.plusSeconds(30)),
                ChatwootWebhooks.message(77, 1003, "outgoing", "user", 7, false, created.plusSeconds(120)),
                ChatwootWebhooks.status(77, "resolved", created.plusSeconds(3600)),
                ChatwootWebhooks.status(77, "open", created.plusSeconds(7200)),
                ChatwootWebhooks.status(77, "resolved", created.plusSeconds(9000)),
                ChatwootWebhooks.csat(77, 1004, 4, 7));

        // ingestion learns of the connector within seconds
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> chatwoot(url, secret, createdBody).statusCode(202)
                .body("accepted", is(1)));
        for (String delivery : life) {
            chatwoot(url, secret, delivery).statusCode(202).body("accepted", is(1));
        }
        // Chatwoot retries a delivery it thinks failed: counted once
        chatwoot(url, secret, life.get(2)).statusCode(202).body("accepted", is(0)).body("duplicates", is(1));
        // a bad signature, an unknown event type
        given().contentType("application/json").header("X-Chatwoot-Timestamp", String.valueOf(Instant.now().getEpochSecond()))
                .header("X-Chatwoot-Signature", "sha256=" + "0".repeat(64)).body(life.get(0)).post(url).then()
                .statusCode(401).contentType("application/problem+json");
        chatwoot(url, secret, "{\"event\": \"conversation_typing_on\", \"id\": 77}").statusCode(202)
                .body("accepted", is(0)).body("ignored", hasSize(1));

        assertWholeLife("2026-11-10", 1, 2, false);
        // the private note at +30 s is no reply; the public one at +120 s is the first response
        assertThat(number(day("2026-11-10", "first_response_avg_s"), "first_response_avg_s")).isCloseTo(120.0, within(0.001));
        // Chatwoot's CSAT answer carries no time: it counts when it was received, for the conversation's assignee
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(agent(today, "chatwoot:7",
                "csat_count,csat_avg")).containsEntry("csat_count", 1));
        assertThat(number(agent(today, "chatwoot:7", "csat_count,csat_avg"), "csat_avg")).isCloseTo(4.0, within(1e-9));
    }

    /** A Zendesk event-subscription delivery for ticket 6001, signed as Zendesk signs. */
    private static ValidatableResponse zendesk(String url, String secret, String body) throws Exception {
        String timestamp = Instant.now().toString();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        String signature = java.util.Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return given().contentType("application/json").header("X-Zendesk-Webhook-Signature", signature)
                .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp).body(body).post(url).then();
    }

    private static String zendeskEvent(String id, String type, String time, String event) {
        return """
                {"type": "zen:event-type:%s", "account_id": 22129848, "id": "%s", "time": "%s",
                 "zendesk_event_version": "2022-11-06", "subject": "zen:ticket:6001",
                 "detail": {"id": "6001", "actor_id": "900", "assignee_id": "901", "group_id": "77",
                            "requester_id": "500", "status": "OPEN", "priority": "HIGH", "tags": [],
                            "created_at": "2026-11-20T08:00:00Z", "via": {"channel": "mail"}},
                 "event": %s}""".formatted(type, id, time, event);
    }

    @Test
    void aZendeskTicketsWholeLifeComesOutAsKpis() throws Exception {
        // Zendesk makes the signing secret: the connector is created, then given it by rotation without grace
        Map<String, String> c = connector("zendesk", "{\"platform\": \"zendesk\", \"name\": \"Zendesk\"}");
        String secret = "zendesk-made-signing-secret-0001";
        given().baseUri(stack.scoring.baseUrl()).auth().oauth2(DeskPulseStack.ADMIN_KEY).contentType("application/json")
                .body("{\"secret\": \"" + secret + "\", \"grace_period_s\": 0}")
                .post("/v1/connectors/" + c.get("id") + "/rotate").then().statusCode(200);
        String url = c.get("url");
        String created = zendeskEvent("z-1", "ticket.created", "2026-11-20T08:00:00.5Z", "{}");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> zendesk(url, secret, created).statusCode(202)
                .body("accepted", is(1)));
        List<String> life = List.of(
                zendeskEvent("z-2", "ticket.comment_added", "2026-11-20T08:00:20Z",
                        "{\"comment\": {\"id\": \"71\", \"is_public\": true, \"author\": {\"id\": \"500\", \"is_staff\": false}}}"),
                zendeskEvent("z-3", "ticket.agent_assignment_changed", "2026-11-20T08:01:00Z",
                        "{\"current\": \"902\", \"previous\": \"901\"}"),
                zendeskEvent("z-4", "ticket.comment_added", "2026-11-20T08:05:00Z",
                        "{\"comment\": {\"id\": 72, \"is_public\": true, \"author\": {\"id\": 902, \"is_staff\": true}}}"),
                zendeskEvent("z-5", "ticket.status_changed", "2026-11-20T09:00:00Z",
                        "{\"current\": \"SOLVED\", \"previous\": \"OPEN\"}"),
                zendeskEvent("z-6", "ticket.status_changed", "2026-11-20T10:00:00Z",
                        "{\"current\": \"OPEN\", \"previous\": \"SOLVED\"}"),
                zendeskEvent("z-7", "ticket.status_changed", "2026-11-20T11:00:00Z",
                        "{\"current\": \"SOLVED\", \"previous\": \"OPEN\"}"),
                """
                {"deskpulse_event": "satisfaction", "ticket_id": "6001", "rating": "Good",
                 "comment": "Thanks!", "assignee_id": "902", "updated_at": "2026-11-20T12:00Z"}""");
        for (String delivery : life) {
            zendesk(url, secret, delivery).statusCode(202).body("accepted", is(1));
        }
        zendesk(url, secret, life.get(3)).statusCode(202).body("accepted", is(0)).body("duplicates", is(1));
        zendesk(url, "not-the-secret-of-this-connector", life.get(0)).statusCode(401);
        zendesk(url, secret, zendeskEvent("z-8", "user.active_changed", "2026-11-20T12:00:00Z", "{}")).statusCode(202)
                .body("accepted", is(0)).body("ignored", hasSize(1));

        assertWholeLife("2026-11-20", 1, 2, true);
        Map<String, Object> kpis = day("2026-11-20", "first_response_avg_s,csat_avg");
        assertThat(number(kpis, "first_response_avg_s")).isCloseTo(300.0, within(0.5));
        assertThat(number(kpis, "csat_avg")).isCloseTo(5.0, within(1e-9));
    }

    /** A Zammad trigger's default payload for ticket 91: its state when sent, and the article of the trigger. */
    private static String zammad(String ticketExtra, String article) {
        return """
                {"ticket": {"id": 91, "number": "10091", "group_id": 3, "owner_id": 5, "customer_id": 8,
                            "create_article_type": "email", "created_at": "2026-11-25T08:00:00Z"%s},
                 "article": %s}""".formatted(ticketExtra, article);
    }

    private static String zammadArticle(int id, String sender, int by, String at) {
        return ("{\"id\": %d, \"ticket_id\": 91, \"sender\": \"%s\", \"created_by_id\": %d, \"type\": \"email\", "
                + "\"internal\": false, \"created_at\": \"%s\"}").formatted(id, sender, by, at);
    }

    private static ValidatableResponse hubSigned(String url, String secret, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = "sha1=" + java.util.HexFormat.of().formatHex(
                mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return given().contentType("application/json").header("X-Hub-Signature", signature).body(body).post(url).then();
    }

    @Test
    void aZammadTicketsWholeLifeComesOutAsKpis() throws Exception {
        // Zammad takes the secret DeskPulse generates (the trigger's HMAC SHA1 signature token)
        Map<String, String> c = connector("zammad", "{\"platform\": \"zammad\", \"name\": \"Zammad\"}");
        String url = c.get("url");
        String secret = c.get("secret");
        String created = zammad(", \"state\": \"new\"", zammadArticle(201, "Customer", 8, "2026-11-25T08:00:10Z"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> hubSigned(url, secret, created).statusCode(202)
                .body("accepted", is(2)));
        String replied = zammad(", \"state\": \"open\"", zammadArticle(202, "Agent", 5, "2026-11-25T08:03:00Z"));
        hubSigned(url, secret, replied).statusCode(202).body("accepted", is(1));
        // a retried delivery (Zammad resends after a timeout): nothing new
        hubSigned(url, secret, replied).statusCode(202).body("accepted", is(0));
        hubSigned(url, secret, zammad(", \"state\": \"closed\", \"close_at\": \"2026-11-25T09:00:00Z\"", "{}"))
                .statusCode(202).body("accepted", is(1));
        hubSigned(url, secret, zammad(", \"state\": \"open\", \"close_at\": \"2026-11-25T09:00:00Z\", "
                + "\"updated_at\": \"2026-11-25T10:00:01Z\"", zammadArticle(203, "Customer", 8, "2026-11-25T10:00:00Z")))
                .statusCode(202).body("accepted", is(2));
        hubSigned(url, "a-secret-zammad-was-never-given", replied).statusCode(401);

        assertWholeLife("2026-11-25", 2, 1, false);
        assertThat(number(day("2026-11-25", "first_response_avg_s"), "first_response_avg_s")).isCloseTo(180.0, within(0.001));
    }

    /** DeskPulse's documented Freshdesk template for ticket 11, as Freshdesk renders it: everything a string. */
    private static String freshdesk(String triggered, String updatedAt, String extra) {
        return """
                {"freshdesk_webhook": {
                  "triggered_event": "%s", "ticket_id": "11", "ticket_status": "Open", "ticket_priority": "High",
                  "ticket_source": "Portal", "ticket_group_name": "Billing", "ticket_agent_email": "ana@acme.example",
                  "requester_email": "jane@example.com",
                  "ticket_created_at": "2026-11-27T09:00:00Z", "ticket_updated_at": "%s"%s}}"""
                .formatted(triggered, updatedAt, extra);
    }

    @Test
    void aFreshdeskTicketsWholeLifeComesOutAsKpis() throws Exception {
        // Freshdesk cannot sign: its automation rule sends the connector's secret, as HTTP Basic or in a header
        Map<String, String> c = connector("freshdesk", "{\"platform\": \"freshdesk\", \"name\": \"Freshdesk\"}");
        String url = c.get("url");
        String secret = c.get("secret");
        String created = freshdesk("{ticket_action:created}", "2026-11-27T09:00:00Z", "");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().preemptive().basic("deskpulse", secret)
                .contentType("application/json").body(created).post(url).then().statusCode(202).body("accepted", is(1)));
        List<String> life = List.of(
                freshdesk("{customer_reply:received}", "2026-11-27T09:00:30Z", ""),
                freshdesk("{reply_sent:sent}", "2026-11-27T09:04:00Z", ""),
                freshdesk("{status:{from:2,to:4}}", "2026-11-27T10:00:00Z", ""),
                freshdesk("{status:{from:4,to:2}}", "2026-11-27T11:00:00Z", ""),
                freshdesk("{status:{from:2,to:4}}", "2026-11-27T12:00:00Z", ""),
                freshdesk("{customer_feedback:received}", "2026-11-27T13:00:00Z",
                        ", \"satisfaction_rating\": \"103\", \"satisfaction_feedback\": \"great\""));
        for (String delivery : life) {
            given().header("X-DeskPulse-Secret", secret).contentType("application/json").body(delivery).post(url).then()
                    .statusCode(202).body("accepted", is(1));
        }
        given().header("X-DeskPulse-Secret", secret).contentType("application/json").body(life.get(1)).post(url).then()
                .statusCode(202).body("accepted", is(0)).body("duplicates", is(1));
        given().auth().preemptive().basic("deskpulse", "not-the-connector-secret").contentType("application/json")
                .body(life.get(0)).post(url).then().statusCode(401);
        given().header("X-DeskPulse-Secret", secret).contentType("application/json")
                .body(freshdesk("{ticket_action:deleted}", "2026-11-27T14:00:00Z", "")).post(url).then()
                .statusCode(202).body("accepted", is(0)).body("ignored", hasSize(1));

        assertWholeLife("2026-11-27", 1, 2, true);
        Map<String, Object> kpis = day("2026-11-27", "first_response_avg_s,csat_avg");
        assertThat(number(kpis, "first_response_avg_s")).isCloseTo(240.0, within(0.001));
        assertThat(number(kpis, "csat_avg")).isCloseTo(5.0, within(1e-9));
    }

    private static final long INTERCOM_CREATED = Instant.parse("2026-11-29T09:00:00Z").getEpochSecond();

    /** An Intercom 2.x notification for conversation 7001 with the given parts and extra conversation fields. */
    private static String intercom(String id, String topic, String parts, String extra) {
        return """
                {"type": "notification_event", "app_id": "w1", "id": "%s", "topic": "%s", "created_at": %d,
                 "delivery_attempts": 1,
                 "data": {"type": "notification_event_data", "item": {
                   "type": "conversation", "id": "7001", "created_at": %d, "updated_at": %d,
                   "state": "open", "open": true, "admin_assignee_id": 814860, "team_assignee_id": 5017,
                   "tags": {"type": "tag.list", "tags": []},
                   "source": {"type": "conversation", "id": "403918255", "delivered_as": "customer_initiated",
                              "author": {"type": "user", "id": "u-5bc8"}},
                   "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": "u-5bc8"}]},
                   "conversation_parts": {"type": "conversation_part.list", "conversation_parts": [%s]}%s}}}"""
                .formatted(id, topic, INTERCOM_CREATED, INTERCOM_CREATED, INTERCOM_CREATED, parts, extra);
    }

    private static String intercomPart(String id, String type, long after) {
        return ("{\"type\": \"conversation_part\", \"id\": \"%s\", \"part_type\": \"%s\", \"created_at\": %d, "
                + "\"author\": {\"type\": \"admin\", \"id\": \"814860\"}}").formatted(id, type, INTERCOM_CREATED + after);
    }

    @Test
    void anIntercomConversationsWholeLifeComesOutAsKpis() throws Exception {
        // Intercom signs with the app's client secret: given to the connector at creation
        String secret = "intercom-app-client-secret-0001";
        Map<String, String> c = connector("intercom", "{\"platform\": \"intercom\", \"name\": \"Intercom\", "
                + "\"secret\": \"" + secret + "\"}");
        String url = c.get("url");
        assertThat(c.get("secret")).isEqualTo(secret);
        String created = intercom("n-1", "conversation.user.created", "", "");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> hubSigned(url, secret, created).statusCode(202)
                .body("accepted", is(2)));
        List<String> life = List.of(
                intercom("n-2", "conversation.admin.replied", intercomPart("p1", "comment", 180), ""),
                intercom("n-3", "conversation.admin.closed", intercomPart("p2", "close", 3600), ""),
                intercom("n-4", "conversation.admin.opened", intercomPart("p3", "open", 7200), ""),
                intercom("n-5", "conversation.admin.closed", intercomPart("p4", "close", 9000), ""),
                intercom("n-6", "conversation.rating.added", "", (", \"conversation_rating\": {\"rating\": 4, "
                        + "\"remark\": \"fast\", \"created_at\": %d, \"contact\": {\"type\": \"user\", \"id\": \"u-5bc8\"}, "
                        + "\"teammate\": {\"type\": \"admin\", \"id\": \"814860\"}}").formatted(INTERCOM_CREATED + 10000)));
        for (String delivery : life) {
            hubSigned(url, secret, delivery).statusCode(202).body("accepted", is(1));
        }
        hubSigned(url, secret, life.get(0)).statusCode(202).body("accepted", is(0)).body("duplicates", is(1));
        hubSigned(url, "not-the-app-client-secret", life.get(0)).statusCode(401);
        hubSigned(url, secret, intercom("n-7", "contact.user.created", "", "")).statusCode(202)
                .body("accepted", is(0)).body("ignored", hasSize(1));

        assertWholeLife("2026-11-29", 1, 2, true);
        Map<String, Object> kpis = day("2026-11-29", "first_response_avg_s,csat_avg");
        assertThat(number(kpis, "first_response_avg_s")).isCloseTo(180.0, within(0.001));
        assertThat(number(kpis, "csat_avg")).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void rotationKeepsTheOldSecretForItsGraceAndDisableStopsTheConnector() throws Exception {
        Map<String, String> c = connector("chatwoot", "{\"platform\": \"chatwoot\", \"name\": \"rotated\"}");
        String url = c.get("url");
        String old = c.get("secret");
        String probe = "{\"event\": \"contact_created\", \"id\": 1}";
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> chatwoot(url, old, probe).statusCode(202));

        String next = given().baseUri(stack.scoring.baseUrl()).auth().oauth2(DeskPulseStack.ADMIN_KEY)
                .contentType("application/json").body("{\"grace_period_s\": 3600}")
                .post("/v1/connectors/" + c.get("id") + "/rotate").then().statusCode(200).extract().path("secret");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> chatwoot(url, next, probe).statusCode(202));
        chatwoot(url, old, probe).statusCode(202);

        given().baseUri(stack.scoring.baseUrl()).auth().oauth2(DeskPulseStack.ADMIN_KEY).contentType("application/json")
                .body("{\"grace_period_s\": 0}").post("/v1/connectors/" + c.get("id") + "/rotate").then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> chatwoot(url, old, probe).statusCode(401));

        given().baseUri(stack.scoring.baseUrl()).auth().oauth2(DeskPulseStack.ADMIN_KEY)
                .post("/v1/connectors/" + c.get("id") + "/disable").then().statusCode(200).body("status", is("disabled"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().contentType("application/json").body(probe)
                .post(url).then().statusCode(404).contentType("application/problem+json"));
    }
}
