package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.TicketTimeline;
import io.deskpulse.scoring.domain.TimelineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
                    UPDATE ticket_timelines t SET events = v.events, event_count = v.event_count,
                        first_event_at = v.first_event_at, last_event_at = v.last_event_at,
                        bounds_event_count = v.event_count, updated_at = now()
                    FROM unnest(?::text[], ?::text[], ?::bytea[], ?::int[], ?::timestamptz[], ?::timestamptz[])
                        AS v(tenant_id, ticket_id, events, event_count, first_event_at, last_event_at)
                    WHERE t.tenant_id = v.tenant_id AND t.ticket_id = v.ticket_id""")) {
                bind(c, update, existing);
                update.executeUpdate();
            }
        }
        if (!created.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO ticket_timelines (tenant_id, ticket_id, events, event_count, first_event_at, last_event_at,
                        bounds_event_count)
                    SELECT v.*, v.event_count FROM unnest(?::text[], ?::text[], ?::bytea[], ?::int[], ?::timestamptz[],
                        ?::timestamptz[]) AS v(tenant_id, ticket_id, events, event_count, first_event_at, last_event_at)
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
        String[] firsts = new String[n];
        String[] lasts = new String[n];
        int i = 0;
        for (Map.Entry<TicketRef, TicketTimeline> entry : timelines.entrySet()) {
            TicketTimeline timeline = entry.getValue();
            tenants[i] = entry.getKey().tenantId();
            tickets[i] = entry.getKey().ticketId();
            events[i] = TimelineCodec.encode(timeline);
            counts[i] = timeline.size();
            firsts[i] = firstEventAt(timeline);
            lasts[i] = lastEventAt(timeline);
            i++;
        }
        statement.setArray(1, c.createArrayOf("text", tenants));
        statement.setArray(2, c.createArrayOf("text", tickets));
        statement.setArray(3, c.createArrayOf("bytea", events));
        statement.setArray(4, c.createArrayOf("int4", counts));
        statement.setArray(5, c.createArrayOf("text", firsts));
        statement.setArray(6, c.createArrayOf("text", lasts));
    }

    // Instants as ISO-8601 text: no time zone of the JVM or session can shift them. A stored timeline is never empty.
    private static String firstEventAt(TicketTimeline timeline) {
        return Instant.ofEpochMilli(timeline.events().get(0).epochMillis()).toString();
    }

    private static String lastEventAt(TicketTimeline timeline) {
        return Instant.ofEpochMilli(timeline.events().get(timeline.size() - 1).epochMillis()).toString();
    }

    /** A ticket's timeline, and whether its stored event-time bounds describe it (false: written before V20). */
    public record BoundedTimeline(String ticketId, TicketTimeline timeline, boolean bounded) {

        public EventBounds bounds() {
            List<TimelineEvent> events = timeline.events();
            return new EventBounds(ticketId, events.size(), events.get(0).epochMillis(),
                    events.get(events.size() - 1).epochMillis());
        }
    }

    /** The times of a timeline's first and last events, and how many events it has. */
    public record EventBounds(String ticketId, int eventCount, long firstMillis, long lastMillis) {
    }

    /**
     * The tenant's next timelines after {@code afterTicket} (null: from the first), in key order, that may have an
     * event in [fromMillis, toMillis): those whose event-time bounds overlap it, and those whose bounds do not
     * describe them (written before V20, or since by a version that did not keep them: their event count moved on).
     * One pass over the tenant's rows with no index on the bounds, which would cost every batch an index update.
     */
    public List<BoundedTimeline> mayHaveEventsBetween(Connection c, String tenant, String afterTicket, long fromMillis,
            long toMillis, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT ticket_id, events, bounds_event_count IS NOT DISTINCT FROM event_count FROM ticket_timelines
                WHERE tenant_id = ? AND (?::text IS NULL OR ticket_id > ?)
                  AND (bounds_event_count IS DISTINCT FROM event_count
                       OR (first_event_at < ?::timestamptz AND last_event_at >= ?::timestamptz))
                ORDER BY ticket_id LIMIT ?""")) {
            select.setString(1, tenant);
            select.setString(2, afterTicket);
            select.setString(3, afterTicket);
            select.setString(4, Instant.ofEpochMilli(toMillis).toString());
            select.setString(5, Instant.ofEpochMilli(fromMillis).toString());
            select.setInt(6, limit);
            List<BoundedTimeline> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new BoundedTimeline(rs.getString(1), TimelineCodec.decode(rs.getBytes(2)), rs.getBoolean(3)));
                }
            }
            return rows;
        }
    }

    /**
     * Records the event-time bounds of timelines read without them, where the row still holds what was read (same
     * event count: timelines only grow). Rows a batch holds are skipped, never waited for: the batch writes their
     * bounds itself, and waiting could deadlock with it.
     */
    public int storeBounds(Connection c, String tenant, List<EventBounds> bounds) throws SQLException {
        if (bounds.isEmpty()) {
            return 0;
        }
        List<EventBounds> sorted = bounds.stream().sorted(java.util.Comparator.comparing(EventBounds::ticketId)).toList();
        int n = sorted.size();
        String[] tickets = new String[n];
        Integer[] counts = new Integer[n];
        String[] firsts = new String[n];
        String[] lasts = new String[n];
        for (int i = 0; i < n; i++) {
            EventBounds b = sorted.get(i);
            tickets[i] = b.ticketId();
            counts[i] = b.eventCount();
            firsts[i] = Instant.ofEpochMilli(b.firstMillis()).toString();
            lasts[i] = Instant.ofEpochMilli(b.lastMillis()).toString();
        }
        try (PreparedStatement update = c.prepareStatement("""
                WITH v AS (SELECT * FROM unnest(?::text[], ?::int[], ?::timestamptz[], ?::timestamptz[])
                               AS v(ticket_id, event_count, first_event_at, last_event_at)),
                     locked AS (SELECT t.ticket_id FROM ticket_timelines t JOIN v USING (ticket_id)
                                WHERE t.tenant_id = ? AND t.event_count = v.event_count
                                  AND t.bounds_event_count IS DISTINCT FROM t.event_count
                                ORDER BY t.ticket_id FOR UPDATE OF t SKIP LOCKED)
                UPDATE ticket_timelines t SET first_event_at = v.first_event_at, last_event_at = v.last_event_at,
                    bounds_event_count = v.event_count
                FROM v JOIN locked USING (ticket_id)
                WHERE t.tenant_id = ? AND t.ticket_id = v.ticket_id AND t.event_count = v.event_count""")) {
            update.setArray(1, c.createArrayOf("text", tickets));
            update.setArray(2, c.createArrayOf("int4", counts));
            update.setArray(3, c.createArrayOf("text", firsts));
            update.setArray(4, c.createArrayOf("text", lasts));
            update.setString(5, tenant);
            update.setString(6, tenant);
            return update.executeUpdate();
        }
    }
}
