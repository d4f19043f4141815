package io.deskpulse.ingestion.rest;

import static io.deskpulse.ingestion.testing.TestEvents.INGEST_KEY;
import static io.deskpulse.ingestion.testing.TestEvents.array;
import static io.deskpulse.ingestion.testing.TestEvents.csat;
import static io.deskpulse.ingestion.testing.TestEvents.event;
import static io.deskpulse.ingestion.testing.TestEvents.ticketCreated;
import static io.deskpulse.ingestion.testing.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.ingestion.testing.IngestionKafkaResource;
import io.deskpulse.ingestion.testing.TopicReader;
import io.deskpulse.ingestion.testing.TopicReader.Record;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Accepted single events and batches, as they arrive on the real topic. */
@QuarkusTest
@WithTestResource(IngestionKafkaResource.class)
class SingleAndBatchIngestTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static TopicReader topic;

    @BeforeAll
    static void openTopic() {
        topic = new TopicReader(IngestionKafkaResource.topic());
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    static ValidatableResponse post(String contentType, String body) {
        return given().header("Authorization", "Bearer " + INGEST_KEY).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/v1/events").then();
    }

    @Test
    void aSingleEventIsWrittenNormalisedWithTheCallersTenant() throws Exception {
        String id = unique("single");
        String ticket = unique("T");
        Map<TopicPartition, Long> before = topic.endOffsets();

        post("application/cloudevents+json", event(id, "Ticket.Created", "{\"ticket_id\":\"" + ticket
                + "\",\"channel\":\"EMAIL\",\"priority\":\"High\",\"team_id\":\"Team-2\",\"extra\":{\"k\":[1,2]}}")
                .replace("\"specversion\"", "\"deskpulsetenant\":\"evil-corp\",\"subject\":\"s-1\",\"specversion\""))
                .statusCode(202).contentType("application/json").header("Cache-Control", "private, no-store")
                .body("accepted", equalTo(1)).body("duplicates", equalTo(0));

        List<Record> records = topic.readSince(before, 1);
        assertThat(records).hasSize(1);
        Record record = records.get(0);
        assertThat(record.key()).isEqualTo("acme:" + ticket);
        assertThat(record.contentType()).isEqualTo("application/cloudevents+json; charset=UTF-8");
        JsonNode value = MAPPER.readTree(record.value());
        assertThat(value.get("deskpulsetenant").asText()).isEqualTo("acme");
        assertThat(value.get("type").asText()).isEqualTo("ticket.created");
        assertThat(value.get("id").asText()).isEqualTo(id);
        assertThat(value.get("source").asText()).isEqualTo("zendesk/acme");
        assertThat(value.get("specversion").asText()).isEqualTo("1.0");
        assertThat(value.get("time").asText()).isEqualTo("2026-11-02T09:14:05Z");
        assertThat(value.get("subject").asText()).isEqualTo("s-1");
        assertThat(value.at("/data/channel").asText()).isEqualTo("email");
        assertThat(value.at("/data/priority").asText()).isEqualTo("high");
        assertThat(value.at("/data/team_id").asText()).isEqualTo("Team-2");
        assertThat(value.at("/data/ticket_id").asText()).isEqualTo(ticket);
        assertThat(value.at("/data/extra").toString()).isEqualTo("{\"k\":[1,2]}");
        assertThat(topic.countSince(before)).isEqualTo(1);
    }

    @Test
    void applicationJsonWithACharsetIsOneEventToo() {
        Map<TopicPartition, Long> before = topic.endOffsets();
        post("application/json; charset=utf-8", csat(unique("json"), unique("T"), 4))
                .statusCode(202).body("accepted", equalTo(1)).body("duplicates", equalTo(0));
        assertThat(topic.countSince(before)).isEqualTo(1);
    }

    @Test
    void aBatchIsWrittenWithOneKeyPerTicketAgentCustomerOrEvent() throws Exception {
        String ticket = unique("T");
        String agent = unique("a");
        String customer = unique("c");
        String npsId = unique("nps");
        Map<TopicPartition, Long> before = topic.endOffsets();

        post("application/cloudevents-batch+json", array(
                ticketCreated(unique("b"), ticket),
                event(unique("b"), "agent.status_changed", "{\"agent_id\":\"" + agent + "\",\"status\":\"Online\"}"),
                event(unique("b"), "survey.nps", "{\"score\":9,\"customer_id\":\"" + customer + "\"}"),
                event(npsId, "survey.nps", "{\"score\":10}")))
                .statusCode(202).body("accepted", equalTo(4)).body("duplicates", equalTo(0));

        List<Record> records = topic.readSince(before, 4);
        assertThat(records).extracting(Record::key).containsExactlyInAnyOrder("acme:" + ticket, "acme:agent:" + agent,
                "acme:customer:" + customer, "acme:event:zendesk/acme:" + npsId);
        Map<String, JsonNode> byKey = records.stream().collect(Collectors.toMap(Record::key, r -> read(r.value())));
        assertThat(byKey.get("acme:agent:" + agent).at("/data/status").asText()).isEqualTo("online");
        assertThat(records).allSatisfy(r -> {
            assertThat(read(r.value()).get("deskpulsetenant").asText()).isEqualTo("acme");
            assertThat(r.contentType()).isEqualTo("application/cloudevents+json; charset=UTF-8");
        });
        assertThat(topic.countSince(before)).isEqualTo(4);
    }

    @Test
    void aRepeatWithinABatchIsWrittenOnce() {
        String a = ticketCreated(unique("dup"), unique("T"));
        String b = csat(unique("dup"), unique("T"), 5);
        Map<TopicPartition, Long> before = topic.endOffsets();
        post("application/cloudevents-batch+json", array(a, b, a))
                .statusCode(202).body("accepted", equalTo(2)).body("duplicates", equalTo(1));
        assertThat(topic.countSince(before)).isEqualTo(2);
    }

    @Test
    void eventsAcknowledgedEarlierAreRecognisedAcrossRequests() {
        String a = ticketCreated(unique("again"), unique("T"));
        String b = csat(unique("again"), unique("T"), 3);
        String c = csat(unique("again"), unique("T"), 2);
        post("application/cloudevents-batch+json", array(a, b)).statusCode(202).body("accepted", equalTo(2));

        Map<TopicPartition, Long> before = topic.endOffsets();
        post("application/cloudevents-batch+json", array(a, b, c))
                .statusCode(202).body("accepted", equalTo(1)).body("duplicates", equalTo(2));
        post("application/cloudevents+json", a)
                .statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        assertThat(topic.countSince(before)).isEqualTo(1);
    }

    @Test
    void theSameIdFromAnotherSourceIsAnotherEvent() {
        String id = unique("src");
        String first = ticketCreated(id, unique("T"));
        String second = first.replace("zendesk/acme", "freshdesk/acme");
        Map<TopicPartition, Long> before = topic.endOffsets();
        post("application/cloudevents-batch+json", array(first, second)).statusCode(202)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(0));
        assertThat(topic.countSince(before)).isEqualTo(2);
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
