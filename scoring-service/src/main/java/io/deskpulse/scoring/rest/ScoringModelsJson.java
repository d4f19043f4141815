package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.DocumentVersion;
import io.deskpulse.scoring.service.ScoringModelService.State;
import io.deskpulse.storage.ScoringModelsDocument;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The scoring models as the API answers them: the effective document with its version's facts in front of it, which
 * a PUT ignores, so that a GET's body can be edited and sent back as it is.
 */
@Schema(name = "CurrentScoringModels", description = "The tenant's scoring models with their version")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ScoringModelsJson(
        @Schema(description = "0 when never saved (the catalog's models); also the ETag, for If-Match") int version,
        @Schema(nullable = true, description = "null for version 0") Instant changedAt,
        @Schema(nullable = true, description = "X-DeskPulse-Actor of the change, else key:<fingerprint>; null for "
                + "version 0") String changedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in one version's answer (GET .../versions/{version}): the top-level fields whose "
                + "value differs from the previous version", example = "[\"roles\"]") List<String> changedFields,
        @JsonUnwrapped ScoringModelsDocument models) {

    static ScoringModelsJson current(State state) {
        return of(state, null);
    }

    static ScoringModelsJson version(State state) {
        return of(state, state.version().changedFields());
    }

    private static ScoringModelsJson of(State state, List<String> changedFields) {
        DocumentVersion v = state.version();
        return new ScoringModelsJson(v.version(), v.changedAt(), v.changedBy(), changedFields, state.document());
    }
}
