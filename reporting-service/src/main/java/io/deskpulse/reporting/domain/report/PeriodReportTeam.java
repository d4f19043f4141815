package io.deskpulse.reporting.domain.report;

import io.deskpulse.reporting.domain.scorecard.Scorecard;
import java.util.List;

/**
 * A team of a kept report: every metric of the catalog (in {@code MetricCatalog.METRICS} order) and its scorecard;
 * {@code team} null for what was credited to no team (KPIs, but no scorecard).
 */
public record PeriodReportTeam(String team, List<Object> kpis, Scorecard scorecard) {
}
