package io.deskpulse.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The suite's own look into scoring's database, as a superuser and never through the proxy: whether an instance has
 * a batch transaction open, which accepted events scoring has applied, where its stored offsets stand. A query that
 * fails on a connection the server dropped (a crash) runs once more on a new one; a query that fails again answers
 * "don't know".
 */
final class ScoringDatabase implements AutoCloseable {

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    private final PostgresCluster postgres;
    private Connection connection;

    ScoringDatabase(PostgresCluster postgres) {
        this.postgres = postgres;
    }

    /**
     * True while the instance holds a batch transaction open: its batches lock their partitions' rows of
     * scoring_offsets FOR UPDATE first, which holds a RowShareLock on the table until the transaction ends.
     */
    boolean batchOpen(String applicationName) {
        return holdsLock(applicationName, "scoring_offsets", "RowShareLock");
    }

    /**
     * True while the instance's open transaction has locked rows of the team-day rollup, which the batches of every
     * instance share (one row per team and day): another instance's batch that needs such a row must wait.
     */
    boolean sharedRowsLocked(String applicationName) {
        return holdsLock(applicationName, "kpi_team_daily", null);
    }

    private boolean holdsLock(String applicationName, String table, String mode) {
        return query(false, c -> {
            try (PreparedStatement query = c.prepareStatement("""
                    SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                    WHERE l.relation = ?::regclass AND (?::text IS NULL OR l.mode = ?) AND a.application_name = ?""")) {
                query.setString(1, table);
                query.setString(2, mode);
                query.setString(3, mode);
                query.setString(4, applicationName);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() && rows.getLong(1) > 0;
                }
            }
        });
    }

    /** How many of these event keys scoring has recorded as applied (seen_events), or -1 when it cannot tell. */
    long applied(List<UUID> keys) {
        return query(-1L, c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT count(*) FROM seen_events WHERE event_key = ANY(?)")) {
                query.setArray(1, c.createArrayOf("uuid", keys.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** The stored next offset per partition of the scoring group, or an empty map when it cannot tell. */
    Map<Integer, Long> offsets() {
        return query(Map.of(), c -> {
            Map<Integer, Long> offsets = new TreeMap<>();
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT kafka_partition, next_offset FROM scoring_offsets WHERE consumer_group = ?")) {
                query.setString(1, KafkaGroup.GROUP);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        offsets.put(rows.getInt(1), rows.getLong(2));
                    }
                }
            }
            return offsets;
        });
    }

    /** The transaction id the server will hand out next (the current snapshot's xmax), or -1 when it cannot tell. */
    long nextTransactionId() {
        return query(-1L, c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT pg_snapshot_xmax(pg_current_snapshot())::text");
                 ResultSet rows = query.executeQuery()) {
                rows.next();
                return Long.parseLong(rows.getString(1));
            }
        });
    }

    private synchronized <T> T query(T unknown, Query<T> query) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                if (connection == null) {
                    connection = postgres.deskpulseAsSuperuser();
                }
                return query.run(connection);
            } catch (SQLException e) {
                reset();
            }
        }
        return unknown;
    }

    private void reset() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // gone anyway
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        reset();
    }
}
