package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of the period reports, for the OpenAPI document only ({@link PeriodReportWriter} writes the real ones). */
final class PeriodReportDocs {

    private PeriodReportDocs() {
    }

    @Schema(name = "PeriodReportSummary", description = "A kept report of a closed period")
    record Summary(
            @Schema(example = "12") long id,
            @Schema(enumeration = {"day", "week", "month"}) String granularity,
            @Schema(format = "date", description = "First day of the period, in tz") String period,
            @JsonProperty("period_end") @Schema(format = "date", description = "Last day, inclusive") String periodEnd,
            @Schema(description = "The tenant's time zone when the report was made", example = "Europe/Berlin") String tz,
            @Schema(description = "The generation of the aggregates it was read from") int generation,
            @JsonProperty("model_version") @Schema(description = "The scoring models version of its scorecards") int modelVersion,
            @Schema(description = "Teams in it (the no-team row included)") int teams,
            @JsonProperty("created_at") @Schema(format = "date-time", description = "When it was made (after the period "
                    + "closed and the grace time passed)") String createdAt) {
    }

    @Schema(name = "PeriodReportList")
    record ListPage(List<Summary> rows,
            @JsonProperty("next_cursor") @Schema(nullable = true) String nextCursor) {
    }

    @Schema(name = "PeriodReportTeam", description = "A team of the report: its KPIs and its scorecard")
    record Team(
            @Schema(nullable = true, description = "The team; null: credited to no team (KPIs, no scorecard)") String id,
            @Schema(description = "Every metric of the KPI catalog over the period, as GET /v1/kpis computes it "
                    + "(see the KpiRow schema)") Map<String, Object> kpis,
            @Schema(nullable = true, description = "role, model_version, score, kpis, left_out, exemptions, as in "
                    + "ScorecardRow; null for the no-team row") Map<String, Object> scorecard) {
    }

    @Schema(name = "PeriodReport", description = "A kept report and a page of its teams")
    record Detail(
            long id,
            @Schema(enumeration = {"day", "week", "month"}) String granularity,
            @Schema(format = "date") String period,
            @JsonProperty("period_end") @Schema(format = "date") String periodEnd,
            String tz,
            int generation,
            @JsonProperty("model_version") int modelVersion,
            @JsonProperty("created_at") @Schema(format = "date-time") String createdAt,
            @Schema(description = "The exemptions in force for the period when it was made") List<ScorecardDocs.Exemption> exemptions,
            List<Team> teams,
            @JsonProperty("next_cursor") @Schema(nullable = true, description = "Pass as cursor for the next teams") String nextCursor) {
    }
}
