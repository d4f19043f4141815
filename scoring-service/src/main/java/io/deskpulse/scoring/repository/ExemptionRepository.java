package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.Exemption;
import io.deskpulse.storage.StoredJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code exemptions}: a tenant's exemption periods. Writers of one tenant serialise on an advisory lock. */
@ApplicationScoped
public class ExemptionRepository {

    private static final String COLUMNS = "id, version, teams, from_date, to_date, reason, relaxed_targets::text, left_out,"
            + " created_at, created_by, updated_at, updated_by";

    /** Serialises exemption changes of one tenant until the transaction ends (so overlaps are checked against all). */
    public void lockTenant(Connection c, String tenant) throws SQLException {
        TenantLocks.lock(c, TenantLocks.EXEMPTIONS, tenant);
    }

    /** The tenant's exemptions in order of their first day (then id). */
    public List<Exemption> list(Connection c, String tenant) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM exemptions WHERE tenant_id = ? ORDER BY from_date, id", tenant);
    }

    /** The tenant's exemptions that share a day with {@code from..to}. */
    public List<Exemption> overlapping(Connection c, String tenant, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM exemptions WHERE tenant_id = ?"
                + " AND from_date <= ? AND to_date >= ? ORDER BY from_date, id")) {
            s.setString(1, tenant);
            s.setObject(2, to);
            s.setObject(3, from);
            return rows(s);
        }
    }

    public Optional<Exemption> find(Connection c, String tenant, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM exemptions WHERE tenant_id = ? AND id = ?")) {
            s.setString(1, tenant);
            s.setLong(2, id);
            return rows(s).stream().findFirst();
        }
    }

    public Exemption insert(Connection c, String tenant, Exemption.Draft draft, String actor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO exemptions (tenant_id, teams, from_date, to_date, reason,"
                + " relaxed_targets, left_out, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)"
                + " RETURNING " + COLUMNS)) {
            s.setString(1, tenant);
            bind(c, s, 2, draft);
            s.setString(8, actor);
            s.setString(9, actor);
            return rows(s).get(0);
        }
    }

    /** Replaces the exemption's content and counts a version up. */
    public Exemption update(Connection c, String tenant, long id, Exemption.Draft draft, String actor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE exemptions SET teams = ?, from_date = ?, to_date = ?,"
                + " reason = ?, relaxed_targets = ?::jsonb, left_out = ?, version = version + 1, updated_at = now(),"
                + " updated_by = ? WHERE tenant_id = ? AND id = ? RETURNING " + COLUMNS)) {
            bind(c, s, 1, draft);
            s.setString(7, actor);
            s.setString(8, tenant);
            s.setLong(9, id);
            return rows(s).get(0);
        }
    }

    public void delete(Connection c, String tenant, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM exemptions WHERE tenant_id = ? AND id = ?")) {
            s.setString(1, tenant);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement s, int first, Exemption.Draft draft) throws SQLException {
        s.setArray(first, draft.teams() == null ? null : c.createArrayOf("text", draft.teams().toArray()));
        s.setObject(first + 1, draft.from());
        s.setObject(first + 2, draft.to());
        s.setString(first + 3, draft.reason());
        s.setString(first + 4, StoredJson.write(draft.relaxedTargets()));
        s.setArray(first + 5, c.createArrayOf("text", draft.leftOut().toArray()));
    }

    private static List<Exemption> query(Connection c, String sql, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant);
            return rows(s);
        }
    }

    private static List<Exemption> rows(PreparedStatement s) throws SQLException {
        List<Exemption> exemptions = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Array teams = rs.getArray(3);
                exemptions.add(new Exemption(rs.getLong(1), rs.getInt(2),
                        teams == null ? null : List.of((String[]) teams.getArray()),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6),
                        StoredJson.relaxedTargets(rs.getString(7)), List.of((String[]) rs.getArray(8).getArray()),
                        rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getTimestamp(11).toInstant(),
                        rs.getString(12)));
            }
        }
        return exemptions;
    }
}
