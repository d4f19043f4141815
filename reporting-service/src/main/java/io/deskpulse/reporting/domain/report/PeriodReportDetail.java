package io.deskpulse.reporting.domain.report;

import java.util.List;

/** A kept report and a page of its teams, in id order (the no-team row first). */
public record PeriodReportDetail(PeriodReport report, List<PeriodReportTeam> teams, String nextCursor) {
}
