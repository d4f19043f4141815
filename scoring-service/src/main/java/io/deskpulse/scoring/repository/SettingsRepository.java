package io.deskpulse.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@code tenant_settings_versions}: every version of every tenant's settings, never updated. */
@ApplicationScoped
public class SettingsRepository extends DocumentVersions {

    public SettingsRepository() {
        super("tenant_settings_versions", "settings", TenantLocks.SETTINGS);
    }

    /** The settings version that the tenant's reports read now (0 without a tenant_state row). */
    public int activeSettingsVersion(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT active_settings_version FROM tenant_state WHERE tenant_id = ?")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
