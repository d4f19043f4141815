package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.service.KpiReport;
import io.deskpulse.reporting.service.KpiRow;
import io.deskpulse.reporting.service.Metric;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a report as RFC 4180 CSV: a header row {@code period,id,<metrics>}, CRLF after every
 * record, empty fields for null, quotes only where a field needs them. Numbers are plain decimals
 * (never 1.0E-4), which every spreadsheet reads.
 */
public final class CsvReportWriter {

    private static final String CRLF = "\r\n";

    private CsvReportWriter() {
    }

    public static byte[] write(KpiReport report) {
        List<Metric> metrics = report.query().metrics();
        StringBuilder csv = new StringBuilder("period,id");
        metrics.forEach(metric -> csv.append(',').append(field(metric.name())));
        csv.append(CRLF);
        for (KpiRow row : report.rows()) {
            csv.append(row.period()).append(',').append(row.id() == null ? "" : field(row.id()));
            for (Object value : row.values()) {
                csv.append(',').append(number(value));
            }
            csv.append(CRLF);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    static String number(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.indexOf('E') < 0 ? text : new BigDecimal(text).stripTrailingZeros().toPlainString();
    }
}
