package io.deskpulse.ingestion.testing;

import io.deskpulse.platform.crypto.SecretCipher;
import io.deskpulse.testsupport.KafkaTestTopics;
import io.deskpulse.testsupport.PostgresTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * What the webhook tests need: fresh events and raw topics on the test broker, and a fresh database migrated with the
 * storage contract's migrations, whose connectors table the tests write as scoring's admin API would (secrets
 * encrypted with the test key of application.properties).
 */
public class HookTestResources implements QuarkusTestResourceLifecycleManager {

    /** The test profile's deskpulse.secrets.encryption-key. */
    public static final SecretCipher CIPHER = new SecretCipher(
            Base64.getDecoder().decode("GInvuu/KJGybDaVSseBs2s5Y1GNIW2zNw7l7sd4jemI="), List.of());

    private static volatile String topic;
    private static volatile String rawTopic;
    private static volatile String jdbcUrl;

    @Override
    public Map<String, String> start() {
        topic = KafkaTestTopics.create("deskpulse.events.hooks-test", 3);
        rawTopic = KafkaTestTopics.create("deskpulse.hooks.raw.hooks-test", 3);
        jdbcUrl = PostgresTestDatabase.recreate("deskpulse_test_ingestion_hooks");
        Flyway.configure().dataSource(jdbcUrl, TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword())
                .locations("classpath:db/migration").load().migrate();
        return Map.of("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(),
                "deskpulse.kafka.topic", topic,
                "deskpulse.connectors.raw-topic", rawTopic,
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", TestInfrastructure.postgresUser(),
                "quarkus.datasource.password", TestInfrastructure.postgresPassword());
    }

    @Override
    public void stop() {
        // The database stays for inspection after a failed run; the next run recreates it.
    }

    public static String topic() {
        return topic;
    }

    public static String rawTopic() {
        return rawTopic;
    }

    /** Runs one statement, numbering the row as scoring's writes do. */
    public static void execute(String sql, Object... args) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, TestInfrastructure.postgresUser(),
                TestInfrastructure.postgresPassword()); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i] instanceof Instant instant ? Timestamp.from(instant) : args[i];
                s.setObject(i + 1, arg);
            }
            s.executeUpdate();
        }
    }

    /** A connector as scoring's admin API creates it. */
    public static void createConnector(String tenant, String id, String platform, String options, String secret)
            throws Exception {
        execute("""
                INSERT INTO connectors (id, tenant_id, platform, name, options, secret, created_by, change)
                VALUES (?, ?, ?, 'test', ?::jsonb, ?, 'test', nextval('connector_changes'))""",
                id, tenant, platform, options, CIPHER.encrypt(secret, context(tenant, id)));
    }

    public static void rotate(String tenant, String id, String secret, Instant previousValidUntil) throws Exception {
        execute("""
                UPDATE connectors SET previous_secret = secret, previous_valid_until = ?, secret = ?,
                    change = nextval('connector_changes') WHERE id = ?""",
                previousValidUntil, CIPHER.encrypt(secret, context(tenant, id)), id);
    }

    public static void endGrace(String id) throws Exception {
        execute("UPDATE connectors SET previous_valid_until = now() - interval '1 second', "
                + "change = nextval('connector_changes') WHERE id = ?", id);
    }

    public static void disable(String id) throws Exception {
        execute("UPDATE connectors SET disabled_at = now(), change = nextval('connector_changes') WHERE id = ?", id);
    }

    private static String context(String tenant, String id) {
        return "connector-secret:" + tenant + ":" + id;
    }
}
