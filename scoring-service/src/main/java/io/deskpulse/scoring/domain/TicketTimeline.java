package io.deskpulse.scoring.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A ticket's events in event-time order, each identity at most once. */
public final class TicketTimeline {

    private final List<TimelineEvent> events;

    public TicketTimeline() {
        this.events = new ArrayList<>();
    }

    public TicketTimeline(List<TimelineEvent> events) {
        this();
        events.forEach(this::add);
    }

    /** Adds the event in its event-time place; returns false when an event of that identity is already here. */
    public boolean add(TimelineEvent event) {
        for (TimelineEvent held : events) {
            if (held.identity() == event.identity()) {
                return false;
            }
        }
        int at = Collections.binarySearch(events, event, TimelineEvent.EVENT_TIME_ORDER);
        events.add(at < 0 ? -at - 1 : at, event);
        return true;
    }

    public List<TimelineEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public int size() {
        return events.size();
    }

    public TicketTimeline copy() {
        TicketTimeline copy = new TicketTimeline();
        copy.events.addAll(events);
        return copy;
    }
}
