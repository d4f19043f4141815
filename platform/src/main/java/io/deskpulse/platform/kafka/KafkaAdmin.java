package io.deskpulse.platform.kafka;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One long-lived admin client, for creating topics at startup and for the readiness check. */
@ApplicationScoped
@IfBuildProperty(name = KafkaAdmin.ENABLED, stringValue = "true")
public class KafkaAdmin {

    /** The build property that gives a service the platform's Kafka beans: only services that use Kafka set it. */
    public static final String ENABLED = "deskpulse.platform.kafka";

    private final Admin admin;

    public KafkaAdmin(@Identifier("default-kafka-broker") Map<String, Object> broker, KafkaSetupConfig kafka,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.admin = Admin.create(settings(broker, kafka.healthTimeout(),
                "deskpulse-" + application.replace("-service", "") + "-admin"));
    }

    /**
     * The admin client's settings: the operator's {@code kafka.*} connection settings, then request timeouts that
     * bound every call (a dead broker must fail a probe in time, not hang it).
     */
    static Map<String, Object> settings(Map<String, Object> broker, Duration requestTimeout, String clientId) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        // Quarkus hands over every kafka.* property (and adds group.id); unknown ones would only add warnings to
        // the log. Its TLS registry name is kept: Quarkus' SSL engine factory reads it.
        broker.forEach((name, value) -> {
            if (AdminClientConfig.configNames().contains(name) || name.equals("tls-configuration-name")) {
                settings.put(name, value);
            }
        });
        int requestMillis = (int) Math.max(1000, requestTimeout.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, requestMillis);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, requestMillis);
        return settings;
    }

    /** Number of brokers the cluster reports; throws when it does not answer within the timeout. */
    public int brokerCount(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).size();
    }

    public Set<String> topicNames(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return admin.listTopics(new ListTopicsOptions().timeoutMs((int) timeout.toMillis()))
                .names().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
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
