package io.deskpulse.scoring.domain;

import io.deskpulse.scoring.domain.AggregateComparison.Difference;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A check of one tenant's stored aggregates against its timelines for a time range, optionally repairing them, and
 * how far it got: hours before {@code checkedUntil} are done. {@code differences} holds the first
 * {@value #DIFFERENCES_KEPT} of {@code differenceCount}, in period order.
 */
public record Reconciliation(UUID id, String tenantId, Instant from, Instant to, boolean repair, String status,
        String requestedBy, Instant requestedAt, Instant finishedAt, Integer generation, Instant checkedUntil,
        long timelinesChecked, long differenceCount, List<Difference> differences, boolean repaired, String error) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final int DIFFERENCES_KEPT = 1_000;
    /** Who asks for the runs the schedule starts. */
    public static final String SCHEDULE = "schedule";

    public Reconciliation {
        differences = List.copyOf(differences);
    }

    public static Reconciliation requested(String tenant, Instant from, Instant to, boolean repair, String requestedBy,
            Instant now) {
        return new Reconciliation(UUID.randomUUID(), tenant, from, to, repair, RUNNING, requestedBy, now, null, null, null,
                0, 0, List.of(), false, null);
    }
}
