package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The webhook outbox ({@code webhook_deliveries}) and the record of every attempt ({@code webhook_delivery_attempts}). */
@ApplicationScoped
public class WebhookDeliveryRepository {

    /**
     * A delivery taken for an attempt: {@code attempt} is this attempt's number; url and secret (its stored, encrypted
     * form) are the rule's now.
     */
    public record Due(long id, String tenant, long ruleId, String event, String payload, int attempt, String url,
            String secret) {
    }

    /** Written in the transaction that raises or resolves the alert: the alert and its webhook are one fact. */
    public void enqueue(Connection c, String tenant, long ruleId, long alertId, String event, String payload, Instant due)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO webhook_deliveries (tenant_id, rule_id, alert_id, event,"
                + " payload, status, next_attempt_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)")) {
            s.setString(1, tenant);
            s.setLong(2, ruleId);
            s.setLong(3, alertId);
            s.setString(4, event);
            s.setString(5, payload);
            s.setTimestamp(6, Timestamp.from(due));
            s.executeUpdate();
        }
    }

    /**
     * Takes up to {@code limit} pending deliveries due at {@code now}, oldest first, counts their attempt and
     * moves their next attempt to {@code leaseUntil}: another worker takes one over only if this one never
     * records its outcome (it crashed). Deliveries another worker holds are skipped.
     */
    public List<Due> claim(Connection c, Instant now, int limit, Instant leaseUntil) throws SQLException {
        List<long[]> claimed = new ArrayList<>();
        List<String[]> texts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                WITH due AS (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
                             ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = ?
                FROM due WHERE d.id = due.id
                RETURNING d.id, d.rule_id, d.attempts, d.event, d.payload, d.tenant_id""")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setInt(2, limit);
            s.setTimestamp(3, Timestamp.from(leaseUntil));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getInt(3)});
                    texts.add(new String[] {rs.getString(4), rs.getString(5), rs.getString(6)});
                }
            }
        }
        Map<Long, String[]> webhooks = webhooks(c, claimed.stream().map(r -> r[1]).distinct().toList());
        List<Due> due = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            long[] row = claimed.get(i);
            String[] webhook = webhooks.getOrDefault(row[1], new String[2]);
            due.add(new Due(row[0], texts.get(i)[2], row[1], texts.get(i)[0], texts.get(i)[1], (int) row[2], webhook[0],
                    webhook[1]));
        }
        due.sort(java.util.Comparator.comparingLong(Due::id));
        return due;
    }

    public void recordAttempt(Connection c, long deliveryId, int attempt, Instant at, String url, Integer statusCode,
            String error, long durationMs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO webhook_delivery_attempts (delivery_id, attempt,"
                + " attempted_at, url, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
            s.setLong(1, deliveryId);
            s.setInt(2, attempt);
            s.setTimestamp(3, Timestamp.from(at));
            s.setString(4, url == null ? "" : url);
            s.setObject(5, statusCode, java.sql.Types.INTEGER);
            s.setString(6, error);
            s.setLong(7, durationMs);
            s.executeUpdate();
        }
    }

    /** Ends a delivery: {@code delivered}, {@code failed} (given up) or {@code cancelled} (its rule or webhook is gone). */
    public void finish(Connection c, long deliveryId, String status, Instant at, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE webhook_deliveries SET status = ?, finished_at = ?,"
                + " last_error = ? WHERE id = ?")) {
            s.setString(1, status);
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, error);
            s.setLong(4, deliveryId);
            s.executeUpdate();
        }
    }

    public void retryAt(Connection c, long deliveryId, Instant next, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE webhook_deliveries SET next_attempt_at = ?, last_error = ?"
                + " WHERE id = ?")) {
            s.setTimestamp(1, Timestamp.from(next));
            s.setString(2, error);
            s.setLong(3, deliveryId);
            s.executeUpdate();
        }
    }

    /** Cancels what is still pending for a rule (it is being deleted, or lost its webhook). */
    public void cancelPending(Connection c, long ruleId, Instant at, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE webhook_deliveries SET status = 'cancelled', finished_at = ?,"
                + " last_error = ? WHERE rule_id = ? AND status = 'pending'")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, reason);
            s.setLong(3, ruleId);
            s.executeUpdate();
        }
    }

    /** The rule's latest deliveries, newest first, with their attempts. */
    public List<WebhookDelivery> recent(Connection c, String tenant, long ruleId, int limit) throws SQLException {
        List<WebhookDelivery> deliveries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, alert_id, event, status, attempts, created_at,"
                + " next_attempt_at, finished_at, last_error FROM webhook_deliveries WHERE tenant_id = ? AND rule_id = ?"
                + " ORDER BY id DESC LIMIT ?")) {
            s.setString(1, tenant);
            s.setLong(2, ruleId);
            s.setInt(3, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp finished = rs.getTimestamp(8);
                    deliveries.add(new WebhookDelivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                            finished == null ? null : finished.toInstant(), rs.getString(9), new ArrayList<>()));
                }
            }
        }
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<Long, WebhookDelivery> byId = new HashMap<>();
        deliveries.forEach(d -> byId.put(d.id(), d));
        try (PreparedStatement s = c.prepareStatement("SELECT delivery_id, attempt, attempted_at, url, status_code, error,"
                + " duration_ms FROM webhook_delivery_attempts WHERE delivery_id = ANY (?) ORDER BY delivery_id, attempt")) {
            s.setArray(1, c.createArrayOf("int8", byId.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byId.get(rs.getLong(1)).history().add(new WebhookDelivery.Attempt(rs.getInt(2), rs.getTimestamp(3).toInstant(),
                            rs.getString(4), (Integer) rs.getObject(5), rs.getString(6), rs.getLong(7)));
                }
            }
        }
        return deliveries;
    }

    private static Map<Long, String[]> webhooks(Connection c, List<Long> ruleIds) throws SQLException {
        Map<Long, String[]> webhooks = new HashMap<>();
        if (ruleIds.isEmpty()) {
            return webhooks;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id, webhook_url, webhook_secret FROM alert_rules"
                + " WHERE id = ANY (?) AND webhook_url IS NOT NULL")) {
            s.setArray(1, c.createArrayOf("int8", ruleIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    webhooks.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return webhooks;
    }
}
