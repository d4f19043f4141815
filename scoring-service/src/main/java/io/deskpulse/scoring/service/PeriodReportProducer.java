package io.deskpulse.scoring.service;

import io.deskpulse.scoring.config.PeriodReportConfig;
import io.deskpulse.scoring.domain.Exemption;
import io.deskpulse.scoring.domain.ReportPeriod;
import io.deskpulse.scoring.repository.ExemptionRepository;
import io.deskpulse.scoring.repository.PeriodReportRepository;
import io.deskpulse.scoring.repository.PeriodReportRepository.ModelsInForce;
import io.deskpulse.scoring.repository.PeriodReportRepository.Tenant;
import io.deskpulse.scoring.repository.Transactions;
import io.deskpulse.storage.StoredJson;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Makes the period reports (docs/scorecards.md#period-reports): when a day, ISO week or month has closed in a
 * tenant's time zone (and the grace time for stragglers has passed), keeps each team's and each agent's sums of it,
 * with the scoring models version, its streak threshold and the exemptions in force, so that the report shows the same numbers whenever it is
 * opened. One transaction per report; the unique period makes it exactly once across replicas and restarts, and its
 * webhook deliveries (docs/report-webhooks.md) are written in that transaction, so they are exactly once too.
 */
@ApplicationScoped
public class PeriodReportProducer {

    private static final Logger LOG = Logger.getLogger(PeriodReportProducer.class);

    private final DataSource dataSource;
    private final PeriodReportRepository reports;
    private final ExemptionRepository exemptions;
    private final PeriodReportConfig config;
    private final Clock clock;
    private final ReportWebhooks webhooks;

    public PeriodReportProducer(DataSource dataSource, PeriodReportRepository reports, ExemptionRepository exemptions,
            PeriodReportConfig config, Clock clock, ReportWebhooks webhooks) {
        this.webhooks = webhooks;
        this.dataSource = dataSource;
        this.reports = reports;
        this.exemptions = exemptions;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${deskpulse.reports.interval:5m}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            produce();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Making period reports failed, will retry: %s", e.getMessage());
        }
    }

    /** Makes every missing report of a closed period; returns how many this call made. */
    public int produce() throws SQLException {
        Instant now = clock.instant();
        int made = 0;
        for (Tenant tenant : Transactions.run(dataSource, true, reports::tenants)) {
            made += produce(tenant, now);
        }
        return made;
    }

    private int produce(Tenant tenant, Instant now) throws SQLException {
        ZoneId zone;
        try {
            zone = ZoneId.of(tenant.timeZone());
        } catch (DateTimeException e) {
            LOG.warnf("Tenant %s: time zone %s unknown to this JVM, no period reports", tenant.id(), tenant.timeZone());
            return 0;
        }
        Optional<LocalDate> firstDay = Transactions.run(dataSource, true, c -> reports.firstDay(c, tenant));
        if (firstDay.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(now.minus(config.grace()), zone);
        int made = 0;
        for (ReportPeriod.Length length : ReportPeriod.Length.values()) {
            List<ReportPeriod> closed = ReportPeriod.closed(length, today, config.backfill(), firstDay.get());
            if (closed.isEmpty()) {
                continue;
            }
            Set<LocalDate> existing = Transactions.run(dataSource, true,
                    c -> reports.existing(c, tenant.id(), length, closed.get(0).start()));
            for (ReportPeriod period : closed) {
                if (!existing.contains(period.start()) && make(tenant, zone, period)) {
                    made++;
                }
            }
        }
        return made;
    }

    private boolean make(Tenant tenant, ZoneId zone, ReportPeriod period) throws SQLException {
        return Transactions.retryingDeadlocks(dataSource, c -> {
            List<Exemption> inForce = exemptions.overlapping(c, tenant.id(), period.start(), period.end());
            // kept as the API answered them then: a later change or removal does not rewrite a closed period; nor does
            // a later streak threshold re-mark it (docs/scorecards.md#streaks)
            ModelsInForce models = reports.modelsInForce(c, tenant.id());
            int modelVersion = models.version();
            Optional<Long> id = reports.insertHeader(c, tenant, period, tenant.timeZone(), models,
                    StoredJson.write(inForce.stream().map(ExemptionService::document).toList()));
            if (id.isEmpty()) {
                return false;
            }
            int rows = reports.insertRows(c, id.get(), tenant, period, zone, inForce);
            int agentRows = reports.insertAgentRows(c, id.get(), tenant, period, zone, inForce);
            // in this transaction: the report is posted once, and only if it is kept (docs/report-webhooks.md)
            int posted = webhooks.enqueue(c, tenant.id(), id.get(), period, tenant.timeZone(), modelVersion,
                    reports.summary(c, id.get()));
            LOG.infof("Period report %d: tenant %s, %s %s..%s, %d rows, %d agent rows, %d webhooks", id.get(), tenant.id(),
                    period.length().label(), period.start(), period.end(), rows, agentRows, posted);
            return true;
        });
    }
}
