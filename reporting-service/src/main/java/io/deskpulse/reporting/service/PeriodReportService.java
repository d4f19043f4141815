package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.kpi.Totals;
import io.deskpulse.reporting.domain.report.PeriodReport;
import io.deskpulse.reporting.domain.report.PeriodReportDetail;
import io.deskpulse.reporting.domain.report.PeriodReportPage;
import io.deskpulse.reporting.domain.report.PeriodReportQuery;
import io.deskpulse.reporting.domain.report.PeriodReportTeam;
import io.deskpulse.reporting.domain.report.PeriodReportTeamsQuery;
import io.deskpulse.reporting.domain.report.UnknownReportException;
import io.deskpulse.reporting.domain.scorecard.Exemption;
import io.deskpulse.reporting.domain.scorecard.Scorecard;
import io.deskpulse.reporting.domain.scorecard.ScorecardCalculator;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Period reports as kept by scoring-service: the list, and one report's teams with their KPIs and scorecards.
 * Everything is computed from the kept sums, the kept models version and the kept exemptions, so a report reads
 * the same whenever it is opened, whatever arrived or changed since.
 */
@ApplicationScoped
public class PeriodReportService {

    private final ReportSnapshots snapshots;
    private final PeriodReportReadRepository repository;
    private final ScorecardRepository scorecards;

    public PeriodReportService(ReportSnapshots snapshots, PeriodReportReadRepository repository,
            ScorecardRepository scorecards) {
        this.snapshots = snapshots;
        this.repository = repository;
        this.scorecards = scorecards;
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

    /** A page of the report's teams; a 404 when the tenant does not have the report. */
    public PeriodReportDetail detail(PeriodReportTeamsQuery query) {
        return snapshots.read(query.tenant(), snapshot -> detail(snapshot, query));
    }

    /**
     * The scorecards of a page of the report's teams in the shape of {@code GET /v1/scorecards}: teams, the report's
     * period and zone.
     */
    public ScorecardPage scorecards(PeriodReportTeamsQuery query) {
        PeriodReportDetail detail = detail(query);
        PeriodReport r = detail.report();
        KpiQuery kpis = new KpiQuery(query.tenant(), r.generation(), Dimension.TEAM, List.of(), null, null,
                r.periodStart(), r.periodEnd(), Granularity.parse(r.granularity()).orElseThrow(), ZoneId.of(r.timeZone()),
                false, List.of(), detail.teams().size(), null);
        List<ScorecardRow> rows = detail.teams().stream().filter(t -> t.scorecard() != null)
                .map(t -> new ScorecardRow(r.periodStart(), t.team(), t.scorecard())).toList();
        return new ScorecardPage(kpis, rows, detail.nextCursor());
    }

    private PeriodReportDetail detail(ReportSnapshot snapshot, PeriodReportTeamsQuery query) {
        String tenant = query.tenant();
        int limit = query.limit();
        PeriodReport report = repository.find(snapshot, tenant, query.report())
                .orElseThrow(() -> new UnknownReportException(String.valueOf(query.report())));
        List<String> teams = repository.teams(snapshot, report.id(), query.afterTeam(), limit + 1);
        boolean more = teams.size() > limit;
        List<String> page = more ? teams.subList(0, limit) : teams;
        String next = more ? Cursors.encode(query.fingerprint(), List.of(page.get(page.size() - 1))) : null;
        if (page.isEmpty()) {
            return new PeriodReportDetail(report, List.of(), next);
        }
        ScoringModels models = scorecards.models(snapshot, tenant, report.modelVersion()).orElseThrow(() ->
                new IllegalStateException("period report " + report.id() + " names scoring models version "
                        + report.modelVersion() + ", which the tenant does not have"));
        Map<Long, Exemption> byId = new HashMap<>();
        report.exemptions().forEach(e -> byId.put(e.id(), e));
        Map<String, List<Part>> byTeam = new LinkedHashMap<>();
        page.forEach(team -> byTeam.put(team, new ArrayList<>()));
        repository.parts(snapshot, report.id(), page).forEach(part -> byTeam.get(part.team()).add(part));

        List<PeriodReportTeam> result = new ArrayList<>();
        byTeam.forEach((team, parts) -> {
            ScorecardParts scorecardParts = scorecardParts(parts, byId);
            GroupTotals all = scorecardParts.total(null);
            List<Object> kpis = MetricCatalog.METRICS.stream().map(metric -> metric.valueOf(all)).toList();
            Scorecard card = null;
            if (!team.isEmpty()) {
                String role = models.roleOfTeam(team);
                card = ScorecardCalculator.score(role, models.version(), models.model(role), scorecardParts);
            }
            result.add(new PeriodReportTeam(team.isEmpty() ? null : team, kpis, card));
        });
        return new PeriodReportDetail(report, result, next);
    }

    /** A team's kept rows as the scorecard reads them: totals per channel and all together, and each exemption's part. */
    private static ScorecardParts scorecardParts(List<Part> parts, Map<Long, Exemption> exemptions) {
        Map<String, GroupTotals> totals = new HashMap<>();
        Map<Exemption, Map<String, GroupTotals>> exempt = new LinkedHashMap<>();
        for (Part part : parts) {
            add(totals, part);
            Exemption exemption = exemptions.get(part.exemptionId());
            if (exemption != null) {
                add(exempt.computeIfAbsent(exemption, e -> new HashMap<>()), part);
            }
        }
        return new ScorecardParts(totals, exempt);
    }

    /** Adds a kept row to the totals of all channels and of its own (the unknown channel '' only to the former). */
    private static void add(Map<String, GroupTotals> byChannel, Part part) {
        byChannel.merge(ScorecardParts.ALL_CHANNELS, part.totals(), Totals::plus);
        if (!part.channel().isEmpty()) {
            byChannel.merge(part.channel(), part.totals(), Totals::plus);
        }
    }
}
