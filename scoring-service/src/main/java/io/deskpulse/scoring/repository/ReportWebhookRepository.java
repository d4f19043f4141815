package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.ReportPeriod;
import io.deskpulse.scoring.domain.ReportWebhook;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Rows of {@code report_webhooks} (V28). Secrets go in encrypted; only the delivery worker reads them back. */
@ApplicationScoped
public class ReportWebhookRepository {

    private static final String COLUMNS = "id, tenant_id, name, url, granularities, disabled_at, created_by, created_at,"
            + " updated_at";

    /** Serialises the tenant's creates until the transaction ends, so that its count stays within the limit. */
    public void lockTenant(Connection c, String tenant) throws SQLException {
        TenantLocks.lock(c, TenantLocks.REPORT_WEBHOOKS, tenant);
    }

    /** The id the next webhook gets: taken before the insert, since its secret's encryption is bound to it. */
    public long nextId(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT nextval(pg_get_serial_sequence('report_webhooks', 'id'))");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public void insert(Connection c, ReportWebhook webhook, String encryptedSecret) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO report_webhooks (id, tenant_id, name, url, secret,"
                + " granularities, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, webhook.id());
            s.setString(2, webhook.tenantId());
            s.setString(3, webhook.name());
            s.setString(4, webhook.url());
            s.setString(5, encryptedSecret);
            s.setArray(6, c.createArrayOf("text", webhook.granularities().stream().map(ReportPeriod.Length::label).toArray()));
            s.setString(7, webhook.createdBy());
            s.setTimestamp(8, Timestamp.from(webhook.createdAt()));
            s.setTimestamp(9, Timestamp.from(webhook.updatedAt()));
            s.executeUpdate();
        }
    }

    public long count(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM report_webhooks WHERE tenant_id = ?")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public Optional<ReportWebhook> find(Connection c, String tenant, long id) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM report_webhooks WHERE tenant_id = ? AND id = ?", tenant, id).stream()
                .findFirst();
    }

    public List<ReportWebhook> list(Connection c, String tenant, int limit) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM report_webhooks WHERE tenant_id = ? ORDER BY id LIMIT ?", tenant,
                limit);
    }

    /** The tenant's enabled webhooks that take reports of this length, locked against a disable meanwhile. */
    public List<ReportWebhook> enabledFor(Connection c, String tenant, ReportPeriod.Length length) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM report_webhooks WHERE tenant_id = ? AND disabled_at IS NULL"
                + " AND ? = ANY (granularities) ORDER BY id FOR SHARE", tenant, length.label());
    }

    /** False when the tenant has no such webhook. */
    public boolean storeSecret(Connection c, String tenant, long id, String encryptedSecret, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE report_webhooks SET secret = ?, updated_at = ?"
                + " WHERE tenant_id = ? AND id = ?")) {
            s.setString(1, encryptedSecret);
            s.setTimestamp(2, Timestamp.from(now));
            s.setString(3, tenant);
            s.setLong(4, id);
            return s.executeUpdate() == 1;
        }
    }

    /** Disables the webhook (once: a second call keeps the first instant). False when there is no such webhook. */
    public boolean disable(Connection c, String tenant, long id, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE report_webhooks SET disabled_at = coalesce(disabled_at, ?),"
                + " updated_at = ? WHERE tenant_id = ? AND id = ?")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setTimestamp(2, Timestamp.from(now));
            s.setString(3, tenant);
            s.setLong(4, id);
            return s.executeUpdate() == 1;
        }
    }

    private static List<ReportWebhook> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<ReportWebhook> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ReportWebhook(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            lengths(rs.getArray(5)), instant(rs.getTimestamp(6)), rs.getString(7),
                            instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9))));
                }
            }
            return rows;
        }
    }

    private static List<ReportPeriod.Length> lengths(Array array) throws SQLException {
        List<ReportPeriod.Length> lengths = new ArrayList<>();
        for (Object label : (Object[]) array.getArray()) {
            lengths.add(ReportPeriod.Length.valueOf(((String) label).toUpperCase(Locale.ROOT)));
        }
        return lengths;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
