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

/**
 * The daily rows (kpi_team_daily or kpi_daily) behind a report, each with the report row it belongs to: their
 * versions first (one light query), then whole rows only for those the {@link AggregateRowCache} does not hold at
 * that version (a second query, by key). Both queries run in the report's snapshot, so a version and its row agree.
 */
final class DailyRows {

    /** A daily row and the (period, member) of the report row it adds to. */
    record Loaded(PageKey key, AggregateRowCache.Row row) {
    }

    private DailyRows() {
    }

    static List<Loaded> load(Connection c, int timeoutSeconds, AggregateRowCache cache, KpiQuery q, LocalDate from,
            LocalDate to, List<String> members) throws SQLException {
        String table = KpiSql.table(q);
        List<Loaded> loaded = new ArrayList<>();
        Map<String, List<PageKey>> missing = new HashMap<>();
        try (PreparedStatement statement = KpiSql.rowVersions(q, from, to, members).prepare(c, timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                PageKey key = new PageKey(rs.getObject(1, LocalDate.class), rs.getString(2));
                String row = rs.getString(3);
                AggregateRowCache.Row cached = cache.get(new AggregateRowCache.RowKey(table, q.tenant(), q.generation(), row),
                        rs.getLong(4));
                if (cached != null) {
                    loaded.add(new Loaded(key, cached));
                } else {
                    missing.computeIfAbsent(row, r -> new ArrayList<>(1)).add(key);
                }
            }
        }
        if (missing.isEmpty()) {
            return loaded;
        }
        List<String> sums = MetricCatalog.SUMMED_COLUMNS;
        List<String> histograms = MetricCatalog.HISTOGRAM_COLUMNS;
        try (PreparedStatement statement = KpiSql.rows(q, List.copyOf(missing.keySet()), from, to).prepare(c, timeoutSeconds);
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
                for (PageKey key : missing.getOrDefault(rowKey, List.of())) {
                    loaded.add(new Loaded(key, row));
                }
            }
        }
        return loaded;
    }
}
