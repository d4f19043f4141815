package io.deskpulse.ingestion.connector;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reading platform payloads: ids that come as strings or numbers, required parts named by their path. */
final class Json {

    // Floats as BigDecimal: Chatwoot's float epochs (1770717600.527) must give the same millisecond as its ISO
    // strings, which a double (…600.52699…) would not; duplicate members are refused as /v1/events refuses them.
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Json() {
    }

    static ObjectNode parseObject(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MappingException("body", "is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new MappingException("body", "cannot be read: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new MappingException("body", "is empty");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MappingException("body", "must be a JSON object");
        }
        return object;
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /** The object member, or null when absent or null; {@link MappingException} when it is something else. */
    static ObjectNode object(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (!present(node)) {
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MappingException(path, "must be an object");
        }
        return object;
    }

    static ObjectNode requiredObject(JsonNode parent, String name, String path) {
        ObjectNode object = object(parent, name, path);
        if (object == null) {
            throw new MappingException(path, "is required");
        }
        return object;
    }

    /** An id sent as a non-blank string or an integer, as text; null when absent, null or blank. */
    static String id(JsonNode node, String path) {
        if (!present(node)) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        if (node.isTextual()) {
            String text = node.textValue().trim();
            return text.isEmpty() ? null : text;
        }
        throw new MappingException(path, "must be a string or an integer id");
    }

    static String requiredId(JsonNode parent, String name, String path) {
        String id = id(parent.get(name), path);
        if (id == null) {
            throw new MappingException(path, "is required");
        }
        return id;
    }

    /** A text value; numbers and booleans as their text; null when absent or null. */
    static String text(JsonNode node) {
        if (!present(node) || node.isContainerNode()) {
            return null;
        }
        return node.asText();
    }

    static String requiredText(JsonNode parent, String name, String path) {
        String text = text(parent.get(name));
        if (text == null || text.isBlank()) {
            throw new MappingException(path, "is required");
        }
        return text;
    }

    static boolean isTrue(JsonNode node) {
        return present(node) && (node.asBoolean() || "true".equalsIgnoreCase(node.asText()));
    }

    /** The strings of an array (non-strings as their text), or of a comma-separated string; empty when absent. */
    static List<String> strings(JsonNode node, String path) {
        List<String> values = new ArrayList<>();
        if (!present(node)) {
            return values;
        }
        if (node.isTextual()) {
            for (String part : node.textValue().split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
            return values;
        }
        if (!node.isArray()) {
            throw new MappingException(path, "must be an array of strings");
        }
        for (JsonNode element : node) {
            String text = text(element);
            if (text != null && !text.isBlank()) {
                values.add(text);
            }
        }
        return values;
    }
}
