package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.scoring.domain.DocumentVersion;
import io.deskpulse.scoring.domain.Recomputation;
import io.deskpulse.scoring.service.SettingsCodec;
import io.deskpulse.scoring.service.SettingsService.Saved;
import io.deskpulse.scoring.service.SettingsService.State;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The answers of the settings API: the effective document with its version's facts in front of it. The
 * facts are read-only fields that a PUT ignores, so a GET's body can be edited and sent back as it is.
 */
@ApplicationScoped
class SettingsJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SettingsCodec codec;

    SettingsJson(SettingsCodec codec) {
        this.codec = codec;
    }

    /** GET /v1/settings. */
    ObjectNode current(State state) {
        ObjectNode answer = VersionFacts.of(state.version());
        answer.set("pending_recomputation", recomputation(state.pending()));
        answer.setAll(codec.encode(state.settings()));
        return answer;
    }

    /** PUT /v1/settings: as GET, plus the recomputation this change started. */
    ObjectNode saved(Saved saved) {
        ObjectNode answer = current(saved.state());
        answer.set("recomputation", recomputation(saved.started()));
        return answer;
    }

    /** GET /v1/settings/versions/{version}. */
    ObjectNode version(State state) {
        ObjectNode answer = VersionFacts.withChangedFields(state.version());
        answer.setAll(codec.encode(state.settings()));
        return answer;
    }

    /** GET /v1/settings/versions. */
    ArrayNode history(List<DocumentVersion> versions) {
        return VersionFacts.history(versions);
    }

    static String etag(DocumentVersion version) {
        return VersionFacts.etag(version);
    }

    private static JsonNode recomputation(Recomputation r) {
        if (r == null) {
            return NullNode.instance;
        }
        ObjectNode node = JSON.objectNode();
        node.put("id", r.id().toString());
        node.put("status", r.status());
        node.put("settings_version", r.settingsVersion());
        node.put("timelines_total", r.timelinesTotal());
        node.put("timelines_done", r.timelinesDone());
        return node;
    }
}
