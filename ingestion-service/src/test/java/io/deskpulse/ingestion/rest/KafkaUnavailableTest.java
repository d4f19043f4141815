package io.deskpulse.ingestion.rest;

import static io.deskpulse.ingestion.rest.SingleAndBatchIngestTest.post;
import static io.deskpulse.ingestion.testing.TestEvents.array;
import static io.deskpulse.ingestion.testing.TestEvents.csat;
import static io.deskpulse.ingestion.testing.TestEvents.ticketCreated;
import static io.deskpulse.ingestion.testing.TestEvents.unique;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real failure, not a mock: the service is pointed at a port where no broker listens. */
@QuarkusTest
@TestProfile(KafkaUnavailableTest.UnreachableKafka.class)
class KafkaUnavailableTest {

    @Test
    void requestsAreAnswered503WithRetryAfterNeverAccepted() {
        Map<String, Double> before = Metrics.read();
        post("application/cloudevents-batch+json", array(ticketCreated(unique("down"), "T"), csat(unique("down"), "T", 4)))
                .statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "7")
                .body("type", equalTo("https://deskpulse.io/problems/kafka-unavailable"))
                .body("title", equalTo("Kafka unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("it is safe, because duplicates are recognised"))
                .body("detail", not(containsString("Exception")));
        post("application/x-ndjson", csat(unique("down"), "T", 4) + "\n").statusCode(503).header("Retry-After", "7");
        Map<String, Double> after = Metrics.read();
        // The batch counts its 2 events if it was the send that found Kafka down, 1 (a request) if it was refused
        // before its body was read; the NDJSON request comes after a failed send and is refused unread: 1.
        assertThat(after.get("deskpulse_ingest_events_rejected_total{reason=\"kafka_unavailable\"}")
                - before.get("deskpulse_ingest_events_rejected_total{reason=\"kafka_unavailable\"}")).isIn(2.0, 3.0);
        assertThat(after.get("deskpulse_ingest_events_accepted_total")
                - before.get("deskpulse_ingest_events_accepted_total")).isZero();
        assertThat(after.get("deskpulse_ingest_kafka_available")).isZero();
    }

    @Test
    void aFailedEventIsNotRememberedSoItsResendIsNotADuplicate() {
        String event = csat(unique("down"), "T", 2);
        post("application/cloudevents+json", event).statusCode(503);
        // Had the identity been remembered, this would be a 202 "duplicate" and the event would be lost.
        post("application/cloudevents+json", event).statusCode(503);
    }

    @Test
    void notReady() {
        when().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN"));
        post("application/cloudevents+json", csat(unique("down"), "T", 3)).statusCode(503);
        when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'kafka-publishing' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'kafka-publishing' }.data.reason", equalTo("TimeoutException"));
        when().get("/q/health/live").then().statusCode(200);
    }

    public static class UnreachableKafka implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:" + closedPort(),
                    "deskpulse.kafka.topic", "deskpulse.events.unreachable",
                    "deskpulse.kafka.ack-timeout", "2s",
                    "deskpulse.kafka.retry-after", "7",
                    "deskpulse.kafka.health-timeout", "1s");
        }

        /** A port that was free a moment ago: nothing listens there, so connections are refused at once. */
        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
