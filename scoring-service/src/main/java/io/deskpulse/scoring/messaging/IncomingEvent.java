package io.deskpulse.scoring.messaging;

import io.deskpulse.scoring.domain.AgentEvent;
import io.deskpulse.scoring.domain.TimelineEvent;
import java.util.UUID;

/**
 * A decoded record: its tenant, its identity ({@code eventKey}, from tenant, source and id), and the
 * fact for the one timeline it belongs to: a ticket's ({@code ticketId}, {@code ticketEvent}) or an
 * agent's ({@code agentId}, {@code agentEvent}; agent "" holds events credited to no agent).
 */
public record IncomingEvent(String tenantId, String type, UUID eventKey, String ticketId, TimelineEvent ticketEvent,
        String agentId, AgentEvent agentEvent) {

    public static IncomingEvent ofTicket(String tenant, String type, UUID key, String ticketId, TimelineEvent event) {
        return new IncomingEvent(tenant, type, key, ticketId, event, null, null);
    }

    public static IncomingEvent ofAgent(String tenant, String type, UUID key, String agentId, AgentEvent event) {
        return new IncomingEvent(tenant, type, key, null, null, agentId, event);
    }

    public boolean isTicketEvent() {
        return ticketEvent != null;
    }
}
