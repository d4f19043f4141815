package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.report.PeriodReport;
import io.deskpulse.reporting.domain.scorecard.ScorecardPage;
import io.deskpulse.reporting.domain.scorecard.ScorecardRow;
import io.deskpulse.reporting.service.PeriodReportService;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Period reports as {@link Table}s: the list; one report (its fields, then a page of its teams, each with every
 * metric and its scorecard; in CSV one flat record per team with the report's fields, its score and every
 * metric); and its scorecards alone, in the shape of {@code GET /v1/scorecards}.
 */
final class PeriodReportTables {

    static final String LIST_HEADER = "id,granularity,period,period_end,tz,generation,model_version,teams,created_at";
    static final List<String> LIST_COLUMNS = List.of(LIST_HEADER.split(","));
    static final List<String> TEAM_COLUMNS = List.of("id", "kpis", "scorecard");
    /** The CSV of one report: its fields, the team, its scorecard's role, version and score, then every metric. */
    static final String REPORT_CSV_PREFIX = "report_id,granularity,period,period_end,tz,id,role,model_version,score";

    private PeriodReportTables() {
    }

    static Table list(PeriodReportService.ListPage page) {
        List<List<Object>> rows = new ArrayList<>(page.reports().size());
        for (PeriodReport r : page.reports()) {
            rows.add(Arrays.asList(r.id(), r.granularity(), r.periodStart(), r.periodEnd(), r.timeZone(), r.generation(),
                    r.modelVersion(), r.teams(), r.createdAt()));
        }
        return new Table(Map.of(), LIST_COLUMNS, rows, page.nextCursor());
    }

    static Table report(PeriodReportService.Detail detail) {
        PeriodReport r = detail.report();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("id", r.id());
        header.put("granularity", r.granularity());
        header.put("period", r.periodStart());
        header.put("period_end", r.periodEnd());
        header.put("tz", r.timeZone());
        header.put("generation", r.generation());
        header.put("model_version", r.modelVersion());
        header.put("created_at", r.createdAt());
        header.put("exemptions", detail.exemptions().stream().map(ScorecardTables::exemption).toList());
        List<List<Object>> rows = new ArrayList<>(detail.teams().size());
        List<List<Object>> records = new ArrayList<>(detail.teams().size());
        for (PeriodReportService.Team team : detail.teams()) {
            Map<String, Object> kpis = new LinkedHashMap<>();
            for (int i = 0; i < MetricCatalog.METRICS.size(); i++) {
                kpis.put(MetricCatalog.METRICS.get(i).name(), team.kpis().get(i));
            }
            rows.add(Arrays.asList(team.team(), kpis,
                    team.scorecard() == null ? null : ScorecardTables.scorecard(team.scorecard())));
            List<Object> record = new ArrayList<>(Arrays.asList(r.id(), r.granularity(), r.periodStart(), r.periodEnd(),
                    r.timeZone(), team.team()));
            if (team.scorecard() == null) {
                record.addAll(Arrays.asList(null, null, null));
            } else {
                record.addAll(Arrays.asList(team.scorecard().role(), team.scorecard().modelVersion(),
                        team.scorecard().score()));
            }
            record.addAll(team.kpis());
            records.add(record);
        }
        List<String> csvColumns = new ArrayList<>(List.of(REPORT_CSV_PREFIX.split(",")));
        csvColumns.addAll(MetricCatalog.names());
        return new Table(header, TEAM_COLUMNS, rows, detail.nextCursor()).withCsv(csvColumns, records);
    }

    /** The report's scorecards in the shape of GET /v1/scorecards (teams, the report's period and zone). */
    static Table scorecards(String tenant, PeriodReportService.Detail detail) {
        PeriodReport r = detail.report();
        KpiQuery query = new KpiQuery(tenant, r.generation(), Dimension.TEAM, List.of(), null, null, r.periodStart(),
                r.periodEnd(), Granularity.parse(r.granularity()).orElseThrow(), ZoneId.of(r.timeZone()), false, List.of(),
                detail.teams().size(), null);
        List<ScorecardRow> rows = detail.teams().stream().filter(t -> t.scorecard() != null)
                .map(t -> new ScorecardRow(r.periodStart(), t.team(), t.scorecard())).toList();
        return ScorecardTables.of(new ScorecardPage(query, rows, detail.nextCursor()));
    }
}
