package io.deskpulse.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one event against the contract's JSON Schema, after lower-casing its enumerated values, plus the
 * one rule the schema cannot state precisely: {@code time} must carry a zone offset. Thread-safe.
 */
public final class EventValidator {

    /** Where the build puts contract/deskpulse-events-v1.schema.json (see the module's pom). */
    public static final String SCHEMA_RESOURCE = "schema/deskpulse-events-v1.schema.json";

    static final String TIME_REASON = "must be an RFC 3339 timestamp with a time zone offset";

    private final JsonSchema schema;
    private final CaseInsensitiveFields caseInsensitive;

    EventValidator(JsonNode schemaDocument) {
        // JSON Schema 2020-12 treats "format" as an annotation only; time is checked below instead.
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaDocument, config);
        this.caseInsensitive = CaseInsensitiveFields.fromSchema(schemaDocument);
    }

    public static EventValidator fromClasspath(ObjectMapper mapper) {
        try (InputStream in = EventValidator.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath: the build copies "
                        + "it from contract/; rebuild the module");
            }
            return new EventValidator(mapper.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }

    /** Lower-cases the event's enumerated values in place and returns what is wrong with it (empty if valid). */
    public List<Violation> normaliseAndValidate(ObjectNode event) {
        caseInsensitive.apply(event);
        List<Violation> violations = new ArrayList<>(ViolationMapper.map(schema.validate(event)));
        JsonNode time = event.get("time");
        if (time != null && time.isTextual() && !isOffsetDateTime(time.asText())) {
            violations.add(new Violation("time", TIME_REASON));
        }
        return violations;
    }

    public CaseInsensitiveFields caseInsensitiveFields() {
        return caseInsensitive;
    }

    static boolean isOffsetDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
