package io.deskpulse.ingestion.messaging;

import io.deskpulse.ingestion.config.KafkaConfig;
import io.deskpulse.platform.kafka.TopicInitializer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** Creates the events topic at startup when it is missing, waiting for Kafka no longer than a request would. */
@ApplicationScoped
public class EventTopicSetup {

    void onStart(@Observes StartupEvent event, KafkaConfig config, TopicInitializer topics) {
        topics.ensureTopics(List.of(config.topic()), config.ackTimeout());
    }
}
