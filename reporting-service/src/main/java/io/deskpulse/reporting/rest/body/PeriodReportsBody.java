package io.deskpulse.reporting.rest.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.reporting.domain.report.PeriodReport;
import io.deskpulse.reporting.domain.report.PeriodReportPage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of {@code GET /v1/reports}: the kept reports, newest period first. */
@Schema(name = "PeriodReportList", requiredProperties = {"rows", "next_cursor"}, additionalProperties = Schema.False.class)
public record PeriodReportsBody(
        List<Summary> rows,
        @JsonProperty("next_cursor")
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor)
        implements ReportBody {

    public static PeriodReportsBody of(PeriodReportPage page) {
        return new PeriodReportsBody(page.reports().stream().map(Summary::of).toList(), page.nextCursor());
    }

    @Override
    public CsvRecords csv() {
        return CsvRecords.of(Summary.class, rows);
    }

    @Schema(name = "PeriodReportSummary", description = "A kept report of a closed period",
            requiredProperties = {"id", "granularity", "period", "period_end", "tz", "generation", "model_version", "teams",
                "created_at", "streak_min_score"}, additionalProperties = Schema.False.class)
    public record Summary(
            @Schema(description = "The report's id (GET /v1/reports/{id})", example = "12") long id,
            @Schema(enumeration = {"day", "week", "month"}, description = "The period's length: a day, an ISO week "
                    + "(Monday to Sunday) or a calendar month", example = "week") String granularity,
            @Schema(description = "First day of the period, in tz", example = "2026-11-02") LocalDate period,
            @JsonProperty("period_end") @Schema(description = "Last day, inclusive", example = "2026-11-08")
            LocalDate periodEnd,
            @Schema(description = "The tenant's time zone when the report was made", example = "Europe/Berlin") String tz,
            @Schema(description = "The generation of the aggregates it was read from", example = "0") int generation,
            @JsonProperty("model_version") @Schema(description = "The scoring models version of its scorecards (0: the "
                    + "catalog's)", example = "0") int modelVersion,
            @Schema(description = "Teams in it (the no-team row included)", example = "2") int teams,
            @JsonProperty("created_at") @Schema(description = "When it was made (after the period closed and the grace "
                    + "time passed)", example = "2026-11-09T00:30:04.118Z") Instant createdAt,
            @JsonProperty("streak_min_score") @Schema(description = "The streak threshold in force when it was made "
                    + "(streaks.min_score of the scoring models): a score at or above it counts toward a streak "
                    + "(docs/scorecards.md#streaks)", example = "80.0") double streakMinScore) {

        static Summary of(PeriodReport r) {
            return new Summary(r.id(), r.granularity(), r.periodStart(), r.periodEnd(), r.timeZone(), r.generation(),
                    r.modelVersion(), r.teams(), r.createdAt(), r.streakMinScore());
        }
    }
}
