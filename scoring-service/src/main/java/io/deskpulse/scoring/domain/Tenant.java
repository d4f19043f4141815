package io.deskpulse.scoring.domain;

import java.time.Instant;

/** A tenant scoring accepts records of. */
public record Tenant(String id, Instant createdAt) {
}
