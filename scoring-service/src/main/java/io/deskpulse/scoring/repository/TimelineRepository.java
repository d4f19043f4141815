package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.TicketTimeline;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Ticket timelines ({@code ticket_timelines}), read and written a batch at a time. */
@ApplicationScoped
public class TimelineRepository {

    /** Thrown when another transaction created a timeline this one believed new: the batch must be retried. */
    public static class ConcurrentTimelineException extends SQLException {
        ConcurrentTimelineException(int expected, int inserted) {
            super("expected to create " + expected + " timelines but created " + inserted
                    + ": another writer got there first", "40001");
        }
    }

    /** Loads the existing timelines of these tickets and locks them until the transaction ends. */
    public Map<TicketRef, TicketTimeline> loadForUpdate(Connection c, List<TicketRef> sortedTickets)
            throws SQLException {
        Map<TicketRef, TicketTimeline> found = new HashMap<>();
        if (sortedTickets.isEmpty()) {
            return found;
        }
        List<String> tenants = new ArrayList<>(sortedTickets.size());
        List<String> tickets = new ArrayList<>(sortedTickets.size());
        sortedTickets.forEach(t -> {
            tenants.add(t.tenantId());
            tickets.add(t.ticketId());
        });
        try (PreparedStatement select = c.prepareStatement("""
                SELECT t.tenant_id, t.ticket_id, t.events
                FROM ticket_timelines t
                JOIN unnest(?::text[], ?::text[]) AS k(tenant_id, ticket_id) USING (tenant_id, ticket_id)
                ORDER BY t.tenant_id, t.ticket_id
                FOR UPDATE OF t""")) {
            select.setArray(1, c.createArrayOf("text", tenants.toArray()));
            select.setArray(2, c.createArrayOf("text", tickets.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(new TicketRef(rows.getString(1), rows.getString(2)),
                            TimelineCodec.decode(rows.getBytes(3)));
                }
            }
        }
        return found;
    }

    /** A ticket's id and timeline. */
    public record TicketTimelineRow(String ticketId, TicketTimeline timeline) {
    }

    /** The tenant's next timelines after {@code afterTicket} (null: from the first) in key order, for a recomputation. */
    public List<TicketTimelineRow> chunkAfter(Connection c, String tenant, String afterTicket, int limit)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT ticket_id, events FROM ticket_timelines
                WHERE tenant_id = ? AND (?::text IS NULL OR ticket_id > ?)
                ORDER BY ticket_id LIMIT ?""")) {
            select.setString(1, tenant);
            select.setString(2, afterTicket);
            select.setString(3, afterTicket);
            select.setInt(4, limit);
            List<TicketTimelineRow> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new TicketTimelineRow(rs.getString(1), TimelineCodec.decode(rs.getBytes(2))));
                }
            }
            return rows;
        }
    }

    /**
     * Writes changed timelines: updates those that were loaded (and are locked), inserts the new ones.
     * A new one that appeared meanwhile (its events reached two partitions, e.g. after the topic grew)
     * fails the transaction instead of overwriting what the other writer derived.
     */
    public void save(Connection c, SortedMap<TicketRef, TicketTimeline> existing,
            SortedMap<TicketRef, TicketTimeline> created) throws SQLException {
        if (!existing.isEmpty()) {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE ticket_timelines t SET events = v.events, event_count = v.event_count, updated_at = now()
                    FROM unnest(?::text[], ?::text[], ?::bytea[], ?::int[]) AS v(tenant_id, ticket_id, events, event_count)
                    WHERE t.tenant_id = v.tenant_id AND t.ticket_id = v.ticket_id""")) {
                bind(c, update, existing);
                update.executeUpdate();
            }
        }
        if (!created.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO ticket_timelines (tenant_id, ticket_id, events, event_count)
                    SELECT * FROM unnest(?::text[], ?::text[], ?::bytea[], ?::int[])
                    ON CONFLICT DO NOTHING""")) {
                bind(c, insert, created);
                int inserted = insert.executeUpdate();
                if (inserted != created.size()) {
                    throw new ConcurrentTimelineException(created.size(), inserted);
                }
            }
        }
    }

    private static void bind(Connection c, PreparedStatement statement, SortedMap<TicketRef, TicketTimeline> timelines)
            throws SQLException {
        int n = timelines.size();
        String[] tenants = new String[n];
        String[] tickets = new String[n];
        byte[][] events = new byte[n][];
        Integer[] counts = new Integer[n];
        int i = 0;
        for (Map.Entry<TicketRef, TicketTimeline> entry : timelines.entrySet()) {
            tenants[i] = entry.getKey().tenantId();
            tickets[i] = entry.getKey().ticketId();
            events[i] = TimelineCodec.encode(entry.getValue());
            counts[i] = entry.getValue().size();
            i++;
        }
        statement.setArray(1, c.createArrayOf("text", tenants));
        statement.setArray(2, c.createArrayOf("text", tickets));
        statement.setArray(3, c.createArrayOf("bytea", events));
        statement.setArray(4, c.createArrayOf("int4", counts));
    }
}
