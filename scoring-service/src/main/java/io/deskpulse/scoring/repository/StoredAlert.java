package io.deskpulse.scoring.repository;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code alerts}: the rule's definition as it was, what raised the alert and, once resolved, what resolved it. */
public record StoredAlert(long id, long ruleId, int ruleVersion, String ruleName, String metric, String dimension,
        String member, String channel, int windowMinutes, String comparison, BigDecimal threshold, long minVolume,
        String state, Instant raisedAt, double raisedValue, long raisedVolume, Instant windowStart, Instant windowEnd,
        Instant resolvedAt, Double resolvedValue, Long resolvedVolume, String resolvedReason) {
}
