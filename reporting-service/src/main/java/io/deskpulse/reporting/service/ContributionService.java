package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.contribution.ContributionCursors;
import io.deskpulse.reporting.domain.contribution.ContributionPage;
import io.deskpulse.reporting.domain.contribution.ContributionQuery;
import io.deskpulse.reporting.domain.contribution.ContributionRow;
import io.deskpulse.reporting.repository.ContributionReadRepository;
import io.deskpulse.reporting.repository.ReportSnapshots;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;

/** One page of a cell's contributions, read in one snapshot with the tenant's generation (docs/reporting-api.md). */
@ApplicationScoped
public class ContributionService {

    private final ReportSnapshots snapshots;
    private final ContributionReadRepository repository;
    private final Timer queryTimer;

    public ContributionService(ReportSnapshots snapshots, ContributionReadRepository repository, MeterRegistry registry) {
        this.snapshots = snapshots;
        this.repository = repository;
        this.queryTimer = QueryTimer.of(registry, "contributions");
    }

    public ContributionPage page(String tenant, Function<TenantReporting, ContributionQuery> request) {
        return snapshots.read(tenant, snapshot -> {
            ContributionQuery query = request.apply(snapshot.tenant());
            return queryTimer.record(() -> {
                List<ContributionRow> rows = repository.page(snapshot, query, query.limit() + 1);
                if (rows.size() <= query.limit()) {
                    return new ContributionPage(query, rows, null);
                }
                rows = rows.subList(0, query.limit());
                return new ContributionPage(query, rows,
                        ContributionCursors.of(query, rows.get(rows.size() - 1).key()));
            });
        });
    }
}
