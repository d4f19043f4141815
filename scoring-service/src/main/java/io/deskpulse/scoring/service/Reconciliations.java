package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.Reconciliation;
import io.deskpulse.scoring.repository.ReconciliationRepository;
import io.deskpulse.scoring.repository.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The admin side of reconciliations (docs/reconciliation.md): ask for one, follow it. The work is done by
 * {@link ReconciliationWorker} on any instance; a tenant has at most one queued or running.
 */
@ApplicationScoped
public class Reconciliations {

    /** The newest reconciliations a list shows. */
    static final int LISTED = 50;

    private final DataSource dataSource;
    private final ReconciliationRepository reconciliations;
    private final Clock clock;

    public Reconciliations(DataSource dataSource, ReconciliationRepository reconciliations, Clock clock) {
        this.dataSource = dataSource;
        this.reconciliations = reconciliations;
        this.clock = clock;
    }

    /**
     * Queues a reconciliation of [from, to); the caller has checked the range.
     *
     * @throws ReconciliationRunningException when the tenant has one queued or running
     */
    public Reconciliation request(String tenant, Instant from, Instant to, boolean repair, String requestedBy)
            throws SQLException {
        Reconciliation requested = Reconciliation.requested(tenant, from, to, repair, requestedBy, clock.instant());
        return Transactions.retryingDeadlocks(dataSource, c -> {
            if (!reconciliations.insert(c, requested)) {
                UUID running = reconciliations.running(c, tenant).map(Reconciliation::id)
                        // finished between the insert and this read: ask again
                        .orElseThrow(() -> new SQLException("reconciliation finished meanwhile", "40001"));
                throw new ReconciliationRunningException(running);
            }
            return requested;
        });
    }

    public Optional<Reconciliation> find(String tenant, UUID id) throws SQLException {
        return Transactions.run(dataSource, true, c -> reconciliations.find(c, tenant, id));
    }

    /** The tenant's newest reconciliations, newest first. */
    public List<Reconciliation> list(String tenant) throws SQLException {
        return Transactions.run(dataSource, true, c -> reconciliations.list(c, tenant, LISTED));
    }
}
