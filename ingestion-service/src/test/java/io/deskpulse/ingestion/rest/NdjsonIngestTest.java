package io.deskpulse.ingestion.rest;

import static io.deskpulse.ingestion.rest.SingleAndBatchIngestTest.post;
import static io.deskpulse.ingestion.testing.TestEvents.csat;
import static io.deskpulse.ingestion.testing.TestEvents.event;
import static io.deskpulse.ingestion.testing.TestEvents.ticketCreated;
import static io.deskpulse.ingestion.testing.TestEvents.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.ingestion.testing.Http;
import io.deskpulse.ingestion.testing.IngestionKafkaResource;
import io.deskpulse.ingestion.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** NDJSON backfills: streamed, spooled, all or nothing; the spool file never outlives its request. */
@QuarkusTest
@WithTestResource(IngestionKafkaResource.class)
class NdjsonIngestTest {

    private static final String NDJSON = "application/x-ndjson";
    /** Set in application.properties for the test profile. */
    private static final Path SPOOL_DIR = Path.of("target/spool-test");
    private static TopicReader topic;

    @BeforeAll
    static void openTopic() {
        topic = new TopicReader(IngestionKafkaResource.topic());
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    @AfterEach
    void noSpoolFileIsLeftBehind() throws IOException {
        if (Files.isDirectory(SPOOL_DIR)) {
            try (Stream<Path> files = Files.list(SPOOL_DIR)) {
                assertThat(files.toList()).isEmpty();
            }
        }
    }

    @Test
    void aHundredThousandEventsAreStreamedAndAllAcknowledged() throws Exception {
        String run = unique("bulk");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            body.append(event(run + "-" + i, "ticket.message", "{\"ticket_id\":\"" + run + "-T" + (i % 5000)
                    + "\",\"author\":\"Agent\",\"agent_id\":\"a-" + (i % 40) + "\"}")).append('\n');
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        Map<TopicPartition, Long> before = topic.endOffsets();

        HttpResponse<String> response = Http.postChunked(NDJSON, () -> new ByteArrayInputStream(bytes));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonPath answer = JsonPath.from(response.body());
        assertThat(answer.getLong("accepted")).isEqualTo(100_000L);
        assertThat(answer.getLong("duplicates")).isZero();
        assertThat(topic.countSince(before)).isEqualTo(100_000L);
    }

    @Test
    void linesAreNormalisedLikeAnyEventAndBlankLinesAreSkipped() throws Exception {
        String ticket = unique("T");
        String repeated = csat(unique("nd"), ticket, 4);
        String body = ticketCreated(unique("nd"), ticket).replace("\"email\"", "\"CHAT\"") + "\r\n\n   \n"
                + repeated + "\n" + repeated;
        Map<TopicPartition, Long> before = topic.endOffsets();

        post(NDJSON, body).statusCode(202).body("accepted", equalTo(2)).body("duplicates", equalTo(1));

        List<TopicReader.Record> records = topic.readSince(before, 2);
        assertThat(records).extracting(TopicReader.Record::key).containsOnly("acme:" + ticket);
        JsonNode created = new ObjectMapper().readTree(records.stream()
                .filter(r -> r.value().contains("ticket.created")).findFirst().orElseThrow().value());
        assertThat(created.at("/data/channel").asText()).isEqualTo("chat");
        assertThat(created.get("deskpulsetenant").asText()).isEqualTo("acme");
        assertThat(topic.countSince(before)).isEqualTo(2);
    }

    @Test
    void anInvalidLineRefusesTheWholeBodyAndNamesItsLine() {
        String body = ticketCreated(unique("nd"), "T") + "\n"
                + "\n"
                + "{\"specversion\":\"1.0\",\"id\":\"broken\"\n"
                + csat(unique("nd"), "T", 5) + "\n"
                + event("bad-author", "ticket.message", "{\"ticket_id\":\"T\",\"author\":\"robot\"}") + "\n";
        Map<TopicPartition, Long> before = topic.endOffsets();

        JsonPath problem = post(NDJSON, body).statusCode(422)
                .body("type", equalTo("https://deskpulse.io/problems/invalid-events"))
                .body("detail", equalTo("2 of 4 events are invalid; nothing of this request was accepted."))
                .body("errors[0].index", equalTo(2))
                .body("errors[0].reason", containsString("is not valid JSON"))
                .extract().jsonPath();
        assertThat(problem.getList("errors", Map.class)).hasSize(2);
        assertThat(problem.getMap("errors[1]")).isEqualTo(Map.of("index", 4, "id", "bad-author",
                "field", "data.author", "reason", "must be one of: customer, agent, bot, system"));
        assertThat(topic.countSince(before)).isZero();
    }

    @Test
    void aLineLargerThanOneEventMayBeIsInvalid() {
        String huge = event(unique("huge"), "survey.nps", "{\"score\":1,\"pad\":\"" + "z".repeat(600 * 1024) + "\"}");
        post(NDJSON, csat(unique("nd"), "T", 1) + "\n" + huge + "\n").statusCode(422)
                .body("errors[0].index", equalTo(1))
                .body("errors[0].reason", equalTo("is larger than 524288 bytes"));
    }

    @Test
    void aBodyWithoutEventsIsRefused() {
        post(NDJSON, "\n\n").statusCode(422).body("detail", equalTo("The request holds no events."));
    }

    @Test
    void theNdjsonLimitIsAnnouncedOrCounted() throws Exception {
        // The test profile sets max-ndjson-size=64M.
        String response = Http.postAnnouncingLength(NDJSON, 100L * 1024 * 1024, new byte[0]);
        assertThat(response).startsWith("HTTP/1.1 413")
                .contains("larger than 67108864 bytes (deskpulse.ingest.max-ndjson-size)");
    }
}
