package io.deskpulse.scoring.domain;

/** One fact in a ticket's timeline (see {@link TimedEvent}). */
public record TimelineEvent(long identity, long epochMillis, TicketFact fact) implements TimedEvent {

    @Override
    public int rank() {
        return fact.kind().ordinal();
    }
}
