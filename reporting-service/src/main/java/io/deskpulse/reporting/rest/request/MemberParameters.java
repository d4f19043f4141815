package io.deskpulse.reporting.rest.request;

import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.kpi.Dimension;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code id} and {@code team} filters: which members a report may be narrowed to, and with which dimension. */
final class MemberParameters {

    /** Team and agent ids are 1 to 128 characters in the event contract. */
    private static final int MAX_ID_LENGTH = 128;

    private MemberParameters() {
    }

    static List<String> ids(List<String> values, Dimension dimension, int maxIds, List<ParameterError> errors) {
        if (values.isEmpty()) {
            return List.of();
        }
        if (dimension == Dimension.TENANT) {
            errors.add(new ParameterError(KpiRequestParser.ID, "is only allowed with dimension=team, dimension=agent or dimension=queue"));
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String value : values) {
            if (!memberId(value)) {
                errors.add(new ParameterError(KpiRequestParser.ID, "must be 1 to " + MAX_ID_LENGTH
                        + " characters, got " + ParameterError.quote(value)));
                return List.of();
            }
            ids.add(value);
        }
        if (ids.size() > maxIds) {
            errors.add(new ParameterError(KpiRequestParser.ID, "may be given at most " + maxIds + " times"));
        }
        return List.copyOf(ids);
    }

    /** The team filter of agent reports; with dimension=team the way to filter is {@code id}. */
    static String team(String value, Dimension dimension, List<ParameterError> errors) {
        if (value == null) {
            return null;
        }
        if (dimension != null && dimension != Dimension.AGENT) {
            errors.add(new ParameterError("team", "is only allowed with dimension=agent (with dimension=team, use id)"));
        } else if (!memberId(value)) {
            errors.add(new ParameterError("team", "must be 1 to " + MAX_ID_LENGTH + " characters, got "
                    + ParameterError.quote(value)));
        }
        return value;
    }

    /** A filter on a team, agent or customer id of other endpoints: 1 to 128 characters like the contract's ids. */
    static String id(String field, String value, List<ParameterError> errors) {
        if (value != null && !memberId(value)) {
            errors.add(new ParameterError(field, "must be 1 to " + MAX_ID_LENGTH + " characters, got "
                    + ParameterError.quote(value)));
        }
        return value;
    }

    // NUL cannot be stored in a PostgreSQL text, so it can never match; refusing it avoids a database error.
    private static boolean memberId(String value) {
        return !value.isEmpty() && value.length() <= MAX_ID_LENGTH && value.indexOf('\0') < 0;
    }
}
