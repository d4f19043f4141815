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
 * meant?) and decimals stay exact, so that a document is validated as it was written.
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
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // a broken stream constraint (nesting deeper than Jackson's limit, a number too long) has no location
            JsonLocation at = e.getLocation();
            throw new UnreadableSettingsException("The body is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }
}
