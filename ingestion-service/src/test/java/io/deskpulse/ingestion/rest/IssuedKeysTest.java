package io.deskpulse.ingestion.rest;

import static io.deskpulse.ingestion.testing.TestEvents.ticketCreated;
import static io.deskpulse.ingestion.testing.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.deskpulse.ingestion.testing.IngestionKafkaResource;
import io.deskpulse.ingestion.testing.IngestionTestDatabase;
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
        await().atMost(REVOCATION_BOUND).until(() -> post(key) == 202);

        sql("UPDATE api_keys SET revoked_at = now(), change = nextval('api_key_changes') WHERE id = ?", id);
        await().atMost(REVOCATION_BOUND).until(() -> post(key) == 401);
    }

    private static int post(String key) {
        return given().header("Authorization", "Bearer " + key).contentType("application/cloudevents+json")
                .body(ticketCreated(unique("issued"), unique("T")).getBytes(StandardCharsets.UTF_8))
                .post("/v1/events").statusCode();
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
