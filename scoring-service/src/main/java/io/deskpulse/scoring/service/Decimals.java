package io.deskpulse.scoring.service;

import io.deskpulse.storage.ScoringModelsDocument;
import java.math.BigDecimal;

/** Exact decimals of admin documents (targets, weights, thresholds): checked against their bounds, written canonically. */
public final class Decimals {

    private Decimals() {
    }

    /**
     * Why {@code value} is not a number between {@code min} (itself allowed when {@code minInclusive}) and {@code max}
     * with at most {@code maxScale} decimals; null when it is.
     */
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

    /** The number as written canonically: 80 and 0.85, not 80.000 or 8E+1. */
    public static Number plain(Number value) {
        return ScoringModelsDocument.plain(value);
    }
}
