package io.deskpulse.scoring.service;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Request bodies of the admin API read as JSON trees: a repeated key is refused (which of two values was
 * meant?) and decimals stay exact, so that a document is validated as it was written (stored documents are
 * written and read with the storage contract's StoredJson).
 */
public final class JsonBodies {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonBodies() {
    }

    /** The body as a tree; {@link UnreadableSettingsException} when it is empty or not JSON. */
    public static JsonNode read(String body, String what) {
        if (body == null || body.isBlank()) {
            throw new UnreadableSettingsException("The body is empty; send " + what + " as a JSON object");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // a broken stream constraint (nesting deeper than Jackson's limit, a number too long) has no location
            JsonLocation at = e.getLocation();
            throw new UnreadableSettingsException("The body is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        String nul = nul(tree, "");
        if (nul != null) {
            // valid JSON ("\u0000") that PostgreSQL cannot store in text: it failed the insert with a 500
            throw new UnreadableSettingsException("The body holds the NUL character (\\u0000) at '" + nul
                    + "'; no text may contain it");
        }
        return tree;
    }

    /** The path of the first name or text holding U+0000, or null. */
    private static String nul(JsonNode node, String at) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\u0000') >= 0 ? at : null;
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            String found = nul(node.get(i), at + "[" + i + "]");
            if (found != null) {
                return found;
            }
        }
        for (var field : node.isObject() ? node.properties() : java.util.Set.<java.util.Map.Entry<String, JsonNode>>of()) {
            String path = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
            String found = field.getKey().indexOf('\u0000') >= 0 ? path : nul(field.getValue(), path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
