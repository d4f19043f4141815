package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.KpiReport;
import io.deskpulse.reporting.domain.kpi.KpiRow;
import io.deskpulse.reporting.repository.KpiRepository;
import io.deskpulse.reporting.repository.ReportSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one page of a KPI report: the page's groups first (keyset paging after aggregation, one
 * row more than asked to know whether another page follows), then the merged histograms of just
 * those groups when a percentile is asked for, then the metric values. All of it is read in one
 * {@link ReportSnapshot}, opened before the request is parsed (the default time zone is the
 * tenant's) and closed by the caller.
 */
@ApplicationScoped
public class KpiService {

    private final KpiRepository repository;
    private final Timer queryTimer;

    public KpiService(KpiRepository repository, MeterRegistry registry) {
        this.repository = repository;
        this.queryTimer = Timer.builder("deskpulse.reporting.query").publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(1)).maximumExpectedValue(java.time.Duration.ofSeconds(30))
                .description("Time spent in the database queries of a report")
                .tag("endpoint", "kpis")
                .register(registry);
    }

    /** The snapshot a report of this tenant is read in: its active generation and default time zone, then the queries. */
    public ReportSnapshot open(String tenant) {
        return repository.open(tenant);
    }

    public KpiReport report(ReportSnapshot snapshot, KpiQuery query) {
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
        String next = more ? Cursors.encode(query.fingerprint(), page.get(page.size() - 1).key()) : null;
        return new KpiReport(query, rows, next);
    }
}
