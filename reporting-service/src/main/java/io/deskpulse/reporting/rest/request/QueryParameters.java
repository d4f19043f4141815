package io.deskpulse.reporting.rest.request;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.InvalidParametersException;
import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.ReportZones;
import io.deskpulse.reporting.domain.TenantReporting;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The query parameters of one request to an endpoint with a fixed, documented list of parameters.
 * Every problem is collected instead of thrown, so that one 400 lists every bad parameter, in the
 * documented order (unknown parameters last). Unknown and repeated parameters are errors: a misspelt
 * filter that were ignored would silently return more than asked for.
 */
final class QueryParameters {

    // Four-digit years only: keeps every date and its next day inside what Java and PostgreSQL hold.
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final List<String> documented;
    private final MultivaluedMap<String, String> raw;
    private final Map<String, String> single = new TreeMap<>();
    private final List<ParameterError> errors = new ArrayList<>();

    /** {@code documented}: every parameter in the documented order; {@code repeatable} may be given more than once. */
    QueryParameters(MultivaluedMap<String, String> params, List<String> documented, Set<String> repeatable) {
        this.documented = documented;
        this.raw = params;
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(params).entrySet()) {
            String name = entry.getKey();
            if (!documented.contains(name)) {
                error(name, "is not a parameter of this endpoint (known: " + String.join(", ", documented) + ")");
            } else if (repeatable.contains(name)) {
                continue;
            } else if (entry.getValue().size() > 1) {
                error(name, "must be given at most once");
            } else {
                single.put(name, entry.getValue().get(0));
            }
        }
    }

    /** The value of a parameter given once, else null. */
    String get(String name) {
        return single.get(name);
    }

    /** Every value of a repeatable parameter. */
    List<String> all(String name) {
        return raw.getOrDefault(name, List.of());
    }

    void error(String field, String reason) {
        errors.add(new ParameterError(field, reason));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    List<ParameterError> errors() {
        return errors;
    }

    /** Throws the 400 listing every error, in the documented order, when there is any. */
    void requireValid() {
        if (!errors.isEmpty()) {
            List<ParameterError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(e -> documented.contains(e.field())
                    ? documented.indexOf(e.field()) : documented.size()));
            throw new InvalidParametersException(sorted);
        }
    }

    /** One of a fixed set of values ({@code parser} empty for others); empty when not given or bad. */
    <T> Optional<T> choice(String name, Function<String, Optional<T>> parser, String allowed) {
        String text = single.get(name);
        if (text == null) {
            return Optional.empty();
        }
        Optional<T> value = parser.apply(text);
        if (value.isEmpty()) {
            error(name, "must be one of: " + allowed + "; got " + ParameterError.quote(text));
        }
        return value;
    }

    /** {@code format}: csv or json; empty when not given (then Accept decides). */
    Optional<Representation> format() {
        return choice("format", Representation::fromFormat, "json, csv");
    }

    /** {@code true} or {@code false} (case-insensitive); null when not given or bad (then with an error). */
    Boolean bool(String name) {
        return choice(name, text -> switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Optional.of(Boolean.TRUE);
            case "false" -> Optional.of(Boolean.FALSE);
            default -> Optional.<Boolean>empty();
        }, "true, false").orElse(null);
    }

    /** An integer from min to max; the default when not given, null when bad. */
    Integer integer(String name, int defaultValue, int min, int max) {
        String text = single.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(name, "must be an integer from " + min + " to " + max + "; got " + ParameterError.quote(text));
        return null;
    }

    /** A date YYYY-MM-DD; empty when not given or bad (then with an error). */
    Optional<LocalDate> date(String name) {
        String text = single.get(name);
        if (text == null) {
            return Optional.empty();
        }
        if (DATE.matcher(text).matches()) {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                // falls through to the error below
            }
        }
        error(name, "must be a date YYYY-MM-DD, got " + ParameterError.quote(text));
        return Optional.empty();
    }

    /**
     * An RFC 3339 timestamp with an offset (Z or +01:00; a + in a URL is %2B); null when not given or bad (then
     * with an error).
     */
    Instant instant(String name) {
        String text = single.get(name);
        if (text == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(text.trim()).toInstant();
            // PostgreSQL's timestamptz holds years 4713 BC to 294276 AD; the contract's times are four-digit years
            if (instant.isAfter(EARLIEST) && instant.isBefore(LATEST)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        error(name, "must be an RFC 3339 timestamp with an offset, such as 2026-11-02T00:00:00Z; got "
                + ParameterError.quote(text));
        return null;
    }

    /** Whether a date parameter was given but is not a date (so that defaults are not applied in its place). */
    boolean badDate(String name, Optional<LocalDate> parsed) {
        return single.containsKey(name) && parsed.isEmpty();
    }

    /**
     * {@code tz}, or the tenant's default zone when not given (its settings' time_zone, else UTC); null
     * when unusable (with an error). A default zone Java does not know is a 400 on tz too: a report in
     * another zone than the tenant's, silently, would be wrong.
     */
    ZoneId zone(TenantReporting tenant) {
        String text = single.get("tz");
        if (text == null) {
            Optional<ZoneId> zone = ReportZones.find(tenant.timeZone());
            if (zone.isEmpty()) {
                error("tz", "the tenant's default time zone " + ParameterError.quote(tenant.timeZone())
                        + " (settings time_zone) is not known to this service; pass tz, e.g. tz=UTC");
            }
            return zone.orElse(null);
        }
        Optional<ZoneId> zone = ReportZones.find(text);
        if (zone.isEmpty()) {
            error("tz", "must be an IANA time zone name such as UTC, Europe/Berlin or America/New_York; got "
                    + ParameterError.quote(text));
        }
        return zone.orElse(null);
    }

    /**
     * The key fields of {@code cursor}, checked against the query's fingerprint; empty for the first page
     * (no cursor, or an empty one: paging tools often send "cursor=" before they have one). A null
     * fingerprint (the rest of the request is bad) checks the form only.
     */
    Optional<List<String>> cursor(String fingerprint, int fields) {
        String cursor = single.get("cursor");
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Cursors.decode(cursor, fingerprint, fields));
        } catch (IllegalArgumentException e) {
            error("cursor", e.getMessage());
            return Optional.empty();
        }
    }
}
