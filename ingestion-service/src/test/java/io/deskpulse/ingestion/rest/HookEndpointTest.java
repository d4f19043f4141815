package io.deskpulse.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.ingestion.connector.Verdict;
import io.deskpulse.testsupport.ChatwootWebhooks;
import io.deskpulse.ingestion.testing.HookTestResources;
import io.deskpulse.ingestion.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * POST /v1/hooks/{connector_id} against the real broker and a real database whose connectors table the test writes as
 * scoring's admin API does: verification, the raw copy, the mapped events on the event topic, retries counted once,
 * unknown and disabled connectors, rotation grace, malformed and oversized payloads, and re-maps.
 */
@QuarkusTest
@WithTestResource(HookTestResources.class)
class HookEndpointTest {

    private static final String TENANT = "acme";
    private static final String SECRET = "chatwoot-webhook-secret-0001";
    private static final String ADMIN_KEY = "acme-admin-test-key-0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String newConnector(String platform, String options, String secret) throws Exception {
        return newConnector(TENANT, platform, options, secret);
    }

    private static String newConnector(String tenant, String platform, String options, String secret) throws Exception {
        String id = "cn_" + UUID.randomUUID().toString().replace("-", "");
        HookTestResources.createConnector(tenant, id, platform, options, secret);
        // Longer than the refresh promise: the first requests to a cold service on a loaded machine take seconds.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> post(id, "{\"event\": \"webhook_probe\"}", secret)
                .statusCode(not(is(404))));
        return id;
    }

    private static ValidatableResponse post(String connector, String body, String secret) throws Exception {
        long now = Instant.now().getEpochSecond();
        return given().contentType("application/json").header("X-Chatwoot-Timestamp", String.valueOf(now))
                .header("X-Chatwoot-Signature", ChatwootWebhooks.signature(secret, now, body)).body(body)
                .post("/v1/hooks/" + connector).then();
    }

    @Test
    void aSignedDeliveryIsKeptRawAndItsEventsGoToTheEventTopicOnce() throws Exception {
        String connector = newConnector("chatwoot", "{\"allow_unsigned\": false}", SECRET);
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        String created = ChatwootWebhooks.conversationCreated(42, at, 7, 2);
        try (TopicReader events = new TopicReader(HookTestResources.topic());
                TopicReader raw = new TopicReader(HookTestResources.rawTopic())) {
            Map<TopicPartition, Long> eventsBefore = events.endOffsets();
            Map<TopicPartition, Long> rawBefore = raw.endOffsets();
            post(connector, created, SECRET).statusCode(202).contentType("application/json")
                    .body("accepted", is(1)).body("duplicates", is(0)).body("ignored", empty());

            TopicReader.Record event = events.readSince(eventsBefore, 1).get(0);
            JsonNode value = JSON.readTree(event.value());
            assertThat(value.path("type").asText()).isEqualTo("ticket.created");
            assertThat(value.path("deskpulsetenant").asText()).isEqualTo(TENANT);
            assertThat(value.path("data").path("channel").asText()).isEqualTo("chat");
            assertThat(value.path("time").asText()).isEqualTo("2026-11-02T09:00:00Z");

            TopicReader.Record kept = raw.readSince(rawBefore, 1).get(0);
            assertThat(kept.key()).isEqualTo(connector);
            assertThat(kept.value()).isEqualTo(created);
            assertThat(kept.headers()).containsEntry("dp.connector", connector).containsEntry("dp.tenant", TENANT)
                    .containsEntry("dp.platform", "chatwoot").containsKey("dp.received-at")
                    .containsKey("h.x-chatwoot-timestamp").doesNotContainKey("h.x-chatwoot-signature")
                    .containsEntry("h.content-type", "application/json");

            // the platform retries: the same ids, counted once
            post(connector, created, SECRET).statusCode(202).body("accepted", is(0)).body("duplicates", is(1));
            assertThat(events.countSince(eventsBefore)).isEqualTo(1);
            assertThat(raw.countSince(rawBefore)).isEqualTo(2);
        }
    }

    @Test
    void aBadSignatureIsRefusedWithoutSayingWhatWasWrong() throws Exception {
        String connector = newConnector("chatwoot", "{\"allow_unsigned\": false}", SECRET);
        String body = ChatwootWebhooks.message(43, 1, "incoming", "contact", 901, false, Instant.parse("2026-11-02T09:00:00Z"));
        long now = Instant.now().getEpochSecond();
        long stale = now - 600;
        try (TopicReader raw = new TopicReader(HookTestResources.rawTopic())) {
            Map<TopicPartition, Long> before = raw.endOffsets();
            for (String[] headers : List.of(
                    new String[] {String.valueOf(now), ChatwootWebhooks.signature("another-secret-of-16+", now, body)},
                    new String[] {String.valueOf(stale), ChatwootWebhooks.signature(SECRET, stale, body)},
                    new String[] {String.valueOf(now), "sha256=zz"})) {
                given().contentType("application/json").header("X-Chatwoot-Timestamp", headers[0])
                        .header("X-Chatwoot-Signature", headers[1]).body(body).post("/v1/hooks/" + connector)
                        .then().statusCode(401).contentType("application/problem+json")
                        .body("detail", is(Verdict.CLIENT_REASON));
            }
            // unsigned, on a connector that requires signatures
            given().contentType("application/json").body(body).post("/v1/hooks/" + connector).then().statusCode(401)
                    .body("detail", is(Verdict.CLIENT_REASON));
            assertThat(raw.countSince(before)).isZero();
        }
    }

    @Test
    void anUnknownEventTypeIsAcknowledgedWithWhatWasIgnored() throws Exception {
        String connector = newConnector("chatwoot", "{\"allow_unsigned\": false}", SECRET);
        post(connector, "{\"event\": \"contact_created\", \"id\": 5}", SECRET).statusCode(202)
                .body("accepted", is(0)).body("duplicates", is(0)).body("ignored", hasSize(1));
    }

    @Test
    void anUnsignedDeliveryPassesOnlyWhereTheConnectorAllowsIt() throws Exception {
        String connector = newConnector("chatwoot", "{\"allow_unsigned\": true}", SECRET);
        given().contentType("application/json").body(ChatwootWebhooks.status(44, "resolved", Instant.parse("2026-11-02T10:00:00Z")))
                .post("/v1/hooks/" + connector).then().statusCode(202).body("accepted", is(1));
    }

    @Test
    void unknownAndDisabledConnectorsGetTheSame404() throws Exception {
        String connector = newConnector("chatwoot", "{\"allow_unsigned\": false}", SECRET);
        String body = "{\"event\": \"contact_created\"}";
        String unknown = post("cn_" + "0".repeat(32), body, SECRET).statusCode(404).contentType("application/problem+json")
                .extract().path("detail");
        HookTestResources.disable(connector);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> post(connector, body, SECRET).statusCode(404)
                .body("detail", is(unknown)));
    }

    @Test
    void aRotatedSecretKeepsThePreviousOneValidForItsGrace() throws Exception {
        String connector = newConnector("chatwoot", "{\"allow_unsigned\": false}", SECRET);
        String body = "{\"event\": \"contact_created\"}";
        String next = "chatwoot-webhook-secret-0002";
        HookTestResources.rotate(TENANT, connector, next, Instant.now().plus(1, ChronoUnit.HOURS));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> post(connector, body, next).statusCode(202));
        post(connector, body, SECRET).statusCode(202);

        HookTestResources.endGrace(connector);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> post(connector, body, SECRET).statusCode(401));
        post(connector, body, next).statusCode(202);
    }

    @Test
    void aMalformedPayloadIsA422NamingTheFieldAndNothingCounts() throws Exception {
        String connector = newConnector("chatwoot", "{\"allow_unsigned\": false}", SECRET);
        try (TopicReader events = new TopicReader(HookTestResources.topic())) {
            Map<TopicPartition, Long> before = events.endOffsets();
            post(connector, "{\"event\": \"message_created\", \"id\": 9, \"message_type\": \"incoming\"}", SECRET)
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors.field", contains("conversation"));
            post(connector, "not json", SECRET).statusCode(422).contentType("application/problem+json")
                    .body("errors.field", contains("body"));
            assertThat(events.countSince(before)).isZero();
        }
    }

    @Test
    void aMalformedPayloadIsKeptRawBeforeItsAnswer() throws Exception {
        // The raw record is sent before mapping and awaited with the events: a 422 still waits for it, so a payload a
        // later mapping fix can read (a re-map) is on the raw topic once its answer is given.
        String connector = newConnector("chatwoot", "{\"allow_unsigned\": false}", SECRET);
        String malformed = "{\"event\": \"message_created\", \"id\": 11, \"message_type\": \"incoming\"}";
        try (TopicReader raw = new TopicReader(HookTestResources.rawTopic())) {
            Map<TopicPartition, Long> before = raw.endOffsets();
            post(connector, malformed, SECRET).statusCode(422);
            List<TopicReader.Record> kept = raw.readSince(before, 1);
            assertThat(kept).hasSize(1);
            assertThat(kept.get(0).value()).isEqualTo(malformed);
        }
    }

    @Test
    void aTenantOverItsRateLimitGets429AndNothingIsWritten() throws Exception {
        // "hooks-throttled" may send 3 requests, then one every 1000 s (application.properties, test profile): the
        // connector's probe takes the first token, two deliveries the others. The limit is the tenant's, as for
        // /v1/events, taken once the connector says whose the delivery is and before its body is read.
        String connector = newConnector("hooks-throttled", "chatwoot", "{\"allow_unsigned\": false}", SECRET);
        Instant at = Instant.parse("2026-11-05T09:00:00Z");
        post(connector, ChatwootWebhooks.conversationCreated(70, at, 7, 2), SECRET).statusCode(202);
        post(connector, ChatwootWebhooks.conversationCreated(71, at, 7, 2), SECRET).statusCode(202);
        try (TopicReader events = new TopicReader(HookTestResources.topic());
                TopicReader raw = new TopicReader(HookTestResources.rawTopic())) {
            Map<TopicPartition, Long> eventsBefore = events.endOffsets();
            Map<TopicPartition, Long> rawBefore = raw.endOffsets();
            var refused = post(connector, ChatwootWebhooks.conversationCreated(72, at, 7, 2), SECRET).statusCode(429)
                    .contentType("application/problem+json")
                    .body("type", is("https://deskpulse.io/problems/rate-limited"))
                    .body("status", is(429)).extract();
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(900L, 1000L);
            assertThat(events.countSince(eventsBefore)).isZero();
            assertThat(raw.countSince(rawBefore)).isZero();
        }
        // another tenant's connector goes on
        post(newConnector("chatwoot", "{\"allow_unsigned\": false}", SECRET),
                ChatwootWebhooks.conversationCreated(73, at, 7, 2), SECRET).statusCode(202);
    }

    @Test
    void anOversizedBodyIsA413() throws Exception {
        String connector = newConnector("chatwoot", "{\"allow_unsigned\": false}", SECRET);
        String body = "{\"event\": \"contact_created\", \"pad\": \"" + "x".repeat(600 * 1024) + "\"}";
        post(connector, body, SECRET).statusCode(413).contentType("application/problem+json");
    }

    @Test
    void anOversizedBodyWithoutContentLengthIsA413Too() throws Exception {
        // Chunked: no Content-Length to refuse up front, so the limit is met while the body is read.
        String connector = newConnector("chatwoot", "{\"allow_unsigned\": false}", SECRET);
        byte[] body = ("{\"event\": \"contact_created\", \"pad\": \"" + "x".repeat(600 * 1024) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/v1/hooks/" + connector))
                .header("Content-Type", "application/json")
                .header("X-Chatwoot-Timestamp", String.valueOf(now))
                .header("X-Chatwoot-Signature", ChatwootWebhooks.signature(SECRET, now,
                        new String(body, java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("deskpulse.connectors.max-body-size");
    }

    @Test
    void aRemapMapsTheKeptPayloadsAgainAndCountsNothingTwice() throws Exception {
        String connector = newConnector("chatwoot", "{\"allow_unsigned\": false}", SECRET);
        Instant from = Instant.now();
        Instant at = Instant.parse("2026-11-03T09:00:00Z");
        post(connector, ChatwootWebhooks.conversationCreated(50, at, 7, 2), SECRET).statusCode(202).body("accepted", is(1));
        post(connector, ChatwootWebhooks.message(50, 501, "outgoing", "user", 7, false, at.plusSeconds(60)), SECRET)
                .statusCode(202).body("accepted", is(1));
        post(connector, "{\"event\": \"message_created\", \"id\": 9, \"message_type\": \"incoming\"}", SECRET)
                .statusCode(422);

        given().auth().oauth2(ADMIN_KEY).contentType("application/json").body("{\"from\": \"" + from + "\"}")
                .post("/v1/connectors/" + connector + "/remaps").then().statusCode(200)
                .body("payloads_read", is(3)).body("payloads_unmappable", is(1)).body("accepted", is(0))
                .body("duplicates", is(2)).body("complete", is(true));

        given().auth().oauth2(ADMIN_KEY).contentType("application/json").body("{\"from\": \"yesterday\"}")
                .post("/v1/connectors/" + connector + "/remaps").then().statusCode(422)
                .body("errors[0].field", is("from"));
        given().auth().oauth2(ADMIN_KEY).contentType("application/json").body("{\"from\": \"" + from + "\"}")
                .post("/v1/connectors/cn_" + "0".repeat(32) + "/remaps").then().statusCode(404);
        // found by the fuzz suite: the framework's own 415 was a bare one
        given().auth().oauth2(ADMIN_KEY).contentType("text/plain").body("{\"from\": \"" + from + "\"}")
                .post("/v1/connectors/" + connector + "/remaps").then().statusCode(415)
                .contentType("application/problem+json").body("type", containsString("unsupported-media-type"));
        given().auth().oauth2(ADMIN_KEY).contentType("application/json").accept("text/csv")
                .body("{\"from\": \"" + from + "\"}").post("/v1/connectors/" + connector + "/remaps").then()
                .statusCode(406).contentType("application/problem+json").body("type", containsString("not-acceptable"));
        given().auth().oauth2("acme-ingest-test-key-0001").contentType("application/json")
                .body("{\"from\": \"" + from + "\"}").post("/v1/connectors/" + connector + "/remaps").then()
                .statusCode(403);
    }
}
