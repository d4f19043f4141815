package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.domain.kpi.Histogram;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.kpi.PageKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The daily rows (kpi_team_daily, kpi_agent_daily or kpi_daily) behind a report, each with the report row it belongs to: their
 * versions first (one light query, read {@link #CHUNK} rows at a time through a cursor), then
 * whole rows only for those of a chunk that the {@link AggregateRowCache} does not hold at that version (a second
 * query, by key). Both queries run in the report's snapshot, so a version and its row agree. Memory holds one
 * chunk, whatever the range.
 */
final class DailyRows {

    /** Rows read and resolved at a time: small enough to hold, large enough that by-key reads stay few. */
    static final int CHUNK = 2_000;

    /** A daily row (its key, see KpiSql#rowVersions, and content) and the (period, member) of the report row it adds to. */
    record Loaded(PageKey key, String rowKey, AggregateRowCache.Row row) {
    }

    private DailyRows() {
    }

    /**
     * Hands the rows to {@code consumer} until it answers false, in (period, member) order when {@code ordered} (the
     * database then sorts the range's rows, so callers keep ranges short); false when the consumer stopped.
     */
    static boolean stream(Connection c, int timeoutSeconds, AggregateRowCache cache, KpiQuery q, LocalDate from,
            LocalDate to, List<String> members, boolean ordered, Predicate<Loaded> consumer) throws SQLException {
        String table = KpiSql.table(q);
        List<PageKey> keys = new ArrayList<>(CHUNK);
        List<String> rowKeys = new ArrayList<>(CHUNK);
        List<AggregateRowCache.Row> rows = new ArrayList<>(CHUNK);
        try (PreparedStatement statement = KpiSql.rowVersions(q, from, to, members, ordered).prepare(c, timeoutSeconds)) {
            statement.setFetchSize(CHUNK);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    keys.add(new PageKey(rs.getObject(1, LocalDate.class), rs.getString(2)));
                    String rowKey = rs.getString(3);
                    rowKeys.add(rowKey);
                    rows.add(cache.get(new AggregateRowCache.RowKey(table, q.tenant(), q.generation(), rowKey),
                            rs.getLong(4)));
                    if (keys.size() == CHUNK) {
                        if (!deliver(c, timeoutSeconds, cache, q, keys, rowKeys, rows, consumer)) {
                            return false;
                        }
                        keys.clear();
                        rowKeys.clear();
                        rows.clear();
                    }
                }
            }
        }
        return deliver(c, timeoutSeconds, cache, q, keys, rowKeys, rows, consumer);
    }

    /** Reads the chunk's rows the cache lacks, then hands the chunk over in order; false when the consumer stopped. */
    private static boolean deliver(Connection c, int timeoutSeconds, AggregateRowCache cache, KpiQuery q,
            List<PageKey> keys, List<String> rowKeys, List<AggregateRowCache.Row> rows,
            Predicate<Loaded> consumer) throws SQLException {
        Map<String, List<Integer>> missing = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                missing.computeIfAbsent(rowKeys.get(i), r -> new ArrayList<>(1)).add(i);
            }
        }
        if (!missing.isEmpty()) {
            String table = KpiSql.table(q);
            List<String> sums = MetricCatalog.SUMMED_COLUMNS;
            List<String> histograms = MetricCatalog.HISTOGRAM_COLUMNS;
            // A row key starts with its day (KpiSql.rowKey): the by-key read scans the chunk's days, not the range's.
            LocalDate first = null;
            LocalDate last = null;
            for (String rowKey : missing.keySet()) {
                LocalDate day = LocalDate.parse(rowKey.substring(0, 10));
                first = first == null || day.isBefore(first) ? day : first;
                last = last == null || day.isAfter(last) ? day : last;
            }
            try (PreparedStatement statement = KpiSql.rows(q, List.copyOf(missing.keySet()), first, last)
                    .prepare(c, timeoutSeconds);
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String rowKey = rs.getString(1);
                    long[] values = new long[sums.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getLong(3 + i);
                    }
                    Histogram[] stored = new Histogram[histograms.size()];
                    for (int i = 0; i < stored.length; i++) {
                        stored[i] = Histogram.ofPairs(HistogramText.parse(rs.getString(3 + values.length + i)));
                    }
                    AggregateRowCache.Row row = new AggregateRowCache.Row(rs.getLong(2), values, stored);
                    cache.put(new AggregateRowCache.RowKey(table, q.tenant(), q.generation(), rowKey), row);
                    for (int at : missing.getOrDefault(rowKey, List.of())) {
                        rows.set(at, row);
                    }
                }
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            // A row deleted between the two reads cannot be: both run in one snapshot.
            if (rows.get(i) != null && !consumer.test(new Loaded(keys.get(i), rowKeys.get(i), rows.get(i)))) {
                return false;
            }
        }
        return true;
    }
}
