package io.deskpulse.reporting.domain.risk;

import java.time.Instant;

/**
 * A ticket's churn-risk signals from {@code at} on (scoring keeps them in {@code ticket_facts.risk_history}, one
 * state per change, by event time): tagged with the complaint tag, latest CSAT 1 or 2, reopens so far, negative
 * sentiment. {@link #NONE} is a ticket before any of them.
 */
public record RiskState(Instant at, boolean complaint, boolean lowCsat, int reopens, boolean negativeSentiment) {

    public static final RiskState NONE = new RiskState(Instant.MIN, false, false, 0, false);
}
