package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.ReportPeriod;
import io.deskpulse.scoring.domain.ReportWebhook;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report webhook as the API shows it: never its secret. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "ReportWebhook", description = "Where period reports are posted (docs/report-webhooks.md)")
public record ReportWebhookJson(
        @Schema(example = "7") long id,
        String name,
        String url,
        @Schema(type = SchemaType.ARRAY, implementation = ReportGranularity.class, description = "The period lengths "
                + "posted") List<String> granularities,
        @Schema(enumeration = {"active", "disabled"}, description = "disabled: no new report is posted to it") String status,
        @Schema(nullable = true) Instant disabledAt,
        @Schema(description = "Who created it: X-DeskPulse-Actor, else key:<fingerprint>") String createdBy,
        Instant createdAt,
        @Schema(description = "When it was created, its secret rotated or it was disabled, the latest") Instant updatedAt) {

    static ReportWebhookJson of(ReportWebhook w) {
        return new ReportWebhookJson(w.id(), w.name(), w.url(), w.granularities().stream().map(ReportPeriod.Length::label)
                .toList(), w.disabled() ? "disabled" : "active", w.disabledAt(), w.createdBy(), w.createdAt(),
                w.updatedAt());
    }

    /** The answer of create and rotate: the only time the secret is shown. */
    @Schema(name = "ReportWebhookWithSecret", description = "A report webhook and its new secret, shown this once")
    public record WithSecret(
            ReportWebhookJson webhook,
            @Schema(description = "The signing secret to verify deliveries with (docs/alerts.md#verifying-a-delivery); "
                    + "it cannot be read back", example = "b3Jx7Qm2vYkq9Z1sWc4Nf8Hp0Lr6Tj5Ue2Ga7Kd3XiM") String secret) {
    }

    /** A delivery of a report webhook with every attempt. */
    @Schema(name = "ReportWebhookDelivery", description = "One period report posted to the webhook, and every attempt")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Delivery(long id,
            @Schema(description = "The period report posted (GET /v1/reports/{id} of reporting-service)") long reportId,
            @Schema(enumeration = {"period_report.created"}) String event,
            @Schema(enumeration = {"pending", "delivered", "failed", "cancelled"}) String status, int attempts,
            Instant createdAt, @Schema(description = "When a pending delivery is tried next") Instant nextAttemptAt,
            @Schema(nullable = true) Instant finishedAt, @Schema(nullable = true) String lastError,
            List<WebhookDeliveryJson.Attempt> attemptHistory) {

        static Delivery of(io.deskpulse.scoring.domain.WebhookDelivery d) {
            WebhookDeliveryJson alertShape = WebhookDeliveryJson.of(d);
            return new Delivery(d.id(), d.subjectId(), d.event(), d.status(), d.attempts(), d.createdAt(),
                    d.nextAttemptAt(), d.finishedAt(), d.lastError(), alertShape.attemptHistory());
        }
    }
}
