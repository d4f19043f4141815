package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.scoring.service.CheckedDocument;
import io.deskpulse.scoring.service.FieldErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/keys/{id}/rotation}; it may be absent, for the defaults. */
@Schema(name = "RotationRequest", description = "How long the old key keeps working, and when the new one ends")
@CheckedDocument.Valid
public record RotationRequest(
        @JsonProperty("old_key_valid_until")
        @Schema(nullable = true, description = "Until when the old key works beside the new one (ISO-8601 instant, at "
                + "most 30 days ahead; a past instant ends it at once); absent: 24 hours from now",
                example = "2026-12-08T12:00:00Z") Instant oldKeyValidUntil,
        @JsonProperty("expires_at")
        @Schema(nullable = true, description = "When the new key stops working (in the future); absent: it works "
                + "until revoked", example = "2027-06-30T00:00:00Z") Instant expiresAt,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) implements CheckedDocument {

    static final Duration LONGEST_OVERLAP = Duration.ofDays(30);

    @Override
    public FieldErrors check() {
        FieldErrors errors = new FieldErrors();
        errors.unknown(unknownFields, "", "is not a field of a rotation request; they are old_key_valid_until, expires_at");
        Instant now = Instant.now();
        if (oldKeyValidUntil != null && oldKeyValidUntil.isAfter(now.plus(LONGEST_OVERLAP))) {
            errors.add("old_key_valid_until", "must be at most " + LONGEST_OVERLAP.toDays() + " days ahead");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add("expires_at", "must be in the future");
        }
        return errors;
    }
}
