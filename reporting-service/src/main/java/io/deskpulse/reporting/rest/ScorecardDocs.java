package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.reporting.domain.scorecard.Exemption;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of scorecard answers, for the OpenAPI document only ({@link ScorecardTables} writes the real ones). */
final class ScorecardDocs {

    /** The component schema of the scorecards' flat CSV records (see {@link StandardResponsesFilter#CSV_RECORD}). */
    static final String CSV_RECORD = "{\"$ref\": \"#/components/schemas/ScorecardCsvRecord\"}";

    private ScorecardDocs() {
    }

    @Schema(name = "ScorecardKpi", description = "A KPI of the model that had data in the period and counts",
            requiredProperties = {"kpi", "channel", "group", "direction", "target", "effective_target", "actual", "volume",
                "weight", "effective_weight", "attainment", "points", "exemptions"},
            additionalProperties = Schema.False.class)
    record Kpi(
            @Schema(description = "The catalog metric", example = "csat_avg") String kpi,
            @Schema(nullable = true, description = "Only this channel's contributions; null: all channels", example = "chat")
            String channel,
            @Schema(nullable = true, description = "The model's label for grouping KPIs", example = "satisfaction_quality")
            String group,
            @Schema(enumeration = {"higher", "lower"}, description = "Which way is better", example = "higher")
            String direction,
            @Schema(type = SchemaType.NUMBER, description = "The model's target", example = "4.5") double target,
            @JsonProperty("effective_target") @Schema(type = SchemaType.NUMBER,
                    description = "The target scored against: the model's, or, when exemptions relax it for some "
                    + "contributions, the mix of the targets weighted by volume", example = "4.5") double effectiveTarget,
            @Schema(type = SchemaType.NUMBER, description = "The KPI's value over the contributions it counts "
                    + "(exemptions' left-out parts removed)", example = "4.2") double actual,
            @Schema(type = SchemaType.INTEGER, description = "How many contributions the value rests on (its "
                    + "denominator: ratings, first responses, solves, online milliseconds for occupancy; values for a "
                    + "percentile)", example = "10") long volume,
            @Schema(type = SchemaType.NUMBER, description = "Per cent of the score when every KPI has data (the model's "
                    + "weight after the peer-review share)", example = "20.0") double weight,
            @JsonProperty("effective_weight") @Schema(type = SchemaType.NUMBER,
                    description = "Per cent of the score after rescaling over the KPIs used", example = "23.52941176470588")
            double effectiveWeight,
            @Schema(type = SchemaType.NUMBER, description = "min(1, actual/target) (higher is better) or "
                    + "min(1, target/actual) (lower), 0 to 1", example = "0.9333333333333333") double attainment,
            @Schema(type = SchemaType.NUMBER, description = "effective_weight x attainment; the points add up to the score",
                    example = "21.96078431372549") double points,
            @Schema(description = "Ids of the exemptions that changed this KPI", example = "[4]") List<Long> exemptions) {
    }

    @Schema(name = "ScorecardLeftOut", description = "A KPI of the model that does not count in this score, and why",
            requiredProperties = {"kpi", "channel", "group", "direction", "status", "reason", "exemptions"},
            additionalProperties = Schema.False.class)
    record LeftOut(
            @Schema(description = "The catalog metric", example = "qa_avg") String kpi,
            @Schema(nullable = true, description = "The KPI's channel; null: all channels", example = "chat") String channel,
            @Schema(nullable = true, description = "The model's label for grouping KPIs", example = "satisfaction_quality")
            String group,
            @Schema(enumeration = {"higher", "lower"}, description = "Which way is better", example = "higher")
            String direction,
            @Schema(enumeration = {"no_data", "exempted"}, description = "no_data: no contribution in the period; "
                    + "exempted: its only contributions fell in exemptions that leave it out", example = "no_data")
            String status,
            @Schema(description = "Why, in words", example = "no data in the period") String reason,
            @Schema(description = "Ids of the exemptions that left it out", example = "[]") List<Long> exemptions) {
    }

    @Schema(name = "AppliedExemption", description = "An exemption that changed some KPI of the scorecard",
            requiredProperties = {"id", "teams", "from", "to", "reason", "relaxed_targets", "left_out"},
            additionalProperties = Schema.False.class)
    record Exemption(
            @Schema(type = SchemaType.INTEGER, description = "The exemption's id (scoring-service's settings API)",
                    example = "4") long id,
            @Schema(nullable = true, description = "Its teams; null: every team", example = "[\"billing\"]") List<String> teams,
            @Schema(format = "date", description = "Its first day, in the tenant's zone", example = "2026-11-03") String from,
            @Schema(format = "date", description = "Its last day, inclusive", example = "2026-11-05") String to,
            @Schema(description = "Why it was granted", example = "Product recall R-12") String reason,
            @JsonProperty("relaxed_targets") @Schema(description = "Metric: the target its contributions are scored "
                    + "against", example = "{\"csat_avg\": 4.0}") Map<String, Double> relaxedTargets,
            @JsonProperty("left_out") @Schema(description = "Metrics whose contributions in it are left out",
                    example = "[\"fcr_rate\"]") List<String> leftOut) {
    }

