package io.deskpulse.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Kafka key of an event (docs/architecture.md): all events of one ticket of one tenant share a key and
 * so a partition, which lets scoring-service keep a ticket's timeline on one consumer.
 */
public final class EventKey {

    private EventKey() {
    }

    public static String of(String tenant, JsonNode event) {
        JsonNode data = event.path("data");
        String ticket = text(data, "ticket_id");
        if (ticket != null) {
            return tenant + ":" + ticket;
        }
        String agent = text(data, "agent_id");
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
