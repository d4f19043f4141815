package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.AgentDayDeriver;
import io.deskpulse.scoring.domain.AgentDayScorer.StoredDay;
import io.deskpulse.scoring.domain.AgentDayScorer.StoredDays;
import io.deskpulse.scoring.domain.AgentDayScorer;
import io.deskpulse.scoring.domain.AgentEvent;
import io.deskpulse.scoring.domain.AgentFact;
import io.deskpulse.scoring.domain.DeltaAccumulator;
import io.deskpulse.scoring.domain.IncomingEvent;
import io.deskpulse.scoring.domain.NpsResponse;
import io.deskpulse.scoring.domain.TicketFact;
import io.deskpulse.scoring.domain.TicketFacts;
import io.deskpulse.scoring.domain.TicketScorer;
import io.deskpulse.scoring.domain.TicketTimeline;
import io.deskpulse.scoring.domain.TimelineEvent;
import io.deskpulse.scoring.repository.AgentRef;
import io.deskpulse.scoring.repository.AgentTimelineRepository;
import io.deskpulse.scoring.repository.AggregateRepository;
import io.deskpulse.scoring.repository.CustomerLifecycleRepository;
import io.deskpulse.scoring.repository.CustomerNpsRepository;
import io.deskpulse.scoring.repository.OffsetRepository;
import io.deskpulse.scoring.repository.SeenEventRepository;
import io.deskpulse.scoring.repository.TenantState;
import io.deskpulse.scoring.repository.TenantStateRepository;
import io.deskpulse.scoring.repository.TicketFactsRepository;
import io.deskpulse.scoring.repository.TicketRef;
import io.deskpulse.scoring.repository.TimelineRepository;
import io.deskpulse.scoring.repository.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Applies a batch of events to PostgreSQL in one transaction, together with the batch's Kafka offsets
 * (docs/architecture.md, "Exactly once"): lock the offset rows and check them, drop duplicates, load the touched
 * timelines, derive their contributions before and after, and write only the difference — to the
 * tenant's active generation, and to the generation a recomputation is building where it already
 * holds the timeline.
 */
@ApplicationScoped
public class BatchProcessor {

    private final DataSource dataSource;
    private final OffsetRepository offsets;
    private final SeenEventRepository seenEvents;
    private final TimelineRepository timelines;
    private final AgentTimelineRepository agentTimelines;
    private final AggregateRepository aggregates;
    private final TenantStateRepository tenantStates;
    private final TicketFactsRepository ticketFacts;
    private final SettingsCache settings;
    private final TenantActivity activity;
    private final Clock clock;
    private final CustomerNpsRepository customerNps;
    private final CustomerLifecycleRepository customerLifecycle;
    private final BatchStages stages;

    public BatchProcessor(DataSource dataSource, OffsetRepository offsets, SeenEventRepository seenEvents,
            TimelineRepository timelines, AgentTimelineRepository agentTimelines, AggregateRepository aggregates,
            TenantStateRepository tenantStates, TicketFactsRepository ticketFacts, SettingsCache settings,
            TenantActivity activity, Clock clock, CustomerNpsRepository customerNps,
            CustomerLifecycleRepository customerLifecycle, ScoringMetrics metrics) {
        this.dataSource = dataSource;
        this.offsets = offsets;
        this.seenEvents = seenEvents;
        this.timelines = timelines;
        this.agentTimelines = agentTimelines;
        this.aggregates = aggregates;
        this.tenantStates = tenantStates;
        this.ticketFacts = ticketFacts;
        this.settings = settings;
        this.activity = activity;
        this.clock = clock;
        this.customerNps = customerNps;
        this.customerLifecycle = customerLifecycle;
        this.stages = metrics.stages();
    }

