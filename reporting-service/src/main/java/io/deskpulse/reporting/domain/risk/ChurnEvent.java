package io.deskpulse.reporting.domain.risk;

import java.time.Instant;

/** A {@code customer.churned} event: who left, and when (event time). */
public record ChurnEvent(String customerId, Instant at) {
}
