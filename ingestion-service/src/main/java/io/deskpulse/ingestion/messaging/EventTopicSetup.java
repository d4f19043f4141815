package io.deskpulse.ingestion.messaging;

import io.deskpulse.ingestion.config.ConnectorConfig;
import io.deskpulse.ingestion.config.KafkaConfig;
import io.deskpulse.platform.kafka.TopicInitializer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Creates the events topic and the raw topic of webhook deliveries at startup when they are missing, waiting for Kafka
 * no longer than a request would.
 */
@ApplicationScoped
public class EventTopicSetup {

    void onStart(@Observes StartupEvent event, KafkaConfig config, ConnectorConfig connectors, TopicInitializer topics) {
        topics.ensureTopics(List.of(config.topic(), connectors.rawTopic()), config.ackTimeout());
    }
}
