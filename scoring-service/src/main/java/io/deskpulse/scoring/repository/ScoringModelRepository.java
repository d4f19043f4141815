package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.service.SettingsVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@code scoring_model_versions}: every version of every tenant's scoring models, never updated. */
@ApplicationScoped
public class ScoringModelRepository {

    private static final DocumentVersions VERSIONS = new DocumentVersions("scoring_model_versions", "document", 0x5c0e1);

    /** Serialises changes of one tenant's scoring models until the transaction ends. */
    public void lockTenant(Connection c, String tenant) throws SQLException {
        VERSIONS.lockTenant(c, tenant);
    }

    public Optional<SettingsVersion> latest(Connection c, String tenant) throws SQLException {
        return VERSIONS.latest(c, tenant);
    }

    public Optional<SettingsVersion> find(Connection c, String tenant, int version) throws SQLException {
        return VERSIONS.find(c, tenant, version);
    }

    public List<SettingsVersion> history(Connection c, String tenant) throws SQLException {
        return VERSIONS.history(c, tenant);
    }

    /** Empty when that version exists already (a writer that bypasses the API took it); nothing was written. */
    public Optional<SettingsVersion> insert(Connection c, String tenant, int version, String document, String changedBy,
            List<String> changedFields) throws SQLException {
        return VERSIONS.insert(c, tenant, version, document, changedBy, changedFields);
    }
}
