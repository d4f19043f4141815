package io.deskpulse.scoring.domain;

import java.util.UUID;

/**
 * A decoded record: its tenant, its identity ({@code eventKey}, from tenant, source and id), and the
 * fact for the one timeline it belongs to: a ticket's ({@code ticketId}, {@code ticketEvent}) or an
 * agent's ({@code agentId}, {@code agentEvent}; agent "" holds events credited to no agent).
 * {@code customerId}: the customer a {@code survey.nps} names (null otherwise), for the per-customer
 * responses; timelines do not keep it. A {@code customer.churned} or {@code .renewed} belongs to no timeline: it
 * is {@code customerEvent}, stored per customer.
 */
public record IncomingEvent(String tenantId, String type, UUID eventKey, String ticketId, TimelineEvent ticketEvent,
        String agentId, AgentEvent agentEvent, String customerId, CustomerEvent customerEvent) {

    public static IncomingEvent ofTicket(String tenant, String type, UUID key, String ticketId, TimelineEvent event) {
        return new IncomingEvent(tenant, type, key, ticketId, event, null, null, null, null);
    }

    public static IncomingEvent ofAgent(String tenant, String type, UUID key, String agentId, AgentEvent event) {
        return new IncomingEvent(tenant, type, key, null, null, agentId, event, null, null);
    }

    public static IncomingEvent ofCustomer(String tenant, String type, UUID key, CustomerEvent event) {
        return new IncomingEvent(tenant, type, key, null, null, null, null, event.customerId(), event);
    }

    public IncomingEvent withCustomer(String customer) {
        return new IncomingEvent(tenantId, type, eventKey, ticketId, ticketEvent, agentId, agentEvent, customer,
                customerEvent);
    }

    public boolean isTicketEvent() {
        return ticketEvent != null;
    }

    public boolean isAgentEvent() {
        return agentEvent != null;
    }
}
