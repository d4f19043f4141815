package io.deskpulse.faults;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The suite's look at the broker: which scoring instance holds partitions of the consumer group, and how many records
 * scoring dead-lettered (a dead-lettered event is an event not counted). Errors (the broker down) answer -1. A client
 * per question: one kept open would retry (and log) all the while a fault keeps the broker down.
 */
final class KafkaGroup {

    static final String GROUP = "deskpulse-scoring";
    static final String DEAD_LETTERS = "deskpulse.events.v1.dlq";

    private final String bootstrap;

    KafkaGroup(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000));
    }

    /** Partitions assigned to the members whose client id starts with {@code clientId}. */
    int partitionsOf(String clientId) {
        try (Admin admin = admin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP)
                    .get(5, TimeUnit.SECONDS);
            return group.members().stream().filter(m -> m.clientId().startsWith(clientId))
                    .mapToInt(m -> m.assignment().topicPartitions().size()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Records in the dead-letter topic (0 while it does not exist). */
    long deadLetters() {
        try (Admin admin = admin()) {
            if (!admin.listTopics().names().get(5, TimeUnit.SECONDS).contains(DEAD_LETTERS)) {
                return 0;
            }
            TopicDescription topic = admin.describeTopics(List.of(DEAD_LETTERS)).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(DEAD_LETTERS);
            Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
            topic.partitions().forEach(p -> ends.put(new TopicPartition(DEAD_LETTERS, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(ends).all()
                    .get(5, TimeUnit.SECONDS);
            return offsets.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (Exception e) {
            return -1;
        }
    }
}
