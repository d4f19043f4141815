package io.deskpulse.scoring.domain;

/** One fact in an agent's day timeline (see {@link TimedEvent}). */
public record AgentEvent(long identity, long epochMillis, AgentFact fact) implements TimedEvent {

    @Override
    public int rank() {
        return fact.kind().ordinal();
    }
}
