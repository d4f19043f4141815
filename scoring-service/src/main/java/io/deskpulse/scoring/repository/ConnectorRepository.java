package io.deskpulse.scoring.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.scoring.domain.Connector;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rows of {@code connectors} (V23). Secrets go in already encrypted and never come out: no query here reads them.
 * Every write numbers its row from {@code connector_changes} under a table lock ({@link #lockForChange}), so numbers
 * follow commit order and ingestion's directory, which reads the rows past the last number it saw, misses none.
 */
@ApplicationScoped
public class ConnectorRepository {

    private static final String COLUMNS = "id, tenant_id, platform, name, options, previous_valid_until, disabled_at, "
            + "created_by, created_at, updated_at";

    private final ObjectMapper mapper;

    public ConnectorRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Taken by every writing transaction before it numbers a row: writers queue (readers do not), so a row with a
     * higher number is never committed before one with a lower number.
     */
    public void lockForChange(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("LOCK TABLE connectors IN EXCLUSIVE MODE")) {
            s.execute();
        }
    }

    public void insert(Connection c, Connector connector, String encryptedSecret) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO connectors (id, tenant_id, platform, name, options, secret, created_by, created_at, updated_at,
                    change)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, nextval('connector_changes'))""")) {
            s.setString(1, connector.id());
            s.setString(2, connector.tenantId());
            s.setString(3, connector.platform());
            s.setString(4, connector.name());
            s.setString(5, json(connector.options()));
            s.setString(6, encryptedSecret);
            s.setString(7, connector.createdBy());
            s.setTimestamp(8, Timestamp.from(connector.createdAt()));
            s.setTimestamp(9, Timestamp.from(connector.updatedAt()));
            s.executeUpdate();
        }
    }

    public long count(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM connectors WHERE tenant_id = ?")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public Optional<Connector> find(Connection c, String tenant, String id) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM connectors WHERE tenant_id = ? AND id = ?", tenant, id).stream()
                .findFirst();
    }

    public List<Connector> list(Connection c, String tenant, int limit) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM connectors WHERE tenant_id = ? ORDER BY created_at, id LIMIT ?",
                tenant, limit);
    }

    /**
     * The new secret replaces the current one, which stays valid until {@code previousValidUntil} (or not at all when
     * that is not after now). False when the tenant has no such connector.
     */
    public boolean rotate(Connection c, String tenant, String id, String encryptedSecret, Instant previousValidUntil,
            Instant now) throws SQLException {
        boolean keep = previousValidUntil.isAfter(now);
        try (PreparedStatement s = c.prepareStatement(keep
                ? "UPDATE connectors SET previous_secret = secret, previous_valid_until = ?, secret = ?, updated_at = ?, "
                        + "change = nextval('connector_changes') WHERE tenant_id = ? AND id = ?"
                : "UPDATE connectors SET previous_secret = NULL, previous_valid_until = ?, secret = ?, updated_at = ?, "
                        + "change = nextval('connector_changes') WHERE tenant_id = ? AND id = ?")) {
            s.setTimestamp(1, keep ? Timestamp.from(previousValidUntil) : null);
            s.setString(2, encryptedSecret);
            s.setTimestamp(3, Timestamp.from(now));
            s.setString(4, tenant);
            s.setString(5, id);
            return s.executeUpdate() == 1;
        }
    }

    /** Disables the connector (once: a second call keeps the first instant). False when there is no such connector. */
    public boolean disable(Connection c, String tenant, String id, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE connectors SET disabled_at = coalesce(disabled_at, ?), updated_at = ?,
                    change = nextval('connector_changes')
                WHERE tenant_id = ? AND id = ?""")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setTimestamp(2, Timestamp.from(now));
            s.setString(3, tenant);
            s.setString(4, id);
            return s.executeUpdate() == 1;
        }
    }

    private List<Connector> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Connector> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Connector(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            options(rs.getString(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                            rs.getString(8), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10))));
                }
            }
            return rows;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String json(Map<String, Object> options) {
        try {
            return mapper.writeValueAsString(new TreeMap<>(options));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> options(String json) throws SQLException {
        try {
            return mapper.readValue(json, new TypeReference<TreeMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable connector options " + json, e);
        }
    }
}
