package io.deskpulse.scoring.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A webhook delivery and its attempts, as the admin API lists them: of an alert rule ({@code subjectId} is the alert's
 * id) or of a report webhook ({@code subjectId} is the period report's id).
 */
public record WebhookDelivery(long id, long subjectId, String event, String status, int attempts, Instant createdAt,
        Instant nextAttemptAt, Instant finishedAt, String lastError, List<Attempt> history) {

    /** What a delivery goes to: an alert rule's webhook or a report webhook (column {@code kind}). */
    public enum Kind {
        ALERT, REPORT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    public record Attempt(int attempt, Instant at, String url, Integer statusCode, String error, long durationMs) {
    }
}
