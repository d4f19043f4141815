package io.deskpulse.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka offsets kept in PostgreSQL next to the aggregates they produced (table {@code scoring_offsets}).
 * {@value #NONE} means "nothing applied yet": start from the beginning of the partition.
 */
@ApplicationScoped
public class OffsetRepository {

    public static final long NONE = -1;

    /** Makes sure every partition has a row and returns the stored next offsets. */
    public Map<Integer, Long> ensure(Connection c, String group, String topic, Collection<Integer> partitions)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO scoring_offsets (consumer_group, topic, kafka_partition, next_offset)
                SELECT ?, ?, p, -1 FROM unnest(?::int[]) AS p
                ON CONFLICT DO NOTHING""")) {
            insert.setString(1, group);
            insert.setString(2, topic);
            insert.setArray(3, c.createArrayOf("int4", partitions.toArray()));
            insert.executeUpdate();
        }
        return read(c, group, topic, partitions, false);
    }

    /** Sets starting offsets for a new consumer group (a replay); rows that exist keep theirs. */
    public void initialize(Connection c, String group, String topic, Map<Integer, Long> startOffsets) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO scoring_offsets (consumer_group, topic, kafka_partition, next_offset)
                SELECT ?, ?, p, o FROM unnest(?::int[], ?::bigint[]) AS v(p, o)
                ON CONFLICT DO NOTHING""")) {
            insert.setString(1, group);
            insert.setString(2, topic);
            insert.setArray(3, c.createArrayOf("int4", startOffsets.keySet().toArray()));
            insert.setArray(4, c.createArrayOf("int8", startOffsets.values().toArray()));
            insert.executeUpdate();
        }
    }

    /**
     * Locks the partitions' rows for the rest of the transaction and returns their next offsets. A
     * consumer that lost these partitions in a rebalance waits here, then sees offsets it did not expect.
     */
    public Map<Integer, Long> lock(Connection c, String group, String topic, Collection<Integer> partitions)
            throws SQLException {
        return read(c, group, topic, partitions, true);
    }

    public void save(Connection c, String group, String topic, Map<Integer, Long> nextOffsets) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE scoring_offsets o SET next_offset = v.next_offset, updated_at = now()
                FROM unnest(?::int[], ?::bigint[]) AS v(kafka_partition, next_offset)
                WHERE o.consumer_group = ? AND o.topic = ? AND o.kafka_partition = v.kafka_partition""")) {
            update.setArray(1, c.createArrayOf("int4", nextOffsets.keySet().toArray()));
            update.setArray(2, c.createArrayOf("int8", nextOffsets.values().toArray()));
            update.setString(3, group);
            update.setString(4, topic);
            int updated = update.executeUpdate();
            if (updated != nextOffsets.size()) {
                throw new SQLException("offset rows missing for " + topic + " " + nextOffsets.keySet());
            }
        }
    }

    private static Map<Integer, Long> read(Connection c, String group, String topic, Collection<Integer> partitions,
            boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT kafka_partition, next_offset FROM scoring_offsets
                WHERE consumer_group = ? AND topic = ? AND kafka_partition = ANY(?)
                ORDER BY kafka_partition""" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, group);
            select.setString(2, topic);
            select.setArray(3, c.createArrayOf("int4", partitions.toArray()));
            Map<Integer, Long> offsets = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    offsets.put(rows.getInt(1), rows.getLong(2));
                }
            }
            return offsets;
        }
    }
}
