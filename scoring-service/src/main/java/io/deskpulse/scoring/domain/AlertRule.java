package io.deskpulse.scoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A threshold alert rule (docs/alerts.md): raise an alert for the tenant, or for each team or agent (all, or
 * those of {@code memberIds}), whose {@code metric} over the last {@code windowMinutes} (on {@code channel},
 * or all channels when null) compares with {@code threshold} as {@code comparison} says, on at least
 * {@code minVolume} contributions. {@code webhookUrl} and {@code webhookSecret} are null without a webhook.
 */
public record AlertRule(long id, String tenant, int version, String name, boolean enabled, AlertMetric metric,
        String dimension, List<String> memberIds, String channel, int windowMinutes, String comparison,
        BigDecimal threshold, long minVolume, String webhookUrl, String webhookSecret, Instant createdAt,
        String createdBy, Instant updatedAt, String updatedBy) {

    public static final List<String> DIMENSIONS = List.of("tenant", "team", "agent");
    public static final List<String> COMPARISONS = List.of(">", ">=", "<", "<=");

    /** What a request asks for: a rule without identity and history; a null webhook secret keeps the stored one. */
    public record Draft(String name, boolean enabled, AlertMetric metric, String dimension, List<String> memberIds,
            String channel, int windowMinutes, String comparison, BigDecimal threshold, long minVolume,
            String webhookUrl, String webhookSecret) {
    }

    /** Whether both raise the same alerts: the same metric, members, channel, window, comparison and volume. */
    public boolean sameDefinition(AlertRule other) {
        return metric == other.metric && dimension.equals(other.dimension) && memberIds.equals(other.memberIds)
                && java.util.Objects.equals(channel, other.channel) && windowMinutes == other.windowMinutes
                && comparison.equals(other.comparison) && threshold.compareTo(other.threshold) == 0
                && minVolume == other.minVolume;
    }

    public boolean hasWebhook() {
        return webhookUrl != null;
    }

    /** Whether a value breaks the threshold. */
    public boolean breaches(double value) {
        int c = BigDecimal.valueOf(value).compareTo(threshold);
        return switch (comparison) {
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            default -> throw new IllegalStateException("comparison " + comparison);
        };
    }
}
