package io.deskpulse.reporting.domain.risk;

/**
 * The signals of the churn-risk score (docs/kpis.md, "Churn risk") and their weights: a signal counts
 * once its count reaches {@code threshold}, for {@code base} points plus {@code perExtra} for each one
 * beyond the threshold, at most {@code cap}. The score is the sum, at most 100.
 */
public enum ChurnSignal {
    /** 3 or more tickets created in the window. */
    REPEAT_CONTACTS("repeat_contacts", 3, 20, 5, 30),
    /** Tickets of the window tagged with the tenant's complaint tag. */
    COMPLAINTS("complaints", 1, 25, 25, 50),
    /** Tickets of the window whose latest CSAT is 1 or 2. */
    LOW_CSAT("low_csat", 1, 20, 20, 40),
    /** The customer's latest NPS response in the window is 0 to 6 (count 1, else 0). */
    NPS_DETRACTOR("nps_detractor", 1, 25, 0, 25),
    /** Reopens of the window's tickets. */
    REOPENS("reopens", 1, 10, 10, 30),
    /**
     * Tickets of the window with negative sentiment: their latest conversation score, else any scored customer
     * message, at or below -0.25 (docs/kpis.md).
     */
    NEGATIVE_SENTIMENT("negative_sentiment", 1, 15, 10, 25);

    private final String label;
    private final int threshold;
    private final int base;
    private final int perExtra;
    private final int cap;

    ChurnSignal(String label, int threshold, int base, int perExtra, int cap) {
        this.label = label;
        this.threshold = threshold;
        this.base = base;
        this.perExtra = perExtra;
        this.cap = cap;
    }

    public String label() {
        return label;
    }

    public int points(long count) {
        if (count < threshold) {
            return 0;
        }
        return (int) Math.min(cap, base + perExtra * (count - threshold));
    }
}
