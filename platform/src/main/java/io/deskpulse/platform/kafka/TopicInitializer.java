package io.deskpulse.platform.kafka;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates a service's topics when they are missing, so that a fresh cluster works without a manual step and the
 * services can start in any order. Where the service may not create topics (ACLs, managed clusters, an operator
 * such as Strimzi owning them) creation is switched off or refused: a failure is only logged, and readiness still
 * reflects whether Kafka answers.
 */
@ApplicationScoped
@IfBuildProperty(name = KafkaAdmin.ENABLED, stringValue = "true")
public class TopicInitializer {

    private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

    private final KafkaAdmin admin;
    private final KafkaSetupConfig config;

    public TopicInitializer(KafkaAdmin admin, KafkaSetupConfig config) {
        this.admin = admin;
        this.config = config;
    }

    /** Creates those of {@code names} the cluster lacks, each call to Kafka bounded by {@code timeout}. */
    public void ensureTopics(List<String> names, Duration timeout) {
        if (!config.createTopic()) {
            return;
        }
        try {
            Set<String> existing = admin.topicNames(timeout);
            for (String name : names) {
                if (!existing.contains(name)) {
                    create(name, timeout);
                }
            }
        } catch (ExecutionException e) {
            warn(names, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warn(names, e);
        } catch (Exception e) {
            warn(names, e);
        }
    }

    private void create(String name, Duration timeout) throws Exception {
        try {
            admin.createTopic(new NewTopic(name, config.topicPartitions(), config.topicReplicationFactor()), timeout);
            LOG.infof("Created topic %s (%d partitions, replication factor %d)", name, config.topicPartitions(),
                    config.topicReplicationFactor());
        } catch (ExecutionException e) {
            // Another replica or service created it meanwhile.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void warn(List<String> names, Throwable cause) {
        LOG.warnf("Could not check or create the topics %s (%s); continuing on the assumption that they exist or will "
                + "be provisioned. Set deskpulse.kafka.create-topic=false to skip this step.", names, cause);
    }
}
