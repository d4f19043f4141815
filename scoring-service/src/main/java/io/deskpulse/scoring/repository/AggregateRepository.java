package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.AgentDayKey;
import io.deskpulse.scoring.domain.AggregateKey;
import io.deskpulse.scoring.domain.AggregateRows;
import io.deskpulse.scoring.domain.DailyKey;
import io.deskpulse.scoring.domain.DeltaAccumulator;
import io.deskpulse.scoring.domain.HistogramMeasure;
import io.deskpulse.scoring.domain.HistogramPairs;
import io.deskpulse.scoring.domain.KpiDelta;
import io.deskpulse.scoring.domain.Measure;
import io.deskpulse.scoring.domain.TeamDayKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Adds deltas to the aggregate tables: {@code kpi_hourly}, {@code kpi_daily}, {@code kpi_team_daily} and
 * {@code kpi_agent_daily}
 * (docs/storage.md). Per table and batch, three statements whatever the number of rows:
 *
 * <ol>
 *   <li>lock the batch's existing rows, in key order, reading the histograms that change and each row's ctid;</li>
 *   <li>update them by ctid: sums add up in SQL, histograms are merged here and written whole. A row locked by
 *       this transaction keeps its ctid until this transaction updates it, and a TID scan costs less than half
 *       a second descent of the six-column primary key;</li>
 *   <li>insert the rows that did not exist. Should another writer have inserted one meanwhile, the
 *       conflict adds the sums and merges the histograms with {@code hist_merge()} in SQL — correct, but
 *       about 50 µs a histogram, which is why the common path merges in Java.</li>
 * </ol>
 *
 * Rows arrive sorted by key, so concurrent writers lock shared rows in the same order.
 */
@ApplicationScoped
public class AggregateRepository {

    private static final Measure[] MEASURES = Measure.values();
    private static final HistogramMeasure[] HISTOGRAMS = HistogramMeasure.values();

    private static final AggregateTable HOURLY = new AggregateTable("kpi_hourly",
            List.of("tenant_id", "generation", "bucket", "team_id", "agent_id", "channel", "queue_id"),
            List.of("text", "int", "timestamptz", "text", "text", "text", "text"));
    private static final AggregateTable DAILY = new AggregateTable("kpi_daily",
            List.of("tenant_id", "generation", "day", "team_id", "agent_id", "channel", "queue_id"),
            List.of("text", "int", "date", "text", "text", "text", "text"));
    private static final AggregateTable TEAM_DAILY = new AggregateTable("kpi_team_daily",
            List.of("tenant_id", "generation", "day", "team_id"), List.of("text", "int", "date", "text"));
    private static final AggregateTable AGENT_DAILY = new AggregateTable("kpi_agent_daily",
            List.of("tenant_id", "generation", "day", "team_id", "agent_id"), List.of("text", "int", "date", "text", "text"));

    private final ContributionRepository contributions;

    public AggregateRepository(ContributionRepository contributions) {
        this.contributions = contributions;
    }

    /**
     * Writes everything the accumulator collected, the items behind the sums ({@code kpi_contributions}) too; returns
     * the number of hourly rows changed.
     */
    public int apply(Connection c, DeltaAccumulator deltas) throws SQLException {
        int rows = apply(c, deltas.rows());
        contributions.apply(c, deltas.itemChanges());
        return rows;
    }

    /** Adds these deltas to their rows of the four tables; returns the number of hourly rows changed. */
    public int apply(Connection c, AggregateRows deltas) throws SQLException {
        // ISO-8601 with Z: the instant cannot be shifted by the JVM's or the session's time zone.
        List<Row> hourly = rows(deltas.hourly(), k -> new String[] {k.tenantId(), Integer.toString(k.generation()),
                Instant.ofEpochMilli(k.hourEpochMillis()).toString(), k.teamId(), k.agentId(), k.channel(), k.queueId()});
        HOURLY.write(c, hourly);
        DAILY.write(c, rows(deltas.daily(), k -> new String[] {k.tenantId(), Integer.toString(k.generation()),
                k.day().toString(), k.teamId(), k.agentId(), k.channel(), k.queueId()}));
        TEAM_DAILY.write(c, rows(deltas.teamDaily(), k -> new String[] {k.tenantId(), Integer.toString(k.generation()),
                k.day().toString(), k.teamId()}));
        AGENT_DAILY.write(c, rows(deltas.agentDaily(), k -> new String[] {k.tenantId(), Integer.toString(k.generation()),
                k.day().toString(), k.teamId(), k.agentId()}));
        return hourly.size();
    }

