package io.deskpulse.reporting.domain.risk;

import java.time.Instant;
import java.util.List;

/** A ticket of a customer: when it was created and its churn-risk states in event-time order. */
public record TicketRiskHistory(String customerId, Instant createdAt, List<RiskState> states) {

    public TicketRiskHistory {
        states = List.copyOf(states);
    }

    /** The signals as they stood just before {@code end}: the last state that began earlier, else none. */
    public RiskState before(Instant end) {
        RiskState state = RiskState.NONE;
        for (RiskState s : states) {
            if (!s.at().isBefore(end)) {
                break;
            }
            state = s;
        }
        return state;
    }
}
