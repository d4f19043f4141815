package io.deskpulse.scoring.support;

import io.deskpulse.testsupport.KafkaTestTopics;
import io.deskpulse.testsupport.PostgresTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh database and fresh topics on the real servers, declared by every {@code @QuarkusTest} class of the suite
 * ({@code @WithTestResource}): classes with the same resources share one started service, and one that needs
 * other resources (or a profile) gets a service of its own.
 */
public class ScoringTestResources implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String topic = KafkaTestTopics.create("scoring-test.events", 3);
        return Map.of(
                "quarkus.datasource.jdbc.url", PostgresTestDatabase.recreate("deskpulse_test_scoring"),
                "quarkus.datasource.username", TestInfrastructure.postgresUser(),
                "quarkus.datasource.password", TestInfrastructure.postgresPassword(),
                "kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(),
                "deskpulse.kafka.topic", topic,
                "deskpulse.kafka.dead-letter-topic", topic + ".dlq",
                "deskpulse.scoring.consumer-group", "scoring-test-" + UUID.randomUUID(),
                "deskpulse.scoring.poll-timeout", "100ms",
                "deskpulse.scoring.retry-backoff", "200ms");
    }

    @Override
    public void stop() {
    }
}
