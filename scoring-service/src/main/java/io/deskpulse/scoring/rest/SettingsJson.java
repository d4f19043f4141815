package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.DocumentVersion;
import io.deskpulse.scoring.domain.Recomputation;
import io.deskpulse.scoring.service.SettingsDocument;
import io.deskpulse.scoring.service.SettingsService;
import io.deskpulse.scoring.service.SettingsService.State;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answers of the settings API: the effective document with its version's facts in front of it. The
 * facts are read-only fields that a PUT ignores, so a GET's body can be edited and sent back as it is.
 */
final class SettingsJson {

    private SettingsJson() {
    }

    @Schema(name = "RecomputationRef", description = "A recomputation of the tenant's aggregates from its timelines; "
            + "its progress is at /v1/recomputations/{id}")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RecomputationRef(UUID id, @Schema(enumeration = {"running", "completed", "superseded", "failed"}) String status,
            int settingsVersion, long timelinesTotal, long timelinesDone) {

        static RecomputationRef of(Recomputation r) {
            return r == null ? null
                    : new RecomputationRef(r.id(), r.status(), r.settingsVersion(), r.timelinesTotal(), r.timelinesDone());
        }
    }

    /** GET /v1/settings. */
    @Schema(name = "Settings", description = "The tenant's latest settings, every default filled in, and its version")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Current(@Schema(description = "0 when never saved (the defaults); also the ETag, for If-Match") int version,
            @Schema(nullable = true, description = "null for version 0") Instant changedAt,
            @Schema(nullable = true, description = "The X-DeskPulse-Actor header of the change, else key:<the first 12 "
                    + "hex digits of the SHA-256 of the API key>; null for version 0", example = "key:083854c91b44")
            String changedBy,
            @Schema(nullable = true, description = "The running recomputation, while it builds settings that reports do "
                    + "not show yet; else null") RecomputationRef pendingRecomputation,
            @JsonUnwrapped SettingsDocument settings) {

        static Current of(State state) {
            DocumentVersion v = state.version();
            return new Current(v.version(), v.changedAt(), v.changedBy(), RecomputationRef.of(state.pending()),
                    SettingsDocument.of(state.settings()));
        }
    }

    /** PUT /v1/settings: as GET, plus the recomputation this change started. */
    @Schema(name = "SavedSettings", description = "As GET /v1/settings, plus the recomputation this PUT started")
    record Saved(@JsonUnwrapped Current current,
            @Schema(nullable = true, description = "Started by this PUT (null: none was needed, or nothing changed)")
            RecomputationRef recomputation) {

        static Saved of(SettingsService.Saved saved) {
            return new Saved(Current.of(saved.state()), RecomputationRef.of(saved.started()));
        }
    }

    /** GET /v1/settings/versions/{version}. */
    @Schema(name = "SettingsVersion", description = "One version's whole document and who changed what")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Version(int version, @Schema(nullable = true) Instant changedAt, @Schema(nullable = true) String changedBy,
            List<String> changedFields, @JsonUnwrapped SettingsDocument settings) {

        static Version of(State state) {
            DocumentVersion v = state.version();
            return new Version(v.version(), v.changedAt(), v.changedBy(), v.changedFields(),
                    SettingsDocument.of(state.settings()));
        }
    }
}
