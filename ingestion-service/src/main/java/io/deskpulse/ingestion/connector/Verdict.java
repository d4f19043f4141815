package io.deskpulse.ingestion.connector;

/**
 * Whether a delivery proved it comes from the helpdesk. A refusal carries two reasons: {@link #CLIENT_REASON}, the
 * same for every refusal, which is all the sender is told (naming the part that was wrong would help someone
 * forging a signature), and {@code logReason}, which says what was wrong, for the logs only.
 */
public record Verdict(boolean accepted, String logReason) {

    /** What a refused sender is told, whatever was wrong. */
    public static final String CLIENT_REASON = "The webhook's signature or credentials are not valid.";

    private static final Verdict ACCEPTED = new Verdict(true, null);

    public static Verdict accept() {
        return ACCEPTED;
    }

    public static Verdict refuse(String logReason) {
        return new Verdict(false, logReason);
    }

    /** The reason for the sender: null when accepted. */
    public String clientReason() {
        return accepted ? null : CLIENT_REASON;
    }
}
