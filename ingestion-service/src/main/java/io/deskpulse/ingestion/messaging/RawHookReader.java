package io.deskpulse.ingestion.messaging;

import io.deskpulse.ingestion.config.ConnectorConfig;
import io.deskpulse.ingestion.config.KafkaConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the raw topic for a re-map: every partition from the first record at or after an instant up to where it ends
 * when the reading starts (deliveries that arrive meanwhile are mapped as they come anyway), one connector's records
 * only.
 */
@ApplicationScoped
public class RawHookReader {

    private final Map<String, Object> settings;
    private final String topic;
    private final Duration timeout;

    public RawHookReader(@Identifier("default-kafka-broker") Map<String, Object> broker, ConnectorConfig connectors,
            KafkaConfig kafka) {
        this.settings = ClientSettings.reader(broker);
        this.topic = connectors.rawTopic();
        this.timeout = kafka.ackTimeout();
    }

    /** Where the reading stopped: whether it reached the end, and the receipt time of the last payload read. */
    public record Outcome(long read, boolean complete, Instant lastReceivedAt) {
    }

    /**
     * Hands {@code connectorId}'s payloads since {@code from} to {@code each}, in order per partition, at most
     * {@code max} of them.
     */
    public Outcome read(String connectorId, Instant from, int max, Consumer<RawHook> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(p -> times.put(p, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times, timeout);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, timeout));
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp start = starts.get(partition);
                long offset = start == null ? ends.get(partition) : start.offset();
                consumer.seek(partition, offset);
                if (offset >= ends.get(partition)) {
                    ends.remove(partition);
                }
            }
            long read = 0;
            Instant last = null;
            byte[] key = connectorId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            while (!ends.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long end = ends.get(partition);
                    if (end == null || record.offset() >= end) {
                        continue;
                    }
                    if (record.offset() + 1 >= end) {
                        ends.remove(partition);
                    }
                    if (java.util.Arrays.equals(key, record.key())) {
                        RawHook hook = RawHook.fromRecord(record);
                        each.accept(hook);
                        read++;
                        last = hook.receivedAt();
                        if (read >= max) {
                            return new Outcome(read, false, last);
                        }
                    }
                }
                // Offsets may skip (compaction, transaction markers): the position says when a partition is done.
                ends.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
            }
            return new Outcome(read, true, last);
        }
    }
}
