package io.deskpulse.e2e;

import io.deskpulse.testsupport.KafkaTestTopics;
import io.deskpulse.testsupport.PostgresTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * The three services as processes on the test broker and a fresh database, wired only through
 * configuration, as in production: no service knows another's address.
 */
final class DeskPulseStack implements AutoCloseable {

    static final String TENANT = "e2e";
    static final String INGEST_KEY = "e2e-ingest-key-0123456789";
    static final String READ_KEY = "e2e-read-key-0123456789";
    static final String ADMIN_KEY = "e2e-admin-key-0123456789";

    final ServiceProcess ingestion;
    final ServiceProcess scoring;
    final ServiceProcess reporting;
    final String topic;
    final String consumerGroup = "e2e-" + UUID.randomUUID();
    final String jdbcUrl;

    DeskPulseStack(String database) throws Exception {
        this(database, Map.of());
    }

    /** {@code scoringSettings}: more environment of scoring-service (e.g. shorter alert and webhook intervals). */
    DeskPulseStack(String database, Map<String, String> scoringSettings) throws Exception {
        topic = KafkaTestTopics.create("e2e.events", 3);
        jdbcUrl = PostgresTestDatabase.recreate(database);
        String apiKeys = TENANT + ":ingest:" + sha256(INGEST_KEY) + "," + TENANT + ":read:" + sha256(READ_KEY) + ","
                + TENANT + ":admin:" + sha256(ADMIN_KEY);
        Map<String, String> kafka = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers(),
                "DESKPULSE_KAFKA_TOPIC", topic,
                "DESKPULSE_KAFKA_DEAD_LETTER_TOPIC", topic + ".dlq");
        Map<String, String> database_ = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", TestInfrastructure.postgresUser(),
                "QUARKUS_DATASOURCE_PASSWORD", TestInfrastructure.postgresPassword());
        ingestion = new ServiceProcess("ingestion-service", merge(kafka, database_,
                Map.of("DESKPULSE_AUTH_API_KEYS", apiKeys)));
        scoring = new ServiceProcess("scoring-service", merge(kafka, database_,
                Map.of("DESKPULSE_SCORING_CONSUMER_GROUP", consumerGroup,
                        "DESKPULSE_SCORING_POLL_TIMEOUT", "100ms", "DESKPULSE_AUTH_API_KEYS", apiKeys), scoringSettings));
        reporting = new ServiceProcess("reporting-service", merge(database_, Map.of("DESKPULSE_AUTH_API_KEYS", apiKeys)));
        // scoring first: it owns the schema that reporting reads
        scoring.start();
        ingestion.start();
        scoring.awaitReady();
        reporting.start();
        ingestion.awaitReady();
        reporting.awaitReady();
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {ingestion, scoring, reporting}) {
            if (service != null) {
                service.stop();
            }
        }
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... maps) {
        Map<String, String> merged = new java.util.HashMap<>();
        for (Map<String, String> map : maps) {
            merged.putAll(map);
        }
        return merged;
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
