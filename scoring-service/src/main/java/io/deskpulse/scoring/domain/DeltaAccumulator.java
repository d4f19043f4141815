package io.deskpulse.scoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Collects the difference between what timelines contributed before a batch and what they contribute
 * after it, per aggregate row: hourly rows, and daily rows in the zone of the target generation's
 * settings, and team-day rows in that zone. Retracting the old contributions and adding the new ones is all it takes: equal items
 * cancel, so only what changed reaches the database.
 *
 * <p>It also keeps which items' contributions changed ({@link #itemChanges()}), for {@code kpi_contributions}: the
 * same retractions and additions, so the drill-down rows move in the transaction that moves the aggregates.
 */
public final class DeltaAccumulator {

    private final Map<AggregateKey, KpiDelta> hourly = new HashMap<>();
    private final Map<DailyKey, KpiDelta> daily = new HashMap<>();
    // An hour lies in one local day (report zones have whole-hour offsets): remember each hour's day.
    private final Map<ZoneId, Map<Long, LocalDate>> dayOfHour = new HashMap<>();
    private final Map<ItemChange, Integer> items = new HashMap<>();

    /**
     * One contribution of one item to one generation; {@code count} copies of it are added (negative: retracted).
     * Equal contributions of one item (two replies of one agent in the same millisecond) are one key counted twice.
     */
    public record ItemChange(String tenantId, int generation, ContributionItem item, Contribution contribution) {
    }

    public void add(Target target, Collection<Contribution> contributions) {
        apply(target, contributions, 1, null);
    }

    /** Adds a ticket's contributions (or others whose deriver did not name their item): {@code item} is theirs. */
    public void add(Target target, ContributionItem item, Collection<Contribution> contributions) {
        apply(target, contributions, 1, item);
    }

    public void retract(Target target, Collection<Contribution> contributions) {
        apply(target, contributions, -1, null);
    }

    public void replace(Target target, Collection<Contribution> before, Collection<Contribution> after) {
        replace(target, null, before, after);
    }

    /**
     * Retracts {@code before} and adds {@code after}, keeping to what differs: a ticket that gains one event in a
     * batch keeps nearly all its contributions, and accounting for them twice only for them to cancel was most of
     * scoring's CPU (docs/performance.md). The same result as {@link #retract} then {@link #add}.
     */
    public void replace(Target target, ContributionItem item, Collection<Contribution> before,
            Collection<Contribution> after) {
        Map<Contribution, Integer> change = new HashMap<>(Math.max(16, (before.size() + after.size()) * 2));
        for (Contribution contribution : before) {
            change.merge(contribution, -1, Integer::sum);
        }
        for (Contribution contribution : after) {
            change.merge(contribution, 1, Integer::sum);
        }
        List<Contribution> retracted = new ArrayList<>();
        List<Contribution> added = new ArrayList<>();
        change.forEach((contribution, count) -> {
            for (int i = count; i < 0; i++) {
                retracted.add(contribution);
            }
            for (int i = 0; i < count; i++) {
                added.add(contribution);
            }
        });
        apply(target, retracted, -1, item);
        apply(target, added, 1, item);
    }

    private void apply(Target target, Collection<Contribution> contributions, int sign, ContributionItem fallback) {
        ZoneId zone = target.settings().timeZone();
        Map<Long, LocalDate> days = dayOfHour.computeIfAbsent(zone, z -> new HashMap<>());
        // A tenant that keeps no contribution rows (its settings' keep_contributions) has only the sums.
        boolean keepItems = target.settings().keepContributions();
        for (Contribution contribution : contributions) {
            AggregateKey key = AggregateKey.of(target.tenantId(), target.generation(), contribution);
            contribution.observation().addTo(hourly.computeIfAbsent(key, k -> new KpiDelta()), sign);
            LocalDate day = days.computeIfAbsent(key.hourEpochMillis(),
                    hour -> Instant.ofEpochMilli(hour).atZone(zone).toLocalDate());
            DailyKey dayKey = new DailyKey(key.tenantId(), key.generation(), day, key.teamId(), key.agentId(), key.channel(),
                    key.queueId());
            contribution.observation().addTo(daily.computeIfAbsent(dayKey, k -> new KpiDelta()), sign);
            ContributionItem item = contribution.item() != null ? contribution.item() : fallback;
            if (item != null && keepItems) {
                items.merge(new ItemChange(target.tenantId(), target.generation(), item, contribution), sign, Integer::sum);
            }
        }
    }

    /**
     * The items' contributions that really change (count non-zero), in no particular order: the writer puts its rows in
     * one global order (sorting here compared whole contributions by their text, a sixth of scoring's CPU in a batch).
     */
    public List<Map.Entry<ItemChange, Integer>> itemChanges() {
        return items.entrySet().stream().filter(e -> e.getValue() != 0).toList();
    }

    /** The hourly rows that really change, in the global row order (see {@link AggregateKey}). */
    public TreeMap<AggregateKey, KpiDelta> changes() {
        return nonZero(hourly);
    }

    /** The daily rows that really change, in the global row order. */
    public TreeMap<DailyKey, KpiDelta> dailyChanges() {
        return nonZero(daily);
    }

    /** The team-day rollup rows that really change: the daily rows summed over agents and channels. */
    public TreeMap<TeamDayKey, KpiDelta> teamDailyChanges() {
        return rolledUp(TeamDayKey::of);
    }

    /** The agent-day rollup rows that really change: the daily rows summed over channels and queues. */
    public TreeMap<AgentDayKey, KpiDelta> agentDailyChanges() {
        return rolledUp(AgentDayKey::of);
    }

    /** The daily rows summed by {@code rollup}'s key, those that really change. */
    private <K extends Comparable<K>> TreeMap<K, KpiDelta> rolledUp(Function<DailyKey, K> rollup) {
        Map<K, KpiDelta> rows = new HashMap<>();
        daily.forEach((key, delta) -> rows.computeIfAbsent(rollup.apply(key), k -> new KpiDelta()).addAll(delta));
        return nonZero(rows);
    }

    /** Every row that really changes, in the four aggregate tables. */
    public AggregateRows rows() {
        return new AggregateRows(changes(), dailyChanges(), teamDailyChanges(), agentDailyChanges());
    }

    private static <K extends Comparable<K>> TreeMap<K, KpiDelta> nonZero(Map<K, KpiDelta> deltas) {
        TreeMap<K, KpiDelta> changes = new TreeMap<>();
        deltas.forEach((key, delta) -> {
            if (!delta.isZero()) {
                changes.put(key, delta);
            }
        });
        return changes;
    }
}
