package io.deskpulse.ingestion.rest;

import static io.deskpulse.ingestion.testing.TestEvents.INGEST_KEY;
import static io.deskpulse.ingestion.testing.TestEvents.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.deskpulse.ingestion.testing.IngestionKafkaResource;
import io.deskpulse.ingestion.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three content modes of the CloudEvents HTTP binding, sent by a client no one on the project wrote: the Java
 * SDK's HTTP writer ({@code io.cloudevents:cloudevents-http-basic}) for binary and structured mode, and the batch
 * as the binding's own example has it. Each lands on the topic as the same structured event.
 */
@QuarkusTest
@WithTestResource(IngestionKafkaResource.class)
class CloudEventsContentModesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TopicReader topic;

    @TestHTTPResource("/v1/events")
    URI events;

    @BeforeAll
    static void openTopic() {
        topic = new TopicReader(IngestionKafkaResource.topic());
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    private static CloudEvent ticketCreated(String id, String ticket) {
        return CloudEventBuilder.v1().withId(id).withSource(URI.create("zendesk/acme")).withType("ticket.created")
                .withTime(OffsetDateTime.parse("2026-11-02T09:14:05Z")).withSubject("ticket 42: \"late\"")
                .withExtension("helpdeskregion", "eu-west")
                .withData("application/json", ("{\"ticket_id\":\"" + ticket + "\",\"channel\":\"chat\"}")
                        .getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** What the SDK's writer produces for the event: its headers and its body, posted as they are. */
    private HttpResponse<String> send(CloudEvent event, boolean binary) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        AtomicReference<byte[]> body = new AtomicReference<>(new byte[0]);
        var writer = HttpMessageFactory.createWriter(headers::put, body::set);
        if (binary) {
            writer.writeBinary(event);
        } else {
            writer.writeStructured(event, JsonFormat.CONTENT_TYPE);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(events).header("Authorization", "Bearer " + INGEST_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.get()));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request built by hand, as the binding's examples are: the ingest key, the Content-Type, then header pairs. */
    private HttpResponse<String> post(String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(events).header("Authorization", "Bearer " + INGEST_KEY)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode onlyRecord(Map<TopicPartition, Long> before) throws Exception {
        List<TopicReader.Record> records = topic.readSince(before, 1);
        assertThat(records).hasSize(1);
        assertThat(topic.countSince(before)).isEqualTo(1);
        return MAPPER.readTree(records.get(0).value());
    }

    @Test
    void binaryModeTheSdksDefaultIsAccepted() throws Exception {
        String id = unique("binary");
        String ticket = unique("T");
        Map<TopicPartition, Long> before = topic.endOffsets();

        HttpResponse<String> response = send(ticketCreated(id, ticket), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(MAPPER.readTree(response.body())).isEqualTo(MAPPER.readTree("{\"accepted\":1,\"duplicates\":0}"));
        JsonNode value = onlyRecord(before);
        assertThat(value.get("id").asText()).isEqualTo(id);
        assertThat(value.get("source").asText()).isEqualTo("zendesk/acme");
        assertThat(value.get("type").asText()).isEqualTo("ticket.created");
        assertThat(value.get("specversion").asText()).isEqualTo("1.0");
        assertThat(OffsetDateTime.parse(value.get("time").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-11-02T09:14:05Z").toInstant());
        assertThat(value.get("subject").asText()).isEqualTo("ticket 42: \"late\"");
        assertThat(value.get("helpdeskregion").asText()).isEqualTo("eu-west");
        assertThat(value.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(value.get("data")).isEqualTo(MAPPER.readTree("{\"ticket_id\":\"" + ticket + "\",\"channel\":\"chat\"}"));
        assertThat(value.get("deskpulsetenant").asText()).isEqualTo("acme");
    }

    @Test
    void structuredModeIsAccepted() throws Exception {
        String id = unique("structured");
        String ticket = unique("T");
        Map<TopicPartition, Long> before = topic.endOffsets();

        HttpResponse<String> response = send(ticketCreated(id, ticket), false);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode value = onlyRecord(before);
        assertThat(value.get("id").asText()).isEqualTo(id);
        assertThat(value.get("subject").asText()).isEqualTo("ticket 42: \"late\"");
        assertThat(value.at("/data/ticket_id").asText()).isEqualTo(ticket);
    }

    @Test
    void percentEncodedHeaderValuesAreDecodedAsTheBindingSays() throws Exception {
        String id = unique("encoded");
        Map<TopicPartition, Long> before = topic.endOffsets();
        HttpResponse<String> response = post("application/json",
                "{\"ticket_id\":\"" + unique("T") + "\",\"channel\":\"chat\"}", "ce-specversion", "1.0", "ce-id", id,
                "ce-type", "ticket.created", "ce-source", "zendesk/acme", "ce-time", "2026-11-02T09:14:05Z",
                // the binding's own example: "Euro € 😀"
                "ce-subject", "Euro%20%E2%82%AC%20%F0%9F%98%80");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(onlyRecord(before).get("subject").asText()).isEqualTo("Euro € \uD83D\uDE00");
    }

    @Test
    void aBatchAsTheBindingsExampleIsAccepted() throws Exception {
        String first = unique("batch");
        String second = unique("batch");
        Map<TopicPartition, Long> before = topic.endOffsets();
        String batch = "[{\"specversion\":\"1.0\",\"type\":\"ticket.created\",\"source\":\"zendesk/acme\",\"id\":\""
                + first + "\",\"time\":\"2026-11-02T09:14:05Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"ticket_id\":\"" + unique("T") + "\",\"channel\":\"email\"}},"
                + "{\"specversion\":\"1.0\",\"type\":\"ticket.created\",\"source\":\"zendesk/acme\",\"id\":\"" + second
                + "\",\"time\":\"2026-11-02T09:15:05Z\",\"data\":{\"ticket_id\":\"" + unique("T")
                + "\",\"channel\":\"email\"}}]";
        HttpResponse<String> response = post("application/cloudevents-batch+json; charset=UTF-8", batch);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(topic.readSince(before, 2)).extracting(r -> MAPPER.readTree(r.value()).get("id").asText())
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void binaryModeKeepsTheSameRulesAndAnswers() throws Exception {
        Map<TopicPartition, Long> before = topic.endOffsets();
        // no ce-id, no ce-time, a channel outside the contract: every problem named, as for a structured event
        HttpResponse<String> invalid = post("application/json", "{\"ticket_id\":\"T-1\",\"channel\":\"fax\"}",
                "ce-specversion", "1.0", "ce-type", "ticket.created", "ce-source", "zendesk/acme");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(MAPPER.readTree(invalid.body()).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("id", "time", "data.channel");

        HttpResponse<String> notJson = post("application/json", "{\"ticket_id\":", "ce-specversion", "1.0",
                "ce-id", "x-1", "ce-type", "ticket.created", "ce-source", "s", "ce-time", "2026-11-02T09:14:05Z");
        assertThat(notJson.statusCode()).isEqualTo(422);
        JsonNode error = MAPPER.readTree(notJson.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("data");
        assertThat(error.get("id").asText()).isEqualTo("x-1");
        assertThat(error.get("reason").asText()).startsWith("is not valid JSON: ");

        HttpResponse<String> text = post("text/plain", "hello", "ce-specversion", "1.0", "ce-id", "x-2",
                "ce-type", "ticket.created", "ce-source", "s", "ce-time", "2026-11-02T09:14:05Z");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(MAPPER.readTree(text.body()).get("detail").asText())
                .startsWith("A CloudEvent in binary mode (ce-* headers) carries its data as the body");
        assertThat(topic.countSince(before)).isZero();
    }
}
