package io.deskpulse.ingestion.rest;

import static io.deskpulse.ingestion.testing.TestEvents.INGEST_KEY;
import static io.deskpulse.ingestion.testing.TestEvents.csat;
import static io.deskpulse.ingestion.testing.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.deskpulse.ingestion.testing.IngestionKafkaResource;
import io.deskpulse.ingestion.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The tenant "throttled" may send 3 requests, then one every 1000 s (application.properties, test profile): its
 * fourth request is refused with 429 and the rate-limit headers, while another tenant goes on unaffected. The
 * ranges allow for the seconds the requests take (each gives the bucket a thousandth of a token).
 */
@QuarkusTest
@WithTestResource(IngestionKafkaResource.class)
class RateLimitTest {

    private static final String THROTTLED_KEY = "throttled-ingest-test-key-0001";
    private static final Pattern REMAINING = Pattern.compile("\"default\";r=(\\d+);t=(\\d+)");

    @Test
    void aTenantOverItsLimitGets429WithRetryAfterAndOthersGoOn() {
        for (int sent = 1; sent <= 3; sent++) {
            String header = send(THROTTLED_KEY).statusCode(202)
                    .header("RateLimit-Policy", "\"default\";q=3;w=3000")
                    .extract().header("RateLimit");
            Matcher remaining = matched(header);
            assertThat(Long.parseLong(remaining.group(1))).isEqualTo(3 - sent);
            assertThat(Long.parseLong(remaining.group(2))).isBetween(1000L * sent - 60, 1000L * sent);
        }

        try (TopicReader topic = new TopicReader(IngestionKafkaResource.topic())) {
            Map<TopicPartition, Long> before = topic.endOffsets();
            var refused = send(THROTTLED_KEY).statusCode(429).contentType("application/problem+json")
                    .header("Cache-Control", "private, no-store")
                    .header("RateLimit-Policy", "\"default\";q=3;w=3000")
                    .body("type", equalTo("https://deskpulse.io/problems/rate-limited"))
                    .body("status", equalTo(429))
                    .extract();
            long retryAfter = Long.parseLong(refused.header("Retry-After"));
            assertThat(retryAfter).isBetween(940L, 1000L);
            Matcher remaining = matched(refused.header("RateLimit"));
            assertThat(remaining.group(1)).isEqualTo("0");
            assertThat(Long.parseLong(remaining.group(2))).isBetween(2940L, 3000L);
            assertThat(refused.jsonPath().getString("detail")).contains("retry after " + retryAfter + " s");

            send(INGEST_KEY).statusCode(202).header("RateLimit-Policy", "\"default\";q=10000;w=2");
            assertThat(topic.countSince(before)).as("records of the refused request and the other tenant's").isEqualTo(1);
        }
    }

    private static Matcher matched(String header) {
        Matcher matcher = REMAINING.matcher(header == null ? "" : header);
        assertThat(matcher.matches()).as("RateLimit: %s", header).isTrue();
        return matcher;
    }

    private static ValidatableResponse send(String key) {
        return given().header("Authorization", "Bearer " + key).contentType("application/cloudevents+json")
                .body(csat(unique("limit"), unique("T"), 4).getBytes(StandardCharsets.UTF_8))
                .post("/v1/events").then();
    }
}
