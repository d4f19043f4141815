package io.deskpulse.scoring.repository;

import java.util.Comparator;

/** A ticket of a tenant: the key of a timeline. */
public record TicketRef(String tenantId, String ticketId) implements Comparable<TicketRef> {

    private static final Comparator<TicketRef> ORDER =
            Comparator.comparing(TicketRef::tenantId).thenComparing(TicketRef::ticketId);

    @Override
    public int compareTo(TicketRef other) {
        return ORDER.compare(this, other);
    }
}
