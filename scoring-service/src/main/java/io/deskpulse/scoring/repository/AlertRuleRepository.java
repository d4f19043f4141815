package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.AlertMetric;
import io.deskpulse.scoring.domain.AlertRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code alert_rules}: a tenant's alert rules, and when an evaluator last looked at each. */
@ApplicationScoped
public class AlertRuleRepository {

    private static final String COLUMNS = "id, tenant_id, version, name, enabled, metric, dimension, member_ids, channel,"
            + " window_minutes, comparison, threshold, min_volume, webhook_url, webhook_secret, created_at, created_by,"
            + " updated_at, updated_by";

    public List<AlertRule> list(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM alert_rules WHERE tenant_id = ? ORDER BY id")) {
            s.setString(1, tenant);
            return rows(s);
        }
    }

    public Optional<AlertRule> find(Connection c, String tenant, long id, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM alert_rules WHERE tenant_id = ? AND id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setString(1, tenant);
            s.setLong(2, id);
            return rows(s).stream().findFirst();
        }
    }

    public int count(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM alert_rules WHERE tenant_id = ?")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public AlertRule insert(Connection c, String tenant, AlertRule.Draft draft, String secret, String actor)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_rules (name, enabled, metric, dimension, member_ids,"
                + " channel, window_minutes, comparison, threshold, min_volume, webhook_url, webhook_secret, tenant_id,"
                + " created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
            bind(c, s, draft, secret);
            s.setString(13, tenant);
            s.setString(14, actor);
            s.setString(15, actor);
            return rows(s).get(0);
        }
    }

    /** Replaces the rule's definition and counts its version up. */
    public AlertRule update(Connection c, String tenant, long id, AlertRule.Draft draft, String secret, String actor)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE alert_rules SET name = ?, enabled = ?, metric = ?, dimension = ?,"
                + " member_ids = ?, channel = ?, window_minutes = ?, comparison = ?, threshold = ?, min_volume = ?,"
                + " webhook_url = ?, webhook_secret = ?, version = version + 1, updated_at = now(), updated_by = ?"
                + " WHERE tenant_id = ? AND id = ? RETURNING " + COLUMNS)) {
            bind(c, s, draft, secret);
            s.setString(13, actor);
            s.setString(14, tenant);
            s.setLong(15, id);
            return rows(s).get(0);
        }
    }

    /** Stores the rule's webhook secret as given (the encrypted form); the rule's version is not counted up. */
    public AlertRule storeSecret(Connection c, String tenant, long id, String stored) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE alert_rules SET webhook_secret = ? WHERE tenant_id = ?"
                + " AND id = ? RETURNING " + COLUMNS)) {
            s.setString(1, stored);
            s.setString(2, tenant);
            s.setLong(3, id);
            return rows(s).get(0);
        }
    }

    /** A stored webhook secret: the rule it belongs to and its stored form. */
    public record StoredSecret(String tenant, long id, String stored) {
    }

    /** Webhook secrets not in the encrypted form (written before V22), locked for their encryption. */
    public List<StoredSecret> clearTextSecrets(Connection c) throws SQLException {
        List<StoredSecret> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT tenant_id, id, webhook_secret FROM alert_rules"
                + " WHERE webhook_secret IS NOT NULL AND webhook_secret NOT LIKE 'v1.%' ORDER BY id FOR UPDATE");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                found.add(new StoredSecret(rs.getString(1), rs.getLong(2), rs.getString(3)));
            }
        }
        return found;
    }

    /**
     * Checks V22's constraint (no clear-text secret) on the rows written before it, once none is left; from then on
     * it holds for every row. A no-op once validated.
     */
    public void validateEncryptedSecrets(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT convalidated FROM pg_constraint"
                + " WHERE conname = 'alert_rules_webhook_secret_encrypted' AND conrelid = 'alert_rules'::regclass");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next() || rs.getBoolean(1)) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "ALTER TABLE alert_rules VALIDATE CONSTRAINT alert_rules_webhook_secret_encrypted")) {
            s.execute();
        }
    }

    public void delete(Connection c, String tenant, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM alert_rules WHERE tenant_id = ? AND id = ?")) {
            s.setString(1, tenant);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    /**
     * The tenant's enabled rules, locked for this evaluation; rules another evaluator holds are skipped (it is
     * evaluating them right now, with data at least as new).
     */
    public List<AlertRule> lockEnabled(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM alert_rules WHERE tenant_id = ?"
                + " AND enabled ORDER BY id FOR UPDATE SKIP LOCKED")) {
            s.setString(1, tenant);
            return rows(s);
        }
    }

    /** Tenants with an enabled rule that no evaluator looked at since {@code before}. */
    public List<String> staleTenants(Connection c, Instant before) throws SQLException {
        List<String> tenants = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT tenant_id FROM alert_rules WHERE enabled"
                + " AND (evaluated_at IS NULL OR evaluated_at < ?) ORDER BY tenant_id")) {
            s.setTimestamp(1, Timestamp.from(before));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tenants.add(rs.getString(1));
                }
            }
        }
        return tenants;
    }

    /** Of these tenants, those with an enabled rule. */
    public List<String> withEnabledRules(Connection c, List<String> tenants) throws SQLException {
        List<String> found = new ArrayList<>();
        if (tenants.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT tenant_id FROM alert_rules WHERE enabled"
                + " AND tenant_id = ANY (?) ORDER BY tenant_id")) {
            s.setArray(1, c.createArrayOf("text", tenants.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    public void markEvaluated(Connection c, List<Long> ids, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE alert_rules SET evaluated_at = ? WHERE id = ANY (?)")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setArray(2, c.createArrayOf("int8", ids.toArray()));
            s.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement s, AlertRule.Draft draft, String secret) throws SQLException {
        s.setString(1, draft.name());
        s.setBoolean(2, draft.enabled());
        s.setString(3, draft.metric().label());
        s.setString(4, draft.dimension());
        s.setArray(5, c.createArrayOf("text", draft.memberIds().toArray()));
        s.setString(6, draft.channel());
        s.setInt(7, draft.windowMinutes());
        s.setString(8, draft.comparison());
        s.setBigDecimal(9, draft.threshold());
        s.setLong(10, draft.minVolume());
        s.setString(11, draft.webhookUrl());
        s.setString(12, draft.webhookUrl() == null ? null : secret);
    }

    private static List<AlertRule> rows(PreparedStatement s) throws SQLException {
        List<AlertRule> rules = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rules.add(new AlertRule(rs.getLong("id"), rs.getString("tenant_id"), rs.getInt("version"),
                        rs.getString("name"), rs.getBoolean("enabled"),
                        AlertMetric.parse(rs.getString("metric")).orElseThrow(() -> new IllegalStateException(
                                "alert rule with an unknown metric")),
                        rs.getString("dimension"), List.of((String[]) rs.getArray("member_ids").getArray()),
                        rs.getString("channel"), rs.getInt("window_minutes"), rs.getString("comparison"),
                        rs.getBigDecimal("threshold").stripTrailingZeros(), rs.getLong("min_volume"),
                        rs.getString("webhook_url"), rs.getString("webhook_secret"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")));
            }
        }
        return rules;
    }
}
