package io.deskpulse.reporting.domain.kpi;

import io.deskpulse.reporting.domain.Cursors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sort key of a report row: its period and its member as stored ({@code ''} for "nothing
 * credited"). Rows are ordered by period, then by member in byte order (COLLATE "C"), so the order
 * and the keyset paging never depend on the database's locale.
 */
public record PageKey(LocalDate period, String member) {

    // Four-digit years, like from/to: a forged cursor must not carry a date PostgreSQL cannot hold.
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The cursor of the page after this key, for the query with this fingerprint. */
    public String cursor(String fingerprint) {
        return Cursors.encode(fingerprint, List.of(period.toString(), member));
    }

    /** The key of a {@code /v1/kpis} cursor; IllegalArgumentException with a reason when it is not one of ours. */
    public static PageKey ofCursor(String cursor, String fingerprint) {
        List<String> key = Cursors.decode(cursor, fingerprint, 2);
        if (!DATE.matcher(key.get(0)).matches()) {
            throw new IllegalArgumentException(Cursors.NOT_OURS);
        }
        try {
            return new PageKey(LocalDate.parse(key.get(0)), key.get(1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(Cursors.NOT_OURS);
        }
    }
}
