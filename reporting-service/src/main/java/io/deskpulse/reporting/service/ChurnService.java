package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.risk.AtRiskBacktest;
import io.deskpulse.reporting.domain.risk.BacktestQuery;
import io.deskpulse.reporting.domain.risk.ChurnPeriod;
import io.deskpulse.reporting.domain.risk.ChurnQuery;
import io.deskpulse.reporting.repository.CustomerChurnRepository;
import io.deskpulse.reporting.repository.ReportSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;

/**
 * Measured churn: the churn KPIs per period, and the back-test of the at-risk score against the churns that
 * happened (each read in one snapshot; the back-test's figures computed by {@link AtRiskBacktest}).
 */
@ApplicationScoped
public class ChurnService {

    private final ReportSnapshots snapshots;
    private final CustomerChurnRepository repository;

    public ChurnService(ReportSnapshots snapshots, CustomerChurnRepository repository) {
        this.snapshots = snapshots;
        this.repository = repository;
    }

    /** A page of periods; {@code nextCursor} null on the last. */
    public record Periods(ChurnQuery query, List<ChurnPeriod> periods, String nextCursor) {
    }

    /** A page of thresholds; {@code nextCursor} null on the last. */
    public record Backtest(BacktestQuery query, List<AtRiskBacktest.Result> results, String nextCursor) {
    }

    public Periods periods(String tenant, Function<TenantReporting, ChurnQuery> request) {
        return snapshots.read(tenant, snapshot -> {
            ChurnQuery query = request.apply(snapshot.tenant());
            // at most 366 periods: paged here, after one read
            List<ChurnPeriod> after = repository.periods(snapshot, query).stream()
                    .filter(p -> query.after() == null || p.period().isAfter(query.after())).toList();
            List<ChurnPeriod> page = after.subList(0, Math.min(after.size(), query.limit()));
            String next = after.size() > page.size() ? Cursors.encode(query.fingerprint(),
                    List.of(page.get(page.size() - 1).period().toString())) : null;
            return new Periods(query, page, next);
        });
    }

    public Backtest backtest(String tenant, Function<TenantReporting, BacktestQuery> request) {
        return snapshots.read(tenant, snapshot -> {
            BacktestQuery q = request.apply(snapshot.tenant());
            List<Integer> page = q.pageThresholds();
            String next = q.morePages() ? Cursors.encode(q.fingerprint(), List.of(Integer.toString(page.get(page.size() - 1))))
                    : null;
            return new Backtest(q, AtRiskBacktest.run(q, page,
                    repository.tickets(snapshot, tenant, q.dataStart(), q.dataEnd()),
                    repository.npsAnswers(snapshot, tenant, q.dataStart(), q.dataEnd()),
                    repository.churns(snapshot, tenant, q.churnStart(), q.churnEnd())), next);
        });
    }
}
