package io.deskpulse.reporting.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The served OpenAPI document, parsed twice: by swagger-parser into the model a client is generated
 * from (operations, parameters, responses, servers), and as a JSON tree whose schemas validate bodies
 * and examples (networknt, JSON Schema 2020-12, which OpenAPI 3.1 schemas are). Validation is
 * closed-world: an object schema that does not say otherwise admits no property it does not declare,
 * so a field the API sends but the document lacks fails.
 */
public final class OpenApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAPI model;
    private final JsonNode tree;
    private final List<String> parseMessages;
    private final ObjectNode closedComponents;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    public OpenApiDocument(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        this.model = result.getOpenAPI();
        this.parseMessages = result.getMessages() == null ? List.of() : result.getMessages();
        try {
            this.tree = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.closedComponents = ((ObjectNode) tree.get("components")).deepCopy();
        JsonNode schemas = closedComponents.get("schemas");
        if (schemas != null) {
            schemas.forEach(OpenApiDocument::close);
        }
    }

    public OpenAPI model() {
        return model;
    }

    public JsonNode tree() {
        return tree;
    }

    public List<String> parseMessages() {
        return parseMessages;
    }

    /** The problems of {@code value} against {@code schema} (a node of this document: $refs resolve within it). */
    public Set<String> validate(JsonNode schema, JsonNode value) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", closedComponents);
        JsonNode closed = schema.deepCopy();
        close(closed);
        root.set("allOf", JSON.createArrayNode().add(closed));
        JsonSchema compiled = factory.getSchema(root, config);
        return compiled.validate(value).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    public Set<String> validate(JsonNode schema, String json) {
        try {
            return validate(schema, JSON.readTree(json));
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    /** The schema a {@code $ref} names ("#/components/schemas/X"), else the node itself. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema == null ? null : schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        return resolve(tree.at(ref.asText().substring(1)));
    }

    /** Adds additionalProperties: false to every object schema with properties that does not decide it, recursively. */
    private static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            if (schema != null && schema.isArray()) {
                schema.forEach(OpenApiDocument::close);
            }
            return;
        }
        if (object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("examples") && !field.getKey().equals("example")
                    && !field.getKey().equals("default") && !field.getKey().equals("enum")) {
                close(field.getValue());
            }
        }
    }
}
