package io.deskpulse.ingestion.testing;

import io.deskpulse.testsupport.KafkaTestTopics;
import io.deskpulse.testsupport.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * A fresh, uniquely named events topic on the real test broker, and a fresh database for the issued keys, handed to
 * the service as its config.
 */
public class IngestionKafkaResource implements QuarkusTestResourceLifecycleManager {

    /** Set while the resource runs, so tests can read the topic the service writes to. */
    private static volatile String topic;

    @Override
    public Map<String, String> start() {
        topic = KafkaTestTopics.create("deskpulse.events.ingestion-test", 3);
        Map<String, String> config = new HashMap<>(IngestionTestDatabase.start());
        config.putAll(Map.of("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(),
                "deskpulse.kafka.topic", topic));
        return config;
    }

    @Override
    public void stop() {
        // Topics are uniquely named per run; the throwaway test broker takes them away with it.
    }

    public static String topic() {
        return topic;
    }
}
