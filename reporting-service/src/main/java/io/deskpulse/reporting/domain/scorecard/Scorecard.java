package io.deskpulse.reporting.domain.scorecard;

import java.util.List;

/**
 * A member's scorecard for one period: the role and model version it was scored with, the score from 0 to 100
 * (null when no KPI of the model had data), every KPI of the model (used or left out), and the exemptions that
 * changed some KPI's numbers.
 */
public record Scorecard(String role, int modelVersion, Double score, List<ScorecardLine> lines, List<Exemption> exemptions) {
}