    public BatchOutcome apply(ScoringBatch batch) throws SQLException {
        BatchStages.Clock timing = stages.start();
        BatchOutcome outcome;
        try {
            // A fenced batch wrote nothing but its locks: committing it is rolling it back.
            outcome = Transactions.run(dataSource, false, c -> applyIn(c, batch, timing));
        } catch (AgentTimelineRepository.StoredDaysUnavailable e) {
            throw e.getCause();
        }
        if (outcome instanceof BatchOutcome.Applied) {
            timing.lap(BatchStages.Stage.COMMIT);
            // After the commit, in memory: alert evaluation never adds to the batch transaction.
            activity.touched(batch.events());
        }
        return outcome;
    }

    /** Loads (creating where missing) the stored offsets of newly assigned partitions. */
    public Map<Integer, Long> storedOffsets(String consumerGroup, String topic, Set<Integer> partitions)
            throws SQLException {
        return Transactions.autoCommit(dataSource, c -> offsets.ensure(c, consumerGroup, topic, partitions));
    }

    private BatchOutcome applyIn(Connection c, ScoringBatch batch, BatchStages.Clock timing) throws SQLException {
        String group = batch.consumerGroup();
        Map<Integer, Long> stored = offsets.lock(c, group, batch.topic(), batch.nextOffsets().keySet());
        for (Integer partition : batch.nextOffsets().keySet()) {
            if (!Objects.equals(stored.get(partition), batch.expectedOffsets().get(partition))) {
                return new BatchOutcome.Fenced(stored);
            }
        }
        timing.lap(BatchStages.Stage.OFFSETS);

        List<IncomingEvent> fresh = withoutDuplicates(c, batch.events());
        timing.lap(BatchStages.Stage.DEDUP);
        int rows = 0;
        if (!fresh.isEmpty()) {
            List<String> tenants = new ArrayList<>(new TreeSet<>(fresh.stream().map(IncomingEvent::tenantId).toList()));
            // Shared locks: a recomputation step of one of these tenants waits for this batch, or it for the step.
            Map<String, TenantState> states = tenantStates.readShared(c, tenantStates.ensure(c, tenants));
            Targets targets = new Targets(c, states, settings);
            DeltaAccumulator deltas = new DeltaAccumulator();
            scoreTickets(c, fresh, targets, deltas, timing);
            scoreAgents(c, fresh, targets, deltas);
            timing.lap(BatchStages.Stage.AGENTS);
            rows = aggregates.apply(c, deltas);
            customerNps.save(c, npsResponses(fresh));
            customerLifecycle.save(c, fresh.stream().map(IncomingEvent::customerEvent).filter(Objects::nonNull).toList());
        }
        offsets.save(c, group, batch.topic(), batch.nextOffsets());
        timing.lap(BatchStages.Stage.AGGREGATES);
        return new BatchOutcome.Applied(fresh.size(), batch.events().size() - fresh.size(), rows);
    }

    private void scoreTickets(Connection c, List<IncomingEvent> events, Targets targets, DeltaAccumulator deltas,
            BatchStages.Clock timing) throws SQLException {
        Map<TicketRef, List<TimelineEvent>> byTicket = new TreeMap<>();
        for (IncomingEvent event : events) {
            if (event.isTicketEvent()) {
                byTicket.computeIfAbsent(new TicketRef(event.tenantId(), event.ticketId()), t -> new ArrayList<>())
                        .add(event.ticketEvent());
            }
        }
        Map<TicketRef, TicketTimeline> loaded = timelines.loadForUpdate(c, new ArrayList<>(byTicket.keySet()));
        timing.lap(BatchStages.Stage.TIMELINES_LOAD);
        TreeMap<TicketRef, TicketTimeline> changed = new TreeMap<>();
        TreeMap<TicketRef, TicketTimeline> created = new TreeMap<>();
        TreeMap<TicketRef, TicketFacts> facts = new TreeMap<>();
        for (Map.Entry<TicketRef, List<TimelineEvent>> ticket : byTicket.entrySet()) {
            TicketRef ref = ticket.getKey();
            TicketTimeline before = loaded.get(ref);
            TicketScorer.Scored after = TicketScorer.score(ref.ticketId(), before, ticket.getValue(),
                    targets.forTimeline(ref.tenantId(), new TenantState.Cursor(TenantState.Cursor.TICKETS, ref.ticketId(), null)),
                    deltas);
            if (after != null) {
                (before == null ? created : changed).put(ref, after.timeline());
                facts.put(ref, after.facts());
            }
        }
        timing.lap(BatchStages.Stage.DERIVE);
        timelines.save(c, changed, created);
        timing.lap(BatchStages.Stage.TIMELINES_SAVE);
        ticketFacts.save(c, facts);
        timing.lap(BatchStages.Stage.FACTS);
    }

