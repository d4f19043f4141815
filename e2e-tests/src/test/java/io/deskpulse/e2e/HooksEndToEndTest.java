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

    private static Map<String, Object> total(String from, String to, String metrics) {
        List<Map<String, Object>> rows = given().baseUri(stack.reporting.baseUrl()).auth().oauth2(DeskPulseStack.READ_KEY)
                .queryParams(Map.of("from", from, "to", to, "granularity", "total", "metrics", metrics))
                .get("/v1/kpis").then().statusCode(200).extract().jsonPath().getList("rows");
        return rows.isEmpty() ? Map.of() : rows.get(0);
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

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(total("2026-11-10", today,
                "tickets_created,customer_messages,agent_replies,first_response_count,tickets_resolved,"
                        + "reopened_resolutions,csat_count"))
                .containsEntry("tickets_created", 1).containsEntry("customer_messages", 1)
                .containsEntry("agent_replies", 1).containsEntry("first_response_count", 1)
                .containsEntry("tickets_resolved", 2).containsEntry("reopened_resolutions", 1)
                .containsEntry("csat_count", 1));
        Map<String, Object> kpis = total("2026-11-10", today, "first_response_avg_s,csat_avg");
        // the private note at +30 s is no reply; the public one at +120 s is the first response
        assertThat(((Number) kpis.get("first_response_avg_s")).doubleValue()).isCloseTo(120.0, within(0.001));
        assertThat(((Number) kpis.get("csat_avg")).doubleValue()).isCloseTo(4.0, within(1e-9));
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
