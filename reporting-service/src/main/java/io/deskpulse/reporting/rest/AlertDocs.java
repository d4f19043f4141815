package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of GET /v1/alerts, for the OpenAPI document only ({@link AlertWriter} writes the real one). */
final class AlertDocs {

    private AlertDocs() {
    }

    @Schema(name = "Alert", description = "A raised or resolved alert, with the rule's definition as it was when raised")
    record Row(
            @Schema(example = "17") long id,
            @Schema(enumeration = {"raised", "resolved"}) String state,
            @JsonProperty("rule_id") long ruleId,
            @JsonProperty("rule_version") int ruleVersion,
            @JsonProperty("rule_name") @Schema(example = "Chat first response too slow") String ruleName,
            @Schema(example = "first_response_avg_s") String metric,
            @Schema(enumeration = {"tenant", "team", "agent"}) String dimension,
            @Schema(nullable = true, description = "The team or agent; null for the tenant dimension", example = "billing")
            String member,
            @Schema(nullable = true, description = "The rule's channel; null: all") String channel,
            @JsonProperty("window_minutes") int windowMinutes,
            @Schema(enumeration = {">", ">=", "<", "<="}) String comparison,
            double threshold,
            @JsonProperty("min_volume") long minVolume,
            @JsonProperty("raised_at") @Schema(format = "date-time") String raisedAt,
            @JsonProperty("raised_value") @Schema(description = "The metric's value that raised it") double raisedValue,
            @JsonProperty("raised_volume") @Schema(description = "The contributions it rested on") long raisedVolume,
            @JsonProperty("window_start") @Schema(format = "date-time", description = "First instant of the hours read: "
                    + "the start of the hour holding raised_at minus window_minutes") String windowStart,
            @JsonProperty("window_end") @Schema(format = "date-time", description = "= raised_at") String windowEnd,
            @JsonProperty("resolved_at") @Schema(format = "date-time", nullable = true) String resolvedAt,
            @JsonProperty("resolved_value") @Schema(nullable = true, description = "The value when resolved; null when "
                    + "the window had none") Double resolvedValue,
            @JsonProperty("resolved_volume") @Schema(nullable = true) Long resolvedVolume,
            @JsonProperty("resolved_reason") @Schema(nullable = true, example = "the value is back within the threshold")
            String resolvedReason) {
    }

    @Schema(name = "AlertPage")
    record Page(List<Row> rows,
            @JsonProperty("next_cursor") @Schema(nullable = true, description = "Pass as cursor for the next page; null "
                    + "on the last page") String nextCursor) {
    }
}
