package io.deskpulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.testsupport.KafkaTestTopics;
import io.deskpulse.testsupport.PostgresTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged scoring-service stores webhook secrets encrypted, so it refuses to start without the key, saying which
 * setting is missing, rather than start and fail at the first webhook.
 */
class ScoringWithoutEncryptionKeyTest {

    @Test
    void scoringDoesNotStartWithoutTheEncryptionKeyAndNamesTheSetting() throws Exception {
        String jdbcUrl = PostgresTestDatabase.recreate("deskpulse_test_no_secrets_key");
        String topic = KafkaTestTopics.create("nokey.events", 1);
        ServiceProcess scoring = new ServiceProcess("scoring-service", Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", TestInfrastructure.postgresUser(),
                "QUARKUS_DATASOURCE_PASSWORD", TestInfrastructure.postgresPassword(),
                "KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers(),
                "DESKPULSE_KAFKA_TOPIC", topic, "DESKPULSE_KAFKA_DEAD_LETTER_TOPIC", topic + ".dlq",
                // set, but empty: as a Secret reference to an empty value would leave it
                "DESKPULSE_SECRETS_ENCRYPTION_KEY", ""));
        scoring.start();
        try {
            assertThat(scoring.awaitExit(Duration.ofSeconds(120))).isNotZero();
            assertThat(scoring.output()).contains("deskpulse.secrets.encryption-key (DESKPULSE_SECRETS_ENCRYPTION_KEY)"
                    + " is not set: this service stores secrets and needs a 32-byte base64 key (openssl rand -base64 32)");
        } finally {
            scoring.stop();
        }
    }
}
