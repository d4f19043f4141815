package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.KpiReport;
import io.deskpulse.reporting.domain.kpi.KpiRow;
import io.deskpulse.reporting.domain.kpi.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A KPI report as a {@link Table}: the query echoed first, columns period, id, then the metrics as asked. */
final class KpiTables {

    private KpiTables() {
    }

    static Table of(KpiReport report) {
        KpiQuery query = report.query();
        Map<String, Object> header = header(query);
        List<String> columns = new ArrayList<>(List.of("period", "id"));
        query.metrics().stream().map(Metric::name).forEach(columns::add);
        List<List<Object>> rows = new ArrayList<>(report.rows().size());
        for (KpiRow row : report.rows()) {
            List<Object> values = new ArrayList<>(columns.size());
            values.add(row.period().toString());
            values.add(row.id());
            values.addAll(row.values());
            rows.add(values);
        }
        return new Table(header, columns, rows, report.nextCursor());
    }

    /** The query echoed before the rows, by every report of KPI rows (KPIs, scorecards). */
    static Map<String, Object> header(KpiQuery query) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("dimension", query.dimension().label());
        header.put("granularity", query.granularity().label());
        header.put("tz", query.zone().getId());
        header.put("from", query.from());
        header.put("to", query.to());
        return header;
    }
}
