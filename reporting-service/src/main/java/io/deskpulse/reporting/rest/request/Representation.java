package io.deskpulse.reporting.rest.request;

import java.util.Locale;
import java.util.Optional;

/**
 * The two representations of a report, and the choice between them: {@code ?format=} when given
 * (some BI tools cannot set headers), else the {@code Accept} header with its q-values; JSON when
 * both are equally acceptable or nothing is asked for.
 */
public enum Representation {
    JSON("application", "json", "application/json"),
    CSV("text", "csv", "text/csv; charset=UTF-8; header=present");

    private final String type;
    private final String subtype;
    private final String contentType;

    Representation(String type, String subtype, String contentType) {
        this.type = type;
        this.subtype = subtype;
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<Representation> fromFormat(String format) {
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> Optional.of(JSON);
            case "csv" -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }

    /** The best representation for an Accept header; empty when it accepts neither (406). */
    public static Optional<Representation> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(JSON);
        }
        double json = JSON.quality(accept);
        double csv = CSV.quality(accept);
        if (json <= 0 && csv <= 0) {
            return Optional.empty();
        }
        return Optional.of(csv > json ? CSV : JSON);
    }

    /** The q-value the most specific matching media range gives this representation (RFC 9110 12.5.1). */
    double quality(String accept) {
        int bestSpecificity = -1;
        double quality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String[] mediaType = parts[0].trim().toLowerCase(Locale.ROOT).split("/");
            if (mediaType.length != 2) {
                continue; // a malformed range accepts nothing
            }
            int specificity = specificity(mediaType[0].trim(), mediaType[1].trim());
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = qValue(parts);
            }
        }
        return quality;
    }

    private int specificity(String rangeType, String rangeSubtype) {
        if (rangeType.equals(type) && rangeSubtype.equals(subtype)) {
            return 2;
        }
        if (rangeType.equals(type) && rangeSubtype.equals("*")) {
            return 1;
        }
        return rangeType.equals("*") && rangeSubtype.equals("*") ? 0 : -1;
    }

    private static double qValue(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].trim().split("=", 2);
            if (param.length == 2 && param[0].trim().equalsIgnoreCase("q")) {
                try {
                    double q = Double.parseDouble(param[1].trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
