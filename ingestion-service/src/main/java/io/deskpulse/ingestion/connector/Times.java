package io.deskpulse.ingestion.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Times as helpdesks send them, often mixed within one payload: epoch seconds (integers, floats such as Chatwoot's
 * {@code updated_at}, or digit strings such as Intercom's old SDK shapes), epoch milliseconds (a number above
 * 10^11, which as seconds would lie past the year 5000) and ISO 8601 with an offset or {@code Z}.
 */
final class Times {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final BigDecimal MILLIS_FROM = BigDecimal.valueOf(100_000_000_000L);

    private Times() {
    }

    /** The instant, or null when absent, null, empty or 0 (Chatwoot sends 0 for "never"). */
    static Instant optional(JsonNode node, String path) {
        if (!Json.present(node)) {
            return null;
        }
        if (node.isNumber()) {
            return epoch(node.decimalValue(), path);
        }
        if (!node.isTextual()) {
            throw new MappingException(path, "must be a time: epoch seconds or ISO 8601");
        }
        String text = node.textValue().trim();
        if (text.isEmpty()) {
            return null;
        }
        if (NUMBER.matcher(text).matches()) {
            return epoch(new BigDecimal(text), path);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MappingException(path, "must be a time: epoch seconds or ISO 8601 with an offset");
        }
    }

    static Instant required(JsonNode node, String path) {
        Instant instant = optional(node, path);
        if (instant == null) {
            throw new MappingException(path, "is required");
        }
        return instant;
    }

    /** The first of the candidates that is present, else the fallback. */
    static Instant first(Instant fallback, Instant... candidates) {
        for (Instant candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return fallback;
    }

    private static Instant epoch(BigDecimal value, String path) {
        if (value.signum() == 0) {
            return null;
        }
        BigDecimal seconds = value.abs().compareTo(MILLIS_FROM) >= 0 ? value.movePointLeft(3) : value;
        try {
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        } catch (ArithmeticException | DateTimeException e) {
            throw new MappingException(path, "must be a time: epoch seconds or ISO 8601");
        }
    }
}
