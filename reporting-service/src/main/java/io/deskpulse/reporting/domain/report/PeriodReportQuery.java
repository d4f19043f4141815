package io.deskpulse.reporting.domain.report;

import io.deskpulse.reporting.domain.Cursors;
import java.time.LocalDate;

/**
 * A validated {@code GET /v1/reports}: {@code granularity} null for all, {@code from}/{@code to} bounds on the
 * period's first day (null: open), {@code after} the (period, id) of the last row of the previous page.
 */
public record PeriodReportQuery(String tenant, String granularity, LocalDate from, LocalDate to, int limit,
        LocalDate afterPeriod, Long afterId) {

    public PeriodReportQuery after(LocalDate period, long id) {
        return new PeriodReportQuery(tenant, granularity, from, to, limit, period, id);
    }

    public String fingerprint() {
        return Cursors.fingerprint("reports", tenant, String.valueOf(granularity), String.valueOf(from),
                String.valueOf(to));
    }
}
