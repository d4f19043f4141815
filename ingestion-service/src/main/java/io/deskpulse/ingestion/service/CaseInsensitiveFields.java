package io.deskpulse.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields whose values are enumerations and so match case-insensitively: the event's own enumerated
 * attributes (such as {@code type}) and, per event type, the enumerated properties of its {@code data}.
 *
 * <p>Derived from the schema, so that a new enumerated field in the contract is lower-cased without a code
 * change. It reads the shape the contract uses: top-level {@code properties}, and {@code allOf} entries
 * {@code if type const X then data: {$ref or schema}}, including the data schema's own conditional parts.
 */
public final class CaseInsensitiveFields {

    private final Set<String> eventFields;
    private final Map<String, Set<String>> dataFieldsByType;

    CaseInsensitiveFields(Set<String> eventFields, Map<String, Set<String>> dataFieldsByType) {
        this.eventFields = Set.copyOf(eventFields);
        this.dataFieldsByType = Map.copyOf(dataFieldsByType);
    }

    public static CaseInsensitiveFields fromSchema(JsonNode schema) {
        Set<String> eventFields = enumerated(schema, schema.path("properties"));
        Map<String, Set<String>> byType = new HashMap<>();
        for (JsonNode branch : schema.path("allOf")) {
            JsonNode typeConst = branch.path("if").path("properties").path("type").path("const");
            JsonNode data = branch.path("then").path("properties").path("data");
            if (typeConst.isTextual() && !data.isMissingNode()) {
                Set<String> fields = new LinkedHashSet<>();
                collectDataFields(schema, resolve(schema, data), fields, 0);
                byType.computeIfAbsent(typeConst.asText().toLowerCase(Locale.ROOT), t -> new LinkedHashSet<>())
                        .addAll(fields);
            }
        }
        byType.values().removeIf(Set::isEmpty);
        return new CaseInsensitiveFields(eventFields, byType);
    }

    /** Lower-cases, in place, the string values of the enumerated fields of this event; returns whether any changed. */
    public boolean apply(ObjectNode event) {
        boolean changed = false;
        for (String field : eventFields) {
            changed |= lowerCase(event, field);
        }
        JsonNode type = event.get("type");
        JsonNode data = event.get("data");
        if (type == null || !type.isTextual() || !(data instanceof ObjectNode dataObject)) {
            return changed;
        }
        for (String field : dataFieldsByType.getOrDefault(type.asText(), Set.of())) {
            changed |= lowerCase(dataObject, field);
        }
        return changed;
    }

    public Set<String> eventFields() {
        return eventFields;
    }

    public Set<String> dataFields(String type) {
        return dataFieldsByType.getOrDefault(type, Set.of());
    }

    // Values already in lower case (nearly all) are left as they are: no new node, and "unchanged" lets the
    // event's original bytes go to Kafka.
    private static boolean lowerCase(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null) {
            return false;
        }
        boolean changed = false;
        if (value.isTextual()) {
            String lower = value.asText().toLowerCase(Locale.ROOT);
            if (!lower.equals(value.asText())) {
                object.set(field, TextNode.valueOf(lower));
                changed = true;
            }
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    String lower = array.get(i).asText().toLowerCase(Locale.ROOT);
                    if (!lower.equals(array.get(i).asText())) {
                        array.set(i, TextNode.valueOf(lower));
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }

    // Nested conditionals (ticket.message's "agent_id required when author is agent") may declare
    // properties too; the depth bound only guards against a cyclic $ref.
    private static void collectDataFields(JsonNode root, JsonNode schema, Set<String> into, int depth) {
        if (depth > 8 || !schema.isObject()) {
            return;
        }
        into.addAll(enumerated(root, schema.path("properties")));
        for (String keyword : new String[] {"then", "else"}) {
            collectDataFields(root, resolve(root, schema.path(keyword)), into, depth + 1);
        }
        for (String keyword : new String[] {"allOf", "anyOf", "oneOf"}) {
            for (JsonNode sub : schema.path(keyword)) {
                collectDataFields(root, resolve(root, sub), into, depth + 1);
            }
        }
    }

    /** Names of the properties whose schema (or whose array items' schema) declares an enum. */
    private static Set<String> enumerated(JsonNode root, JsonNode properties) {
        Set<String> names = new LinkedHashSet<>();
        properties.properties().forEach(entry -> {
            JsonNode property = resolve(root, entry.getValue());
            if (property.has("enum") || resolve(root, property.path("items")).has("enum")) {
                names.add(entry.getKey());
            }
        });
        return names;
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode ref = schema.path("$ref");
        if (ref.isTextual() && ref.asText().startsWith("#")) {
            return root.at(ref.asText().substring(1));
        }
        return schema;
    }
}
