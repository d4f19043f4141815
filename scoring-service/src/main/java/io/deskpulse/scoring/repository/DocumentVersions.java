package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.DocumentVersion;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table of versioned per-tenant documents, never updated: {@code (tenant_id, version, <document> jsonb,
 * changed_at, changed_by, changed_fields)} with the primary key (tenant_id, version). Tenant settings and
 * scoring models are kept this way; each table has its own advisory-lock class. Writers of one tenant lock it
 * first ({@link #lockTenant}), so that two changes at the same time do not both compute version N+1 from N.
 */
public class DocumentVersions {

    private static final String META = "version, changed_at, changed_by, changed_fields";

    private final String table;
    private final String documentColumn;
    private final int lockClass;

    /**
     * @param lockClass first key of the advisory locks taken for this table, so that they never meet a lock
     *        taken for another purpose (the two-int and the bigint advisory locks are separate key spaces)
     */
    protected DocumentVersions(String table, String documentColumn, int lockClass) {
        this.table = table;
        this.documentColumn = documentColumn;
        this.lockClass = lockClass;
    }

    /** Serialises changes of one tenant's documents until the transaction ends. */
    public void lockTenant(Connection c, String tenant) throws SQLException {
        TenantLocks.lock(c, lockClass, tenant);
    }

    public Optional<DocumentVersion> latest(Connection c, String tenant) throws SQLException {
        return one(c, "SELECT " + META + ", " + documentColumn + "::text FROM " + table + " WHERE tenant_id = ?"
                + " ORDER BY version DESC LIMIT 1", tenant, null);
    }

    public Optional<DocumentVersion> find(Connection c, String tenant, int version) throws SQLException {
        return one(c, "SELECT " + META + ", " + documentColumn + "::text FROM " + table + " WHERE tenant_id = ?"
                + " AND version = ?", tenant, version);
    }

    /** The tenant's versions, newest first, without their documents. */
    public List<DocumentVersion> history(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + META + ", NULL FROM " + table
                + " WHERE tenant_id = ? ORDER BY version DESC")) {
            s.setString(1, tenant);
            return rows(s);
        }
    }

    /**
     * Inserts a version; empty when that version exists already (a concurrent writer took it), in which case
     * nothing was written and the transaction is still usable.
     */
    public Optional<DocumentVersion> insert(Connection c, String tenant, int version, String document, String changedBy,
            List<String> changedFields) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (tenant_id, version, "
                + documentColumn + ", changed_by, changed_fields) VALUES (?, ?, ?::jsonb, ?, ?)"
                + " ON CONFLICT (tenant_id, version) DO NOTHING RETURNING changed_at")) {
            s.setString(1, tenant);
            s.setInt(2, version);
            s.setString(3, document);
            s.setString(4, changedBy);
            s.setArray(5, c.createArrayOf("text", changedFields.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Instant changedAt = rs.getTimestamp(1).toInstant();
                return Optional.of(new DocumentVersion(version, changedAt, changedBy, List.copyOf(changedFields), document));
            }
        }
    }

    private static Optional<DocumentVersion> one(Connection c, String sql, String tenant, Integer version)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant);
            if (version != null) {
                s.setInt(2, version);
            }
            return rows(s).stream().findFirst();
        }
    }

    private static List<DocumentVersion> rows(PreparedStatement s) throws SQLException {
        List<DocumentVersion> versions = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Array fields = rs.getArray(4);
                versions.add(new DocumentVersion(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        List.of((String[]) fields.getArray()), rs.getString(5)));
            }
        }
        return versions;
    }
}
