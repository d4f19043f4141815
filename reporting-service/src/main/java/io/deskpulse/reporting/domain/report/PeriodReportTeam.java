package io.deskpulse.reporting.domain.report;

import io.deskpulse.reporting.domain.report.Streaks.Streak;
import io.deskpulse.reporting.domain.scorecard.Scorecard;
import java.util.List;

/**
 * A team (or, with {@code dimension=agent}, an agent) of a kept report: every metric of the catalog (in
 * {@code MetricCatalog.METRICS} order), its scorecard and its streaks at the report; {@code team} null for what was
 * credited to no team (KPIs, but no scorecard and no streak).
 */
public record PeriodReportTeam(String team, List<Object> kpis, Scorecard scorecard, Streak streak) {
}
