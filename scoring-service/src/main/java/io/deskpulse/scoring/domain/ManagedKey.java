package io.deskpulse.scoring.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An API key issued through the admin API, as listed: never the key itself, only its first characters. It works
 * until {@code expiresAt} (null: no end) unless revoked; a rotated key names the key that {@code replacedBy} it.
 */
public record ManagedKey(UUID id, String tenant, String name, String prefix, List<String> scopes, Instant createdAt,
        Instant expiresAt, Instant revokedAt, UUID replacedBy) {

    /** Whether the key works at {@code now}. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
