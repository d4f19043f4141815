package io.deskpulse.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskpulse.ingestion.testing.IngestionKafkaResource;
import io.deskpulse.ingestion.testing.IngestionTestDatabase;
import io.deskpulse.ingestion.testing.TestEvents;
import io.deskpulse.platform.security.ApiKey;
import io.deskpulse.testsupport.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ingestion takes the keys scoring-service issues, from the shared table: a key written there is accepted within
 * the refresh period, and refused within 5 seconds of its revocation, without a restart. The rows are written as
 * scoring's ApiKeyRepository writes them.
 */
@QuarkusTest
@WithTestResource(IngestionKafkaResource.class)
class IssuedKeysTest {

    private static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);

    @Test
    void anIssuedKeyIsAcceptedAndRefusedOnceRevoked() throws SQLException {
        // The path warmed up with a configured key, so that the bounds below measure the cache, not a cold start.
        assertThat(post(TestEvents.INGEST_KEY)).isEqualTo(422);
        String key = "dp_" + UUID.randomUUID().toString().replace("-", "") + "issued";
        UUID id = UUID.randomUUID();
        sql("INSERT INTO tenants (id) VALUES ('issued-tenant') ON CONFLICT DO NOTHING", null);
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO api_keys (id, tenant, name, prefix, sha256, scopes, created_at, change)
                VALUES (?, 'issued-tenant', 'connector', ?, ?, ARRAY['ingest'], now(), nextval('api_key_changes'))""")) {
            s.setObject(1, id);
            s.setString(2, key.substring(0, 10));
            s.setString(3, ApiKey.sha256Hex(key));
            s.executeUpdate();
        }
        await().atMost(REVOCATION_BOUND).until(() -> post(key) == 422);

        sql("UPDATE api_keys SET revoked_at = now(), change = nextval('api_key_changes') WHERE id = ?", id);
        await().atMost(REVOCATION_BOUND).until(() -> post(key) == 401);
    }

    /**
     * An event the contract refuses: a key that authenticates gets its 422 (nothing reaches the topic that other
     * tests read), an unknown key its 401.
     */
    private static int post(String key) {
        return given().header("Authorization", "Bearer " + key).contentType("application/cloudevents+json")
                .body(TestEvents.event(TestEvents.unique("issued"), "survey.csat", "{\"ticket_id\":\"T\",\"score\":\"5\"}")
                        .getBytes(StandardCharsets.UTF_8)).post("/v1/events").statusCode();
    }

    private static void sql(String statement, Object parameter) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(statement)) {
            if (parameter != null) {
                s.setObject(1, parameter);
            }
            s.executeUpdate();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(IngestionTestDatabase.url(), TestInfrastructure.postgresUser(),
                TestInfrastructure.postgresPassword());
    }
}
