package io.deskpulse.scoring.domain;

import java.time.Instant;
import java.util.List;

/** A webhook delivery of an alert rule and its attempts, as the admin API lists them. */
public record WebhookDelivery(long id, long alertId, String event, String status, int attempts, Instant createdAt,
        Instant nextAttemptAt, Instant finishedAt, String lastError, List<Attempt> history) {

    public record Attempt(int attempt, Instant at, String url, Integer statusCode, String error, long durationMs) {
    }
}
