package io.deskpulse.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;

/** Exact decimals of admin documents (targets, weights, thresholds): read with their bounds, written canonically. */
public final class Decimals {

    private Decimals() {
    }

    /**
     * The number at {@code path}, or null (with an error) when it is not a number, is not above {@code min}
     * (or below it, when {@code minInclusive}), is above {@code max}, or has more than {@code maxScale} decimals.
     */
    static BigDecimal read(JsonNode node, String path, BigDecimal min, boolean minInclusive, BigDecimal max,
            int maxScale, FieldErrors errors) {
        String range = (minInclusive ? "from " + min.toPlainString() : "above " + min.toPlainString())
                + " to " + max.toPlainString();
        if (node == null || node.isNull() || !node.isNumber()) {
            errors.add(path, "must be a number " + range + ", got " + (node == null ? "nothing" : node.toString()));
            return null;
        }
        BigDecimal value = node.decimalValue();
        int lower = value.compareTo(min);
        if (lower < 0 || (lower == 0 && !minInclusive) || value.compareTo(max) > 0) {
            errors.add(path, "must be a number " + range + ", got " + value.toPlainString());
            return null;
        }
        if (value.stripTrailingZeros().scale() > maxScale) {
            errors.add(path, "must have at most " + maxScale + " decimal places, got " + value.toPlainString());
            return null;
        }
        return value.stripTrailingZeros();
    }

    /** A whole number as a JSON integer (75, not 75.0), else the exact decimal. */
    static JsonNode node(BigDecimal value) {
        Number plain = plain(value);
        return plain instanceof BigDecimal decimal ? JsonNodeFactory.instance.numberNode(decimal)
                : JsonNodeFactory.instance.numberNode(plain.longValue());
    }

    /** The decimal as written canonically: 80 and 0.85, not 80.000 or 8E+1. */
    public static Number plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? (Number) stripped.longValueExact() : stripped;
    }
}
