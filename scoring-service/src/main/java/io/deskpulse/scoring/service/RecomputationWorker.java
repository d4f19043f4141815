package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.AgentDayDeriver;
import io.deskpulse.scoring.domain.ContributionDeriver;
import io.deskpulse.scoring.domain.ContributionItem;
import io.deskpulse.scoring.domain.DeltaAccumulator;
import io.deskpulse.scoring.domain.NpsResponse;
import io.deskpulse.scoring.domain.Recomputation;
import io.deskpulse.scoring.domain.Target;
import io.deskpulse.scoring.domain.TenantSettings;
import io.deskpulse.scoring.domain.TicketFacts;
import io.deskpulse.scoring.repository.AgentTimelineRepository.AgentDayRow;
import io.deskpulse.scoring.repository.AgentTimelineRepository;
import io.deskpulse.scoring.repository.AggregateRepository;
import io.deskpulse.scoring.repository.CustomerNpsRepository;
import io.deskpulse.scoring.repository.RecomputationRepository;
import io.deskpulse.scoring.repository.TenantState.Cursor;
import io.deskpulse.scoring.repository.TenantState;
import io.deskpulse.scoring.repository.TenantStateRepository;
import io.deskpulse.scoring.repository.TicketFactsRepository;
import io.deskpulse.scoring.repository.TicketRef;
import io.deskpulse.scoring.repository.TimelineRepository.TicketTimelineRow;
import io.deskpulse.scoring.repository.TimelineRepository;
import io.deskpulse.scoring.repository.Transactions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Performs running recomputations, one chunk of timelines per transaction: derive each with the new
 * settings into the generation being built, move the cursor, and once every timeline is in, switch
 * the tenant's reports to it in the same transaction as the last chunk. Each step holds the tenant's
 * state row exclusively, so batches (which share it) never interleave with a step; any scoring
 * instance can take the next step (SKIP LOCKED), and a crash loses at most an uncommitted step.
 */
@ApplicationScoped
public class RecomputationWorker {

    private static final Logger LOG = Logger.getLogger(RecomputationWorker.class);

    private final DataSource dataSource;
    private final TenantStateRepository states;
    private final RecomputationRepository recomputations;
    private final TimelineRepository timelines;
    private final AgentTimelineRepository agentTimelines;
    private final AggregateRepository aggregates;
    private final SettingsCache settings;
    private final TicketFactsRepository ticketFacts;
    private final CustomerNpsRepository customerNps;
    private final int chunk;

    public RecomputationWorker(DataSource dataSource, TenantStateRepository states, RecomputationRepository recomputations,
            TimelineRepository timelines, AgentTimelineRepository agentTimelines, AggregateRepository aggregates,
            SettingsCache settings, TicketFactsRepository ticketFacts, io.deskpulse.scoring.config.ScoringConfig config,
            CustomerNpsRepository customerNps) {
        this.dataSource = dataSource;
        this.states = states;
        this.recomputations = recomputations;
        this.timelines = timelines;
        this.agentTimelines = agentTimelines;
        this.aggregates = aggregates;
        this.settings = settings;
        this.ticketFacts = ticketFacts;
        this.chunk = config.recomputationChunk();
        this.customerNps = customerNps;
    }

    @Scheduled(every = "${deskpulse.scoring.recomputation-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            while (step()) {
                // chunk after chunk while there is work; each is its own transaction
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("A recomputation step failed, will retry: %s", e.getMessage());
        }
    }

    /** Performs one chunk of one running recomputation; false when none is waiting. */
    public boolean step() throws SQLException {
        return Transactions.run(dataSource, false, this::stepIn);
    }

    private boolean stepIn(Connection c) throws SQLException {
        Optional<Recomputation> claimed = recomputations.claimRunning(c);
        if (claimed.isEmpty()) {
            return false;
        }
        UUID id = claimed.get().id();
        String tenant = claimed.get().tenantId();
        TenantState state = states.lockExclusive(c, tenant);
        if (!id.equals(state.recomputationId())) {
            recomputations.finish(c, id, Recomputation.SUPERSEDED, null);
            return true;
        }
        TenantSettings built = settings.settings(c, tenant, state.buildingSettingsVersion());
        Target target = new Target(tenant, state.buildingGeneration(), built);
        DeltaAccumulator deltas = new DeltaAccumulator();
        Cursor cursor = state.cursor();
        Cursor next;
        int done;
        if (cursor == null || cursor.kind() == Cursor.TICKETS) {
            List<TicketTimelineRow> rows = timelines.chunkAfter(c, tenant, cursor == null ? null : cursor.subject(), chunk);
            java.util.TreeMap<TicketRef, TicketFacts> facts = new java.util.TreeMap<>();
            List<NpsResponse> responses = new java.util.ArrayList<>();
            for (TicketTimelineRow row : rows) {
                ContributionDeriver.Derivation derived = ContributionDeriver.deriveWithFacts(row.timeline(), built);
                deltas.add(target, ContributionItem.ticket(row.ticketId()), derived.contributions());
                facts.put(new TicketRef(tenant, row.ticketId()), derived.facts());
                responses.addAll(NpsResponse.ofTimeline(tenant, row.ticketId(), row.timeline()));
            }
            // facts and responses do not depend on settings: the walk over every timeline also fills them for older data
            ticketFacts.save(c, facts);
            customerNps.save(c, responses);
            done = rows.size();
            next = rows.size() < chunk ? new Cursor(Cursor.AGENT_DAYS, "", null)
                    : new Cursor(Cursor.TICKETS, rows.get(rows.size() - 1).ticketId(), null);
        } else {
            List<AgentDayRow> rows = agentTimelines.chunkAfter(c, tenant, cursor.subject(), cursor.day(), chunk);
            for (AgentDayRow row : rows) {
                var day = row.day();
                deltas.add(target, AgentDayDeriver.derive(row.agentId(), day.day(), day.timeline(), day.carryIn(), built,
                        day.asOfMillis()).contributions());
            }
            done = rows.size();
            next = rows.size() < chunk ? null
                    : new Cursor(Cursor.AGENT_DAYS, rows.get(rows.size() - 1).agentId(), rows.get(rows.size() - 1).day().day());
        }
        aggregates.apply(c, deltas);
        Recomputation current = recomputations.find(c, tenant, id).orElseThrow();
        recomputations.progress(c, id, current.timelinesDone() + done);
        if (next == null) {
            // Every timeline is in the new generation: reports read it from this commit on.
            states.retire(c, tenant, state.activeGeneration());
            states.save(c, new TenantState(tenant, state.buildingGeneration(), state.buildingSettingsVersion(), null, null,
                    null, null));
            recomputations.finish(c, id, Recomputation.COMPLETED, null);
            LOG.infof("Recomputation %s of tenant %s completed: generation %d with settings version %d is live", id,
                    tenant, state.buildingGeneration(), state.buildingSettingsVersion());
        } else {
            states.save(c, new TenantState(tenant, state.activeGeneration(), state.activeSettingsVersion(),
                    state.buildingGeneration(), state.buildingSettingsVersion(), id, next));
        }
        return true;
    }
}
