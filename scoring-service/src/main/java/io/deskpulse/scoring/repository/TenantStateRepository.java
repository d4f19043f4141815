package io.deskpulse.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code tenant_state}: which generation of a tenant's aggregates is read, which is being built, with
 * which settings, and how far the build got. Tenants without a row are generation 0 with settings
 * version 0 (the defaults).
 */
@ApplicationScoped
public class TenantStateRepository {

    /**
     * Reads the states of these tenants, sharing a lock on their rows until the transaction ends: a
     * recomputation step (which takes the row exclusively) then waits for the batch, or the batch for it.
     */
    public Map<String, TenantState> readShared(Connection c, List<String> sortedTenants) throws SQLException {
        return read(c, sortedTenants, "FOR SHARE");
    }

    /**
     * Makes sure these tenants have a row (so that a batch's shared lock and a recomputation's exclusive
     * one always meet on a row, even for a tenant's first events); returns the tenants as given.
     */
    public List<String> ensure(Connection c, List<String> sortedTenants) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO tenant_state (tenant_id) SELECT unnest(?::text[]) ON CONFLICT DO NOTHING")) {
            s.setArray(1, c.createArrayOf("text", sortedTenants.toArray()));
            s.executeUpdate();
        }
        return sortedTenants;
    }

    /** Reads one tenant's state, creating its row if needed, locked until the transaction ends. */
    public TenantState lockExclusive(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO tenant_state (tenant_id) VALUES (?) ON CONFLICT DO NOTHING")) {
            s.setString(1, tenant);
            s.executeUpdate();
        }
        return read(c, List.of(tenant), "FOR UPDATE").get(tenant);
    }

    /** Reads one tenant's state without locking it (in a read-only snapshot, for a reconciliation). */
    public TenantState current(Connection c, String tenant) throws SQLException {
        return read(c, List.of(tenant), "").get(tenant);
    }

    public void save(Connection c, TenantState state) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE tenant_state SET active_generation = ?, active_settings_version = ?, building_generation = ?,
                    building_settings_version = ?, recomputation_id = ?, cursor_kind = ?, cursor_subject = ?, cursor_day = ?
                WHERE tenant_id = ?""")) {
            s.setInt(1, state.activeGeneration());
            s.setInt(2, state.activeSettingsVersion());
            s.setObject(3, state.buildingGeneration());
            s.setObject(4, state.buildingSettingsVersion());
            s.setObject(5, state.recomputationId());
            s.setObject(6, state.cursor() == null ? null : (short) state.cursor().kind());
            s.setString(7, state.cursor() == null ? null : state.cursor().subject());
            s.setObject(8, state.cursor() == null ? null : state.cursor().day());
            s.setString(9, state.tenantId());
            s.executeUpdate();
        }
    }

    /** The highest generation the tenant has ever used, retired ones included. */
    public int highestGeneration(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT greatest(
                    (SELECT coalesce(max(greatest(active_generation, coalesce(building_generation, 0))), 0)
                       FROM tenant_state WHERE tenant_id = ?),
                    (SELECT coalesce(max(generation), 0) FROM retired_generations WHERE tenant_id = ?))""")) {
            s.setString(1, tenant);
            s.setString(2, tenant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public void retire(Connection c, String tenant, int generation) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO retired_generations (tenant_id, generation) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            s.setString(1, tenant);
            s.setInt(2, generation);
            s.executeUpdate();
        }
    }

    private static Map<String, TenantState> read(Connection c, List<String> tenants, String lock) throws SQLException {
        Map<String, TenantState> states = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT tenant_id, active_generation, active_settings_version, building_generation,
                       building_settings_version, recomputation_id, cursor_kind, cursor_subject, cursor_day
                FROM tenant_state WHERE tenant_id = ANY(?) ORDER BY tenant_id\s""" + lock)) {
            s.setArray(1, c.createArrayOf("text", tenants.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Short kind = (Short) rs.getObject(7, Short.class);
                    TenantState.Cursor cursor = kind == null ? null
                            : new TenantState.Cursor(kind, rs.getString(8), rs.getObject(9, LocalDate.class));
                    states.put(rs.getString(1), new TenantState(rs.getString(1), rs.getInt(2), rs.getInt(3),
                            (Integer) rs.getObject(4), (Integer) rs.getObject(5), rs.getObject(6, UUID.class), cursor));
                }
            }
        }
        for (String tenant : tenants) {
            states.putIfAbsent(tenant, TenantState.initial(tenant));
        }
        return states;
    }
}
