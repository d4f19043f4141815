package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.scoring.domain.ManagedKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKey", description = "An issued API key, without its secret")
public record KeyJson(
        @Schema(required = true, description = "The key's id, as the audit trail names it",
                example = "6f1c2a9e-4b7d-4f0e-9a51-2c8e7d3b1a40") UUID id,
        @Schema(required = true, example = "acme") String tenant,
        @Schema(required = true, example = "zendesk connector") String name,
        @Schema(required = true, description = "The key's first characters, to recognise it", example = "dp_Q3v9xLk")
        String prefix,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = KeyScope.class, example = "[\"ingest\"]")
        List<String> scopes,
        @Schema(required = true, enumeration = {"active", "expired", "revoked"},
                description = "Whether the key works now") String status,
        @JsonProperty("created_at") @Schema(required = true, example = "2026-12-07T12:00:00Z") Instant createdAt,
        @JsonProperty("expires_at") @Schema(nullable = true, description = "When it stops (or stopped) working; null: "
                + "never", example = "2026-12-08T12:00:00Z") Instant expiresAt,
        @JsonProperty("revoked_at") @Schema(nullable = true) Instant revokedAt,
        @JsonProperty("replaced_by") @Schema(nullable = true, description = "The key that replaced it by rotation")
        UUID replacedBy) {

    static KeyJson of(ManagedKey key, Instant now) {
        String status = key.revokedAt() != null ? "revoked" : key.activeAt(now) ? "active" : "expired";
        return new KeyJson(key.id(), key.tenant(), key.name(), key.prefix(), key.scopes(), status, key.createdAt(),
                key.expiresAt(), key.revokedAt(), key.replacedBy());
    }
}
