package io.deskpulse.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Identities of applied events ({@code seen_events}), remembered for the dedup window. */
@ApplicationScoped
public class SeenEventRepository {

    /**
     * Records the identities and returns those that were new. Keys are inserted in sorted order so
     * that two transactions inserting the same keys take their locks in the same order.
     */
    public Set<UUID> markSeen(Connection c, List<UUID> sortedKeys) throws SQLException {
        Set<UUID> fresh = new HashSet<>();
        if (sortedKeys.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO seen_events (event_key)
                SELECT k FROM unnest(?::uuid[]) WITH ORDINALITY AS t(k, n) ORDER BY n
                ON CONFLICT DO NOTHING
                RETURNING event_key""")) {
            insert.setArray(1, c.createArrayOf("uuid", sortedKeys.toArray()));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return fresh;
    }

    /**
     * Forgets a chunk of the identities older than the window; returns how many were deleted. In a transaction of its
     * own, for SET LOCAL: the BRIN index on seen_at is forced, because the planner, expecting a third of the rows to
     * match, would otherwise read all of them to find that none do (1.4 s for 2M identities, every purge).
     */
    public int purgeOlderThan(Connection c, Duration window, int chunk) throws SQLException {
        try (Statement settings = c.createStatement();
             PreparedStatement delete = c.prepareStatement("""
                DELETE FROM seen_events WHERE ctid = ANY(ARRAY(
                    SELECT ctid FROM seen_events WHERE seen_at < now() - ?::interval LIMIT ?))""")) {
            settings.execute("SET LOCAL enable_seqscan = off");
            delete.setString(1, window.toSeconds() + " seconds");
            delete.setInt(2, chunk);
            return delete.executeUpdate();
        }
    }
}
