package io.deskpulse.reporting.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes ticket_facts and customer_nps_responses rows as scoring-service does (ticket_facts: the writing
 * transaction's id and start time; an update replaces the row), through read-write connections of its
 * own: the service's pool is read-only. {@link #insert(Connection)} writes inside a transaction the test holds.
 */
public final class TicketFactRows {

    private final Map<String, Object> values = new LinkedHashMap<>();

    private TicketFactRows(String tenant, String ticket) {
        values.put("tenant_id", tenant);
        values.put("ticket_id", ticket);
        values.put("status", "new");
        values.put("resolutions", 0);
        values.put("reopens", 0);
        values.put("transfers", 0);
        values.put("agent_replies", 0);
    }

    public static TicketFactRows ticket(String tenant, String ticket) {
        return new TicketFactRows(tenant, ticket);
    }

    public static Connection connect() throws SQLException {
        return TestData.connect();
    }

    /** Sets a column: text, Integer, Boolean, Long, an ISO instant for *_at columns, or a List of tags. */
    public TicketFactRows set(String column, Object value) {
        values.put(column, column.endsWith("_at") && value instanceof String text
                ? OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC) : value);
        return this;
    }

    /** The churn-risk history, as scoring writes it: {@code [[at_ms, complaint, low_csat, reopens, negative], ...]}. */
    public TicketFactRows riskHistory(String json) {
        try {
            org.postgresql.util.PGobject value = new org.postgresql.util.PGobject();
            value.setType("jsonb");
            value.setValue(json);
            values.put("risk_history", value);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public TicketFactRows created(String at) {
        return set("created_at", at);
    }

    /** Inserts (or replaces) the row in a transaction of its own. */
    public TicketFactRows insert() {
        try (Connection c = connect()) {
            insert(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Inserts (or replaces) the row with the given connection, in whatever transaction it is in. */
    public void insert(Connection c) throws SQLException {
        StringBuilder columns = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        StringBuilder updates = new StringBuilder();
        for (String column : values.keySet()) {
            columns.append(column).append(", ");
            marks.append(column.equals("tags") ? "CAST(? AS text[]), " : "?, ");
            updates.append(column).append(" = EXCLUDED.").append(column).append(", ");
        }
        if (!values.containsKey("tags")) {
            columns.append("tags, ");
            marks.append("'{}', ");
        }
        String sql = "INSERT INTO ticket_facts (" + columns + "updated_at, txid) VALUES (" + marks
                + "now(), pg_current_xact_id()) ON CONFLICT (tenant_id, ticket_id) DO UPDATE SET " + updates
                + "updated_at = now(), txid = pg_current_xact_id()";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Object value : values.values()) {
                if (value instanceof List<?> list) {
                    s.setArray(i++, c.createArrayOf("text", list.toArray()));
                } else {
                    s.setObject(i++, value);
                }
            }
            s.executeUpdate();
        }
    }

    /** A customer.churned or customer.renewed as scoring stores it. */
    public static void lifecycle(String tenant, String customer, long id, String at, String kind) {
        lifecycle(tenant, customer, id, at, kind, null, null);
    }

    /** The same naming a revenue (in thousandths, null for none) and its currency (upper case, or null). */
    public static void lifecycle(String tenant, String customer, long id, String at, String kind, Long revenueMilli,
            String currency) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO customer_lifecycle_events (tenant_id, customer_id, event_id, at, kind, revenue_milli, currency)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, tenant);
            s.setString(2, customer);
            s.setLong(3, id);
            s.setObject(4, OffsetDateTime.ofInstant(Instant.parse(at), ZoneOffset.UTC));
            s.setString(5, kind);
            s.setObject(6, revenueMilli);
            s.setString(7, currency);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An NPS response of a customer (customer '' with a ticket: the ticket's customer). */
    public static void npsResponse(String tenant, String ticket, long id, String customer, String at, int score) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO customer_nps_responses (tenant_id, ticket_id, response_id, customer_id, responded_at, score)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, tenant);
            s.setString(2, ticket);
            s.setLong(3, id);
            s.setString(4, customer);
            s.setObject(5, OffsetDateTime.ofInstant(Instant.parse(at), ZoneOffset.UTC));
            s.setInt(6, score);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
