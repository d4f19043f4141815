package io.deskpulse.ingestion.rest;

import static io.deskpulse.ingestion.testing.TestEvents.INGEST_KEY;
import static io.deskpulse.ingestion.testing.TestEvents.array;
import static io.deskpulse.ingestion.testing.TestEvents.csat;
import static io.deskpulse.ingestion.testing.TestEvents.ticketCreated;
import static io.deskpulse.ingestion.testing.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.ingestion.testing.OutageBrokerResource;
import io.deskpulse.ingestion.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A real broker, really killed (SIGKILL) and started again on its data, while requests keep coming: refused with a
 * 503 once a send found it down, without waiting on Kafka; not ready meanwhile; open again on its own once the
 * broker is back; and every event that was answered 202 is on the topic.
 */
@QuarkusTest
@TestProfile(KafkaOutageTest.OwnBroker.class)
class KafkaOutageTest {

    private static final Duration OUTAGE_BOUND = Duration.ofMinutes(2);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Set<String> accepted = new HashSet<>();

    @Test
    void refusedAtOnceWhileTheBrokerIsDownAndOpenAgainWhenItReturns() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(send().statusCode()).isEqualTo(202);
        }
        assertThat(publishing()).isEqualTo("UP");

        OutageBrokerResource.broker().kill();

        // The first requests after the kill wait for their acknowledgements until the ack timeout, or fail sooner.
        Response firstRefusal = await().atMost(OUTAGE_BOUND).until(this::send, r -> r.statusCode() == 503);
        assertRefusal(firstRefusal);
        await().atMost(OUTAGE_BOUND).until(this::publishing, "DOWN"::equals);
        when().get("/q/health/ready").then().statusCode(503);
        when().get("/q/health/live").then().statusCode(200);

        // Known down: refused without a send, so no request waits on Kafka and nothing builds up.
        Map<String, Double> before = Metrics.read();
        for (int i = 0; i < 20; i++) {
            Response refused = send();
            assertRefusal(refused);
            assertThat(refused.header("Connection")).isEqualTo("close");
            assertThat(refused.jsonPath().getString("detail")).startsWith("Kafka is unavailable; nothing of this request");
        }
        Map<String, Double> after = Metrics.read();
        assertThat(after.get("deskpulse_ingest_kafka_ack_wait_seconds_count"))
                .isEqualTo(before.get("deskpulse_ingest_kafka_ack_wait_seconds_count"));
        assertThat(after.get("deskpulse_ingest_events_rejected_total{reason=\"kafka_unavailable\"}")
                - before.get("deskpulse_ingest_events_rejected_total{reason=\"kafka_unavailable\"}")).isEqualTo(20.0);
        assertThat(after.get("deskpulse_ingest_kafka_available")).isZero();
        assertThat(after.get("deskpulse_ingest_kafka_waiting_requests")).isZero();
        // The records of the refused requests are given up, not kept for a broker that may never return.
        await().atMost(OUTAGE_BOUND).until(() -> Metrics.read().get("deskpulse_ingest_kafka_buffer_used_bytes") == 0.0);

        OutageBrokerResource.broker().start();

        await().atMost(OUTAGE_BOUND).until(this::publishing, "UP"::equals);
        await().atMost(OUTAGE_BOUND).until(() -> send().statusCode() == 202);
        for (int i = 0; i < 5; i++) {
            assertThat(send().statusCode()).isEqualTo(202);
        }
        assertThat(Metrics.read().get("deskpulse_ingest_kafka_available")).isEqualTo(1.0);

        Set<String> onTopic = new HashSet<>();
        try (TopicReader topic = new TopicReader(OutageBrokerResource.broker().bootstrap(), OutageBrokerResource.TOPIC)) {
            for (TopicReader.Record record : topic.readAll()) {
                onTopic.add(MAPPER.readTree(record.value()).get("id").asText());
            }
        }
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(2 * 11);
        assertThat(onTopic).containsAll(accepted);
    }

    /** Posts a batch of two fresh events; remembers their ids when answered 202. */
    private Response send() {
        List<String> ids = new ArrayList<>(List.of(unique("outage"), unique("outage")));
        Response response = given().header("Authorization", "Bearer " + INGEST_KEY)
                .contentType("application/cloudevents-batch+json")
                .body(array(ticketCreated(ids.get(0), unique("T")), csat(ids.get(1), unique("T"), 5))
                        .getBytes(StandardCharsets.UTF_8))
                .post("/v1/events");
        if (response.statusCode() == 202) {
            accepted.addAll(ids);
        }
        return response;
    }

    private static void assertRefusal(Response response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isEqualTo("2");
        JsonPath problem = response.jsonPath();
        assertThat(problem.getString("type")).isEqualTo("https://deskpulse.io/problems/kafka-unavailable");
        // Nothing of the Kafka client's own text: no exception, no broker address.
        assertThat(problem.getString("detail")).doesNotContain("Exception", "org.apache", "39092", "Expiring")
                .contains("Resend the same request after Retry-After seconds");
    }

    /** The status of the publisher's readiness check. */
    private String publishing() {
        return when().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'kafka-publishing' }.status");
    }

    public static class OwnBroker implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "deskpulse.kafka.ack-timeout", "3s",
                    "deskpulse.kafka.probe-interval", "200ms",
                    "deskpulse.kafka.retry-after", "2",
                    "deskpulse.kafka.health-timeout", "1s",
                    "deskpulse.kafka.health-cache-ttl", "1s",
                    "deskpulse.kafka.topic-partitions", "3");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OutageBrokerResource.class));
        }
    }
}
