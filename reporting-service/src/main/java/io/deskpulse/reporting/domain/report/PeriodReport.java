package io.deskpulse.reporting.domain.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A period report as scoring-service kept it (docs/scorecards.md#period-reports): the closed period in the
 * tenant's zone, the generation it was read from, the scoring models version and the exemptions in force
 * (a JSON array), and how many teams it holds.
 */
public record PeriodReport(long id, String granularity, LocalDate periodStart, LocalDate periodEnd, String timeZone,
        int generation, int modelVersion, String exemptions, Instant createdAt, int teams) {
}
