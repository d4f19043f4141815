package io.deskpulse.scoring.domain;

import java.util.List;

/** An agent's events of one UTC day in event-time order, each identity at most once. */
public final class AgentDayTimeline extends Timeline<AgentEvent> {

    public AgentDayTimeline() {
        super(List.of(), true);
    }

    public AgentDayTimeline(List<AgentEvent> events) {
        super(events, false);
    }

    private AgentDayTimeline(List<AgentEvent> sorted, boolean isSorted) {
        super(sorted, isSorted);
    }

    public AgentDayTimeline copy() {
        return new AgentDayTimeline(events(), true);
    }
}
