package io.deskpulse.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Validates custom resources against the operators' CRD schemas vendored in
 * src/test/resources/crd-schemas (see its README: sources, versions, and why they are excerpts).
 * The structural OpenAPI schema of a CRD becomes a JSON Schema here; objects are closed, as the API
 * server prunes (and with strict validation refuses) unknown fields, unless the schema preserves them.
 */
public final class CrdSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_EXCERPTED = "x-deskpulse-not-excerpted";
    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "items", "enum", "pattern",
            "minimum", "maximum", "minItems", "minLength", "format", "additionalProperties", "anyOf",
            "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields", "x-deskpulse-not-excerpted");

    private final Map<String, JsonSchema> schemas = new LinkedHashMap<>();
    private final List<String> notExcerpted = new ArrayList<>();

    public CrdSchemas(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Map<String, Object> crd = Yaml.loadMap(file);
                String key = crd.get("apiVersion") + "/" + crd.get("kind");
                Map<String, Object> jsonSchema = convert(Maps.map(crd, "openAPIV3Schema"), key);
                schemas.put(key, JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                        .getSchema(JSON.valueToTree(jsonSchema)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean covers(Map<String, Object> object) {
        return schemas.containsKey(object.get("apiVersion") + "/" + object.get("kind"));
    }

    /** Paths of the excerpts whose content is not checked (their schema was not copied). */
    public List<String> notExcerpted() {
        return notExcerpted;
    }

    public List<String> validate(Map<String, Object> object) {
        JsonSchema schema = schemas.get(object.get("apiVersion") + "/" + object.get("kind"));
        if (schema == null) {
            return List.of("no schema for " + object.get("apiVersion") + " " + object.get("kind"));
        }
        List<String> errors = new ArrayList<>(KubernetesSchemas.validateMetadata(object));
        JsonNode json = JSON.valueToTree(object);
        for (ValidationMessage message : schema.validate(json)) {
            errors.add(message.getMessage());
        }
        return errors;
    }

    private Map<String, Object> convert(Map<String, Object> node, String path) {
        for (String keyword : node.keySet()) {
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalStateException(path + ": schema keyword '" + keyword + "' is not supported here");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(node.get("x-deskpulse-not-excerpted"))) {
            notExcerpted.add(path);
            return out;
        }
        if (Boolean.TRUE.equals(node.get("x-kubernetes-int-or-string"))) {
            Map<String, Object> string = new LinkedHashMap<>(Map.of("type", "string"));
            if (node.containsKey("pattern")) {
                string.put("pattern", node.get("pattern"));
            }
            out.put("anyOf", List.of(Map.of("type", "integer"), string));
            return out;
        }
        for (String keyword : List.of("type", "required", "enum", "pattern", "minimum", "maximum", "minItems", "minLength")) {
            if (node.containsKey(keyword)) {
                out.put(keyword, node.get(keyword));
            }
        }
        if (node.containsKey("properties")) {
            Map<String, Object> properties = new LinkedHashMap<>();
            Maps.map(node, "properties").forEach((name, child) ->
                    properties.put(name, convert(Maps.cast(child), path + "." + name)));
            out.put("properties", properties);
        }
        if (node.containsKey("items")) {
            out.put("items", convert(Maps.map(node, "items"), path + "[]"));
        }
        if (node.containsKey("anyOf")) {
            out.put("anyOf", Maps.list(node.get("anyOf")).stream().map(s -> convert(Maps.cast(s), path)).toList());
        }
        if (node.get("additionalProperties") instanceof Map<?, ?> additional) {
            out.put("additionalProperties", convert(Maps.cast(additional), path + ".*"));
        } else if (node.containsKey("properties") && !Boolean.TRUE.equals(node.get("x-kubernetes-preserve-unknown-fields"))) {
            out.put("additionalProperties", false);
        }
        return out;
    }
}