    /** The deltas as rows to write, in their key order, each key as its columns' text. */
    private static <K> List<Row> rows(SortedMap<K, KpiDelta> deltas, Function<K, String[]> columns) {
        List<Row> rows = new ArrayList<>(deltas.size());
        deltas.forEach((k, delta) -> rows.add(new Row(columns.apply(k), delta)));
        return rows;
    }

    /**
     * The stored rows of a generation: its hours in [fromHour, toHour) and its local days in [firstDay, lastDay]
     * (none when {@code firstDay} is null), with every measure and histogram, for a reconciliation.
     */
    public AggregateRows read(Connection c, String tenant, int generation, long fromHour, long toHour, LocalDate firstDay,
            LocalDate lastDay) throws SQLException {
        TreeMap<AggregateKey, KpiDelta> hourly = new TreeMap<>();
        HOURLY.read(c, "bucket >= ?::timestamptz AND bucket < ?::timestamptz", tenant, generation,
                Instant.ofEpochMilli(fromHour).toString(), Instant.ofEpochMilli(toHour).toString(),
                (rs, values) -> hourly.put(new AggregateKey(tenant, generation, rs.getTimestamp("bucket").getTime(),
                        rs.getString("team_id"), rs.getString("agent_id"), rs.getString("channel"),
                        rs.getString("queue_id")), values));
        TreeMap<DailyKey, KpiDelta> daily = new TreeMap<>();
        TreeMap<TeamDayKey, KpiDelta> teamDaily = new TreeMap<>();
        TreeMap<AgentDayKey, KpiDelta> agentDaily = new TreeMap<>();
        if (firstDay != null) {
            DAILY.read(c, "day BETWEEN ?::date AND ?::date", tenant, generation, firstDay.toString(), lastDay.toString(),
                    (rs, values) -> daily.put(new DailyKey(tenant, generation, rs.getObject("day", LocalDate.class),
                            rs.getString("team_id"), rs.getString("agent_id"), rs.getString("channel"),
                            rs.getString("queue_id")), values));
            TEAM_DAILY.read(c, "day BETWEEN ?::date AND ?::date", tenant, generation, firstDay.toString(),
                    lastDay.toString(), (rs, values) -> teamDaily.put(new TeamDayKey(tenant, generation,
                            rs.getObject("day", LocalDate.class), rs.getString("team_id")), values));
            AGENT_DAILY.read(c, "day BETWEEN ?::date AND ?::date", tenant, generation, firstDay.toString(),
                    lastDay.toString(), (rs, values) -> agentDaily.put(new AgentDayKey(tenant, generation,
                            rs.getObject("day", LocalDate.class), rs.getString("team_id"), rs.getString("agent_id")),
                            values));
        }
        return new AggregateRows(hourly, daily, teamDaily, agentDaily);
    }

    private interface RowReader {
        void accept(ResultSet rs, KpiDelta values) throws SQLException;
    }

    /** One row's key, as text in the key columns' order, and its delta. */
    private record Row(String[] key, KpiDelta delta) {
    }

    /** The statements of one aggregate table, built once from its key columns. */
    private static final class AggregateTable {

        private final List<String> keys;
        private final String select;
        private final String lock;
        private final String update;
        private final String insert;

