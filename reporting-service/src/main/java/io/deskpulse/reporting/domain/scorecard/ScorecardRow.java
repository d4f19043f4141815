package io.deskpulse.reporting.domain.scorecard;

import java.time.LocalDate;

/** A member's scorecard of one period. */
public record ScorecardRow(LocalDate period, String id, Scorecard scorecard) {
}
