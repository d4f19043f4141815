package io.deskpulse.ingestion.messaging;

import io.deskpulse.ingestion.config.KafkaConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates the events topic at startup when it is missing, so that a fresh cluster works without a manual
 * step. Where the service may not create topics (ACLs, managed clusters) the topic is provisioned
 * elsewhere: a failure is only logged, and readiness still reflects whether Kafka answers.
 */
@ApplicationScoped
public class TopicInitializer {

    private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

    void onStart(@Observes StartupEvent event, KafkaConfig config, KafkaAdmin admin) {
        if (!config.createTopic()) {
            return;
        }
        NewTopic topic = new NewTopic(config.topic(), config.topicPartitions(), config.topicReplicationFactor());
        try {
            admin.createTopic(topic, config.ackTimeout());
            LOG.infof("Created topic %s (%d partitions, replication factor %d)", config.topic(),
                    config.topicPartitions(), config.topicReplicationFactor());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                LOG.debugf("Topic %s exists", config.topic());
            } else {
                warn(config, e.getCause());
            }
        } catch (TimeoutException e) {
            warn(config, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warn(config, e);
        }
    }

    private static void warn(KafkaConfig config, Throwable cause) {
        LOG.warnf("Could not create topic %s (%s); continuing on the assumption that it exists or will be "
                + "provisioned. Set deskpulse.kafka.create-topic=false to skip this step.", config.topic(), cause);
    }
}
