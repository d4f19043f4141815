package io.deskpulse.reporting.domain.ticket;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.ticket.TicketQuery.ExportPosition;
import io.deskpulse.reporting.domain.ticket.TicketQuery.ListingKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The cursors of {@code GET /v1/tickets}: a listing key {@code (created_at or "", ticket_id)}, or an
 * export position {@code ("x", floor, txid, ticket_id or "")}. Both are bound to the query's fingerprint.
 */
public final class TicketCursors {

    public static final int FIELDS = 4;
    private static final String NOT_OURS = "is not a cursor returned by this API";

    private TicketCursors() {
    }

    public static String listing(TicketQuery query, ListingKey key) {
        return Cursors.encode(query.fingerprint(), List.of("l", "",
                key.createdAt() == null ? "" : key.createdAt().toString(), key.ticketId()));
    }

    public static String export(TicketQuery query, ExportPosition position) {
        return Cursors.encode(query.fingerprint(), List.of("x", Long.toString(position.floor()),
                Long.toString(position.txid()), position.ticketId() == null ? "" : position.ticketId()));
    }

    /** The query continued from the cursor's key; IllegalArgumentException with a reason when it is not one of ours. */
    public static TicketQuery continued(TicketQuery query, List<String> key) {
        try {
            if (key.get(0).equals("l") && !query.export() && !key.get(3).isEmpty()) {
                return query.after(new ListingKey(key.get(2).isEmpty() ? null : Instant.parse(key.get(2)), key.get(3)));
            }
            if (key.get(0).equals("x") && query.export()) {
                long floor = Long.parseLong(key.get(1));
                long txid = Long.parseLong(key.get(2));
                if (floor >= 0 && txid >= 0) {
                    return query.from(new ExportPosition(floor, txid, key.get(3).isEmpty() ? null : key.get(3)));
                }
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(NOT_OURS);
        }
        throw new IllegalArgumentException(NOT_OURS);
    }
}