        AggregateTable(String table, List<String> keys, List<String> keyTypes) {
            this.keys = keys;
            String keyArrays = keys.stream().map(k -> "?::text[]").collect(Collectors.joining(", "));
            String keyColumns = String.join(", ", keys);
            String keyValues = Stream.iterate(0, i -> i + 1).limit(keys.size())
                    .map(i -> "v." + keys.get(i) + "::" + keyTypes.get(i)).collect(Collectors.joining(", "));
            String keyMatch = Stream.iterate(0, i -> i + 1).limit(keys.size())
                    .map(i -> "t." + keys.get(i) + " = v." + keys.get(i) + "::" + keyTypes.get(i))
                    .collect(Collectors.joining(" AND "));
            String measureColumns = Stream.of(MEASURES).map(Measure::column).collect(Collectors.joining(", "));
            String histogramColumns = Stream.of(HISTOGRAMS).map(HistogramMeasure::column).collect(Collectors.joining(", "));
            String measureArrays = Stream.of(MEASURES).map(m -> "?::bigint[]").collect(Collectors.joining(", "));
            String histogramArrays = Stream.of(HISTOGRAMS).map(h -> "?::text[]").collect(Collectors.joining(", "));

            this.select = "SELECT " + keyColumns + ", " + measureColumns + ", " + histogramColumns + " FROM " + table
                    + " WHERE tenant_id = ? AND generation = ? AND ";

            // The histograms come back only where the batch changes them; every row is locked all the same.
            this.lock = "SELECT v.i, t.ctid::text, " + Stream.of(HISTOGRAMS).map(h -> "CASE WHEN v.need THEN t." + h.column() + " END")
                    .collect(Collectors.joining(", ")) + "\n"
                    + "FROM unnest(" + keyArrays + ", ?::boolean[]) WITH ORDINALITY AS v(" + keyColumns + ", need, i)\n"
                    + "JOIN " + table + " t ON " + keyMatch + "\n"
                    + "ORDER BY v.i FOR UPDATE OF t";
            // A histogram the batch does not change arrives as NULL and keeps its value.
            this.update = "UPDATE " + table + " t SET\n    "
                    + Stream.of(MEASURES).map(m -> m.column() + " = t." + m.column() + " + v." + m.column())
                    .collect(Collectors.joining(",\n    ")) + ",\n    "
                    + Stream.of(HISTOGRAMS).map(h -> h.column() + " = coalesce(v." + h.column() + "::int[], t." + h.column() + ")")
                    .collect(Collectors.joining(",\n    ")) + ",\n    updated_at = now()\n"
                    + "FROM unnest(?::tid[], " + measureArrays + ", " + histogramArrays + ")\n"
                    + "  AS v(row_ctid, " + measureColumns + ", " + histogramColumns + ")\n"
                    + "WHERE t.ctid = v.row_ctid";
            this.insert = "INSERT INTO " + table + " (" + keyColumns + ", " + measureColumns + ", " + histogramColumns + ")\n"
                    + "SELECT " + keyValues + ", " + Stream.of(MEASURES).map(m -> "v." + m.column())
                    .collect(Collectors.joining(", ")) + ", "
                    + Stream.of(HISTOGRAMS).map(h -> "coalesce(v." + h.column() + "::int[], '{}')")
                    .collect(Collectors.joining(", ")) + "\n"
                    + "FROM unnest(" + keyArrays + ", " + measureArrays + ", " + histogramArrays + ")\n"
                    + "  AS v(" + keyColumns + ", " + measureColumns + ", " + histogramColumns + ")\n"
                    + "ON CONFLICT (" + keyColumns + ") DO UPDATE SET\n    "
                    + Stream.of(MEASURES).map(m -> m.column() + " = " + table + "." + m.column() + " + EXCLUDED." + m.column())
                    .collect(Collectors.joining(",\n    ")) + ",\n    "
                    + Stream.of(HISTOGRAMS).map(h -> h.column() + " = CASE WHEN cardinality(EXCLUDED." + h.column() + ") = 0 THEN "
                            + table + "." + h.column() + " ELSE hist_merge(" + table + "." + h.column() + ", EXCLUDED."
                            + h.column() + ") END")
                    .collect(Collectors.joining(",\n    ")) + ",\n    updated_at = now()";
        }

