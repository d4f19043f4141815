package io.deskpulse.reporting.domain.report;

import java.util.List;

/** A page of the kept reports, newest period first, and the cursor of the next one (null on the last). */
public record PeriodReportPage(List<PeriodReport> reports, String nextCursor) {
}
