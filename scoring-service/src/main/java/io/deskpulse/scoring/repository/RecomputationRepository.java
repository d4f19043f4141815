package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.Recomputation;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code recomputations}: what was asked, and how far it got. */
@ApplicationScoped
public class RecomputationRepository {

    private static final String COLUMNS = "id, tenant_id, reason, settings_version, generation, status, timelines_total, "
            + "timelines_done, requested_by, requested_at, finished_at, error";

    public void insert(Connection c, Recomputation r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO recomputations (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, r.id());
            s.setString(2, r.tenantId());
            s.setString(3, r.reason());
            s.setInt(4, r.settingsVersion());
            s.setInt(5, r.generation());
            s.setString(6, r.status());
            s.setLong(7, r.timelinesTotal());
            s.setLong(8, r.timelinesDone());
            s.setString(9, r.requestedBy());
            s.setTimestamp(10, Timestamp.from(r.requestedAt()));
            s.setTimestamp(11, r.finishedAt() == null ? null : Timestamp.from(r.finishedAt()));
            s.setString(12, r.error());
            s.executeUpdate();
        }
    }

    public Optional<Recomputation> find(Connection c, String tenant, UUID id) throws SQLException {
        List<Recomputation> found = query(c, "SELECT " + COLUMNS + " FROM recomputations WHERE tenant_id = ? AND id = ?",
                tenant, id);
        return found.stream().findFirst();
    }

    public List<Recomputation> list(Connection c, String tenant, int limit) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM recomputations WHERE tenant_id = ? ORDER BY requested_at DESC LIMIT ?",
                tenant, limit);
    }

    public Optional<Recomputation> running(Connection c, String tenant) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM recomputations WHERE tenant_id = ? AND status = 'running'", tenant)
                .stream().findFirst();
    }

    /** Serialises the tenant's recomputation requests until the transaction ends (one running per tenant). */
    public void lockRequests(Connection c, String tenant) throws SQLException {
        TenantLocks.lock(c, TenantLocks.RECOMPUTATION_REQUESTS, tenant);
    }

    /** Locks the tenant's running recomputation, if any. */
    public void lockRunning(Connection c, String tenant) throws SQLException {
        query(c, "SELECT " + COLUMNS + " FROM recomputations WHERE tenant_id = ? AND status = 'running' FOR UPDATE", tenant);
    }

    /** The oldest running recomputation no other worker holds, locked. */
    public Optional<Recomputation> claimRunning(Connection c) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM recomputations WHERE status = 'running' "
                + "ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED").stream().findFirst();
    }

    /** How many timelines (tickets' and agent days') a recomputation of the tenant goes through. */
    public long timelines(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT (SELECT count(*) FROM ticket_timelines WHERE tenant_id = ?)"
                + " + (SELECT count(*) FROM agent_timelines WHERE tenant_id = ?)")) {
            s.setString(1, tenant);
            s.setString(2, tenant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void finish(Connection c, UUID id, String status, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE recomputations SET status = ?, error = ?, finished_at = now() WHERE id = ?")) {
            s.setString(1, status);
            s.setString(2, error);
            s.setObject(3, id);
            s.executeUpdate();
        }
    }

    public void progress(Connection c, UUID id, long done) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE recomputations SET timelines_done = ? WHERE id = ?")) {
            s.setLong(1, done);
            s.setObject(2, id);
            s.executeUpdate();
        }
    }

    private static List<Recomputation> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Recomputation> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp finished = rs.getTimestamp(11);
                    rows.add(new Recomputation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getInt(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getString(9),
                            rs.getTimestamp(10).toInstant(), finished == null ? null : finished.toInstant(),
                            rs.getString(12)));
                }
            }
            return rows;
        }
    }
}
