package io.deskpulse.ingestion.testing;

import static org.awaitility.Awaitility.await;

import io.deskpulse.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads what the service wrote to its topic, with a plain consumer and no consumer group. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();

    public TopicReader(String topic) {
        this(TestInfrastructure.kafkaBootstrapServers(), topic);
    }

    public TopicReader(String bootstrap, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
    }

    /** The next offset of every partition: take it before a request to see what the request wrote. */
    public Map<TopicPartition, Long> endOffsets() {
        return new HashMap<>(consumer.endOffsets(partitions));
    }

    /** Records written since {@code from}, counted from the end offsets (no reading needed). */
    public long countSince(Map<TopicPartition, Long> from) {
        Map<TopicPartition, Long> now = endOffsets();
        return partitions.stream().mapToLong(p -> now.get(p) - from.get(p)).sum();
    }

    /** Reads every record written since {@code from}, waiting until there are {@code expected} of them. */
    public List<Record> readSince(Map<TopicPartition, Long> from, int expected) {
        from.forEach(consumer::seek);
        List<Record> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                records.add(record(r));
            }
            return records.size() >= expected;
        });
        return records;
    }

    /** Every record the topic holds now, read from the beginning up to the current end offsets. */
    public List<Record> readAll() {
        Map<TopicPartition, Long> end = endOffsets();
        consumer.seekToBeginning(partitions);
        List<Record> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                records.add(record(r));
            }
            return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
        });
        return records;
    }

    private static Record record(ConsumerRecord<byte[], byte[]> r) {
        return new Record(new String(r.key(), StandardCharsets.UTF_8), new String(r.value(), StandardCharsets.UTF_8),
                r.headers().lastHeader("content-type") == null ? null
                        : new String(r.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8),
                headers(r));
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** One record as text: key, value and its content-type header. */
    public record Record(String key, String value, String contentType, Map<String, String> headers) {
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> r) {
        Map<String, String> headers = new HashMap<>();
        r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }
}
