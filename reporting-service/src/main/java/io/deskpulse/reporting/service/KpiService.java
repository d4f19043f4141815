package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.KpiReport;
import io.deskpulse.reporting.domain.kpi.KpiRow;
import io.deskpulse.reporting.repository.KpiRepository;
import io.deskpulse.reporting.repository.ReportSnapshot;
import io.deskpulse.reporting.repository.ReportSnapshots;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds one page of a KPI report: the page's groups first (keyset paging after aggregation, one
 * row more than asked to know whether another page follows), then the merged histograms of just
 * those groups when a percentile is asked for, then the metric values. All of it is read in one
 * {@link ReportSnapshot}, whose first read, the tenant's state, the request needs to be parsed (the
 * default time zone is the tenant's).
 */
@ApplicationScoped
public class KpiService {

    private final ReportSnapshots snapshots;
    private final KpiRepository repository;
    private final Timer queryTimer;

    public KpiService(ReportSnapshots snapshots, KpiRepository repository, MeterRegistry registry) {
        this.snapshots = snapshots;
        this.repository = repository;
        this.queryTimer = QueryTimer.of(registry, "kpis");
    }

    /** A page of the tenant's report: {@code request} makes the query from the tenant's state, in the same snapshot. */
    public KpiReport report(String tenant, Function<TenantReporting, KpiQuery> request) {
        return snapshots.read(tenant, snapshot -> report(snapshot, request.apply(snapshot.tenant())));
    }

    KpiReport report(ReportSnapshot snapshot, KpiQuery query) {
        Timer.Sample sample = Timer.start();
        List<GroupTotals> page;
        boolean more;
        try {
            List<GroupTotals> groups = repository.groups(snapshot, query, query.limit() + 1);
            more = groups.size() > query.limit();
            page = repository.withHistograms(snapshot, query, more ? groups.subList(0, query.limit()) : groups);
        } finally {
            sample.stop(queryTimer);
        }
        List<KpiRow> rows = new ArrayList<>(page.size());
        for (GroupTotals group : page) {
            List<Object> values = new ArrayList<>(query.metrics().size());
            query.metrics().forEach(metric -> values.add(metric.valueOf(group)));
            String member = group.key().member();
            rows.add(new KpiRow(group.key().period(), member.isEmpty() ? null : member, values));
        }
        String next = more ? page.get(page.size() - 1).key().cursor(query.fingerprint()) : null;
        return new KpiReport(query, rows, next);
    }
}
