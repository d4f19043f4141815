package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.deskpulse.scoring.service.CheckedDocument;
import io.deskpulse.scoring.service.FieldError;
import io.deskpulse.scoring.service.FieldErrors;
import io.deskpulse.scoring.service.InvalidSettingsException;
import io.deskpulse.scoring.service.JsonBodies;
import io.deskpulse.scoring.service.UnreadableSettingsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Validator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed bodies of the admin API. The text is read as JSON first (empty, not JSON, a repeated key or a NUL: unreadable),
 * then bound to its record strictly: a value of another JSON type than its field's is that field's error, never
 * coerced ("5" is no number, 5 no text), and binding goes on so that the Bean Validation constraints of the record
 * judge the rest. Every bad field is answered at once, as {@link InvalidSettingsException}, in the document's order.
 */
@ApplicationScoped
public class AdminBodies {

    private static final String ERRORS = "deskpulse.fieldErrors";
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .addModule(new SimpleModule("strict-scalars")
                    .addDeserializer(String.class, new Strict<>(String.class))
                    .addDeserializer(BigDecimal.class, new Strict<>(BigDecimal.class))
                    .addDeserializer(Number.class, new Strict<>(Number.class))
                    .addDeserializer(Boolean.class, new Strict<>(Boolean.class)))
            .addHandler(new Mismatches())
            .build();

    private final Validator validator;

    public AdminBodies(Validator validator) {
        this.validator = validator;
    }

    /**
     * The body as {@code type}, or every reason why not. {@code what} names the document in messages; {@code fields}
     * are its fields in order: errors of unknown fields come first, then by field.
     */
    public <T> T read(String body, Class<T> type, String what, List<String> fields) {
        return read(body, type, what, fields, InvalidSettingsException::new, value -> new FieldErrors());
    }

    /** The same, the errors thrown as {@code invalid} makes them (a problem type of its own). */
    public <T> T read(String body, Class<T> type, String what, List<String> fields,
            Function<List<FieldError>, ? extends InvalidSettingsException> invalid) {
        return read(body, type, what, fields, invalid, value -> new FieldErrors());
    }

    /**
     * The same for a type that carries no constraints of its own (a document of the storage contract, shared with
     * reporting-service): {@code rules} says its broken rules, as a {@link CheckedDocument} would.
     */
    public <T> T read(String body, Class<T> type, String what, List<String> fields,
            Function<List<FieldError>, ? extends InvalidSettingsException> invalid, Function<T, FieldErrors> rules) {
        JsonNode tree = JsonBodies.read(body, what);
        if (!tree.isObject()) {
            throw invalid.apply(List.of(new FieldError(null, "must be a JSON object: " + what)));
        }
        List<FieldError> errors = new ArrayList<>();
        T value;
        try {
            value = MAPPER.readerFor(type).withAttribute(ERRORS, errors).readValue(tree);
        } catch (IOException e) {
            throw new UnreadableSettingsException("The body is not " + what + ": " + e.getMessage());
        }
        // a field already refused for its JSON type was bound as null: its constraints would only say so again
        List<String> mistyped = errors.stream().map(FieldError::field).toList();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            String field = field(violation.getPropertyPath());
            if (!mistyped.contains(field)) {
                errors.add(new FieldError(field, violation.getMessage()));
            }
        }
        rules.apply(value).list().stream().filter(error -> !mistyped.contains(error.field())).forEach(errors::add);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt((FieldError error) -> fields.indexOf(top(error.field())))
                    .thenComparing(error -> sortable(error.field())));
            throw invalid.apply(errors);
        }
        return value;
    }

    private static String field(jakarta.validation.Path path) {
        List<String> names = new ArrayList<>();
        for (jakarta.validation.Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                names.add(node.getName());
            }
        }
        return names.isEmpty() ? null : String.join(".", names);
    }

    private static String top(String field) {
        return field == null ? "" : field.split("[.\\[]", 2)[0];
    }

    /** The path with its indexes zero-padded, so that [10] sorts after [9]. */
    private static String sortable(String field) {
        if (field == null) {
            return "";
        }
        Matcher m = INDEX.matcher(field);
        StringBuilder sorted = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sorted, "[" + "0".repeat(Math.max(0, 10 - m.group(1).length())) + m.group(1) + "]");
        }
        return m.appendTail(sorted).toString();
    }

    /** A text, a number or a boolean only from a JSON text, number or boolean: anything else goes to {@link Mismatches}. */
    private static final class Strict<T> extends StdScalarDeserializer<T> {

        private final Class<T> type;

        Strict(Class<T> type) {
            super(type);
            this.type = type;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (type == String.class && token == JsonToken.VALUE_STRING) {
                return type.cast(p.getText());
            }
            if ((type == BigDecimal.class || type == Number.class) && token.isNumeric()) {
                return type.cast(p.getDecimalValue());
            }
            if (type == Boolean.class && token.isBoolean()) {
                return type.cast(p.getBooleanValue());
            }
            return type.cast(ctxt.handleUnexpectedToken(type, p));
        }
    }

    /** Records a value of the wrong JSON type as its field's error, and binds null in its place. */
    private static final class Mismatches extends DeserializationProblemHandler {

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                String failureMsg) throws IOException {
            return mismatch(ctxt, targetType.getRawClass(), p);
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                ValueInstantiator valueInsta, JsonParser p, String msg) throws IOException {
            return mismatch(ctxt, instClass, p);
        }

        private static Object mismatch(DeserializationContext ctxt, Class<?> target, JsonParser p) throws IOException {
            JsonToken token = p.currentToken();
            JsonStreamContext at = p.getParsingContext();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                at = at.getParent();
            }
            String path = at.pathAsPointer().toString().substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
            JsonNode got = p.readValueAsTree();
            @SuppressWarnings("unchecked")
            List<FieldError> errors = (List<FieldError>) ctxt.getAttribute(ERRORS);
            errors.add(new FieldError(path, "must be " + expected(target) + ", got " + got));
            return null;
        }

        private static String expected(Class<?> target) {
            if (target == String.class) {
                return "a text";
            }
            if (target == Boolean.class) {
                return "true or false";
            }
            if (Number.class.isAssignableFrom(target)) {
                return "a number";
            }
            if (Iterable.class.isAssignableFrom(target) || target.isArray()) {
                return "a list";
            }
            return "an object";
        }
    }
}
