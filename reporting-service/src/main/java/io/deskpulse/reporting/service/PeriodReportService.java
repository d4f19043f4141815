package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.kpi.Totals;
import io.deskpulse.reporting.domain.report.PeriodReport;
import io.deskpulse.reporting.domain.report.PeriodReportQuery;
import io.deskpulse.reporting.domain.report.PeriodReportTeamsQuery;
import io.deskpulse.reporting.domain.report.UnknownReportException;
import io.deskpulse.reporting.domain.scorecard.Exemption;
import io.deskpulse.reporting.domain.scorecard.Scorecard;
import io.deskpulse.reporting.domain.scorecard.ScorecardCalculator;
import io.deskpulse.reporting.domain.scorecard.ScorecardParts;
import io.deskpulse.reporting.domain.scorecard.ScoringModels;
import io.deskpulse.reporting.repository.PeriodReportReadRepository.Part;
import io.deskpulse.reporting.repository.PeriodReportReadRepository;
import io.deskpulse.reporting.repository.ReportSnapshot;
import io.deskpulse.reporting.repository.ScorecardRepository;
import io.deskpulse.reporting.repository.ScoringModelsJson;
import jakarta.enterprise.context.ApplicationScoped;
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

    /** A page of reports and the cursor of the next one (null on the last). */
    public record ListPage(List<PeriodReport> reports, String nextCursor) {
    }

    /** A team of a report: {@code team} null for what was credited to no team (KPIs, but no scorecard). */
    public record Team(String team, List<Object> kpis, Scorecard scorecard) {
    }

    /** A page of a report's teams. */
    public record Detail(PeriodReport report, List<Exemption> exemptions, List<Team> teams, String nextCursor) {
    }

    private final PeriodReportReadRepository repository;
    private final ScorecardRepository scorecards;

    public PeriodReportService(PeriodReportReadRepository repository, ScorecardRepository scorecards) {
        this.repository = repository;
        this.scorecards = scorecards;
    }

    public ListPage list(ReportSnapshot snapshot, PeriodReportQuery query) {
        List<PeriodReport> reports = repository.list(snapshot, query, query.limit() + 1);
        if (reports.size() <= query.limit()) {
            return new ListPage(reports, null);
        }
        List<PeriodReport> page = reports.subList(0, query.limit());
        PeriodReport last = page.get(page.size() - 1);
        return new ListPage(page, Cursors.encode(query.fingerprint(), List.of(last.periodStart().toString(),
                String.valueOf(last.id()))));
    }

    /** A page of the report's teams; a 404 when the tenant does not have the report. */
    public Detail detail(ReportSnapshot snapshot, PeriodReportTeamsQuery query) {
        String tenant = query.tenant();
        int limit = query.limit();
        PeriodReport report = repository.find(snapshot, tenant, query.report())
                .orElseThrow(() -> new UnknownReportException(String.valueOf(query.report())));
        List<String> teams = repository.teams(snapshot, report.id(), query.afterTeam(), limit + 1);
        boolean more = teams.size() > limit;
        List<String> page = more ? teams.subList(0, limit) : teams;
        String next = more ? Cursors.encode(query.fingerprint(), List.of(page.get(page.size() - 1))) : null;
        List<Exemption> exemptions = ScoringModelsJson.exemptions(report.exemptions());
        if (page.isEmpty()) {
            return new Detail(report, exemptions, List.of(), next);
        }
        ScoringModels models = scorecards.models(snapshot, tenant, report.modelVersion()).orElseThrow(() ->
                new IllegalStateException("period report " + report.id() + " names scoring models version "
                        + report.modelVersion() + ", which the tenant does not have"));
        Map<Long, Exemption> byId = new HashMap<>();
        exemptions.forEach(e -> byId.put(e.id(), e));
        Map<String, List<Part>> byTeam = new LinkedHashMap<>();
        page.forEach(team -> byTeam.put(team, new ArrayList<>()));
        repository.parts(snapshot, report.id(), page).forEach(part -> byTeam.get(part.team()).add(part));

        List<Team> result = new ArrayList<>();
        byTeam.forEach((team, parts) -> {
            ScorecardParts scorecardParts = scorecardParts(parts, byId);
            GroupTotals all = scorecardParts.total(null);
            List<Object> kpis = MetricCatalog.METRICS.stream().map(metric -> metric.valueOf(all)).toList();
            Scorecard card = null;
            if (!team.isEmpty()) {
                String role = models.roleOfTeam(team);
                card = ScorecardCalculator.score(role, models.version(), models.model(role), scorecardParts);
            }
            result.add(new Team(team.isEmpty() ? null : team, kpis, card));
        });
        return new Detail(report, exemptions, result, next);
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
