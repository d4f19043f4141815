package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of the period reports, for the OpenAPI document only ({@link PeriodReportTables} writes the real ones).
 * The metrics of a team ({@code PeriodReportKpis}) and the report's CSV record ({@code PeriodReportCsvRecord}) are
 * built from the metric catalog by {@link KpiOpenApiFilter}.
 */
final class PeriodReportDocs {

    static final String KPIS_SCHEMA = "PeriodReportKpis";
    static final String CSV_RECORD_SCHEMA = "PeriodReportCsvRecord";
    /** The component schema of a report's flat CSV records (see {@link StandardResponsesFilter#CSV_RECORD}). */
    static final String CSV_RECORD = "{\"$ref\": \"#/components/schemas/" + CSV_RECORD_SCHEMA + "\"}";

    private PeriodReportDocs() {
    }

    @Schema(name = "PeriodReportSummary", description = "A kept report of a closed period",
            requiredProperties = {"id", "granularity", "period", "period_end", "tz", "generation", "model_version", "teams",
                "created_at"}, additionalProperties = Schema.False.class)
    record Summary(
            @Schema(type = SchemaType.INTEGER, description = "The report's id (GET /v1/reports/{id})", example = "12") long id,
            @Schema(enumeration = {"day", "week", "month"}, description = "The period's length: a day, an ISO week "
                    + "(Monday to Sunday) or a calendar month", example = "week") String granularity,
            @Schema(format = "date", description = "First day of the period, in tz", example = "2026-11-02") String period,
            @JsonProperty("period_end") @Schema(format = "date", description = "Last day, inclusive",
                    example = "2026-11-08") String periodEnd,
            @Schema(description = "The tenant's time zone when the report was made", example = "Europe/Berlin") String tz,
            @Schema(type = SchemaType.INTEGER, description = "The generation of the aggregates it was read from",
                    example = "0") int generation,
            @JsonProperty("model_version") @Schema(type = SchemaType.INTEGER,
                    description = "The scoring models version of its scorecards (0: the catalog's)", example = "0")
            int modelVersion,
            @Schema(type = SchemaType.INTEGER, description = "Teams in it (the no-team row included)", example = "2")
            int teams,
            @JsonProperty("created_at") @Schema(format = "date-time", description = "When it was made (after the period "
                    + "closed and the grace time passed)", example = "2026-11-09T00:30:04.118Z") String createdAt) {
    }

    @Schema(name = "PeriodReportList", requiredProperties = {"rows", "next_cursor"},
            additionalProperties = Schema.False.class)
    record ListPage(
            List<Summary> rows,
            @JsonProperty("next_cursor")
            @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
    }

    @Schema(name = "PeriodReportTeam", description = "A team of the report: its KPIs and its scorecard",
            requiredProperties = {"id", "kpis", "scorecard"}, additionalProperties = Schema.False.class)
    record Team(
            @Schema(nullable = true, description = "The team; null: credited to no team (KPIs, no scorecard)",
                    example = "billing") String id,
            @Schema(ref = KPIS_SCHEMA, description = "Every metric of the KPI catalog over the period, as GET /v1/kpis "
                    + "computes it") Map<String, Object> kpis,
            @Schema(implementation = ScorecardDocs.Card.class, nullable = true,
                    description = "The team's scorecard; null for the no-team row") ScorecardDocs.Card scorecard) {
    }

    @Schema(name = "PeriodReport", description = "A kept report and a page of its teams",
            requiredProperties = {"id", "granularity", "period", "period_end", "tz", "generation", "model_version",
                "created_at", "exemptions", "rows", "next_cursor"}, additionalProperties = Schema.False.class)
    record Report(
            @Schema(type = SchemaType.INTEGER, description = "The report's id", example = "12") long id,
            @Schema(enumeration = {"day", "week", "month"}, description = "The period's length", example = "week")
            String granularity,
            @Schema(format = "date", description = "First day of the period, in tz", example = "2026-11-02") String period,
            @JsonProperty("period_end") @Schema(format = "date", description = "Last day, inclusive",
                    example = "2026-11-08") String periodEnd,
            @Schema(description = "The tenant's time zone when the report was made", example = "UTC") String tz,
            @Schema(type = SchemaType.INTEGER, description = "The generation of the aggregates it was read from",
                    example = "0") int generation,
            @JsonProperty("model_version") @Schema(type = SchemaType.INTEGER,
                    description = "The scoring models version of its scorecards", example = "0") int modelVersion,
            @JsonProperty("created_at") @Schema(format = "date-time", description = "When it was made",
                    example = "2026-11-09T00:30:04.118Z") String createdAt,
            @Schema(description = "The exemptions in force for the period when it was made")
            List<ScorecardDocs.Exemption> exemptions,
            @Schema(description = "A page of its teams, in id order (the no-team row first)") List<Team> rows,
            @JsonProperty("next_cursor")
            @Schema(nullable = true, description = "Pass as cursor for the next teams; null on the last page") String nextCursor) {
    }
}
