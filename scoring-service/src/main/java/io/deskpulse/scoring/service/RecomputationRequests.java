package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.Recomputation;
import io.deskpulse.scoring.repository.RecomputationRepository;
import io.deskpulse.scoring.repository.TenantState;
import io.deskpulse.scoring.repository.TenantStateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
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
        recomputations.lockRunning(c, tenant);
        TenantState state = states.lockExclusive(c, tenant);
        if (state.isBuilding()) {
            recomputations.finish(c, state.recomputationId(), Recomputation.SUPERSEDED, null);
            states.retire(c, tenant, state.buildingGeneration());
        }
        int generation = states.highestGeneration(c, tenant) + 1;
        Recomputation recomputation = new Recomputation(UUID.randomUUID(), tenant, reason, settingsVersion, generation,
                Recomputation.RUNNING, recomputations.timelines(c, tenant), 0, requestedBy, Instant.now(), null, null);
        recomputations.insert(c, recomputation);
        states.save(c, new TenantState(tenant, state.activeGeneration(), state.activeSettingsVersion(), generation,
                settingsVersion, recomputation.id(), null));
        return recomputation;
    }
}
