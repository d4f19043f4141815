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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook outbox ({@code webhook_deliveries}) and the record of every attempt ({@code webhook_delivery_attempts}).
 * A delivery targets an alert rule's webhook (kind {@code alert}) or a report webhook (kind {@code report}, V28).
 */
@ApplicationScoped
public class WebhookDeliveryRepository {

    /**
     * A delivery taken for an attempt: {@code target} is the alert rule's or the report webhook's id (by {@code kind});
     * {@code attempt} is this attempt's number; url and secret (its stored, encrypted form) are the target's now, both
     * null when it has no webhook any more (a rule without one, a disabled report webhook).
     */
    public record Due(long id, String tenant, WebhookDelivery.Kind kind, long target, String event, String payload,
            int attempt, String url, String secret) {
    }

    /**
     * Written in the transaction that stores the period report: the report and its webhooks are one fact. A second
     * enqueue of the same report to the same webhook changes nothing (a report is posted once); false then.
     */
    public boolean enqueueReport(Connection c, String tenant, long webhookId, long reportId, String event, String payload,
            Instant due) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO webhook_deliveries (tenant_id, kind, report_webhook_id,"
                + " report_id, event, payload, status, next_attempt_at) VALUES (?, 'report', ?, ?, ?, ?, 'pending', ?)"
                + " ON CONFLICT (report_webhook_id, report_id) WHERE kind = 'report' DO NOTHING")) {
            s.setString(1, tenant);
            s.setLong(2, webhookId);
            s.setLong(3, reportId);
            s.setString(4, event);
            s.setString(5, payload);
            s.setTimestamp(6, Timestamp.from(due));
            return s.executeUpdate() == 1;
        }
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
        record Claimed(long id, String tenant, WebhookDelivery.Kind kind, long target, int attempt, String event,
                String payload) {
        }
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                WITH due AS (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
                             ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = ?
                FROM due WHERE d.id = due.id
                RETURNING d.id, d.tenant_id, d.kind, coalesce(d.rule_id, d.report_webhook_id), d.attempts, d.event,
                    d.payload""")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setInt(2, limit);
            s.setTimestamp(3, Timestamp.from(leaseUntil));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), rs.getString(2), WebhookDelivery.Kind.of(rs.getString(3)),
                            rs.getLong(4), rs.getInt(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        Map<WebhookDelivery.Kind, Map<Long, String[]>> webhooks = new EnumMap<>(WebhookDelivery.Kind.class);
        for (WebhookDelivery.Kind kind : WebhookDelivery.Kind.values()) {
            webhooks.put(kind, webhooks(c, kind, claimed.stream().filter(d -> d.kind() == kind).map(Claimed::target)
                    .distinct().toList()));
        }
        List<Due> due = new ArrayList<>();
        for (Claimed d : claimed) {
            String[] webhook = webhooks.get(d.kind()).getOrDefault(d.target(), new String[2]);
            due.add(new Due(d.id(), d.tenant(), d.kind(), d.target(), d.event(), d.payload(), d.attempt(), webhook[0],
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
                + " last_error = ? WHERE kind = 'alert' AND rule_id = ? AND status = 'pending'")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, reason);
            s.setLong(3, ruleId);
            s.executeUpdate();
        }
    }

    /** Cancels what is still pending for a report webhook (it is being disabled). */
    public void cancelPendingReports(Connection c, long webhookId, Instant at, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE webhook_deliveries SET status = 'cancelled', finished_at = ?,"
                + " last_error = ? WHERE kind = 'report' AND report_webhook_id = ? AND status = 'pending'")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, reason);
            s.setLong(3, webhookId);
            s.executeUpdate();
        }
    }

    /**
     * The latest deliveries to an alert rule's or a report webhook's target, newest first, with their attempts; each
     * names its alert or its report.
     */
    public List<WebhookDelivery> recent(Connection c, String tenant, WebhookDelivery.Kind kind, long target, int limit)
            throws SQLException {
        List<WebhookDelivery> deliveries = new ArrayList<>();
        String subject = kind == WebhookDelivery.Kind.ALERT ? "alert_id" : "report_id";
        String targetColumn = kind == WebhookDelivery.Kind.ALERT ? "rule_id" : "report_webhook_id";
        try (PreparedStatement s = c.prepareStatement("SELECT id, " + subject + ", event, status, attempts, created_at,"
                + " next_attempt_at, finished_at, last_error FROM webhook_deliveries WHERE tenant_id = ? AND kind = ?"
                + " AND " + targetColumn + " = ? ORDER BY id DESC LIMIT ?")) {
            s.setString(1, tenant);
            s.setString(2, kind.label());
            s.setLong(3, target);
            s.setInt(4, limit);
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

    /** The current URL and stored secret of each target that still has a webhook: a rule's, an enabled report webhook's. */
    private static Map<Long, String[]> webhooks(Connection c, WebhookDelivery.Kind kind, List<Long> ids) throws SQLException {
        Map<Long, String[]> webhooks = new HashMap<>();
        if (ids.isEmpty()) {
            return webhooks;
        }
        try (PreparedStatement s = c.prepareStatement(kind == WebhookDelivery.Kind.ALERT
                ? "SELECT id, webhook_url, webhook_secret FROM alert_rules WHERE id = ANY (?) AND webhook_url IS NOT NULL"
                : "SELECT id, url, secret FROM report_webhooks WHERE id = ANY (?) AND disabled_at IS NULL")) {
            s.setArray(1, c.createArrayOf("int8", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    webhooks.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return webhooks;
    }
}
