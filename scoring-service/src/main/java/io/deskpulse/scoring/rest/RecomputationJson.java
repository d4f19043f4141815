package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.Recomputation;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recomputation as the API shows it; {@code progress} is the share of timelines done (0 to 1). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RecomputationJson(UUID id, String status, String reason, int settingsVersion, int generation,
        long timelinesTotal, long timelinesDone, double progress, String requestedBy, Instant requestedAt,
        @Schema(nullable = true, description = "null while it runs") Instant finishedAt,
        @Schema(nullable = true, description = "Why it failed; else null") String error) {

    static RecomputationJson of(Recomputation r) {
        double progress = r.status().equals(Recomputation.COMPLETED) ? 1.0
                : r.timelinesTotal() == 0 ? 0.0 : Math.min(1.0, (double) r.timelinesDone() / r.timelinesTotal());
        return new RecomputationJson(r.id(), r.status(), r.reason(), r.settingsVersion(), r.generation(),
                r.timelinesTotal(), r.timelinesDone(), progress, r.requestedBy(), r.requestedAt(), r.finishedAt(), r.error());
    }
}
