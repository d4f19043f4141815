package io.deskpulse.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.deskpulse.ingestion.testing.IngestionKafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An instance without deskpulse.secrets.encryption-key cannot read any connector's secret, so it cannot verify a
 * delivery: every hook is answered 503 with Retry-After (another instance, or this one once configured, can take it),
 * never a 404 that would make the platform give the webhook up.
 */
@QuarkusTest
@TestProfile(HookWithoutEncryptionKeyTest.NoEncryptionKey.class)
@WithTestResource(IngestionKafkaResource.class)
class HookWithoutEncryptionKeyTest {

    @Test
    void aDeliveryIsAnswered503WithRetryAfter() {
        given().contentType("application/json").body("{\"event\": \"message_created\"}")
                .post("/v1/hooks/cn_" + "1".repeat(32)).then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", is("https://deskpulse.io/problems/connectors-unavailable"))
                .body("detail", containsString("encryption"));
    }

    public static class NoEncryptionKey implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("deskpulse.secrets.encryption-key", " ");
        }
    }
}
