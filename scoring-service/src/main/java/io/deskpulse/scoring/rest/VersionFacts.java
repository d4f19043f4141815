package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.scoring.domain.DocumentVersion;
import java.util.List;

/** The read-only facts of a versioned document that answers show in front of it: version, who, when, what. */
final class VersionFacts {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private VersionFacts() {
    }

    static ObjectNode of(DocumentVersion version) {
        ObjectNode node = JSON.objectNode();
        node.put("version", version.version());
        node.put("changed_at", version.changedAt() == null ? null : version.changedAt().toString());
        node.put("changed_by", version.changedBy());
        return node;
    }

    static ObjectNode withChangedFields(DocumentVersion version) {
        ObjectNode node = of(version);
        ArrayNode fields = node.putArray("changed_fields");
        version.changedFields().forEach(fields::add);
        return node;
    }

    static ArrayNode history(List<DocumentVersion> versions) {
        ArrayNode answer = JSON.arrayNode();
        versions.forEach(v -> answer.add(withChangedFields(v)));
        return answer;
    }

    static String etag(DocumentVersion version) {
        return "\"" + version.version() + "\"";
    }

    /** A version number from a path: text, so that "abc" or "-1" is the same 404 as a version that does not exist. */
    static int parse(String text, RuntimeException notFound) {
        if (text.matches("\\d{1,9}")) {
            return Integer.parseInt(text);
        }
        throw notFound;
    }
}
