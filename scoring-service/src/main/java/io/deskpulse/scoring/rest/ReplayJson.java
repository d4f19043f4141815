package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.Replay;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A replay as the API shows it: the range asked for, and how much of it was read and applied. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReplayJson(UUID id, String status, Instant from, String topic, Map<Integer, Long> endOffsets,
        long eventsRead, long eventsApplied, String requestedBy, Instant requestedAt,
        @Schema(nullable = true, description = "null while it runs") Instant finishedAt,
        @Schema(nullable = true, description = "Why it failed; else null") String error) {

    static ReplayJson of(Replay r) {
        return new ReplayJson(r.id(), r.status(), r.from(), r.topic(), r.endOffsets(), r.eventsRead(), r.eventsApplied(),
                r.requestedBy(), r.requestedAt(), r.finishedAt(), r.error());
    }
}
