package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Rows of {@code tenants}: the tenants scoring accepts records of, and that keys can be issued for. */
@ApplicationScoped
public class TenantRepository {

    /** Inserts the tenant; empty when it exists already. */
    public Optional<Tenant> insert(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO tenants (id) VALUES (?) ON CONFLICT DO NOTHING RETURNING id, created_at")) {
            s.setString(1, id);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(tenant(row)) : Optional.empty();
            }
        }
    }

    /** Registers the tenants that are not registered yet; those that are stay as they are. */
    public void register(Connection c, Collection<String> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO tenants (id) VALUES (?) ON CONFLICT DO NOTHING")) {
            for (String id : ids) {
                s.setString(1, id);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM tenants WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet row = s.executeQuery()) {
                return row.next();
            }
        }
    }

    public List<Tenant> list(Connection c) throws SQLException {
        List<Tenant> tenants = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, created_at FROM tenants ORDER BY id");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                tenants.add(tenant(rows));
            }
        }
        return tenants;
    }

    private static Tenant tenant(ResultSet row) throws SQLException {
        return new Tenant(row.getString("id"), row.getTimestamp("created_at").toInstant());
    }
}
