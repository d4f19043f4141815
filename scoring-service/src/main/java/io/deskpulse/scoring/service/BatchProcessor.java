package io.deskpulse.scoring.service;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.domain.DeltaAccumulator;
import io.deskpulse.scoring.domain.TicketScorer;
import io.deskpulse.scoring.domain.TicketTimeline;
import io.deskpulse.scoring.domain.TimelineEvent;
import io.deskpulse.scoring.messaging.IncomingEvent;
import io.deskpulse.scoring.repository.AggregateRepository;
import io.deskpulse.scoring.repository.OffsetRepository;
import io.deskpulse.scoring.repository.SeenEventRepository;
import io.deskpulse.scoring.repository.TicketRef;
import io.deskpulse.scoring.repository.TimelineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Applies a batch of events to PostgreSQL in one transaction, together with the batch's Kafka offsets
 * (DESIGN.md, "Scoring"): lock the offset rows and check them, drop duplicates, load the touched
 * timelines, derive each ticket's contributions before and after, and write only the difference.
 */
@ApplicationScoped
public class BatchProcessor {

    private final DataSource dataSource;
    private final OffsetRepository offsets;
    private final SeenEventRepository seenEvents;
    private final TimelineRepository timelines;
    private final AggregateRepository aggregates;
    private final String consumerGroup;

    public BatchProcessor(DataSource dataSource, OffsetRepository offsets, SeenEventRepository seenEvents,
            TimelineRepository timelines, AggregateRepository aggregates, ScoringConfig config) {
        this.dataSource = dataSource;
        this.offsets = offsets;
        this.seenEvents = seenEvents;
        this.timelines = timelines;
        this.aggregates = aggregates;
        this.consumerGroup = config.consumerGroup();
    }

    public BatchOutcome apply(ScoringBatch batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                BatchOutcome outcome = applyIn(c, batch);
                if (outcome instanceof BatchOutcome.Applied) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Loads (creating where missing) the stored offsets of newly assigned partitions. */
    public Map<Integer, Long> storedOffsets(String topic, Set<Integer> partitions) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return offsets.ensure(c, consumerGroup, topic, partitions);
        }
    }

    private BatchOutcome applyIn(Connection c, ScoringBatch batch) throws SQLException {
        Map<Integer, Long> stored = offsets.lock(c, consumerGroup, batch.topic(), batch.nextOffsets().keySet());
        for (Integer partition : batch.nextOffsets().keySet()) {
            if (!Objects.equals(stored.get(partition), batch.expectedOffsets().get(partition))) {
                return new BatchOutcome.Fenced(stored);
            }
        }

        List<IncomingEvent> fresh = withoutDuplicates(c, batch.events());
        int duplicates = batch.events().size() - fresh.size();
        int ignored = 0;
        Map<TicketRef, List<IncomingEvent>> byTicket = new TreeMap<>();
        for (IncomingEvent event : fresh) {
            if (event.isTicketEvent()) {
                byTicket.computeIfAbsent(new TicketRef(event.tenantId(), event.ticketId()), t -> new ArrayList<>())
                        .add(event);
            } else {
                ignored++;
            }
        }

        Map<TicketRef, TicketTimeline> loaded = timelines.loadForUpdate(c, new ArrayList<>(byTicket.keySet()));
        DeltaAccumulator deltas = new DeltaAccumulator();
        TreeMap<TicketRef, TicketTimeline> changed = new TreeMap<>();
        TreeMap<TicketRef, TicketTimeline> created = new TreeMap<>();
        for (Map.Entry<TicketRef, List<IncomingEvent>> ticket : byTicket.entrySet()) {
            TicketTimeline before = loaded.get(ticket.getKey());
            List<TimelineEvent> events = ticket.getValue().stream().map(IncomingEvent::timelineEvent).toList();
            TicketTimeline after = TicketScorer.score(ticket.getKey().tenantId(), before, events, deltas);
            if (after != null) {
                (before == null ? created : changed).put(ticket.getKey(), after);
            }
        }

        var changes = deltas.changes();
        aggregates.apply(c, changes);
        timelines.save(c, changed, created);
        offsets.save(c, consumerGroup, batch.topic(), batch.nextOffsets());
        return new BatchOutcome.Applied(fresh.size() - ignored, duplicates, ignored, changes.size());
    }

    /**
     * Keeps the first occurrence of each identity that the dedup table has not seen; events of types
     * no KPI uses yet are not remembered, so that a later version deriving KPIs from them can replay them.
     */
    private List<IncomingEvent> withoutDuplicates(Connection c, List<IncomingEvent> events) throws SQLException {
        Map<UUID, IncomingEvent> firstByKey = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            firstByKey.putIfAbsent(event.eventKey(), event);
        }
        List<UUID> remembered = firstByKey.values().stream().filter(IncomingEvent::isTicketEvent)
                .map(IncomingEvent::eventKey).sorted().toList();
        Set<UUID> unseen = seenEvents.markSeen(c, remembered);
        return firstByKey.values().stream()
                .filter(e -> !e.isTicketEvent() || unseen.contains(e.eventKey()))
                .toList();
    }
}