        /** Reads a generation's rows that match {@code range} (two parameters), each as the delta from nothing. */
        void read(Connection c, String range, String tenant, int generation, String rangeFrom, String rangeTo,
                RowReader reader) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(select + range)) {
                s.setString(1, tenant);
                s.setInt(2, generation);
                s.setString(3, rangeFrom);
                s.setString(4, rangeTo);
                s.setFetchSize(2_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        KpiDelta values = new KpiDelta();
                        for (Measure m : MEASURES) {
                            values.add(m, rs.getLong(keys.size() + 1 + m.ordinal()));
                        }
                        for (HistogramMeasure h : HISTOGRAMS) {
                            int[] pairs = ints(rs.getArray(keys.size() + 1 + MEASURES.length + h.ordinal()));
                            for (int i = 0; i < pairs.length; i += 2) {
                                values.addToHistogram(h, pairs[i], pairs[i + 1]);
                            }
                        }
                        reader.accept(rs, values);
                    }
                }
            }
        }

        void write(Connection c, List<Row> rows) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            Stored[] stored = lockExisting(c, rows);
            List<Row> existing = new ArrayList<>();
            List<String> ctids = new ArrayList<>();
            List<int[][]> merged = new ArrayList<>();
            List<Row> missing = new ArrayList<>();
            List<int[][]> deltas = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                int[][] histograms = new int[HISTOGRAMS.length][];
                for (HistogramMeasure h : HISTOGRAMS) {
                    int[] delta = row.delta().histogramPairs(h);
                    if (delta.length > 0) {
                        histograms[h.ordinal()] = stored[i] == null ? delta
                                : HistogramPairs.merge(stored[i].histograms()[h.ordinal()], delta);
                    }
                }
                if (stored[i] != null) {
                    existing.add(row);
                    ctids.add(stored[i].ctid());
                    merged.add(histograms);
                } else {
                    missing.add(row);
                    deltas.add(histograms);
                }
            }
            update(c, existing, ctids, merged);
            insert(c, missing, deltas);
        }

        /** A locked row: where it is, and its stored histograms (empty arrays where the batch does not change them). */
        private record Stored(String ctid, int[][] histograms) {
        }

        /** Locks the rows that exist and returns, per row in {@code rows}' order, null for a missing row. */
        private Stored[] lockExisting(Connection c, List<Row> rows) throws SQLException {
            Stored[] stored = new Stored[rows.size()];
            try (PreparedStatement select = c.prepareStatement(lock)) {
                int p = bindKeys(c, select, rows);
                Boolean[] need = rows.stream().map(r -> r.delta().hasHistograms()).toArray(Boolean[]::new);
                select.setArray(p, c.createArrayOf("boolean", need));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        int[][] histograms = new int[HISTOGRAMS.length][];
                        for (int h = 0; h < HISTOGRAMS.length; h++) {
                            histograms[h] = ints(rs.getArray(3 + h));
                        }
                        stored[rs.getInt(1) - 1] = new Stored(rs.getString(2), histograms);
                    }
                }
            }
            return stored;
        }

        private void update(Connection c, List<Row> rows, List<String> ctids, List<int[][]> histograms)
                throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement statement = c.prepareStatement(update)) {
                statement.setArray(1, c.createArrayOf("text", ctids.toArray()));
                bindValues(c, statement, 2, rows, histograms);
                int written = statement.executeUpdate();
                // A locked row keeps its ctid (a lock wait returns the newest version's): a miss would lose deltas
                // silently, so it fails the batch as a conflict, which is rolled back and retried.
                if (written != rows.size()) {
                    throw new SQLException("updated " + written + " of " + rows.size()
                            + " locked aggregate rows by ctid", "40001");
                }
            }
        }

        private void insert(Connection c, List<Row> rows, List<int[][]> histograms) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement statement = c.prepareStatement(insert)) {
                bindValues(c, statement, bindKeys(c, statement, rows), rows, histograms);
                statement.executeUpdate();
            }
        }

        /** The measures and histograms of {@code rows}, one array parameter each, from parameter {@code p} on. */
        private static void bindValues(Connection c, PreparedStatement statement, int p, List<Row> rows,
                List<int[][]> histograms) throws SQLException {
            int n = rows.size();
            for (Measure m : MEASURES) {
                Long[] column = new Long[n];
                for (int i = 0; i < n; i++) {
                    column[i] = rows.get(i).delta().get(m);
                }
                statement.setArray(p++, c.createArrayOf("int8", column));
            }
            for (HistogramMeasure h : HISTOGRAMS) {
                String[] column = new String[n];
                for (int i = 0; i < n; i++) {
                    int[] pairs = histograms.get(i)[h.ordinal()];
                    column[i] = pairs == null ? null : arrayLiteral(pairs);
                }
                statement.setArray(p++, c.createArrayOf("text", column));
            }
        }

        private int bindKeys(Connection c, PreparedStatement statement, List<Row> rows) throws SQLException {
            int p = 1;
            for (int k = 0; k < keys.size(); k++) {
                String[] column = new String[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    column[i] = rows.get(i).key()[k];
                }
                statement.setArray(p++, c.createArrayOf("text", column));
            }
            return p;
        }
    }

    private static int[] ints(Array array) throws SQLException {
        if (array == null) {
            return new int[0];
        }
        Integer[] values = (Integer[]) array.getArray();
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = values[i];
        }
        return ints;
    }

    private static String arrayLiteral(int[] pairs) {
        StringBuilder s = new StringBuilder(pairs.length * 6 + 2).append('{');
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(pairs[i]);
        }
        return s.append('}').toString();
    }

    /** Every table a generation's aggregates live in, for those who delete a generation. */
    public static List<String> tables() {
        return List.of("kpi_hourly", "kpi_daily", "kpi_team_daily", "kpi_agent_daily");
    }

    /**
     * Deletes the rows of retired generations from every aggregate table, {@code chunk} rows per statement so that
     * none holds many locks for long (run it in auto-commit); returns how many were deleted.
     */
    public long deleteRetiredGenerations(Connection c, int chunk) throws SQLException {
        long total = 0;
        // A generation's contribution rows go with its sums.
        for (String table : Stream.concat(tables().stream(), Stream.of("kpi_contributions")).toList()) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE ctid = ANY(ARRAY("
                    + "SELECT k.ctid FROM retired_generations r JOIN " + table
                    + " k ON k.tenant_id = r.tenant_id AND k.generation = r.generation LIMIT ?))")) {
                delete.setInt(1, chunk);
                int deleted;
                do {
                    deleted = delete.executeUpdate();
                    total += deleted;
                } while (deleted == chunk);
            }
        }
        return total;
    }
}
