package io.deskpulse.scoring.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Events in event-time order, each identity at most once: the base of ticket and agent-day timelines. */
public abstract class Timeline<E extends TimedEvent> {

    private static final Comparator<TimedEvent> EVENT_TIME_ORDER = Comparator
            .comparingLong(TimedEvent::epochMillis)
            .thenComparingInt(TimedEvent::rank)
            .thenComparingLong(TimedEvent::identity);

    private final List<E> events;

    protected Timeline(List<E> events, boolean sorted) {
        this.events = new ArrayList<>(events.size() + 4);
        if (sorted) {
            this.events.addAll(events);
        } else {
            events.forEach(this::add);
        }
    }

    /** Adds the event in its event-time place; returns false when an event of that identity is already here. */
    public boolean add(E event) {
        for (E held : events) {
            if (held.identity() == event.identity()) {
                return false;
            }
        }
        int at = Collections.binarySearch(events, event, EVENT_TIME_ORDER);
        events.add(at < 0 ? -at - 1 : at, event);
        return true;
    }

    public List<E> events() {
        return Collections.unmodifiableList(events);
    }

    public int size() {
        return events.size();
    }
}
