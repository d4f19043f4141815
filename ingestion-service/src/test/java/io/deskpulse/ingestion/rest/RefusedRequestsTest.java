package io.deskpulse.ingestion.rest;

import static io.deskpulse.ingestion.rest.SingleAndBatchIngestTest.post;
import static io.deskpulse.ingestion.testing.TestEvents.READ_ONLY_KEY;
import static io.deskpulse.ingestion.testing.TestEvents.array;
import static io.deskpulse.ingestion.testing.TestEvents.csat;
import static io.deskpulse.ingestion.testing.TestEvents.event;
import static io.deskpulse.ingestion.testing.TestEvents.ticketCreated;
import static io.deskpulse.ingestion.testing.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.deskpulse.ingestion.testing.Http;
import io.deskpulse.ingestion.testing.IngestionKafkaResource;
import io.deskpulse.ingestion.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refusal is a problem+json, and nothing of a refused request reaches the topic. */
@QuarkusTest
@WithTestResource(IngestionKafkaResource.class)
class RefusedRequestsTest {

    private static final String BATCH = "application/cloudevents-batch+json";
    private static TopicReader topic;
    private Map<TopicPartition, Long> before;

    @BeforeAll
    static void openTopic() {
        topic = new TopicReader(IngestionKafkaResource.topic());
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    @BeforeEach
    void rememberOffsets() {
        before = topic.endOffsets();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(topic.countSince(before)).as("records written by a refused request").isZero();
    }

    @Test
    void invalidEventsAreAllListedAndTheValidOnesAreNotSentEither() {
        String badChannelId = unique("bad");
        String ticketMissingId = unique("bad");
        JsonPath problem = post(BATCH, array(
                ticketCreated(unique("ok"), unique("T")),
                event(badChannelId, "ticket.created", "{\"ticket_id\":\"T-1\",\"channel\":\"Fax\"}"),
                csat(unique("ok"), unique("T"), 5),
                event(ticketMissingId, "ticket.tagged", "{\"tags\":[\"a\",\"b\",42]}"),
                "{\"specversion\":\"1.0\",\"id\":\"no-time\",\"source\":\"s\",\"type\":\"survey.nps\",\"data\":{\"score\":11}}"))
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://deskpulse.io/problems/invalid-events"))
                .body("title", equalTo("Invalid events"))
                .body("status", equalTo(422))
                .body("detail", equalTo("3 of 5 events are invalid; nothing of this request was accepted."))
                .extract().jsonPath();
        assertThat(problem.getList("errors", Map.class)).containsExactlyInAnyOrder(
                Map.of("index", 1, "id", badChannelId, "field", "data.channel",
                        "reason", "must be one of: email, chat, phone, web, social, messaging, other"),
                Map.of("index", 3, "id", ticketMissingId, "field", "data.ticket_id", "reason", "is required"),
                Map.of("index", 3, "id", ticketMissingId, "field", "data.tags[2]", "reason", "must be a string"),
                Map.of("index", 4, "id", "no-time", "field", "time", "reason", "is required"),
                Map.of("index", 4, "id", "no-time", "field", "data.score", "reason", "must be <= 10"));
    }

    @Test
    void aSingleInvalidEventHasNoIndex() {
        post("application/cloudevents+json", event(unique("x"), "survey.csat", "{\"ticket_id\":\"T\",\"score\":\"5\"}"))
                .statusCode(422)
                .body("detail", equalTo("The event is invalid; it was not accepted."))
                .body("errors", hasSize(1))
                .body("errors[0].index", nullValue())
                .body("errors[0].field", equalTo("data.score"))
                .body("errors[0].reason", equalTo("must be an integer"));
    }

    @Test
    void anEventTimeOutsideTheAcceptedWindowIsRefusedNamingTheField() {
        // Years the parser takes (up to +-999,999,999) would make scoring's business-hours arithmetic loop per day.
        for (String time : List.of("-200000000-01-01T00:00:00Z", "+200000000-01-01T00:00:00Z", "1999-12-31T23:59:59Z")) {
            String ticketCreated = ticketCreated(unique("t"), "T").replace("2026-11-02T09:14:05Z", time);
            post("application/cloudevents+json", ticketCreated)
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("time"))
                    .body("errors[0].reason", startsWith("must lie between 2000-01-01T00:00:00Z and 1 day after the "
                            + "server's clock ("));
        }
    }

