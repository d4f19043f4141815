package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.report.PeriodReport;
import io.deskpulse.reporting.domain.report.PeriodReportDetail;
import io.deskpulse.reporting.domain.report.PeriodReportPage;
import io.deskpulse.reporting.domain.report.PeriodReportQuery;
import io.deskpulse.reporting.domain.report.PeriodReportTeam;
import io.deskpulse.reporting.domain.report.PeriodReportTeamsQuery;
import io.deskpulse.reporting.domain.report.Streaks.Streak;
import io.deskpulse.reporting.domain.report.UnknownReportException;
import io.deskpulse.reporting.domain.scorecard.Exemption;
import io.deskpulse.reporting.domain.scorecard.Scorecard;
import io.deskpulse.reporting.domain.scorecard.ScorecardPage;
import io.deskpulse.reporting.domain.scorecard.ScorecardParts;
import io.deskpulse.reporting.domain.scorecard.ScorecardRow;
import io.deskpulse.reporting.domain.scorecard.ScoringModels;
import io.deskpulse.reporting.repository.PeriodReportReadRepository.Part;
import io.deskpulse.reporting.repository.PeriodReportReadRepository;
import io.deskpulse.reporting.repository.ReportSnapshot;
import io.deskpulse.reporting.repository.ReportSnapshots;
import io.deskpulse.reporting.repository.ScorecardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Period reports as kept by scoring-service: the list, and one report's teams (or agents) with their KPIs, scorecards
 * and streaks.
 * Everything is computed from the kept sums, the kept models version and the kept exemptions, so a report reads
 * the same whenever it is opened, whatever arrived or changed since.
 */
@ApplicationScoped
public class PeriodReportService {

    private final ReportSnapshots snapshots;
    private final PeriodReportReadRepository repository;
    private final ScorecardRepository scorecards;
    private final ReportStreaks streaks;

    public PeriodReportService(ReportSnapshots snapshots, PeriodReportReadRepository repository,
            ScorecardRepository scorecards, ReportStreaks streaks) {
        this.snapshots = snapshots;
        this.repository = repository;
        this.scorecards = scorecards;
        this.streaks = streaks;
    }

    public PeriodReportPage list(PeriodReportQuery query) {
        List<PeriodReport> reports = snapshots.read(query.tenant(), snapshot -> repository.list(snapshot, query,
                query.limit() + 1));
        if (reports.size() <= query.limit()) {
            return new PeriodReportPage(reports, null);
        }
        List<PeriodReport> page = reports.subList(0, query.limit());
        PeriodReport last = page.get(page.size() - 1);
        return new PeriodReportPage(page, Cursors.encode(query.fingerprint(), List.of(last.periodStart().toString(),
                String.valueOf(last.id()))));
    }

    /** A page of the report's teams or agents, with their streaks; a 404 when the tenant does not have the report. */
    public PeriodReportDetail detail(PeriodReportTeamsQuery query) {
        return snapshots.read(query.tenant(), snapshot -> detail(snapshot, query));
    }

    /**
     * The scorecards of a page of the report's teams (or agents) in the shape of {@code GET /v1/scorecards}: the
     * report's period and zone.
     */
    public ScorecardPage scorecards(PeriodReportTeamsQuery query) {
        PeriodReportDetail detail = detail(query);
        PeriodReport r = detail.report();
        KpiQuery kpis = new KpiQuery(query.tenant(), r.generation(), query.dimension(), List.of(), null, null,
                r.periodStart(), r.periodEnd(), Granularity.parse(r.granularity()).orElseThrow(), ZoneId.of(r.timeZone()),
                false, List.of(), detail.teams().size(), null);
        List<ScorecardRow> rows = detail.teams().stream().filter(t -> t.scorecard() != null)
                .map(t -> new ScorecardRow(r.periodStart(), t.team(), t.scorecard())).toList();
        return new ScorecardPage(kpis, rows, detail.nextCursor());
    }

    private PeriodReportDetail detail(ReportSnapshot snapshot, PeriodReportTeamsQuery query) {
        String tenant = query.tenant();
        int limit = query.limit();
        Dimension dimension = query.dimension();
        PeriodReport report = repository.find(snapshot, tenant, query.report())
                .orElseThrow(() -> new UnknownReportException(String.valueOf(query.report())));
        List<String> members = repository.members(snapshot, report.id(), dimension, query.afterTeam(), limit + 1);
        boolean more = members.size() > limit;
        List<String> page = more ? members.subList(0, limit) : members;
        String next = more ? Cursors.encode(query.fingerprint(), List.of(page.get(page.size() - 1))) : null;
        if (page.isEmpty()) {
            return new PeriodReportDetail(report, dimension, List.of(), next);
        }
        ScoringModels models = scorecards.models(snapshot, tenant, report.modelVersion()).orElseThrow(() ->
                new IllegalStateException("period report " + report.id() + " names scoring models version "
                        + report.modelVersion() + ", which the tenant does not have"));
        Map<Long, Exemption> byId = KeptScorecards.byId(report.exemptions());
        Map<String, List<Part>> byMember = new LinkedHashMap<>();
        page.forEach(member -> byMember.put(member, new ArrayList<>()));
        repository.parts(snapshot, report.id(), dimension, page).forEach(part -> byMember.get(part.team()).add(part));
        Map<String, Streak> streaks = this.streaks.at(snapshot, tenant, report, dimension);

        List<PeriodReportTeam> result = new ArrayList<>();
        byMember.forEach((member, parts) -> {
            ScorecardParts scorecardParts = KeptScorecards.parts(parts, byId);
            GroupTotals all = scorecardParts.total(null);
            List<Object> kpis = MetricCatalog.METRICS.stream().map(metric -> metric.valueOf(all)).toList();
            Scorecard card = KeptScorecards.score(models, dimension, member, scorecardParts);
            // a member of the page always has a streak: its row is in the report, so in the history counted
            Streak streak = member.isEmpty() ? null : streaks.getOrDefault(member, Streak.NONE);
            result.add(new PeriodReportTeam(member.isEmpty() ? null : member, kpis, card, streak));
        });
        return new PeriodReportDetail(report, dimension, result, next);
    }
}
