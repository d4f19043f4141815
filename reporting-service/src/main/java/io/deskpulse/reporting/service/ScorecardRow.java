package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.Scorecard;
import java.time.LocalDate;

/** A member's scorecard of one period. */
public record ScorecardRow(LocalDate period, String id, Scorecard scorecard) {
}
