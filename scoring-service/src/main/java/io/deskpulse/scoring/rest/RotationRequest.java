package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/keys/{id}/rotation}; it may be absent, for the defaults. */
@Schema(name = "RotationRequest", description = "How long the old key keeps working, and when the new one ends")
@CheckedRequest
public record RotationRequest(
        @JsonProperty("old_key_valid_until")
        @Schema(nullable = true, description = "Until when the old key works beside the new one (ISO-8601 instant, at "
                + "most 30 days ahead; a past instant ends it at once); absent: 24 hours from now",
                example = "2026-12-08T12:00:00Z") Instant oldKeyValidUntil,
        @JsonProperty("expires_at")
        @Schema(nullable = true, description = "When the new key stops working (in the future); absent: it works "
                + "until revoked", example = "2027-06-30T00:00:00Z") Instant expiresAt,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) implements CheckedRequest.Checkable {

    static final Duration LONGEST_OVERLAP = Duration.ofDays(30);

    @Override
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (unknownFields != null) {
            new TreeSet<>(unknownFields.keySet()).forEach(field -> problems.put(field,
                    "is not a field of a rotation request; they are old_key_valid_until, expires_at"));
        }
        Instant now = Instant.now();
        if (oldKeyValidUntil != null && oldKeyValidUntil.isAfter(now.plus(LONGEST_OVERLAP))) {
            problems.put("old_key_valid_until", "must be at most " + LONGEST_OVERLAP.toDays() + " days ahead");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            problems.put("expires_at", "must be in the future");
        }
        return problems;
    }
}
