package io.deskpulse.ingestion.service;

import java.util.List;

/** The request holds invalid events (or none): it is refused whole and nothing of it reaches Kafka. */
public class InvalidEventsException extends RuntimeException {

    private final transient List<EventError> errors;
    private final long invalidEvents;
    private final long events;

    public InvalidEventsException(String detail, List<EventError> errors, long invalidEvents, long events) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
        this.invalidEvents = invalidEvents;
        this.events = events;
    }

    public List<EventError> errors() {
        return errors;
    }

    public long invalidEvents() {
        return invalidEvents;
    }

    /** Events read before the request was refused; the whole body when it could be read to its end. */
    public long events() {
        return events;
    }
}