    @Schema(name = "Scorecard", description = "A scorecard: the role and models version it was scored with, the score, "
            + "the KPIs used, the KPIs left out and the exemptions applied",
            requiredProperties = {"role", "model_version", "score", "kpis", "left_out", "exemptions"},
            additionalProperties = Schema.False.class)
    record Card(
            @Schema(description = "The role whose model scored it", example = "team_lead") String role,
            @JsonProperty("model_version") @Schema(type = SchemaType.INTEGER,
                    description = "The scoring models version (0: the catalog's)", example = "0") int modelVersion,
            @Schema(type = SchemaType.NUMBER, nullable = true, description = "0 to 100: the sum of the points; null when "
                    + "no KPI of the model had data", example = "86.48404459823146") Double score,
            @Schema(description = "The KPIs that count, in the model's order") List<Kpi> kpis,
            @JsonProperty("left_out") @Schema(description = "The KPIs of the model that do not count, and why")
            List<LeftOut> leftOut,
            @Schema(description = "The exemptions that changed some KPI") List<Exemption> exemptions) {
    }

    @Schema(name = "ScorecardRow", description = "A member's scorecard for one period",
            requiredProperties = {"period", "id", "role", "model_version", "score", "kpis", "left_out", "exemptions"},
            additionalProperties = Schema.False.class)
    record Row(
            @Schema(format = "date", description = "First day of the period (as in /v1/kpis)", example = "2026-11-02")
            String period,
            @Schema(description = "The agent or team id", example = "a-17") String id,
            @Schema(description = "The role whose model scored it", example = "frontline_agent") String role,
            @JsonProperty("model_version") @Schema(type = SchemaType.INTEGER,
                    description = "The scoring models version (0: the catalog's)", example = "0") int modelVersion,
            @Schema(type = SchemaType.NUMBER, nullable = true, description = "0 to 100: the sum of the points; null when "
                    + "no KPI of the model had data", example = "86.48404459823146") Double score,
            @Schema(description = "The KPIs that count, in the model's order, with actual, target, weight and points")
            List<Kpi> kpis,
            @JsonProperty("left_out") @Schema(description = "The KPIs of the model that do not count, and why")
            List<LeftOut> leftOut,
            @Schema(description = "The exemptions that changed some KPI") List<Exemption> exemptions) {
    }

    @Schema(name = "ScorecardPage", requiredProperties = {"dimension", "granularity", "tz", "from", "to", "rows",
        "next_cursor"}, additionalProperties = Schema.False.class)
    record Page(
            @Schema(enumeration = {"agent", "team"}, description = "Whose scorecards", example = "agent") String dimension,
            @Schema(enumeration = {"day", "week", "month", "total"}, description = "The periods' length", example = "week")
            String granularity,
            @Schema(description = "The IANA zone of the periods", example = "UTC") String tz,
            @Schema(format = "date", description = "First day", example = "2026-11-02") String from,
            @Schema(format = "date", description = "Last day", example = "2026-11-08") String to,
            List<Row> rows,
            @JsonProperty("next_cursor") @Schema(nullable = true, description = "Pass as cursor for the next page; null "
                    + "on the last page") String nextCursor) {
    }

    @Schema(name = "ScorecardCsvRecord", description = "A record of the scorecards' CSV: one per member, period and KPI "
            + "of the model (used or left out), the member's score repeated on each; empty fields for null",
            requiredProperties = {"period", "id", "role", "model_version", "score", "kpi", "channel", "group", "direction",
                "status", "target", "effective_target", "actual", "volume", "weight", "effective_weight", "attainment",
                "points", "exemptions", "note"}, additionalProperties = Schema.False.class)
    record CsvRecord(
            @Schema(format = "date", description = "First day of the period", example = "2026-11-02") String period,
            @Schema(description = "The agent or team id", example = "a-17") String id,
            @Schema(description = "The role whose model scored it", example = "frontline_agent") String role,
            @JsonProperty("model_version") @Schema(type = SchemaType.INTEGER, description = "The scoring models version",
                    example = "0") int modelVersion,
            @Schema(type = SchemaType.NUMBER, nullable = true, description = "The member's score (repeated on each of its "
                    + "records)", example = "86.48404459823146") Double score,
            @Schema(description = "The catalog metric", example = "csat_avg") String kpi,
            @Schema(nullable = true, description = "The KPI's channel; empty: all", example = "chat") String channel,
            @Schema(nullable = true, description = "The model's group label", example = "satisfaction_quality") String group,
            @Schema(enumeration = {"higher", "lower"}, description = "Which way is better", example = "higher")
            String direction,
            @Schema(enumeration = {"used", "no_data", "exempted"}, description = "used: it counts; otherwise why not",
                    example = "used") String status,
            @Schema(type = SchemaType.NUMBER, description = "The model's target", example = "4.5") double target,
            @JsonProperty("effective_target") @Schema(type = SchemaType.NUMBER,
                    description = "The target scored against (see ScorecardKpi)", example = "4.5") double effectiveTarget,
            @Schema(type = SchemaType.NUMBER, nullable = true, description = "The KPI's value; empty when left out",
                    example = "4.2") Double actual,
            @Schema(type = SchemaType.INTEGER, description = "The contributions the value rests on", example = "10")
            long volume,
            @Schema(type = SchemaType.NUMBER, description = "Per cent of the score when every KPI has data",
                    example = "20.0") double weight,
            @JsonProperty("effective_weight") @Schema(type = SchemaType.NUMBER, nullable = true,
                    description = "Per cent of the score after rescaling; empty when left out",
                    example = "23.52941176470588") Double effectiveWeight,
            @Schema(type = SchemaType.NUMBER, nullable = true, description = "0 to 1; empty when left out",
                    example = "0.9333333333333333") Double attainment,
            @Schema(type = SchemaType.NUMBER, nullable = true, description = "effective_weight x attainment; empty when "
                    + "left out", example = "21.96078431372549") Double points,
            @Schema(description = "Ids of the exemptions that changed it, separated by ';'", example = "4") String exemptions,
            @Schema(nullable = true, description = "Why it was left out, or how exemptions changed it, in words",
                    example = "target relaxed by exemption 4 (Product recall R-12)") String note) {
    }
}
