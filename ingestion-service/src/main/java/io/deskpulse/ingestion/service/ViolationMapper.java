package io.deskpulse.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the validator's messages into {@link Violation}s that a person sending events can act on: the
 * field as a dotted path into the event and the reason in plain words, without JSON-Schema jargon.
 */
public final class ViolationMapper {

    private ViolationMapper() {
    }

    public static List<Violation> map(Collection<ValidationMessage> messages) {
        // Alternatives (anyOf/oneOf) fail as several messages; the sender needs one sentence about them.
        Map<String, List<ValidationMessage>> alternatives = new LinkedHashMap<>();
        LinkedHashSet<Violation> violations = new LinkedHashSet<>();
        for (ValidationMessage message : messages) {
            String group = alternativesGroup(message);
            if (group != null) {
                alternatives.computeIfAbsent(group, g -> new ArrayList<>()).add(message);
            } else {
                violations.add(map(message));
            }
        }
        for (List<ValidationMessage> group : alternatives.values()) {
            violations.add(mapAlternatives(group));
        }
        return List.copyOf(violations);
    }

    static Violation map(ValidationMessage message) {
        String at = path(message.getInstanceLocation().toString());
        JsonNode schema = message.getSchemaNode();
        String type = message.getType() == null ? "" : message.getType();
        return switch (type) {
            case "required" -> new Violation(child(at, message.getProperty()), "is required");
            case "additionalProperties", "unevaluatedProperties" ->
                    new Violation(child(at, message.getProperty()), "is not allowed");
            case "type" -> new Violation(at, "must be " + typeNames(schema));
            case "enum" -> new Violation(at, "must be one of: " + enumValues(schema));
            case "const" -> new Violation(at, "must be " + schema.toString());
            case "minLength" -> new Violation(at, schema.asInt() == 1
                    ? "must not be empty" : "must be at least " + schema.asInt() + " characters");
            case "maxLength" -> new Violation(at, "must be at most " + schema.asInt() + " characters");
            case "minimum" -> new Violation(at, "must be >= " + number(schema));
            case "maximum" -> new Violation(at, "must be <= " + number(schema));
            case "exclusiveMinimum" -> new Violation(at, "must be > " + number(schema));
            case "exclusiveMaximum" -> new Violation(at, "must be < " + number(schema));
            case "minItems" -> new Violation(at, "must have at least " + schema.asInt() + " items");
            case "maxItems" -> new Violation(at, "must have at most " + schema.asInt() + " items");
            case "uniqueItems" -> new Violation(at, "must not contain duplicates");
            case "pattern" -> new Violation(at, "must match the pattern " + schema.asText());
            case "format" -> new Violation(at, "must be a valid " + schema.asText());
            default -> new Violation(at, withoutLocation(message.getMessage()));
        };
    }

    private static Violation mapAlternatives(List<ValidationMessage> group) {
        String at = path(group.get(0).getInstanceLocation().toString());
        if (group.stream().allMatch(m -> "required".equals(m.getType()))) {
            String names = group.stream().map(ValidationMessage::getProperty).distinct()
                    .collect(Collectors.joining(", "));
            return new Violation(at, "must have at least one of: " + names);
        }
        String reasons = group.stream().map(ViolationMapper::map)
                .map(v -> (v.field() == null || v.field().equals(at) ? "" : v.field() + " ") + v.reason())
                .distinct().collect(Collectors.joining("; or "));
        return new Violation(at, "must satisfy one of: " + reasons);
    }

    /** The evaluation path up to the innermost anyOf/oneOf, or null when the message is not under one. */
    private static String alternativesGroup(ValidationMessage message) {
        String evaluation = message.getEvaluationPath().toString();
        int at = Math.max(evaluation.lastIndexOf(".anyOf["), evaluation.lastIndexOf(".oneOf["));
        return at < 0 ? null : evaluation.substring(0, at) + "@" + message.getInstanceLocation();
    }

    /** {@code $.data.tags[2]} becomes {@code data.tags[2]}; the event itself is null. */
    static String path(String jsonPath) {
        if (jsonPath == null || jsonPath.equals("$")) {
            return null;
        }
        return jsonPath.startsWith("$.") ? jsonPath.substring(2) : jsonPath.substring(1);
    }

    private static String child(String parent, String property) {
        if (property == null) {
            return parent;
        }
        return parent == null ? property : parent + "." + property;
    }

    private static String typeNames(JsonNode schemaType) {
        List<String> names = new ArrayList<>();
        if (schemaType.isArray()) {
            schemaType.forEach(t -> names.add(article(t.asText())));
        } else {
            names.add(article(schemaType.asText()));
        }
        return String.join(" or ", names);
    }

    private static String article(String type) {
        return switch (type) {
            case "null" -> "null";
            case "integer", "object", "array" -> "an " + type;
            default -> "a " + type;
        };
    }

    // null is allowed by some enumerations only to let optional fields be sent explicitly empty; listing it
    // would suggest that "null" is a meaningful value.
    private static String enumValues(JsonNode values) {
        List<String> names = new ArrayList<>();
        values.forEach(v -> {
            if (!v.isNull()) {
                names.add(v.isTextual() ? v.asText() : v.toString());
            }
        });
        return String.join(", ", names);
    }

    private static String number(JsonNode node) {
        return node.isNumber() ? new BigDecimal(node.asText()).stripTrailingZeros().toPlainString() : node.asText();
    }

    private static String withoutLocation(String message) {
        int colon = message.indexOf(": ");
        return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
    }
}
