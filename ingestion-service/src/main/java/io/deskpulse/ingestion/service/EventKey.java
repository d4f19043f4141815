package io.deskpulse.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The Kafka key of an event (docs/architecture.md). Events are keyed by the timeline scoring-service
 * keeps them in, so that one timeline's events share a partition and one consumer: events about an
 * agent (status, interactions, QA, sales, peer reviews) by the agent, even when they name a ticket;
 * ticket events (and NPS naming a ticket) by the ticket; queue events ({@code interaction.offered},
 * {@code .answered}, {@code .abandoned}) by the interaction, whose timeline is kept like a ticket's under its id;
 * NPS naming no ticket by its agent, else its customer, else the event itself.
 */
public final class EventKey {

    private static final Set<String> AGENT_TYPES = Set.of("agent.status_changed", "interaction.completed", "qa.review",
            "sale.converted", "peer.review");
    private static final Set<String> QUEUE_TYPES = Set.of("interaction.offered", "interaction.answered",
            "interaction.abandoned");

    private EventKey() {
    }

    public static String of(String tenant, JsonNode event) {
        JsonNode data = event.path("data");
        String agent = text(data, "agent_id");
        if (agent != null && AGENT_TYPES.contains(event.path("type").asText())) {
            return tenant + ":agent:" + agent;
        }
        String interaction = text(data, "interaction_id");
        if (interaction != null && QUEUE_TYPES.contains(event.path("type").asText())) {
            return tenant + ":" + interaction;
        }
        String ticket = text(data, "ticket_id");
        if (ticket != null) {
            return tenant + ":" + ticket;
        }
        if (agent != null) {
            return tenant + ":agent:" + agent;
        }
        String customer = text(data, "customer_id");
        if (customer != null) {
            return tenant + ":customer:" + customer;
        }
        return tenant + ":event:" + event.path("source").asText() + ":" + event.path("id").asText();
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
