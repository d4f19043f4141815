package io.deskpulse.scoring.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A replay of the event topic for one tenant, from a point in time up to the end offsets the topic had
 * when it was asked for. Its progress is the offsets of consumer group {@link #consumerGroup()}.
 */
public record Replay(UUID id, String tenantId, Instant from, String topic, Map<Integer, Long> endOffsets, String status,
        long eventsRead, long eventsApplied, String requestedBy, Instant requestedAt, Instant finishedAt, String error) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";

    public String consumerGroup() {
        return consumerGroup(id);
    }

    public static String consumerGroup(UUID id) {
        return "replay-" + id;
    }
}
