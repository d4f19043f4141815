package io.deskpulse.scoring.domain;

/**
 * A ticket's churn-risk signals (docs/kpis.md, "Churn risk") as they stood from {@code epochMillis} on, until the
 * next point: tagged with the complaint tag, latest CSAT 1 or 2, reopens so far, negative sentiment (the latest
 * conversation score, else any scored customer message, at or below -0.25). Kept in {@code ticket_facts.risk_history}
 * so that reporting's at-risk back-test rebuilds the score as of any past day from event time, without the
 * ticket's later events (docs/storage.md).
 */
public record RiskPoint(long epochMillis, boolean complaint, boolean lowCsat, int reopens, boolean negativeSentiment) {

    /** A ticket before any signal. */
    public static final RiskPoint NONE = new RiskPoint(Long.MIN_VALUE, false, false, 0, false);

    public boolean sameSignals(RiskPoint other) {
        return complaint == other.complaint && lowCsat == other.lowCsat && reopens == other.reopens
                && negativeSentiment == other.negativeSentiment;
    }
}
