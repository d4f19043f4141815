package io.deskpulse.scoring.service;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.domain.AgentDayDeriver;
import io.deskpulse.scoring.domain.AgentDayScorer.StoredDay;
import io.deskpulse.scoring.domain.AggregateComparison;
import io.deskpulse.scoring.domain.AggregateRows;
import io.deskpulse.scoring.domain.Contribution;
import io.deskpulse.scoring.domain.ContributionDeriver;
import io.deskpulse.scoring.domain.DeltaAccumulator;
import io.deskpulse.scoring.domain.KpiDelta;
import io.deskpulse.scoring.domain.Reconciliation;
import io.deskpulse.scoring.domain.ReconciliationRange.Slice;
import io.deskpulse.scoring.domain.ReconciliationRange;
import io.deskpulse.scoring.domain.Target;
import io.deskpulse.scoring.domain.TenantSettings;
import io.deskpulse.scoring.repository.AgentTimelineRepository.AgentDayRow;
import io.deskpulse.scoring.repository.AgentTimelineRepository;
import io.deskpulse.scoring.repository.AggregateRepository;
import io.deskpulse.scoring.repository.ReconciliationRepository;
import io.deskpulse.scoring.repository.TenantState;
import io.deskpulse.scoring.repository.TenantStateRepository;
import io.deskpulse.scoring.repository.TimelineRepository.BoundedTimeline;
import io.deskpulse.scoring.repository.TimelineRepository.EventBounds;
import io.deskpulse.scoring.repository.TimelineRepository;
import io.deskpulse.scoring.repository.Transactions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Runs reconciliations (docs/reconciliation.md), a slice of a few local days at a time, each in two transactions:
 *
 * <ol>
 *   <li><b>check</b>, in one read-only REPEATABLE READ snapshot: the tenant's active generation and its settings, the
 *       timelines that can contribute to the slice (ticket timelines with an event in it, agent days that overlap it,
 *       with the carry-in and {@code as_of} they were scored with), and the stored rows of its hours and whole days.
 *       A batch commits its timelines and its aggregate deltas together, so the snapshot holds both or neither: what
 *       differs is a real difference, never a batch caught half-way. Nothing waits for the check, nor it for anyone.</li>
 *   <li><b>record</b>: the slice's differences and progress, fenced by the lease and by where the run stood; with
 *       {@code repair}, in the same transaction, the corrections (expected minus stored) added as deltas, under a
 *       shared lock of the tenant's state as batches take it. Deltas commute: a batch committed after the snapshot
 *       added its own difference on top of what was stored, and the correction adds what the snapshot lacked, so
 *       neither is lost nor doubled. Nothing is overwritten with an absolute value.</li>
 * </ol>
 *
 * A run belongs to one instance at a time by lease; another takes over where it stopped once the lease has run out.
 */
@ApplicationScoped
public class ReconciliationWorker {

    private static final Logger LOG = Logger.getLogger(ReconciliationWorker.class);
    static final Duration LEASE = Duration.ofMinutes(5);
    /** Local days per slice: what one snapshot compares, and what its memory holds. */
    static final int SLICE_DAYS = 7;

    private final DataSource dataSource;
    private final ReconciliationRepository reconciliations;
    private final TenantStateRepository states;
    private final SettingsCache settings;
    private final TimelineRepository timelines;
    private final AgentTimelineRepository agentTimelines;
    private final AggregateRepository aggregates;
    private final ReconciliationMetrics metrics;
    private final int chunk;
    private final String owner = "scoring-" + UUID.randomUUID();

    public ReconciliationWorker(DataSource dataSource, ReconciliationRepository reconciliations,
            TenantStateRepository states, SettingsCache settings, TimelineRepository timelines,
            AgentTimelineRepository agentTimelines, AggregateRepository aggregates, ReconciliationMetrics metrics,
            ScoringConfig config) {
        this.dataSource = dataSource;
        this.reconciliations = reconciliations;
        this.states = states;
        this.settings = settings;
        this.timelines = timelines;
        this.agentTimelines = agentTimelines;
        this.aggregates = aggregates;
        this.metrics = metrics;
        this.chunk = config.recomputationChunk();
    }

