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
        if (node == null || node.isNull() || !node.isNumber()) {
            errors.add(path, "must be a number " + range(min, minInclusive, max) + ", got "
                    + (node == null ? "nothing" : node.toString()));
            return null;
        }
        String reason = check(node.decimalValue(), min, minInclusive, max, maxScale);
        if (reason != null) {
            errors.add(path, reason);
            return null;
        }
        return node.decimalValue().stripTrailingZeros();
    }

    /** Why {@code value} is not a number within the bounds of {@link #read}, or null when it is. */
    public static String check(Number value, BigDecimal min, boolean minInclusive, BigDecimal max, int maxScale) {
        if (value == null) {
            return "must be a number " + range(min, minInclusive, max) + ", got nothing";
        }
        BigDecimal decimal = new BigDecimal(value.toString());
        int lower = decimal.compareTo(min);
        if (lower < 0 || (lower == 0 && !minInclusive) || decimal.compareTo(max) > 0) {
            return "must be a number " + range(min, minInclusive, max) + ", got " + decimal.toPlainString();
        }
        if (decimal.stripTrailingZeros().scale() > maxScale) {
            return "must have at most " + maxScale + " decimal places, got " + decimal.toPlainString();
        }
        return null;
    }

    private static String range(BigDecimal min, boolean minInclusive, BigDecimal max) {
        return (minInclusive ? "from " + min.toPlainString() : "above " + min.toPlainString()) + " to " + max.toPlainString();
    }

    /** A whole number as a JSON integer (75, not 75.0), else the exact decimal. */
    static JsonNode node(BigDecimal value) {
        Number plain = plain(value);
        return plain instanceof BigDecimal decimal ? JsonNodeFactory.instance.numberNode(decimal)
                : JsonNodeFactory.instance.numberNode(plain.longValue());
    }

    /** The number as written canonically: 80 and 0.85, not 80.000 or 8E+1. */
    public static Number plain(Number value) {
        BigDecimal stripped = new BigDecimal(value.toString()).stripTrailingZeros();
        return stripped.scale() <= 0 ? (Number) stripped.longValueExact() : stripped;
    }
}
