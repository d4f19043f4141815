package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of scorecard answers, for the OpenAPI document only ({@link ScorecardJson} writes the real ones). */
final class ScorecardDocs {

    private ScorecardDocs() {
    }

    @Schema(name = "ScorecardKpi", description = "A KPI of the model that had data in the period and counts")
    record Kpi(
            @Schema(description = "The catalog metric", example = "csat_avg") String kpi,
            @Schema(nullable = true, description = "Only this channel's contributions; null: all channels") String channel,
            @Schema(nullable = true, description = "The model's label for grouping KPIs", example = "satisfaction_quality")
            String group,
            @Schema(enumeration = {"higher", "lower"}) String direction,
            @Schema(description = "The model's target") double target,
            @JsonProperty("effective_target")
            @Schema(description = "The target scored against: the model's, or, when exemptions relax it for some "
                    + "contributions, the mix of the targets weighted by volume") double effectiveTarget,
            @Schema(description = "The KPI's value over the contributions it counts (exemptions' left-out parts removed)")
            double actual,
            @Schema(description = "How many contributions the value rests on (its denominator: ratings, first "
                    + "responses, solves, online milliseconds for occupancy; values for a percentile)") long volume,
            @Schema(description = "Per cent of the score when every KPI has data (after the peer-review share)")
            double weight,
            @JsonProperty("effective_weight")
            @Schema(description = "Per cent of the score after rescaling over the KPIs used") double effectiveWeight,
            @Schema(description = "min(1, actual/target) (higher is better) or min(1, target/actual) (lower), 0 to 1")
            double attainment,
            @Schema(description = "effective_weight x attainment; the points add up to the score") double points,
            @Schema(description = "Ids of the exemptions that changed this KPI") List<Long> exemptions) {
    }

    @Schema(name = "ScorecardLeftOut", description = "A KPI of the model that does not count in this score, and why")
    record LeftOut(
            String kpi,
            @Schema(nullable = true) String channel,
            @Schema(nullable = true) String group,
            @Schema(enumeration = {"higher", "lower"}) String direction,
            @Schema(enumeration = {"no_data", "exempted"}, description = "no_data: no contribution in the period; "
                    + "exempted: its only contributions fell in exemptions that leave it out") String status,
            @Schema(example = "no data in the period") String reason,
            @Schema(description = "Ids of the exemptions that left it out") List<Long> exemptions) {
    }

    @Schema(name = "AppliedExemption", description = "An exemption that changed some KPI of the scorecard")
    record Exemption(
            long id,
            @Schema(nullable = true, description = "Its teams; null: every team") List<String> teams,
            @Schema(format = "date") String from,
            @Schema(format = "date") String to,
            String reason,
            @JsonProperty("relaxed_targets") Map<String, Double> relaxedTargets,
            @JsonProperty("left_out") List<String> leftOut) {
    }

    @Schema(name = "ScorecardRow", description = "A member's scorecard for one period")
    record Row(
            @Schema(format = "date", description = "First day of the period (as in /v1/kpis)") String period,
            @Schema(description = "The agent or team id", example = "a-17") String id,
            @Schema(description = "The role whose model scored it", example = "frontline_agent") String role,
            @JsonProperty("model_version") @Schema(description = "The scoring models version (0: the catalog's)") int modelVersion,
            @Schema(nullable = true, description = "0 to 100: the sum of the points; null when no KPI of the model had data")
            Double score,
            List<Kpi> kpis,
            @JsonProperty("left_out") List<LeftOut> leftOut,
            List<Exemption> exemptions) {
    }

    @Schema(name = "ScorecardPage")
    record Page(
            @Schema(enumeration = {"agent", "team"}) String dimension,
            @Schema(enumeration = {"day", "week", "month", "total"}) String granularity,
            @Schema(example = "UTC") String tz,
            @Schema(format = "date") String from,
            @Schema(format = "date") String to,
            List<Row> rows,
            @JsonProperty("next_cursor") @Schema(nullable = true, description = "Pass as cursor for the next page; null "
                    + "on the last page") String nextCursor) {
    }
}
