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
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Checks one event against the contract's JSON Schema, after lower-casing its enumerated values, plus the
 * rules the schema cannot state: {@code time} must carry a zone offset and lie in the {@link EventTimeWindow}.
 * Thread-safe.
 *
 * <p>Events that the {@link ContractCheck} finds plainly valid skip the full JSON Schema validator, which
 * otherwise runs to name every problem of an event; the answers are the same either way.
 */
public final class EventValidator {

    private static final Logger LOG = Logger.getLogger(EventValidator.class);

    /** Where the contract module's jar holds contract/deskpulse-events-v1.schema.json. */
    public static final String SCHEMA_RESOURCE = "schema/deskpulse-events-v1.schema.json";

    static final String TIME_REASON = "must be an RFC 3339 timestamp with a time zone offset";

    private final JsonSchema schema;
    private final CaseInsensitiveFields caseInsensitive;
    // null when the contract uses a keyword the fast check does not mirror: every event is validated in full.
    private final ContractCheck fastCheck;
    private final EventTimeWindow timeWindow;

    EventValidator(JsonNode schemaDocument, EventTimeWindow timeWindow) {
        this.timeWindow = timeWindow;
        // JSON Schema 2020-12 treats "format" as an annotation only; time is checked below instead.
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaDocument, config);
        this.caseInsensitive = CaseInsensitiveFields.fromSchema(schemaDocument);
        this.fastCheck = fastCheck(schemaDocument);
    }

    private static ContractCheck fastCheck(JsonNode schemaDocument) {
        try {
            return ContractCheck.compile(schemaDocument);
        } catch (ContractCheck.UnsupportedSchemaException e) {
            LOG.warnf("Every event is validated by the full JSON Schema validator, which is slower: the fast check "
                    + "does not support %s", e.getMessage());
            return null;
        }
    }

    public static EventValidator fromClasspath(ObjectMapper mapper) {
        return fromClasspath(mapper, EventTimeWindow.defaults());
    }

    public static EventValidator fromClasspath(ObjectMapper mapper, EventTimeWindow timeWindow) {
        try (InputStream in = EventValidator.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath: it comes from the "
                        + "io.deskpulse:contract jar (module contract/); build it");
            }
            return new EventValidator(mapper.readTree(in), timeWindow);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }

    /** Lower-cases the event's enumerated values in place and returns what is wrong with it (empty if valid). */
    public List<Violation> normaliseAndValidate(ObjectNode event) {
        normalise(event);
        return validate(event);
    }

    /** Lower-cases the event's enumerated values in place; returns whether any value changed. */
    public boolean normalise(ObjectNode event) {
        return caseInsensitive.apply(event);
    }

    /** What is wrong with the (normalised) event; empty if it is valid. */
    public List<Violation> validate(ObjectNode event) {
        String timeRefusal = timeRefusal(event.get("time"));
        if (timeRefusal == null && fastCheck != null && fastCheck.check(event) == ContractCheck.Verdict.VALID) {
            return nonFinite(event);
        }
        return detailed(event, timeRefusal);
    }

    /** The full validator's verdict, whatever the fast check says: what the fast check is tested against. */
    List<Violation> validateInFull(ObjectNode event) {
        return detailed(event, timeRefusal(event.get("time")));
    }

    /** Why {@code time} is refused beyond the schema's rules (type and presence), or null. */
    private String timeRefusal(JsonNode time) {
        if (time == null || !time.isTextual()) {
            return null;
        }
        if (!isOffsetDateTime(time.textValue())) {
            return TIME_REASON;
        }
        return timeWindow.refusal(time.textValue());
    }

    boolean fastCheckInForce() {
        return fastCheck != null;
    }

    ContractCheck.Verdict fastVerdict(ObjectNode event) {
        return fastCheck.check(event);
    }

    static final String NOT_FINITE_REASON = "must be a number within the range of a double";
    static final String NUL_REASON = "must not contain the NUL character (\\u0000)";

    /** What the full JSON Schema validator finds wrong with the event (the time's offset aside). */
    List<Violation> schemaViolations(ObjectNode event) {
        try {
            return ViolationMapper.map(schema.validate(event));
        } catch (NumberFormatException e) {
            // The parser reads 1e400 as infinity, which the validator turns into a BigDecimal for some keywords
            // (enum) and fails on: name the number rather than fail the request.
            List<Violation> notFinite = new ArrayList<>();
            nonFiniteNumbers(event, null, notFinite);
            if (notFinite.isEmpty()) {
                throw e;
            }
            return notFinite;
        }
    }

    /**
     * Numbers beyond a double's range (1e400 reads as infinity) where the contract is otherwise satisfied, e.g. a
     * sale's amount, which has no maximum: every reader downstream sees infinity, and scoring would have to refuse
     * an event already accepted.
     */
    private static List<Violation> nonFinite(ObjectNode event) {
        List<Violation> notFinite = new ArrayList<>(0);
        nonFiniteNumbers(event, null, notFinite);
        return notFinite.isEmpty() ? List.of() : notFinite;
    }

    private static void nonFiniteNumbers(JsonNode node, String at, List<Violation> into) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            into.add(new Violation(at, NOT_FINITE_REASON));
        } else if (node.isTextual() && node.textValue().indexOf('\u0000') >= 0) {
            // valid JSON ("\u0000") that PostgreSQL cannot store in text: scoring would dead-letter an accepted event
            into.add(new Violation(at, NUL_REASON));
        } else if (node.isObject()) {
            node.properties().forEach(member -> nonFiniteNumbers(member.getValue(),
                    at == null ? member.getKey() : at + "." + member.getKey(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nonFiniteNumbers(node.get(i), (at == null ? "" : at) + "[" + i + "]", into);
            }
        }
    }

    private List<Violation> detailed(ObjectNode event, String timeRefusal) {
        List<Violation> violations = new ArrayList<>(schemaViolations(event));
        if (timeRefusal != null) {
            violations.add(new Violation("time", timeRefusal));
        }
        return violations.isEmpty() ? nonFinite(event) : violations;
    }

    static boolean isOffsetDateTime(String text) {
        return OffsetTimestamp.isPlainlyValid(text) || OffsetTimestamp.parses(text);
    }
}
