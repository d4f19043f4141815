package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.AlertRule;
import io.deskpulse.scoring.service.Decimals;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An alert rule as the API answers it; its webhook's secret is never answered. */
@Schema(name = "AlertRule", description = "An alert rule with its identity and history")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AlertRuleJson(@Schema(example = "3") long id,
        @Schema(description = "Counts up with every change; the ETag, for If-Match", example = "1") int version,
        String name, boolean enabled, String metric, @Schema(enumeration = {"tenant", "team", "agent"}) String dimension,
        List<String> ids, @Schema(nullable = true) String channel, int windowMinutes,
        @Schema(enumeration = {">", ">=", "<", "<="}) String comparison,
        @Schema(type = SchemaType.NUMBER) Number threshold, long minVolume, @Schema(nullable = true) Webhook webhook,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    @Schema(name = "Webhook", description = "The rule's webhook (its secret is never answered)")
    public record Webhook(@Schema(example = "https://hooks.example.com/deskpulse") String url) {
    }

    static AlertRuleJson of(AlertRule rule) {
        return new AlertRuleJson(rule.id(), rule.version(), rule.name(), rule.enabled(), rule.metric().label(),
                rule.dimension(), rule.memberIds(), rule.channel(), rule.windowMinutes(), rule.comparison(),
                Decimals.plain(rule.threshold()), rule.minVolume(),
                rule.hasWebhook() ? new Webhook(rule.webhookUrl()) : null, rule.createdAt(), rule.createdBy(),
                rule.updatedAt(), rule.updatedBy());
    }
}
