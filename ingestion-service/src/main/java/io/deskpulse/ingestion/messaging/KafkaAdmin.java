package io.deskpulse.ingestion.messaging;

import io.deskpulse.ingestion.config.KafkaConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/** One long-lived admin client, for creating the topic at startup and for the readiness check. */
@ApplicationScoped
public class KafkaAdmin {

    private final Admin admin;

    public KafkaAdmin(@Identifier("default-kafka-broker") Map<String, Object> broker, KafkaConfig kafka) {
        this.admin = Admin.create(ClientSettings.admin(broker, kafka.healthTimeout()));
    }

    /** Number of brokers the cluster reports; throws when it does not answer within the timeout. */
    public int brokerCount(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).size();
    }

    /**
     * Whether every partition of the topic has a leader, so that a send can be acknowledged; throws when the
     * cluster does not answer within the timeout.
     */
    public boolean leadersFor(String topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(topic),
                new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis()))
                .allTopicNames().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).get(topic);
        return description != null && !description.partitions().isEmpty() && description.partitions().stream()
                .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    }

    public void createTopic(NewTopic topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        admin.createTopics(List.of(topic), new CreateTopicsOptions().timeoutMs((int) timeout.toMillis()))
                .all().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
