package io.deskpulse.reporting.domain.ticket;

import java.util.List;

/**
 * One page of tickets. {@code nextCursor}: the next page now (null on the last); {@code resumeCursor}
 * (exports only): where to continue later to get what changed after this page, never null in an export.
 */
public record TicketPage(TicketQuery query, List<TicketRow> rows, String nextCursor, String resumeCursor) {
}
