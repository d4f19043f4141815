package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.service.InvalidParametersException;
import io.deskpulse.reporting.service.ParameterError;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The query parameters of a list endpoint (alerts, period reports) checked as strictly as /v1/kpis checks its
 * own: unknown ones and repeated ones are errors, {@code limit} and {@code format} follow the same rules, and
 * one 400 lists every problem in the documented order.
 */
final class ListParameters {

    private final List<String> known;
    private final List<String> repeatable;
    private final Map<String, List<String>> values = new TreeMap<>();
    private final List<ParameterError> errors = new ArrayList<>();

    ListParameters(MultivaluedMap<String, String> params, List<String> known, List<String> repeatable) {
        this.known = known;
        this.repeatable = repeatable;
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(params).entrySet()) {
            String name = entry.getKey();
            if (!known.contains(name)) {
                error(name, "is not a parameter of this endpoint (known: " + String.join(", ", known) + ")");
            } else if (entry.getValue().size() > 1 && !repeatable.contains(name)) {
                error(name, "must be given at most once");
            } else {
                values.put(name, entry.getValue());
            }
        }
    }

    String single(String name) {
        List<String> given = values.get(name);
        return given == null || repeatable.contains(name) ? null : given.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    void error(String field, String reason) {
        errors.add(new ParameterError(field, reason));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    int limit(ReportingConfig config) {
        String text = single("limit");
        if (text == null) {
            return config.defaultLimit();
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= config.maxLimit()) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error("limit", "must be an integer from 1 to " + config.maxLimit() + "; got " + ParameterError.quote(text));
        return 0;
    }

    Representation format() {
        String text = single("format");
        if (text == null) {
            return null;
        }
        Optional<Representation> format = Representation.fromFormat(text);
        if (format.isEmpty()) {
            error("format", "must be one of: json, csv; got " + ParameterError.quote(text));
        }
        return format.orElse(null);
    }

    /** Throws the 400 when anything was wrong. */
    void check() {
        if (!errors.isEmpty()) {
            List<ParameterError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(e -> known.contains(e.field()) ? known.indexOf(e.field()) : known.size()));
            throw new InvalidParametersException(sorted);
        }
    }
}
