package io.deskpulse.scoring.messaging;

import io.deskpulse.scoring.config.KafkaTopicsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates the event and dead-letter topics when they are missing, so that scoring can start before
 * ingestion on a fresh broker. Where an operator owns topics, creation is switched off or refused by
 * ACLs; either way the service carries on.
 */
@ApplicationScoped
public class TopicInitializer {

    private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

    private final KafkaClients clients;
    private final KafkaTopicsConfig config;

    public TopicInitializer(KafkaClients clients, KafkaTopicsConfig config) {
        this.clients = clients;
        this.config = config;
    }

    public void ensureTopics() {
        if (!config.createTopic()) {
            return;
        }
        try (Admin admin = clients.admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (String name : List.of(config.topic(), config.deadLetterTopic())) {
                if (!existing.contains(name)) {
                    create(admin, name);
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("Could not check or create the Kafka topics (%s); continuing: %s", config.topic(), e.getMessage());
        }
    }

    private void create(Admin admin, String name) throws InterruptedException, java.util.concurrent.TimeoutException {
        try {
            admin.createTopics(List.of(new NewTopic(name, config.topicPartitions(), config.topicReplicationFactor())))
                    .all().get(30, TimeUnit.SECONDS);
            LOG.infof("Created topic %s with %d partitions", name, config.topicPartitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf("Could not create topic %s: %s", name, e.getCause().getMessage());
            }
        }
    }
}
