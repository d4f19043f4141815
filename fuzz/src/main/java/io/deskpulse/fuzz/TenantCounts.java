package io.deskpulse.fuzz;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a tenant holds: its rows in every table with a tenant_id column, and its records on the event topic (the key
 * of every record begins with the tenant, docs/architecture.md). Compared before and after a run.
 */
final class TenantCounts {

    private TenantCounts() {
    }

    static Map<String, Long> rows(String jdbcUrl, String user, String password, String tenant) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT table_name FROM information_schema.columns "
                    + "WHERE column_name = 'tenant_id' AND table_schema = current_schema() ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM \"" + table + "\" WHERE tenant_id = ?")) {
                    statement.setString(1, tenant);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    /** The records on the topic whose key begins with {@code tenant:}, read from the beginning to the end offsets. */
    static long records(String bootstrap, String topic, String tenant) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "fuzz-count-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        byte[] prefix = (tenant + ":").getBytes(StandardCharsets.UTF_8);
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end offsets " + end);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && startsWith(record.key(), prefix)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
