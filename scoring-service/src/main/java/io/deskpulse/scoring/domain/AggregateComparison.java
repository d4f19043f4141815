package io.deskpulse.scoring.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares the aggregate rows stored with the rows the timelines give (docs/reconciliation.md): every measure of
 * every row, and every bin of every histogram, in the four tables. What differs is listed, and the corrections —
 * expected minus stored, row by row — are what a repair adds. Being deltas, corrections commute with the deltas
 * batches add meanwhile, so they can be applied after the comparison without losing or doubling anything.
 */
public final class AggregateComparison {

    private AggregateComparison() {
    }

    /** The aggregate tables, in the order differences of one period are listed. */
    public enum Table {
        KPI_HOURLY("kpi_hourly"), KPI_DAILY("kpi_daily"), KPI_TEAM_DAILY("kpi_team_daily"),
        KPI_AGENT_DAILY("kpi_agent_daily");

        private final String table;

        Table(String table) {
            this.table = table;
        }

        public String tableName() {
            return table;
        }

        public static Table named(String name) {
            for (Table t : values()) {
                if (t.table.equals(name)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("no aggregate table " + name);
        }
    }

    /**
     * One stored value that is not what the timelines give: a measure of a row ({@code bin} null), or the count of one
     * bin of a histogram. {@code periodMillis} is the row's UTC hour, or for a daily row the first hour of its local
     * day; {@code agentId}, {@code channel} and {@code queueId} are null for team-day rows, which have none of them, and
     * {@code channel} and {@code queueId} for agent-day rows.
     */
    public record Difference(Table table, long periodMillis, String teamId, String agentId, String channel,
            String queueId, String metric, Integer bin, long stored, long expected) {
    }

    /** The differences in period, table and row order, and the corrections that remove them. */
    public record Result(List<Difference> differences, AggregateRows corrections) {
    }

    private record RowId(long periodMillis, String teamId, String agentId, String channel, String queueId) {
    }

    private static final Comparator<Difference> ORDER = Comparator.comparingLong(Difference::periodMillis)
            .thenComparing(Difference::table);

    /** Compares the rows of one slice; {@code zone} is the zone the daily rows are kept in. */
    public static Result compare(AggregateRows expected, AggregateRows stored, ZoneId zone) {
        List<Difference> differences = new ArrayList<>();
        TreeMap<AggregateKey, KpiDelta> hourly = compare(Table.KPI_HOURLY, expected.hourly(), stored.hourly(),
                k -> new RowId(k.hourEpochMillis(), k.teamId(), k.agentId(), k.channel(), k.queueId()), differences);
        TreeMap<DailyKey, KpiDelta> daily = compare(Table.KPI_DAILY, expected.daily(), stored.daily(),
                k -> new RowId(ReconciliationRange.firstHour(k.day(), zone), k.teamId(), k.agentId(), k.channel(),
                        k.queueId()),
                differences);
        TreeMap<TeamDayKey, KpiDelta> teamDaily = compare(Table.KPI_TEAM_DAILY, expected.teamDaily(), stored.teamDaily(),
                k -> new RowId(ReconciliationRange.firstHour(k.day(), zone), k.teamId(), null, null, null), differences);
        TreeMap<AgentDayKey, KpiDelta> agentDaily = compare(Table.KPI_AGENT_DAILY, expected.agentDaily(),
                stored.agentDaily(),
                k -> new RowId(ReconciliationRange.firstHour(k.day(), zone), k.teamId(), k.agentId(), null, null),
                differences);
        // Each table's differences are in row order already; a stable sort interleaves the tables by period.
        differences.sort(ORDER);
        return new Result(differences, new AggregateRows(hourly, daily, teamDaily, agentDaily));
    }

    private static <K extends Comparable<K>> TreeMap<K, KpiDelta> compare(Table table, SortedMap<K, KpiDelta> expected,
            SortedMap<K, KpiDelta> stored, Function<K, RowId> id, List<Difference> differences) {
        TreeSet<K> keys = new TreeSet<>(expected.keySet());
        keys.addAll(stored.keySet());
        TreeMap<K, KpiDelta> corrections = new TreeMap<>();
        KpiDelta none = new KpiDelta();
        for (K key : keys) {
            KpiDelta want = expected.getOrDefault(key, none);
            KpiDelta have = stored.getOrDefault(key, none);
            KpiDelta correction = KpiDelta.difference(want, have);
            if (correction.isZero()) {
                continue;
            }
            corrections.put(key, correction);
            RowId row = id.apply(key);
            for (Measure m : Measure.values()) {
                if (correction.get(m) != 0) {
                    differences.add(new Difference(table, row.periodMillis(), row.teamId(), row.agentId(), row.channel(),
                            row.queueId(), m.column(), null, have.get(m), want.get(m)));
                }
            }
            for (HistogramMeasure h : HistogramMeasure.values()) {
                int[] pairs = correction.histogramPairs(h);
                for (int i = 0; i < pairs.length; i += 2) {
                    int bin = pairs[i];
                    differences.add(new Difference(table, row.periodMillis(), row.teamId(), row.agentId(), row.channel(),
                            row.queueId(), h.column(), bin, have.histogramCount(h, bin), want.histogramCount(h, bin)));
                }
            }
        }
        return corrections;
    }
}
