package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.scoring.domain.Recomputation;
import io.deskpulse.scoring.service.SettingsCodec;
import io.deskpulse.scoring.service.SettingsService.Saved;
import io.deskpulse.scoring.service.SettingsService.State;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answers of the settings API: the effective document with its version's facts in front of it. The
 * facts are read-only fields that a PUT ignores, so a GET's body can be edited and sent back as it is.
 */
@ApplicationScoped
class SettingsJson {

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

    private final SettingsCodec codec;

    SettingsJson(SettingsCodec codec) {
        this.codec = codec;
    }

    /** GET /v1/settings. */
    ObjectNode current(State state) {
        ObjectNode answer = VersionFacts.of(state.version());
        answer.putPOJO("pending_recomputation", RecomputationRef.of(state.pending()));
        answer.setAll(codec.encode(state.settings()));
        return answer;
    }

    /** PUT /v1/settings: as GET, plus the recomputation this change started. */
    ObjectNode saved(Saved saved) {
        ObjectNode answer = current(saved.state());
        answer.putPOJO("recomputation", RecomputationRef.of(saved.started()));
        return answer;
    }

    /** GET /v1/settings/versions/{version}. */
    ObjectNode version(State state) {
        ObjectNode answer = VersionFacts.withChangedFields(state.version());
        answer.setAll(codec.encode(state.settings()));
        return answer;
    }
}
