package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.ManagedKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows of {@code api_keys}. Every write first takes the table's lock and numbers its row from sequence
 * {@code api_key_changes}: numbers then follow commit order, which the key caches of all services rely on to read only
 * what changed (platform's DatabaseApiKeys). Keys are written rarely, so the lock costs nothing.
 */
@ApplicationScoped
public class ApiKeyRepository {

    private static final String COLUMNS = "id, tenant, name, prefix, scopes, created_at, expires_at, revoked_at, replaced_by";

    /** Takes the write lock; call first in each writing transaction. */
    public void lock(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE api_keys IN SHARE ROW EXCLUSIVE MODE");
        }
    }

    public void insert(Connection c, ManagedKey key, String sha256Hex) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO api_keys (id, tenant, name, prefix, sha256, scopes, created_at, expires_at, change)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, nextval('api_key_changes'))""")) {
            s.setObject(1, key.id());
            s.setString(2, key.tenant());
            s.setString(3, key.name());
            s.setString(4, key.prefix());
            s.setString(5, sha256Hex);
            s.setArray(6, c.createArrayOf("text", key.scopes().toArray()));
            s.setTimestamp(7, Timestamp.from(key.createdAt()));
            s.setTimestamp(8, timestamp(key.expiresAt()));
            s.executeUpdate();
        }
    }

    /** The tenant's key, locked for the rest of the transaction. */
    public Optional<ManagedKey> findForUpdate(Connection c, String tenant, UUID id) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM api_keys WHERE tenant = ? AND id = ? FOR UPDATE", tenant, id)
                .stream().findFirst();
    }

    /** The tenant's keys, newest first, revoked and expired ones included (they tell the history). */
    public List<ManagedKey> list(Connection c, String tenant) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM api_keys WHERE tenant = ? ORDER BY created_at DESC, id", tenant);
    }

    /** Ends a rotated key at {@code until} (or earlier, when it was to end earlier anyway), naming its successor. */
    public ManagedKey replace(Connection c, String tenant, UUID id, UUID successor, Instant until) throws SQLException {
        return update(c, """
                UPDATE api_keys SET replaced_by = ?, expires_at = LEAST(COALESCE(expires_at, ?), ?),
                  change = nextval('api_key_changes')
                WHERE tenant = ? AND id = ? RETURNING\s""" + COLUMNS,
                successor, Timestamp.from(until), Timestamp.from(until), tenant, id);
    }

    public ManagedKey revoke(Connection c, String tenant, UUID id, Instant at) throws SQLException {
        return update(c, """
                UPDATE api_keys SET revoked_at = ?, change = nextval('api_key_changes')
                WHERE tenant = ? AND id = ? RETURNING\s""" + COLUMNS, Timestamp.from(at), tenant, id);
    }

    private static ManagedKey update(Connection c, String sql, Object... parameters) throws SQLException {
        return query(c, sql, parameters).stream().findFirst()
                .orElseThrow(() -> new SQLException("the key row locked before is gone"));
    }

    private static List<ManagedKey> query(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<ManagedKey> keys = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    keys.add(key(rows));
                }
            }
            return keys;
        }
    }

    private static ManagedKey key(ResultSet row) throws SQLException {
        Array scopes = row.getArray("scopes");
        return new ManagedKey(row.getObject("id", UUID.class), row.getString("tenant"), row.getString("name"),
                row.getString("prefix"), Arrays.stream((Object[]) scopes.getArray()).map(Object::toString).toList(),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("expires_at")),
                instant(row.getTimestamp("revoked_at")), row.getObject("replaced_by", UUID.class));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
