package io.deskpulse.scoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scoring without a database: timelines in maps, aggregates in an {@link AggregateTable}, each batch
 * going through {@link TicketScorer} and {@link AgentDayScorer} exactly as the batch processor does,
 * with a fixed "now".
 */
final class InMemoryScoring {

    static final String TENANT = "acme";
    static final long NOW = Instant.parse("2026-11-20T12:00:00Z").toEpochMilli();

    /** One event, as delivered: of a ticket, or of an agent. */
    record Delivery(String ticketId, TimelineEvent ticketEvent, String agentId, AgentEvent agentEvent) {
        static Delivery ticket(String ticketId, TimelineEvent event) {
            return new Delivery(ticketId, event, null, null);
        }

        static Delivery agent(String agentId, AgentEvent event) {
            return new Delivery(null, null, agentId, event);
        }
    }

    private final TenantSettings settings;
    private long now;
    private final Map<String, TicketTimeline> tickets = new HashMap<>();
    private final Map<String, TicketFacts> facts = new HashMap<>();
    private final Map<String, TreeMap<LocalDate, AgentDayScorer.StoredDay>> agentDays = new HashMap<>();
    final AggregateTable table = new AggregateTable();
    /** What kpi_contributions would hold: each item contribution with its count (rows at 0 removed). */
    final Map<DeltaAccumulator.ItemChange, Integer> items = new HashMap<>();

    InMemoryScoring() {
        this(TenantSettings.DEFAULTS, NOW);
    }

    InMemoryScoring(TenantSettings settings, long now) {
        this.settings = settings;
        this.now = now;
    }

    void apply(List<Delivery> batch) {
        List<Target> targets = List.of(new Target(TENANT, 0, settings));
        Map<String, List<TimelineEvent>> byTicket = new LinkedHashMap<>();
        Map<String, List<AgentEvent>> byAgent = new LinkedHashMap<>();
        for (Delivery d : batch) {
            if (d.ticketEvent() != null) {
                byTicket.computeIfAbsent(d.ticketId(), t -> new ArrayList<>()).add(d.ticketEvent());
            } else {
                byAgent.computeIfAbsent(d.agentId(), a -> new ArrayList<>()).add(d.agentEvent());
            }
        }
        DeltaAccumulator deltas = new DeltaAccumulator();
        byTicket.forEach((ticket, events) -> {
            TicketScorer.Scored after = TicketScorer.score(ticket, tickets.get(ticket), events, targets, deltas);
            if (after != null) {
                tickets.put(ticket, after.timeline());
                facts.put(ticket, after.facts());
            }
        });
        byAgent.forEach((agent, events) -> {
            TreeMap<LocalDate, AgentDayScorer.StoredDay> days = agentDays.computeIfAbsent(agent, a -> new TreeMap<>());
            for (AgentDayScorer.StoredDay day : AgentDayScorer.score(agent, events, AgentDayScorer.inMemory(days),
                    d -> targets, now, deltas)) {
                days.put(day.day(), day);
            }
        });
        table.apply(deltas.changes());
        deltas.itemChanges().forEach(change -> {
            if (items.merge(change.getKey(), change.getValue(), Integer::sum) == 0) {
                items.remove(change.getKey());
            }
        });
    }

    /** Applies a batch as the batch processor does when its clock reads {@code at}. */
    void applyAt(List<Delivery> batch, long at) {
        now = at;
        apply(batch);
    }

    /**
     * What the online refresher does at {@code at}: every agent with a day whose online time is not final
     * (the condition of {@code AgentTimelineRepository.openSessions}) is refreshed from the earliest such day.
     */
    void refreshOpenSessions(long at) {
        LocalDate today = AgentDayDeriver.dayOf(at);
        new ArrayList<>(agentDays.keySet()).forEach(agent -> {
            List<LocalDate> open = agentDays.get(agent).values().stream()
                    .filter(day -> open(agentDays.get(agent), day, today)).map(AgentDayScorer.StoredDay::day).toList();
            if (!open.isEmpty()) {
                refresh(agent, open, at);
            }
        });
    }

    private static boolean open(TreeMap<LocalDate, AgentDayScorer.StoredDay> days, AgentDayScorer.StoredDay day,
            LocalDate today) {
        AgentDayDeriver.Carry out = day.carryOut();
        if (out == null || !out.status().countsAsOnline()) {
            return false;
        }
        long dayEnd = AgentDayDeriver.startOf(day.day().plusDays(1));
        long sessionEnd = out.sinceMillis() + AgentDayDeriver.MAX_STATUS_MILLIS;
        return day.asOfMillis() < Math.min(dayEnd, sessionEnd)
                || (sessionEnd > dayEnd && !day.day().plusDays(1).isAfter(today) && !days.containsKey(day.day().plusDays(1)));
    }

    /** Counts an agent's open sessions of these days again up to {@code at}, as the refresher does. */
    void refresh(String agent, List<LocalDate> openDays, long at) {
        List<Target> targets = List.of(new Target(TENANT, 0, settings));
        DeltaAccumulator deltas = new DeltaAccumulator();
        TreeMap<LocalDate, AgentDayScorer.StoredDay> days = agentDays.computeIfAbsent(agent, a -> new TreeMap<>());
        for (AgentDayScorer.StoredDay stored : AgentDayScorer.refresh(agent, openDays, AgentDayScorer.inMemory(days),
                d -> targets, at, deltas)) {
            days.put(stored.day(), stored);
        }
        table.apply(deltas.changes());
        deltas.itemChanges().forEach(change -> {
            if (items.merge(change.getKey(), change.getValue(), Integer::sum) == 0) {
                items.remove(change.getKey());
            }
        });
    }

    /** The aggregates rebuilt from the item rows alone: equal to {@link #table} when the items add up. */
    AggregateTable tableFromItems() {
        AggregateTable fromItems = new AggregateTable();
        Map<AggregateKey, KpiDelta> rows = new HashMap<>();
        items.forEach((change, count) -> {
            KpiDelta row = rows.computeIfAbsent(AggregateKey.of(change.tenantId(), change.generation(),
                    change.contribution()), k -> new KpiDelta());
            change.contribution().observation().addTo(row, count);
        });
        fromItems.apply(rows);
        return fromItems;
    }

    void applyEach(String ticketId, List<TimelineEvent> events) {
        events.forEach(e -> apply(List.of(Delivery.ticket(ticketId, e))));
    }

    void applyEachForAgent(String agentId, List<AgentEvent> events) {
        events.forEach(e -> apply(List.of(Delivery.agent(agentId, e))));
    }

    TicketTimeline ticket(String ticketId) {
        return tickets.get(ticketId);
    }

    TicketFacts facts(String ticketId) {
        return facts.get(ticketId);
    }
}
