package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.IncomingEvent;
import java.util.List;
import java.util.Map;

/**
 * What one transaction applies: decoded events of one or more partitions, the next offset each
 * partition moves to, and the offset this consumer believes is stored for it now, under its consumer
 * group (the scoring group, or a replay's). Undecodable records carry no event but still move their
 * partition's offset (they went to the dead-letter topic).
 */
public record ScoringBatch(String consumerGroup, String topic, Map<Integer, Long> expectedOffsets,
        Map<Integer, Long> nextOffsets, List<IncomingEvent> events) {

    public ScoringBatch {
        expectedOffsets = Map.copyOf(expectedOffsets);
        nextOffsets = Map.copyOf(nextOffsets);
        events = List.copyOf(events);
    }
}
