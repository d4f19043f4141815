package io.deskpulse.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON documents scoring-service stores and reporting-service reads, written and read with one mapper: compact,
 * decimals exact, instants as ISO-8601 text.
 */
public final class StoredJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .addModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final TypeReference<TreeMap<String, BigDecimal>> TARGETS = new TypeReference<>() {
    };

    private StoredJson() {
    }

    /** An exemption's {@code relaxed_targets} column: KPI → exact target, in KPI order. */
    public static Map<String, BigDecimal> relaxedTargets(String json) {
        return read(json, TARGETS);
    }

    public static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document did not write as JSON", e);
        }
    }

    /** A stored document; it was valid when stored, so a failure is a bug or a hand edit. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " no longer reads: " + e.getMessage(), e);
        }
    }

    /** The same for a generic type, such as a list of documents. */
    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getType() + " no longer reads: " + e.getMessage(), e);
        }
    }
}
