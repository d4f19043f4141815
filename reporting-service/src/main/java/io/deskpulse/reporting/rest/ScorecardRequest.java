package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.domain.kpi.KpiQuery;

/** A parsed scorecards request: the KPI query of its members and periods, and the models version (null: the latest). */
public record ScorecardRequest(KpiQuery query, Integer modelVersion) {
}
