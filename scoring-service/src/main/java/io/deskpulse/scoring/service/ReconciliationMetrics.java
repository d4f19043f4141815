package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.Reconciliation;
import io.deskpulse.scoring.repository.ReconciliationRepository.LatestDone;
import io.deskpulse.scoring.repository.ReconciliationRepository;
import io.deskpulse.scoring.repository.Transactions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * What reconciliations found, for Prometheus: per tenant, the differences its latest finished run found
 * ({@code deskpulse_reconciliation_differences}) and when that run finished
 * ({@code deskpulse_reconciliation_last_run_timestamp_seconds}), read from the database so that every replica shows
 * the same values whichever ran it; and the runs this instance finished, by outcome
 * ({@code deskpulse_reconciliation_runs_total}).
 */
@ApplicationScoped
public class ReconciliationMetrics {

    private static final Logger LOG = Logger.getLogger(ReconciliationMetrics.class);

    private final MeterRegistry registry;
    private final DataSource dataSource;
    private final ReconciliationRepository reconciliations;
    private final Map<String, TenantValues> tenants = new ConcurrentHashMap<>();

    public ReconciliationMetrics(MeterRegistry registry, DataSource dataSource, ReconciliationRepository reconciliations) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.reconciliations = reconciliations;
    }

    private static final class TenantValues {
        final AtomicLong differences = new AtomicLong();
        final AtomicLong finishedEpochSeconds = new AtomicLong();
    }

    @Scheduled(every = "60s", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Reading the latest reconciliations failed, will retry: %s", e.getMessage());
        }
    }

    /** Reads every tenant's latest finished reconciliation (runs other instances finished included). */
    public void refresh() throws SQLException {
        for (LatestDone latest : Transactions.run(dataSource, true, reconciliations::latestDone)) {
            set(latest.tenantId(), latest.differenceCount(), latest.finishedAt());
        }
    }

    void done(Reconciliation run) {
        set(run.tenantId(), run.differenceCount(), run.finishedAt());
        registry.counter("deskpulse.reconciliation.runs", "outcome", "done").increment();
    }

    void failed() {
        registry.counter("deskpulse.reconciliation.runs", "outcome", "failed").increment();
    }

    private void set(String tenant, long differences, Instant finishedAt) {
        TenantValues values = tenants.computeIfAbsent(tenant, t -> {
            TenantValues created = new TenantValues();
            Gauge.builder("deskpulse.reconciliation.differences", created.differences, AtomicLong::doubleValue)
                    .description("Differences between stored aggregates and their timelines that the tenant's latest "
                            + "finished reconciliation found (repaired or not)")
                    .tag("tenant", t).register(registry);
            Gauge.builder("deskpulse.reconciliation.last.run.timestamp.seconds", created.finishedEpochSeconds,
                            AtomicLong::doubleValue)
                    .description("When the tenant's latest finished reconciliation finished (Unix time)")
                    .tag("tenant", t).register(registry);
            return created;
        });
        // A run another instance finished later may already be there: keep the latest.
        long seconds = finishedAt.getEpochSecond();
        synchronized (values) {
            if (seconds >= values.finishedEpochSeconds.get()) {
                values.differences.set(differences);
                values.finishedEpochSeconds.set(seconds);
            }
        }
    }
}
