package io.deskpulse.reporting.domain.scorecard;

import io.deskpulse.reporting.domain.kpi.KpiQuery;

/**
 * A validated {@code GET /v1/scorecards}: the KPI query of its members and periods (its metrics are the models'),
 * and the models version to score with (null: the latest).
 */
public record ScorecardQuery(KpiQuery query, Integer modelVersion) {
}
