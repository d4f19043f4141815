package io.deskpulse.scoring.messaging;

import io.deskpulse.scoring.domain.TimelineEvent;
import java.util.UUID;

/**
 * A decoded record: its tenant, its identity ({@code eventKey}, from tenant, source and id) and, for the
 * ticket events that KPIs are derived from, the ticket and the fact for its timeline. Other event types
 * have a null {@code ticketId} and {@code timelineEvent}.
 */
public record IncomingEvent(String tenantId, String type, UUID eventKey, String ticketId, TimelineEvent timelineEvent) {

    public boolean isTicketEvent() {
        return timelineEvent != null;
    }
}
