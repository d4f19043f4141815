package io.deskpulse.scoring.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/**
 * Scoring without a database: timelines in a map, aggregates in an {@link AggregateTable}, each batch
 * going through {@link TicketScorer} exactly as the batch processor does.
 */
final class InMemoryScoring {

    static final String TENANT = "acme";

    /** One event of one ticket, as delivered. */
    record Delivery(String ticketId, TimelineEvent event) {
    }

    private final Map<String, TicketTimeline> timelines = new HashMap<>();
    final AggregateTable table = new AggregateTable();

    void apply(List<Delivery> batch) {
        Map<String, List<TimelineEvent>> byTicket = new LinkedHashMap<>();
        batch.forEach(d -> byTicket.computeIfAbsent(d.ticketId(), t -> new ArrayList<>()).add(d.event()));
        DeltaAccumulator deltas = new DeltaAccumulator();
        byTicket.forEach((ticket, events) -> {
            TicketTimeline after = TicketScorer.score(TENANT, timelines.get(ticket), events, deltas);
            if (after != null) {
                timelines.put(ticket, after);
            }
        });
        table.apply(deltas.changes());
    }

    void applyEach(String ticketId, List<TimelineEvent> events) {
        events.forEach(e -> apply(List.of(new Delivery(ticketId, e))));
    }
}
