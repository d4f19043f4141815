package io.deskpulse.reporting.domain.contribution;

import io.deskpulse.reporting.domain.Cursors;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The cursors of {@code GET /v1/kpis/contributions}: the last row's (at, row id, copy), bound to the query. */
public final class ContributionCursors {

    public static final int FIELDS = 3;

    private ContributionCursors() {
    }

    public static String of(ContributionQuery query, ContributionQuery.PageKey key) {
        return Cursors.encode(query.fingerprint(), List.of(key.at().toString(), Long.toString(key.rowId()),
                Integer.toString(key.copy())));
    }

    /** The key of a decoded cursor; IllegalArgumentException when it is not one of ours. */
    public static ContributionQuery.PageKey key(List<String> fields) {
        try {
            return new ContributionQuery.PageKey(Instant.parse(fields.get(0)), Long.parseLong(fields.get(1)),
                    Integer.parseInt(fields.get(2)));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(Cursors.NOT_OURS);
        }
    }
}
