package io.deskpulse.reporting.domain.alert;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An alert as scoring-service stored it (docs/alerts.md): the rule's definition when it was raised, what raised
 * it, and what resolved it. {@code member} is null for the tenant dimension.
 */
public record AlertRow(long id, String state, long ruleId, int ruleVersion, String ruleName, String metric,
        String dimension, String member, String channel, int windowMinutes, String comparison, BigDecimal threshold,
        long minVolume, Instant raisedAt, double raisedValue, long raisedVolume, Instant windowStart, Instant windowEnd,
        Instant resolvedAt, Double resolvedValue, Long resolvedVolume, String resolvedReason) {
}
