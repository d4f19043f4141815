package io.deskpulse.scoring.domain;

import java.util.Comparator;

/**
 * One fact in a ticket's timeline. {@code identity} is a hash of the event's (source, id): it makes
 * the timeline ignore an event it already holds, and it breaks ties between events with the same
 * time and kind, so that the order, and every KPI, never depends on arrival order.
 */
public record TimelineEvent(long identity, long epochMillis, TicketFact fact) {

    public static final Comparator<TimelineEvent> EVENT_TIME_ORDER = Comparator
            .comparingLong(TimelineEvent::epochMillis)
            .thenComparing(e -> e.fact().kind())
            .thenComparingLong(TimelineEvent::identity);
}
