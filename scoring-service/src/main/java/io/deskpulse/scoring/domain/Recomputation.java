package io.deskpulse.scoring.domain;

import java.time.Instant;
import java.util.UUID;

/** A rebuild of one tenant's aggregates from its timelines into a new generation, and how far it got. */
public record Recomputation(UUID id, String tenantId, String reason, int settingsVersion, int generation, String status,
        long timelinesTotal, long timelinesDone, String requestedBy, Instant requestedAt, Instant finishedAt,
        String error) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String SUPERSEDED = "superseded";
    public static final String FAILED = "failed";
}
