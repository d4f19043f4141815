package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.Connector;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A connector as the API shows it: never its secrets. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "Connector", description = "A helpdesk connected by its webhooks (docs/connectors.md)")
public record ConnectorJson(
        @Schema(description = "128 random bits; the webhook URL's last segment", example = "cn_4f1c0b7e9a2d4c6f8e1b3a5d7c9e0f12")
        String id,
        @Schema(enumeration = {"zendesk", "chatwoot", "freshdesk", "intercom", "zammad"}) String platform,
        String name,
        @Schema(description = "The platform's options with their defaults (chatwoot: allow_unsigned; freshdesk: auth)") Map<String, Object> options,
        @Schema(description = "What to paste into the helpdesk as the webhook's URL",
                example = "https://ingest.example.com/v1/hooks/cn_4f1c0b7e9a2d4c6f8e1b3a5d7c9e0f12") String webhookUrl,
        @Schema(enumeration = {"active", "disabled"}, description = "disabled: its webhooks are answered 404") String status,
        @Schema(nullable = true, description = "Until when the secret before the last rotation is still accepted; "
                + "null when there is none") Instant previousSecretValidUntil,
        @Schema(nullable = true) Instant disabledAt,
        @Schema(description = "Who created it: X-DeskPulse-Actor, else key:<fingerprint>") String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    static ConnectorJson of(Connector c, String webhookUrl) {
        return new ConnectorJson(c.id(), c.platform(), c.name(), c.options(), webhookUrl,
                c.disabled() ? "disabled" : "active", c.previousSecretValidUntil(), c.disabledAt(), c.createdBy(),
                c.createdAt(), c.updatedAt());
    }

    /** The answer of create and rotate: the only time the secret is shown. */
    @Schema(name = "ConnectorWithSecret", description = "A connector and its new secret, shown this once")
    public record WithSecret(
            ConnectorJson connector,
            @Schema(description = "The signing secret (or Freshdesk credential) to paste into the helpdesk, or the one "
                    + "sent; it cannot be read back", example = "b3Jx7Qm2vYkq9Z1sWc4Nf8Hp0Lr6Tj5Ue2Ga7Kd3XiM") String secret) {
    }
}
