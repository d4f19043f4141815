package io.deskpulse.ingestion.rest;

import static io.deskpulse.ingestion.rest.SingleAndBatchIngestTest.post;
import static io.deskpulse.ingestion.testing.TestEvents.array;
import static io.deskpulse.ingestion.testing.TestEvents.csat;
import static io.deskpulse.ingestion.testing.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.deskpulse.ingestion.testing.IngestionKafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metrics, health and the API description. */
@QuarkusTest
@WithTestResource(IngestionKafkaResource.class)
class ObservabilityTest {

    @Test
    void countersFollowWhatHappensToEvents() {
        String accepted = "deskpulse_ingest_events_accepted_total";
        String duplicates = "deskpulse_ingest_events_duplicates_total";
        String invalid = "deskpulse_ingest_events_rejected_total{reason=\"invalid\"}";
        String unauthorized = "deskpulse_ingest_events_rejected_total{reason=\"unauthorized\"}";
        String unsupported = "deskpulse_ingest_events_rejected_total{reason=\"unsupported_media_type\"}";
        String ackWaits = "deskpulse_ingest_kafka_ack_wait_seconds_count";
        // The counters appear with the first request that uses them: none yet when this test runs first.
        Map<String, Double> before = Metrics.read();

        String event = csat(unique("m"), "T", 5);
        post("application/cloudevents-batch+json", array(event, csat(unique("m"), "T", 4))).statusCode(202);
        post("application/cloudevents+json", event).statusCode(202);
        post("application/cloudevents-batch+json", array(csat(unique("m"), "T", 0), csat(unique("m"), "T", 9)))
                .statusCode(422);
        post("text/csv", "a,b").statusCode(415);
        given().contentType("application/json").body(event).post("/v1/events").then().statusCode(401);

        Map<String, Double> after = Metrics.read();
        assertThat(after.get(accepted) - before.getOrDefault(accepted, 0.0)).isEqualTo(2.0);
        assertThat(after.get(duplicates) - before.getOrDefault(duplicates, 0.0)).isEqualTo(1.0);
        assertThat(after.get(invalid) - before.getOrDefault(invalid, 0.0)).isEqualTo(2.0);
        assertThat(after.get(unsupported) - before.getOrDefault(unsupported, 0.0)).isEqualTo(1.0);
        assertThat(after.get(unauthorized) - before.getOrDefault(unauthorized, 0.0)).isEqualTo(1.0);
        assertThat(after.get(ackWaits) - before.getOrDefault(ackWaits, 0.0)).isEqualTo(1.0);
    }

    @Test
    void readyWhileKafkaAnswers() {
        when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.data.topic", equalTo(IngestionKafkaResource.topic()));
        when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoint() {
        JsonPath openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> post = openapi.getMap("paths.'/v1/events'.post");
        assertThat(post).isNotNull();
        assertThat(openapi.getString("paths.'/v1/events'.post.operationId")).isEqualTo("sendEvents");
        assertThat(openapi.getList("servers.url")).containsExactly("/");
        assertThat(openapi.getMap("paths.'/v1/events'.post.requestBody.content")).containsOnlyKeys(
                "application/cloudevents+json", "application/json", "application/cloudevents-batch+json",
                "application/x-ndjson");
        assertThat(openapi.getString("paths.'/v1/events'.post.requestBody.content.'application/x-ndjson'"
                + ".examples.backfill.value")).contains("\n").contains("\"type\":\"survey.csat\"");
        assertThat(openapi.getMap("paths.'/v1/events'.post.responses")).containsOnlyKeys(
                "202", "401", "403", "413", "415", "422", "429", "503");
        assertThat(openapi.getMap("paths.'/v1/events'.post.responses.'429'.headers")).containsKey("Retry-After");
        assertThat(openapi.getString("paths.'/v1/events'.post.responses.'503'.content.'application/problem+json'"
                + ".examples.'kafka unavailable'.value.type")).isEqualTo("https://deskpulse.io/problems/kafka-unavailable");
        assertThat(openapi.getString("paths.'/v1/events'.post.responses.'415'.content.'application/problem+json'"
                + ".examples.unsupported.value.detail")).isEqualTo("Content-Type 'text/plain' is not accepted. Send one "
                + "of: " + String.join(", ", IngestContentType.ACCEPTED) + ".");
        assertThat(openapi.getMap("paths.'/v1/events'.post.responses.'503'.headers")).containsKey("Retry-After");
        assertThat(openapi.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(openapi.getList("paths.'/v1/events'.post.security.bearer")).isNotNull();
        given().get("/q/openapi").then().statusCode(200).body(org.hamcrest.Matchers.containsString("/v1/events"));
        when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
