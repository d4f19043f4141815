package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.service.KpiReport;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes a KPI report as JSON ({@link TableWriters}): the query's echo, rows (period, id, metrics), next_cursor. */
@ApplicationScoped
public class JsonReportWriter {

    public byte[] write(KpiReport report) {
        return TableWriters.json(KpiTables.of(report));
    }
}
