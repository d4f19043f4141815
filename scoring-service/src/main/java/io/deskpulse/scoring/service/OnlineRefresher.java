package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.AgentDayScorer;
import io.deskpulse.scoring.domain.AgentDayScorer.StoredDay;
import io.deskpulse.scoring.domain.DeltaAccumulator;
import io.deskpulse.scoring.repository.AgentRef;
import io.deskpulse.scoring.repository.AgentTimelineRepository;
import io.deskpulse.scoring.repository.AgentTimelineRepository.TenantAgentDay;
import io.deskpulse.scoring.repository.AggregateRepository;
import io.deskpulse.scoring.repository.TenantState;
import io.deskpulse.scoring.repository.TenantStateRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
 */
@ApplicationScoped
public class OnlineRefresher {

    private static final Logger LOG = Logger.getLogger(OnlineRefresher.class);
    private static final int BATCH = 200;

    private final DataSource dataSource;
    private final AgentTimelineRepository agentTimelines;
    private final AggregateRepository aggregates;
    private final TenantStateRepository tenantStates;
    private final SettingsCache settings;
    private final Clock clock;

    public OnlineRefresher(DataSource dataSource, AgentTimelineRepository agentTimelines, AggregateRepository aggregates,
            TenantStateRepository tenantStates, SettingsCache settings, Clock clock) {
        this.dataSource = dataSource;
        this.agentTimelines = agentTimelines;
        this.aggregates = aggregates;
        this.tenantStates = tenantStates;
        this.settings = settings;
        this.clock = clock;
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

    /** Counts open sessions up to now; returns how many agent days changed. */
    public int refresh() throws SQLException {
        int changed = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long now = clock.millis();
                // Sessions are capped at a day, so only the last two days can still be open.
                List<TenantAgentDay> open = agentTimelines.openSessions(c,
                        LocalDate.ofEpochDay(Math.floorDiv(now, 86_400_000L)).minusDays(2), BATCH);
                if (open.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                List<String> tenants = new ArrayList<>(new TreeSet<>(open.stream().map(d -> d.agent().tenantId()).toList()));
                Map<String, TenantState> states = tenantStates.readShared(c, tenantStates.ensure(c, tenants));
                Targets targets = new Targets(c, states, settings);
                // Each agent once, from its earliest open day: the walk carries on into the days after it.
                Map<AgentRef, LocalDate> earliest = new TreeMap<>();
                open.forEach(d -> earliest.merge(d.agent(), d.day(), (a, b) -> a.isBefore(b) ? a : b));
                agentTimelines.lock(c, new ArrayList<>(earliest.keySet()));
                DeltaAccumulator deltas = new DeltaAccumulator();
                Map<AgentRef, List<StoredDay>> written = new LinkedHashMap<>();
                for (Map.Entry<AgentRef, LocalDate> first : earliest.entrySet()) {
                    AgentRef agent = first.getKey();
                    List<StoredDay> days = AgentDayScorer.refresh(agent.agentId(), first.getValue(),
                            agentTimelines.from(c, agent, first.getValue()),
                            d -> targets.forTimeline(agent.tenantId(),
                                    new TenantState.Cursor(TenantState.Cursor.AGENT_DAYS, agent.agentId(), d)),
                            now, deltas);
                    written.put(agent, days);
                    changed += days.size();
                }
                aggregates.apply(c, deltas);
                agentTimelines.save(c, written);
                c.commit();
            } catch (AgentTimelineRepository.StoredDaysUnavailable e) {
                c.rollback();
                throw e.getCause();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return changed;
    }
}
