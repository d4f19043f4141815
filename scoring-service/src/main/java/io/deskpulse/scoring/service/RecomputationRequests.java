package io.deskpulse.scoring.service;

import io.deskpulse.scoring.repository.RecomputationRepository;
import io.deskpulse.scoring.repository.TenantState;
import io.deskpulse.scoring.repository.TenantStateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Starts a recomputation of a tenant, inside the caller's transaction (so a settings change and the
 * recomputation it needs commit together). A recomputation already running for the tenant is
 * superseded: its half-built generation is retired and the new one starts from the beginning. The
 * work itself is done by the recomputation worker, a chunk of timelines per transaction.
 */
@ApplicationScoped
public class RecomputationRequests {

    private final TenantStateRepository states;
    private final RecomputationRepository recomputations;

    public RecomputationRequests(TenantStateRepository states, RecomputationRepository recomputations) {
        this.states = states;
        this.recomputations = recomputations;
    }

    public Recomputation request(Connection c, String tenant, int settingsVersion, String reason, String requestedBy)
            throws SQLException {
        // The worker locks a recomputation, then the tenant's state: take them in the same order.
        lockRunning(c, tenant);
        TenantState state = states.lockExclusive(c, tenant);
        if (state.isBuilding()) {
            recomputations.finish(c, state.recomputationId(), Recomputation.SUPERSEDED, null);
            states.retire(c, tenant, state.buildingGeneration());
        }
        int generation = states.highestGeneration(c, tenant) + 1;
        Recomputation recomputation = new Recomputation(UUID.randomUUID(), tenant, reason, settingsVersion, generation,
                Recomputation.RUNNING, timelines(c, tenant), 0, requestedBy, Instant.now(), null, null);
        recomputations.insert(c, recomputation);
        states.save(c, new TenantState(tenant, state.activeGeneration(), state.activeSettingsVersion(), generation,
                settingsVersion, recomputation.id(), null));
        return recomputation;
    }

    private static void lockRunning(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM recomputations WHERE tenant_id = ? AND status = 'running' FOR UPDATE")) {
            s.setString(1, tenant);
            s.executeQuery().close();
        }
    }

    private static long timelines(Connection c, String tenant) throws SQLException {
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
}
