package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.service.SettingsVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@code tenant_settings_versions}: every version of every tenant's settings, never updated. */
@ApplicationScoped
public class SettingsRepository {

    private static final DocumentVersions VERSIONS = new DocumentVersions("tenant_settings_versions", "settings", 0x5e771);

    /**
     * Serialises settings changes of one tenant until the transaction ends, so that two PUTs at the same time
     * do not both compute version N+1 from version N (the second one then sees the first one's version).
     */
    public void lockTenant(Connection c, String tenant) throws SQLException {
        VERSIONS.lockTenant(c, tenant);
    }

    public Optional<SettingsVersion> latest(Connection c, String tenant) throws SQLException {
        return VERSIONS.latest(c, tenant);
    }

    public Optional<SettingsVersion> find(Connection c, String tenant, int version) throws SQLException {
        return VERSIONS.find(c, tenant, version);
    }

    /** The tenant's versions, newest first, without their documents. */
    public List<SettingsVersion> history(Connection c, String tenant) throws SQLException {
        return VERSIONS.history(c, tenant);
    }

    /**
     * Inserts a version; empty when that version exists already (a concurrent writer took it), in which case
     * nothing was written and the transaction is still usable.
     */
    public Optional<SettingsVersion> insert(Connection c, String tenant, int version, String document, String changedBy,
            List<String> changedFields) throws SQLException {
        return VERSIONS.insert(c, tenant, version, document, changedBy, changedFields);
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