    @Test
    void aNumberBeyondADoublesRangeIsAnInvalidEventNotAServerError() {
        // 1e400 parses as infinity, which the schema validator's enum cannot compare: this was a 500.
        post("application/cloudevents+json", event(unique("inf"), "ticket.created",
                "{\"ticket_id\":\"T-1\",\"channel\":1e400}"))
                .statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("data.channel"))
                .body("errors[0].reason", equalTo("must be a number within the range of a double"));
    }

    @Test
    void aNumberBeyondADoublesRangeIsRefusedWhereTheContractSetsNoBoundToo() {
        // sale.converted's amount has no maximum: infinity would pass the schema, and scoring could not count it
        post("application/cloudevents+json", event(unique("inf-amount"), "sale.converted",
                "{\"agent_id\":\"a-1\",\"amount\":1e400,\"currency\":\"EUR\"}"))
                .statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("data.amount"))
                .body("errors[0].reason", equalTo("must be a number within the range of a double"));
    }

    @Test
    void theListOfErrorsIsCappedButTheDetailCountsThemAll() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            events.add(csat(unique("cap"), "T", 9));
        }
        post(BATCH, array(events.toArray(String[]::new))).statusCode(422)
                .body("detail", equalTo("150 of 150 events are invalid; nothing of this request was accepted. "
                        + "Only the first 100 errors are listed."))
                .body("errors", hasSize(100))
                .body("errors[99].index", equalTo(99));
    }

    @Test
    void malformedJsonSaysWhereAndWhy() {
        post("application/cloudevents+json", "{\"specversion\": \"1.0\",\n \"id\": }")
                .statusCode(422)
                .body("errors[0].reason", containsString("is not valid JSON: Unexpected character ('}'"))
                .body("errors[0].reason", containsString("(line 2, column 8)"));
        post(BATCH, array(ticketCreated(unique("m"), "T"), "{\"id\": \"x\",}"))
                .statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].index", equalTo(1))
                .body("errors[0].reason", containsString("is not valid JSON"));
        post("application/json", "").statusCode(422).body("detail", equalTo("The request holds no event."));
        post("application/json", array(ticketCreated(unique("m"), "T"))).statusCode(422)
                .body("errors[0].reason", containsString("send an array of events as application/cloudevents-batch+json"));
        post(BATCH, ticketCreated(unique("m"), "T")).statusCode(422)
                .body("detail", equalTo("A batch must be a JSON array of events."));
        post(BATCH, "[{\"type\": \"a\", \"type\": \"b\"}]").statusCode(422)
                .body("errors[0].reason", containsString("Duplicate field 'type'"));
    }

    @Test
    void anEmptyBatchIsRefused() {
        post(BATCH, "[]").statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("The request holds no events."));
    }

    @Test
    void tooManyEventsInABatch() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            events.add(csat(unique("many"), "T", 3));
        }
        post(BATCH, array(events.toArray(String[]::new))).statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://deskpulse.io/problems/payload-too-large"))
                .body("detail", containsString("at most 1000 events"));
    }

    @Test
    void aBodyAnnouncedLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        // The test profile sets max-body-size=1M; nothing but the headers is sent.
        String response = Http.postAnnouncingLength(BATCH, 5_000_000, "[".getBytes(StandardCharsets.UTF_8));
        assertThat(response).startsWith("HTTP/1.1 413")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"type\":\"https://deskpulse.io/problems/payload-too-large\"")
                .contains("larger than 1048576 bytes (deskpulse.ingest.max-body-size)");
    }

    @Test
    void aChunkedBodyIsCountedWhileItIsRead() throws Exception {
        StringBuilder body = new StringBuilder("[");
        String padding = "p".repeat(2000);
        for (int i = 0; i < 600; i++) {
            body.append(i == 0 ? "" : ",").append(event(unique("big"), "survey.nps",
                    "{\"score\":3,\"pad\":\"" + padding + "\"}"));
        }
        byte[] bytes = body.append("]").toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(1_048_576);
        HttpResponse<String> response = Http.postChunked(BATCH, () -> new ByteArrayInputStream(bytes));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("larger than 1048576 bytes (deskpulse.ingest.max-body-size)");
    }

    @Test
    void otherContentTypesAreRefusedWithTheAcceptedOnes() throws Exception {
        post("text/plain", "hello").statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("https://deskpulse.io/problems/unsupported-media-type"))
                .body("detail", startsWith("Content-Type 'text/plain"))
                .body("detail", endsWith("is not accepted. Send one of: application/cloudevents+json, "
                        + "application/json, application/cloudevents-batch+json, application/x-ndjson."));
        HttpResponse<String> untyped = Http.postWithoutContentType(csat(unique("ct"), "T", 3).getBytes(StandardCharsets.UTF_8));
        assertThat(untyped.statusCode()).isEqualTo(415);
        assertThat(JsonPath.from(untyped.body()).getString("detail"))
                .startsWith("The request has no Content-Type. Send one of: application/cloudevents+json");
    }

    @Test
    void withoutAValidKeyThe401AsksForABearerToken() {
        given().contentType("application/cloudevents+json").body(csat(unique("auth"), "T", 3))
                .post("/v1/events").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").header("Cache-Control", "private, no-store")
                .body("type", equalTo("https://deskpulse.io/problems/unauthorized"));
        given().header("Authorization", "Bearer not-a-known-key-at-all").contentType("application/cloudevents+json")
                .body(csat(unique("auth"), "T", 3)).post("/v1/events").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("The API key is not valid."));
        given().header("Authorization", "Basic YWNtZTpzZWNyZXQ=").contentType("application/cloudevents+json")
                .body(csat(unique("auth"), "T", 3)).post("/v1/events").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aReadOnlyKeyIsForbidden() {
        given().header("Authorization", "Bearer " + READ_ONLY_KEY).contentType("application/cloudevents+json")
                .body(csat(unique("auth"), "T", 3)).post("/v1/events").then().statusCode(403)
                .contentType("application/problem+json").header("Cache-Control", "private, no-store")
                .body("type", equalTo("https://deskpulse.io/problems/forbidden"))
                .body("detail", equalTo("This API key lacks the 'ingest' scope."));
    }
}