    @Scheduled(every = "${deskpulse.reconciliation.poll-interval:5s}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            while (runNext()) {
                // one reconciliation after another while any is waiting
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("A reconciliation stopped, it will be taken up again: %s", e.getMessage());
        }
    }

    /** Takes a waiting reconciliation and runs it to its end (or until its lease is lost); false when none waits. */
    public boolean runNext() throws SQLException {
        Optional<Reconciliation> claimed = claim();
        if (claimed.isEmpty()) {
            return false;
        }
        run(claimed.get());
        return true;
    }

    /** Takes a waiting reconciliation for this instance, if any. */
    public Optional<Reconciliation> claim() throws SQLException {
        return Transactions.run(dataSource, false, c -> reconciliations.claim(c, owner, LEASE));
    }

    /** Runs a reconciliation this instance claimed, slice after slice, from where it stands. */
    public void run(Reconciliation claimed) throws SQLException {
        long started = System.nanoTime();
        Reconciliation current = claimed;
        try {
            while (Reconciliation.RUNNING.equals(current.status())) {
                Optional<Reconciliation> next;
                try {
                    next = record(current, check(current));
                } catch (LeaseLostException e) {
                    next = Optional.empty();
                }
                if (next.isEmpty()) {
                    LOG.infof("Reconciliation %s was taken over by another instance", current.id());
                    return;
                }
                current = next.get();
            }
            metrics.done(current);
            LOG.infof("Reconciliation %s of tenant %s (%s..%s%s) done in %d ms: %d timelines read, %d differences",
                    current.id(), current.tenantId(), current.from(), current.to(), current.repair() ? ", repair" : "",
                    (System.nanoTime() - started) / 1_000_000, current.timelinesChecked(), current.differenceCount());
        } catch (SQLException | RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw new IllegalStateException("reconciliation " + current.id() + " interrupted: " + e.getMessage(), e);
            }
            if (!(e instanceof GenerationSwitchedException)) {
                LOG.errorf(e, "Reconciliation %s failed", current.id());
            }
            UUID id = current.id();
            String error = e instanceof GenerationSwitchedException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            Transactions.run(dataSource, false, c -> {
                reconciliations.fail(c, id, owner, error);
                return null;
            });
            metrics.failed();
        }
    }

    /** What one slice's check found; {@code last} when the slice ends the range. */
    public record SliceCheck(int generation, Slice slice, long timelines, AggregateComparison.Result result,
            boolean last) {
    }

    /**
     * Compares the next slice of a reconciliation in one snapshot. It writes nothing but the event bounds of ticket
     * timelines that lack them (on another connection, a chunk at a time), so that later runs skip those timelines.
     */
    public SliceCheck check(Reconciliation r) throws SQLException {
        Lease lease = new Lease(r.id());
        return Transactions.run(dataSource, true, c -> {
            String tenant = r.tenantId();
            TenantState state = states.current(c, tenant);
            int generation = state.activeGeneration();
            if (r.generation() != null && r.generation() != generation) {
                throw new GenerationSwitchedException(r.generation(), generation);
            }
            TenantSettings active = settings.settings(c, tenant, state.activeSettingsVersion());
            ReconciliationRange range = ReconciliationRange.of(r.from(), r.to(), active.timeZone());
            Slice slice = range.sliceFrom(r.checkedUntil() == null ? range.startMillis() : r.checkedUntil().toEpochMilli(),
                    SLICE_DAYS);
            Target target = new Target(tenant, generation, active);
            DeltaAccumulator expected = new DeltaAccumulator();
            long read = addTickets(c, target, slice, expected, lease) + addAgentDays(c, target, slice, expected, lease);
            List<LocalDate> whole = slice.wholeDays();
            LocalDate firstDay = whole.isEmpty() ? null : whole.get(0);
            LocalDate lastDay = whole.isEmpty() ? null : whole.get(whole.size() - 1);
            AggregateRows stored = aggregates.read(c, tenant, generation, slice.startMillis(), slice.endMillis(), firstDay,
                    lastDay);
            // Days the slice holds only some hours of are checked hour by hour: their daily rows hold other hours too.
            Predicate<LocalDate> checked = day -> firstDay != null && !day.isBefore(firstDay) && !day.isAfter(lastDay);
            AggregateRows all = expected.rows();
            AggregateRows want = new AggregateRows(all.hourly(), only(all.daily(), k -> checked.test(k.day())),
                    only(all.teamDaily(), k -> checked.test(k.day())), only(all.agentDaily(), k -> checked.test(k.day())));
            return new SliceCheck(generation, slice, read, AggregateComparison.compare(want, stored, active.timeZone()),
                    slice.endMillis() == range.endMillis());
        });
    }

    /**
     * Adds what the tenant's ticket timelines with an event in the slice contribute to it (each derived whole);
     * stores the event bounds of those read without them. Returns how many were read.
     */
    private long addTickets(Connection c, Target target, Slice slice, DeltaAccumulator expected, Lease lease)
            throws SQLException {
        long read = 0;
        List<BoundedTimeline> tickets;
        String after = null;
        do {
            tickets = timelines.mayHaveEventsBetween(c, target.tenantId(), after, slice.startMillis(), slice.endMillis(),
                    chunk);
            List<EventBounds> unbounded = new ArrayList<>();
            for (BoundedTimeline ticket : tickets) {
                expected.add(target, within(slice, ContributionDeriver.derive(ticket.timeline(), target.settings())));
                if (!ticket.bounded()) {
                    unbounded.add(ticket.bounds());
                }
            }
            if (!unbounded.isEmpty()) {
                Transactions.run(dataSource, false, write -> timelines.storeBounds(write, target.tenantId(), unbounded));
            }
            read += tickets.size();
            lease.keep();
            after = tickets.isEmpty() ? after : tickets.get(tickets.size() - 1).ticketId();
        } while (tickets.size() == chunk);
        return read;
    }

    /**
     * Adds what the agent days overlapping the slice contribute to it. A day contributes inside its own UTC day only,
     * and is scored as stored: with its carry-in, and online time up to its as_of (an open session counts up to the
     * last refresh, as in the aggregates). Returns how many were read.
     */
    private long addAgentDays(Connection c, Target target, Slice slice, DeltaAccumulator expected, Lease lease)
            throws SQLException {
        long read = 0;
        List<AgentDayRow> days;
        String afterAgent = "";
        LocalDate afterDay = null;
        do {
            days = agentTimelines.chunkAfter(c, target.tenantId(), afterAgent, afterDay, slice.firstUtcDay(),
                    slice.lastUtcDay(), chunk);
            for (AgentDayRow row : days) {
                StoredDay day = row.day();
                expected.add(target, within(slice, AgentDayDeriver.derive(row.agentId(), day.day(), day.timeline(),
                        day.carryIn(), target.settings(), day.asOfMillis()).contributions()));
            }
            read += days.size();
            lease.keep();
            if (!days.isEmpty()) {
                afterAgent = days.get(days.size() - 1).agentId();
                afterDay = days.get(days.size() - 1).day().day();
            }
        } while (days.size() == chunk);
        return read;
    }

    /**
     * Records a checked slice and, for a repair, applies its corrections, in one transaction; returns the run as it
     * now stands, or empty when the run is no longer this instance's (nothing was written).
     */
    public Optional<Reconciliation> record(Reconciliation r, SliceCheck check) throws SQLException {
        AggregateComparison.Result result = check.result();
        return Transactions.retryingDeadlocks(dataSource, c -> {
            if (!reconciliations.recordSlice(c, r.id(), owner, LEASE, r.checkedUntil(), check.generation(),
                    Instant.ofEpochMilli(check.slice().endMillis()), check.timelines(), result.differences().size(),
                    result.differences(), check.last(), check.last() && r.repair())) {
                return Optional.empty();
            }
            if (r.repair() && !result.corrections().isEmpty()) {
                // Shared, as a batch takes it: a recomputation step cannot switch generations under the repair.
                TenantState state = states.readShared(c, states.ensure(c, List.of(r.tenantId()))).get(r.tenantId());
                if (state.activeGeneration() != check.generation()) {
                    throw new GenerationSwitchedException(check.generation(), state.activeGeneration());
                }
                aggregates.apply(c, result.corrections());
            }
            return reconciliations.find(c, r.tenantId(), r.id());
        });
    }

    private static List<Contribution> within(Slice slice, List<Contribution> contributions) {
        List<Contribution> inside = new ArrayList<>(contributions.size());
        for (Contribution contribution : contributions) {
            if (slice.holds(contribution.epochMillis())) {
                inside.add(contribution);
            }
        }
        return inside;
    }

    private static <K extends Comparable<K>> SortedMap<K, KpiDelta> only(SortedMap<K, KpiDelta> rows, Predicate<K> keep) {
        TreeMap<K, KpiDelta> kept = new TreeMap<>();
        rows.forEach((key, value) -> {
            if (keep.test(key)) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    /** Renews a run's lease while a long check holds it, on a connection of its own, at most every fifth of it. */
    private final class Lease {
        private final UUID id;
        private long renewed = System.nanoTime();

        Lease(UUID id) {
            this.id = id;
        }

        void keep() throws SQLException {
            if (System.nanoTime() - renewed < LEASE.toNanos() / 5) {
                return;
            }
            if (!Transactions.run(dataSource, false, c -> reconciliations.renew(c, id, owner, LEASE))) {
                throw new LeaseLostException();
            }
            renewed = System.nanoTime();
        }
    }

    /** Another instance took the run over (this one held it past its lease). */
    static final class LeaseLostException extends RuntimeException {
        LeaseLostException() {
            super("the reconciliation's lease was lost to another instance");
        }
    }

    /** A recomputation made another generation the tenant's active one while the run checked the previous one. */
    static final class GenerationSwitchedException extends RuntimeException {
        GenerationSwitchedException(int checked, int active) {
            super("A recomputation switched the tenant's reports from generation " + checked + " to " + active
                    + " during this reconciliation, which had checked generation " + checked
                    + " up to then; ask for a new reconciliation");
        }
    }
}
