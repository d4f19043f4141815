package io.deskpulse.ingestion.connector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What one delivery maps to: canonical events, each exactly as a client would post it to {@code /v1/events}, and
 * in words what of the delivery was not counted and why. Both may be empty; no events is still a success (the
 * platform gets a 2xx, since platforms switch off webhooks that keep failing).
 */
public record Mapped(List<ObjectNode> events, List<String> ignored) {

    public Mapped {
        events = List.copyOf(events);
        ignored = List.copyOf(ignored);
    }

    public static Mapped ignored(String reason) {
        return new Mapped(List.of(), List.of(reason));
    }
}
