package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.WebhookDelivery;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook delivery of an alert rule as the API shows it, with every attempt. */
@Schema(name = "WebhookDelivery", description = "One alert's webhook and every attempt to deliver it")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookDeliveryJson(long id, long alertId,
        @Schema(enumeration = {"alert.raised", "alert.resolved"}) String event,
        @Schema(enumeration = {"pending", "delivered", "failed", "cancelled"}) String status, int attempts,
        Instant createdAt, @Schema(description = "When a pending delivery is tried next") Instant nextAttemptAt,
        @Schema(nullable = true) Instant finishedAt, @Schema(nullable = true) String lastError,
        List<Attempt> attemptHistory) {

    @Schema(name = "WebhookAttempt")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Attempt(int attempt, Instant at, String url,
            @Schema(nullable = true, description = "The receiver's HTTP status; null when none came (connection failed, "
                    + "timeout)") Integer statusCode,
            @Schema(nullable = true) String error, long durationMs) {
    }

    static WebhookDeliveryJson of(WebhookDelivery d) {
        return new WebhookDeliveryJson(d.id(), d.subjectId(), d.event(), d.status(), d.attempts(), d.createdAt(),
                d.nextAttemptAt(), d.finishedAt(), d.lastError(), d.history().stream().map(a -> new Attempt(a.attempt(),
                        a.at(), a.url(), a.statusCode(), a.error(), a.durationMs())).toList());
    }
}
