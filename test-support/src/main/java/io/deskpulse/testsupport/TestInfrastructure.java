package io.deskpulse.testsupport;

import java.nio.file.Path;

/**
 * Where the tests find the real Kafka broker and PostgreSQL server.
 *
 * <p>{@code deploy/local/test.sh} starts both and exports these variables; the defaults match what
 * that script starts, so a test run from an IDE works once the script (or the local stack) has run.
 */
public final class TestInfrastructure {

    private TestInfrastructure() {
    }

    public static String kafkaBootstrapServers() {
        return setting("DESKPULSE_TEST_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
    }

    public static String postgresHost() {
        return setting("DESKPULSE_TEST_PG_HOST", "127.0.0.1");
    }

    public static int postgresPort() {
        return Integer.parseInt(setting("DESKPULSE_TEST_PG_PORT", "5432"));
    }

    public static String postgresUser() {
        return setting("DESKPULSE_TEST_PG_USER", "deskpulse");
    }

    public static String postgresPassword() {
        return setting("DESKPULSE_TEST_PG_PASSWORD", "deskpulse");
    }

    /** Appended to every test database's name; empty unless two checkouts share one PostgreSQL server. */
    public static String databaseSuffix() {
        return setting("DESKPULSE_TEST_DB_SUFFIX", "");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost() + ":" + postgresPort() + "/" + database;
    }

    /**
     * The Kafka broker's jars (Maven Central's, as deploy/local/lib.sh fetches them), for tests that start and kill
     * a broker of their own ({@link KafkaBrokerProcess}).
     */
    public static Path kafkaLibs() {
        return Path.of(setting("DESKPULSE_KAFKA_LIBS",
                System.getProperty("user.home") + "/.cache/deskpulse/kafka-4.3.1/libs"));
    }

    private static String setting(String name, String fallback) {
        String fromProperty = System.getProperty(name);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnv = System.getenv(name);
        return fromEnv == null || fromEnv.isBlank() ? fallback : fromEnv;
    }
}
