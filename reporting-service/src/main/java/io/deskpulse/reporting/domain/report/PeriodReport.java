package io.deskpulse.reporting.domain.report;

import io.deskpulse.reporting.domain.scorecard.Exemption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A period report as scoring-service kept it (docs/scorecards.md#period-reports): the closed period in the
 * tenant's zone, the generation it was read from, the scoring models version, its streak threshold and the exemptions
 * in force, and how many teams it holds.
 */
public record PeriodReport(long id, String granularity, LocalDate periodStart, LocalDate periodEnd, String timeZone,
        int generation, int modelVersion, List<Exemption> exemptions, Instant createdAt, int teams,
        double streakMinScore) {
}