    private void scoreAgents(Connection c, List<IncomingEvent> events, Targets targets, DeltaAccumulator deltas)
            throws SQLException {
        Map<AgentRef, List<AgentEvent>> byAgent = new TreeMap<>();
        for (IncomingEvent event : events) {
            if (event.isAgentEvent()) {
                byAgent.computeIfAbsent(new AgentRef(event.tenantId(), event.agentId()), a -> new ArrayList<>())
                        .add(event.agentEvent());
            }
        }
        if (byAgent.isEmpty()) {
            return;
        }
        agentTimelines.lock(c, new ArrayList<>(byAgent.keySet()));
        Map<AgentRef, LocalDate[]> ranges = new LinkedHashMap<>();
        byAgent.forEach((agent, agentEvents) -> {
            TreeSet<LocalDate> days = new TreeSet<>(agentEvents.stream()
                    .map(e -> AgentDayDeriver.dayOf(e.epochMillis())).toList());
            // the day after the last one too: a session running at midnight continues there
            ranges.put(agent, new LocalDate[] {days.first(), days.last().plusDays(1)});
        });
        Map<AgentRef, StoredDays> stored = agentTimelines.preload(c, ranges);
        long now = clock.millis();
        Map<AgentRef, List<StoredDay>> written = new LinkedHashMap<>();
        for (Map.Entry<AgentRef, List<AgentEvent>> agent : byAgent.entrySet()) {
            AgentRef ref = agent.getKey();
            written.put(ref, AgentDayScorer.score(ref.agentId(), agent.getValue(), stored.get(ref),
                    day -> targets.forTimeline(ref.tenantId(),
                            new TenantState.Cursor(TenantState.Cursor.AGENT_DAYS, ref.agentId(), day)),
                    now, deltas));
        }
        agentTimelines.save(c, written);
    }

    /** The NPS responses among the events that name a customer or a ticket (one naming neither has no customer). */
    private static List<NpsResponse> npsResponses(List<IncomingEvent> events) {
        List<NpsResponse> responses = new ArrayList<>();
        for (IncomingEvent event : events) {
            String customer = event.customerId() == null ? "" : event.customerId();
            if (event.isTicketEvent() && event.ticketEvent().fact() instanceof TicketFact.Nps nps) {
                responses.add(new NpsResponse(event.tenantId(), event.ticketId(), event.ticketEvent().identity(), customer,
                        event.ticketEvent().epochMillis(), nps.score()));
            } else if (event.isAgentEvent() && event.agentEvent().fact() instanceof AgentFact.Nps nps
                    && !customer.isEmpty()) {
                responses.add(new NpsResponse(event.tenantId(), "", event.agentEvent().identity(), customer,
                        event.agentEvent().epochMillis(), nps.score()));
            }
        }
        return responses;
    }

    /** Keeps the first occurrence of each identity that the dedup table has not seen. */
    private List<IncomingEvent> withoutDuplicates(Connection c, List<IncomingEvent> events) throws SQLException {
        Map<UUID, IncomingEvent> firstByKey = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            firstByKey.putIfAbsent(event.eventKey(), event);
        }
        Set<UUID> unseen = seenEvents.markSeen(c, firstByKey.keySet().stream().sorted().toList());
        return firstByKey.values().stream().filter(e -> unseen.contains(e.eventKey())).toList();
    }
}
