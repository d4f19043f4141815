package io.deskpulse.reporting.rest.request;

import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.ReportZones;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code from}/{@code to} with their defaults, and the checks that need the zone: the range is
 * ordered, not longer than allowed, and the zone's offset is a whole number of hours throughout it.
 */
record DateRange(LocalDate from, LocalDate to) {

    // Four-digit years only: keeps every date and its next day inside what Java and PostgreSQL hold.
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * Parses and checks the range, adding an error for every problem; empty when a date is unusable.
     * {@code zone} is null when tz itself is bad: then the dates are still checked, the zone rule is not.
     * {@code tenantDefault}: the zone is the tenant's default, not the request's (the error says so).
     */
    static Optional<DateRange> parse(String fromText, String toText, ZoneId zone, boolean tenantDefault, LocalDate today,
                                     int defaultDays, int maxDays, List<ParameterError> errors) {
        LocalDate from = fromText == null ? null : date("from", fromText, errors);
        LocalDate to = toText == null ? null : date("to", toText, errors);
        if ((fromText != null && from == null) || (toText != null && to == null)) {
            // Still check the zone on the days that are dates, so that a bad tz is reported too.
            checkZone(zone, tenantDefault, from, from, errors);
            checkZone(zone, tenantDefault, to, to, errors);
            return Optional.empty();
        }
        if (to == null) {
            to = today;
        }
        if (from == null) {
            from = to.minusDays(defaultDays - 1L);
        }
        if (from.isAfter(to)) {
            errors.add(new ParameterError("from", "must not be after to (" + from + " > " + to + ")"
                    + (toText == null ? "; to defaults to today" : "")));
            checkZone(zone, tenantDefault, from, from, errors);
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > maxDays) {
            errors.add(new ParameterError("to", "the range " + from + ".." + to + " spans " + days
                    + " days; at most " + maxDays + " are allowed"));
            checkZone(zone, tenantDefault, to, to, errors);
            return Optional.empty();
        }
        checkZone(zone, tenantDefault, from, to, errors);
        return Optional.of(new DateRange(from, to));
    }

    /** Adds a tz error when the zone's offset is not a whole number of hours at some time of the days first..last. */
    private static void checkZone(ZoneId zone, boolean tenantDefault, LocalDate first, LocalDate last,
                                  List<ParameterError> errors) {
        if (zone == null || first == null) {
            return;
        }
        ReportZones.firstPartHourOffset(zone, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant()).ifPresent(offset ->
                errors.add(new ParameterError("tz", zone.getId() + " has the UTC offset " + offset
                        + " between " + first + " and " + last + "; the aggregates are per UTC hour,"
                        + " so only zones whose offset is a whole number of hours can be reported exactly"
                        + (tenantDefault ? " (it is the tenant's default time zone, from its settings; pass tz"
                                + " to report in another zone)" : ""))));
    }

    private static LocalDate date(String field, String text, List<ParameterError> errors) {
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // falls through to the error below
            }
        }
        errors.add(new ParameterError(field, "must be a date YYYY-MM-DD, got " + ParameterError.quote(text)));
        return null;
    }
}
