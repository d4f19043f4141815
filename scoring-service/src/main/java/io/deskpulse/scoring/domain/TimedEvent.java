package io.deskpulse.scoring.domain;

/**
 * An event in a timeline. {@code identity} is a hash of the event's (source, id): a timeline ignores an
 * event it already holds, and ties of time and {@code rank} break on it, so the order never depends on
 * arrival order.
 */
public interface TimedEvent {

    long identity();

    long epochMillis();

    /** Orders events of the same instant (see the facts' Kind enums). */
    int rank();
}
