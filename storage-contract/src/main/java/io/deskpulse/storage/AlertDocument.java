package io.deskpulse.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An alert, the one type for its shape: reporting-service answers it in {@code GET /v1/alerts} (JSON and CSV), and
 * scoring-service posts it in its webhooks (docs/alerts.md#webhooks), so that a receiver reads both alike.
 */
@Schema(name = "AlertRow", description = "A raised or resolved alert, with the rule's definition as it was when "
        + "raised (docs/alerts.md)", requiredProperties = {"id", "state", "rule_id", "rule_version", "rule_name",
            "metric", "dimension", "member", "channel", "window_minutes", "comparison", "threshold", "min_volume",
            "raised_at", "raised_value", "raised_volume", "window_start", "window_end", "resolved_at",
            "resolved_value", "resolved_volume", "resolved_reason"}, additionalProperties = Schema.False.class)
public record AlertDocument(
        @Schema(description = "The alert's id; newer alerts have larger ids", example = "18") long id,
        @Schema(enumeration = {"raised", "resolved"}, description = "raised: still open; resolved: closed",
                example = "raised") String state,
        @JsonProperty("rule_id") @Schema(description = "The rule that raised it", example = "3") long ruleId,
        @JsonProperty("rule_version") @Schema(description = "The rule's version when it was raised", example = "1")
        int ruleVersion,
        @JsonProperty("rule_name") @Schema(description = "The rule's name", example = "Chat first response too slow")
        String ruleName,
        @Schema(description = "The catalog metric the rule watches", example = "first_response_avg_s") String metric,
        @Schema(enumeration = {"tenant", "team", "agent"}, description = "Whom the rule watches", example = "team")
        String dimension,
        @Schema(nullable = true, description = "The team or agent; null for the tenant dimension", example = "billing")
        String member,
        @Schema(nullable = true, description = "The rule's channel; null: all channels", example = "chat") String channel,
        @JsonProperty("window_minutes") @Schema(description = "The rolling window of the rule, in minutes",
                example = "60") int windowMinutes,
        @Schema(enumeration = {">", ">=", "<", "<="}, description = "Raised while the value compares so to threshold",
                example = ">") String comparison,
        @Schema(description = "The rule's threshold, as written", example = "120") BigDecimal threshold,
        @JsonProperty("min_volume") @Schema(description = "The contributions the window needs before the rule judges "
                + "it", example = "3") long minVolume,
        @JsonProperty("raised_at") @Schema(description = "When it was raised", example = "2026-11-02T10:25:00Z")
        Instant raisedAt,
        @JsonProperty("raised_value") @Schema(description = "The metric's value that raised it", example = "135.0")
        double raisedValue,
        @JsonProperty("raised_volume") @Schema(description = "The contributions that value rested on", example = "4")
        long raisedVolume,
        @JsonProperty("window_start") @Schema(description = "First instant of the hours read: the start of the hour "
                + "holding raised_at minus window_minutes", example = "2026-11-02T09:00:00Z") Instant windowStart,
        @JsonProperty("window_end") @Schema(description = "The end of the hours read: raised_at",
                example = "2026-11-02T10:25:00Z") Instant windowEnd,
        @JsonProperty("resolved_at") @Schema(nullable = true, description = "When it was resolved; null while raised",
                example = "2026-11-02T11:40:00Z") Instant resolvedAt,
        @JsonProperty("resolved_value") @Schema(nullable = true, description = "The value when resolved; null while "
                + "raised, or when the window had none", example = "95.5") Double resolvedValue,
        @JsonProperty("resolved_volume") @Schema(nullable = true, description = "The contributions of the window when "
                + "resolved; null while raised", example = "6") Long resolvedVolume,
        @JsonProperty("resolved_reason") @Schema(nullable = true, description = "Why it was resolved; null while raised",
                example = "the value is back within the threshold") String resolvedReason) {
}
