package io.deskpulse.scoring.domain;

import java.util.List;

/** A ticket's events in event-time order, each identity at most once. */
public final class TicketTimeline extends Timeline<TimelineEvent> {

    public TicketTimeline() {
        super(List.of(), true);
    }

    public TicketTimeline(List<TimelineEvent> events) {
        super(events, false);
    }

    private TicketTimeline(List<TimelineEvent> sorted, boolean isSorted) {
        super(sorted, isSorted);
    }

    public TicketTimeline copy() {
        return new TicketTimeline(events(), true);
    }
}
