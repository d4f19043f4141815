package io.deskpulse.scoring.service;

import io.deskpulse.scoring.config.ReconciliationConfig;
import io.deskpulse.scoring.domain.Reconciliation;
import io.deskpulse.scoring.repository.ReconciliationRepository;
import io.deskpulse.scoring.repository.Transactions;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Queues the scheduled reconciliations: every {@code deskpulse.reconciliation.interval}, one per tenant with
 * aggregates in the window, over the last {@code window} up to the hours that closed {@code settle} ago. Every
 * instance runs the schedule; a tenant whose reconciliation the schedule asked for less than 90 % of an interval ago
 * (on any instance) is left alone, so replicas do not multiply the runs.
 */
@ApplicationScoped
public class ReconciliationScheduler {

    private static final Logger LOG = Logger.getLogger(ReconciliationScheduler.class);

    private final DataSource dataSource;
    private final ReconciliationRepository reconciliations;
    private final ReconciliationConfig config;
    private final Clock clock;

    public ReconciliationScheduler(DataSource dataSource, ReconciliationRepository reconciliations,
            ReconciliationConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.reconciliations = reconciliations;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${deskpulse.reconciliation.interval:6h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int queued = schedule();
            if (queued > 0) {
                LOG.infof("Queued %d scheduled reconciliations", queued);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Queuing scheduled reconciliations failed, will retry at the next interval: %s", e.getMessage());
        }
    }

    /** Queues the window's reconciliation of every tenant with aggregates in it; returns how many were queued. */
    public int schedule() throws SQLException {
        Instant now = clock.instant();
        Instant to = now.minus(config.settle()).truncatedTo(ChronoUnit.HOURS);
        Instant from = to.minus(config.window());
        Instant since = now.minus(interval().multipliedBy(9).dividedBy(10));
        List<String> tenants = Transactions.run(dataSource, true, c -> reconciliations.activeTenants(c, from));
        int queued = 0;
        for (String tenant : tenants) {
            Reconciliation run = Reconciliation.requested(tenant, from, to, config.repair(), Reconciliation.SCHEDULE, now);
            if (Transactions.run(dataSource, false, c -> reconciliations.insertScheduled(c, run, since))) {
                queued++;
            }
        }
        return queued;
    }

    private Duration interval() {
        String interval = config.interval().trim();
        // "off": the schedule never fires; a call by hand is not held back by earlier runs
        return interval.equalsIgnoreCase("off") || interval.equalsIgnoreCase("disabled") ? Duration.ZERO
                : DurationConverter.parseDuration(interval);
    }
}
