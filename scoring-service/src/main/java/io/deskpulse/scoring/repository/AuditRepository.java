package io.deskpulse.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Rows of {@code admin_audit}: one per admin change, with the key that made it. */
@ApplicationScoped
public class AuditRepository {

    public void insert(Connection c, String tenant, String keyId, String actor, String method, String path, int status)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO admin_audit (tenant, key_id, actor, method, path, status) VALUES (?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, tenant);
            s.setString(2, keyId);
            s.setString(3, actor);
            s.setString(4, method);
            s.setString(5, path);
            s.setInt(6, status);
            s.executeUpdate();
        }
    }
}
