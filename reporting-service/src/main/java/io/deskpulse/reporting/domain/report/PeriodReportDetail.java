package io.deskpulse.reporting.domain.report;

import io.deskpulse.reporting.domain.kpi.Dimension;
import java.util.List;

/** A kept report and a page of its teams or agents ({@code dimension}), in id order (the no-team row first). */
public record PeriodReportDetail(PeriodReport report, Dimension dimension, List<PeriodReportTeam> teams,
        String nextCursor) {
}
