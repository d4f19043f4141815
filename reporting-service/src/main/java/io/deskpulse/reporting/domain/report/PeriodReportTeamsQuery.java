package io.deskpulse.reporting.domain.report;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.kpi.Dimension;

/**
 * A validated {@code GET /v1/reports/{id}} (or its scorecards): a page of the report's teams or agents
 * ({@code dimension}), {@code afterTeam} the last member of the previous page ('' is the no-team row; null: from the
 * first).
 */
public record PeriodReportTeamsQuery(String tenant, long report, Dimension dimension, int limit, String afterTeam) {

    public PeriodReportTeamsQuery after(String team) {
        return new PeriodReportTeamsQuery(tenant, report, dimension, limit, team);
    }

    public String fingerprint() {
        // the team dimension's fingerprint is the one before agents were added, so that its cursors stay valid
        return dimension == Dimension.TEAM ? Cursors.fingerprint("report", tenant, String.valueOf(report))
                : Cursors.fingerprint("report", tenant, String.valueOf(report), dimension.label());
    }
}
