package io.deskpulse.scoring.service;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.domain.AgentDayScorer.StoredDay;
import io.deskpulse.scoring.domain.AgentDayScorer;
import io.deskpulse.scoring.domain.DeltaAccumulator;
import io.deskpulse.scoring.repository.AgentRef;
import io.deskpulse.scoring.repository.AgentTimelineRepository.TenantAgentDay;
import io.deskpulse.scoring.repository.AgentTimelineRepository;
import io.deskpulse.scoring.repository.AggregateRepository;
import io.deskpulse.scoring.repository.TenantState;
import io.deskpulse.scoring.repository.TenantStateRepository;
import io.deskpulse.scoring.repository.Transactions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps online time fresh for agents who are online now: their day's open session is counted up to
 * the time of the last event, so every minute or so it is counted again up to the clock, and carried
 * into the next day when it runs past midnight. Between refreshes a report is at most one interval
 * behind for those agents.
 *
 * <p>A refresh goes through every open session, a page of agent days per transaction. A day stays open after
 * a refresh only if it was the day of that refresh or the day before, and a batch opens only days from the day
 * before its clock on; so a refresh looks from two days before the previous completed refresh. The first
 * refresh after a start looks further back ({@code deskpulse.scoring.online-catch-up}), for sessions that were
 * open when every instance stopped.
 */
@ApplicationScoped
public class OnlineRefresher {

    private static final Logger LOG = Logger.getLogger(OnlineRefresher.class);
    static final int PAGE = 200;

    private final DataSource dataSource;
    private final AgentTimelineRepository agentTimelines;
    private final AggregateRepository aggregates;
    private final TenantStateRepository tenantStates;
    private final SettingsCache settings;
    private final Clock clock;
    private final long catchUpDays;
    /** The clock at the start of the last refresh that completed; null until the first one. */
    private volatile Long lastRefreshMillis;

    public OnlineRefresher(DataSource dataSource, AgentTimelineRepository agentTimelines, AggregateRepository aggregates,
            TenantStateRepository tenantStates, SettingsCache settings, Clock clock, ScoringConfig config) {
        this.dataSource = dataSource;
        this.agentTimelines = agentTimelines;
        this.aggregates = aggregates;
        this.tenantStates = tenantStates;
        this.settings = settings;
        this.clock = clock;
        this.catchUpDays = Math.max(2, config.onlineCatchUp().toDays());
    }

    @Scheduled(every = "${deskpulse.scoring.online-refresh-interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Refreshing open online sessions failed, will retry: %s", e.getMessage());
        }
    }

    /** Counts every open session up to now; returns how many agent days changed. */
    public int refresh() throws SQLException {
        long now = clock.millis();
        LocalDate today = dayOf(now);
        Long previous = lastRefreshMillis;
        LocalDate since = previous == null ? today.minusDays(catchUpDays)
                : Collections.min(List.of(today, dayOf(previous))).minusDays(2);
        int changed = 0;
        TenantAgentDay after = null;
        Page page;
        do {
            TenantAgentDay cursor = after;
            try {
                page = Transactions.run(dataSource, false, c -> refreshPage(c, since, today, cursor, now));
            } catch (AgentTimelineRepository.StoredDaysUnavailable e) {
                throw e.getCause();
            }
            changed += page.changed();
            after = page.last();
        } while (page.full());
        lastRefreshMillis = now;
        return changed;
    }

    private static LocalDate dayOf(long epochMillis) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochMillis, 86_400_000L));
    }

    private record Page(TenantAgentDay last, boolean full, int changed) {
    }

    /** Refreshes the next page of open agent days after {@code after} (null: from the first) in one transaction. */
    private Page refreshPage(Connection c, LocalDate since, LocalDate today, TenantAgentDay after, long now) throws SQLException {
        List<TenantAgentDay> open = agentTimelines.openSessions(c, since, today, after, PAGE);
        if (open.isEmpty()) {
            return new Page(null, false, 0);
        }
        List<String> tenants = new ArrayList<>(new TreeSet<>(open.stream().map(d -> d.agent().tenantId()).toList()));
        Map<String, TenantState> states = tenantStates.readShared(c, tenantStates.ensure(c, tenants));
        Targets targets = new Targets(c, states, settings);
        // Each agent once, all its open days of the page in one walk, which also carries on into the days after them.
        Map<AgentRef, List<LocalDate>> openDays = new TreeMap<>();
        open.forEach(d -> openDays.computeIfAbsent(d.agent(), a -> new ArrayList<>()).add(d.day()));
        agentTimelines.lock(c, new ArrayList<>(openDays.keySet()));
        DeltaAccumulator deltas = new DeltaAccumulator();
        Map<AgentRef, List<StoredDay>> written = new LinkedHashMap<>();
        int changed = 0;
        for (Map.Entry<AgentRef, List<LocalDate>> agentOpen : openDays.entrySet()) {
            AgentRef agent = agentOpen.getKey();
            List<LocalDate> days = agentOpen.getValue();
            List<StoredDay> rescored = AgentDayScorer.refresh(agent.agentId(), days,
                    agentTimelines.from(c, agent, days.get(0), days.get(days.size() - 1)),
                    d -> targets.forTimeline(agent.tenantId(),
                            new TenantState.Cursor(TenantState.Cursor.AGENT_DAYS, agent.agentId(), d)),
                    now, deltas);
            written.put(agent, rescored);
            changed += rescored.size();
        }
        aggregates.apply(c, deltas);
        agentTimelines.save(c, written);
        return new Page(open.get(open.size() - 1), open.size() == PAGE, changed);
    }
}
