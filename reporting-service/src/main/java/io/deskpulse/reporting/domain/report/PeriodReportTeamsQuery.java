package io.deskpulse.reporting.domain.report;

import io.deskpulse.reporting.domain.Cursors;

/**
 * A validated {@code GET /v1/reports/{id}} (or its scorecards): a page of the report's teams, {@code afterTeam} the
 * last team of the previous page ('' is the no-team row; null: from the first).
 */
public record PeriodReportTeamsQuery(String tenant, long report, int limit, String afterTeam) {

    public PeriodReportTeamsQuery after(String team) {
        return new PeriodReportTeamsQuery(tenant, report, limit, team);
    }

    public String fingerprint() {
        return Cursors.fingerprint("report", tenant, String.valueOf(report));
    }
}
