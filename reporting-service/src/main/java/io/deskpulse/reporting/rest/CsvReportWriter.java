package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.service.KpiReport;

/** Writes a KPI report as RFC 4180 CSV ({@link TableWriters}): a header row {@code period,id,<metrics>}. */
public final class CsvReportWriter {

    private CsvReportWriter() {
    }

    public static byte[] write(KpiReport report) {
        return TableWriters.csv(KpiTables.of(report));
    }

    static String field(String text) {
        return TableWriters.field(text);
    }

    static String number(Object value) {
        return TableWriters.number(value);
    }
}
