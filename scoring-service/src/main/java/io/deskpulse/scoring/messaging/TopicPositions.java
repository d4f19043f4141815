package io.deskpulse.scoring.messaging;

import io.deskpulse.scoring.config.KafkaTopicsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/** Where the event topic stands: its end offsets, and the first offset at or after a point in time. */
@ApplicationScoped
public class TopicPositions {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final KafkaClients clients;
    private final String topic;

    public TopicPositions(KafkaClients clients, KafkaTopicsConfig topics) {
        this.clients = clients;
        this.topic = topics.topic();
    }

    public String topic() {
        return topic;
    }

    /** Per partition: [first offset at or after {@code from}, end offset]. */
    public Map<Integer, long[]> range(Instant from) {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.unmanagedConsumer("deskpulse-scoring-positions")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(p -> at.put(p, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(at, TIMEOUT);
            Map<Integer, long[]> range = new HashMap<>();
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp first = start.get(p);
                // No record at or after the instant: nothing to replay there.
                range.put(p.partition(), new long[] {first == null ? end.get(p) : first.offset(), end.get(p)});
            }
            return range;
        }
    }
}
