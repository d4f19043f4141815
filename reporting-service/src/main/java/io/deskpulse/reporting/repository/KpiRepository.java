package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.InvalidParametersException;
import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.ReportingDatabaseException;
import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.kpi.Histogram;
import io.deskpulse.reporting.domain.kpi.HistogramSum;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.kpi.PageKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the aggregate tables with plain JDBC, in a report's {@link ReportSnapshot} (which looked up the tenant's
 * generation and default zone): {@link #groups} and {@link #histograms} read that generation only.
 */
@ApplicationScoped
public class KpiRepository {

    /** The first window of a daily page: a quarter, the range most reports ask for, in one read. */
    private static final long FIRST_WINDOW_DAYS = 92;

    private final AggregateRowCache cache;
    private final int timeoutSeconds;

    public KpiRepository(ReportingConfig config, AggregateRowCache cache) {
        this.cache = cache;
        this.timeoutSeconds = ReportSnapshots.timeoutSeconds(config);
    }

    /**
     * Up to {@code limit} groups with data after {@code query.after()}, in (period, member) order. In the zone of
     * the daily rollups they are added up here from the (cached) daily rows, each with every merged histogram
     * ({@link #dailyPage}); otherwise, and for a total (one period: its rows cannot come in member order but by
     * sorting the whole range), by SQL, without histograms, which the database adds up to the page.
     */
    public List<GroupTotals> groups(ReportSnapshot snapshot, KpiQuery query, int limit) {
        try {
            if (cache.enabled() && query.daily() && query.granularity() != Granularity.TOTAL) {
                return dailyPage(snapshot, query, limit);
            }
            List<GroupTotals> groups = new ArrayList<>();
            try (PreparedStatement statement = KpiSql.groups(query, limit).prepare(snapshot.connection(), timeoutSeconds);
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Long> sums = new HashMap<>();
                    for (String column : MetricCatalog.SUMMED_COLUMNS) {
                        sums.put(column, rs.getLong(column));
                    }
                    PageKey key = new PageKey(rs.getObject("period", LocalDate.class), rs.getString("member"));
                    groups.add(new GroupTotals(key, Map.copyOf(sums), Map.of()));
                }
            }
            return groups;
        } catch (SQLException e) {
            throw translate(e, query);
        }
    }

    /**
     * A page added up from the daily rows, read in windows of whole periods — a quarter first, then twice as long each
     * time the page is not yet full — each window's rows streamed in (period, member) order into the page until it is
     * complete. The database sorts one window at a time and the service holds one chunk of rows and the page: a
     * ten-year report costs what its page costs, unless its data is sparse.
     */
    private List<GroupTotals> dailyPage(ReportSnapshot snapshot, KpiQuery query, int limit) throws SQLException {
        DailyGroups page = new DailyGroups(query.after(), limit, cache,
                KpiSql.table(query) + '\u001e' + query.tenant() + '\u001e' + query.generation());
        LocalDate from = KpiSql.firstDay(query);
        long days = FIRST_WINDOW_DAYS;
        while (!from.isAfter(query.to())) {
            LocalDate last = from.plusDays(days - 1);
            LocalDate to = last.isBefore(query.to())
                    ? query.granularity().nextPeriodStart(query.granularity().periodStart(last, query.from()), query.to())
                            .minusDays(1)
                    : query.to();
            if (to.isAfter(query.to())) {
                to = query.to();
            }
            if (!DailyRows.stream(snapshot.connection(), timeoutSeconds, cache, query, from, to, null, true, page)) {
                break;
            }
            from = to.plusDays(1);
            days *= 2;
        }
        return page.page();
    }

    /**
     * The groups with the merged histograms that {@code query}'s percentile metrics need. Groups added up from the
     * daily rows come with theirs already (one without any is one without values: reading its days again would
     * cost as much as the report); the others get them in one read for all.
     */
    public List<GroupTotals> withHistograms(ReportSnapshot snapshot, KpiQuery query, List<GroupTotals> groups) {
        Set<String> columns = new LinkedHashSet<>();
        query.metrics().forEach(metric -> metric.histogramColumn().ifPresent(columns::add));
        if (columns.isEmpty() || groups.isEmpty() || groups.stream().allMatch(GroupTotals::histogramsMerged)) {
            return groups;
        }
        List<PageKey> keys = groups.stream().map(GroupTotals::key).toList();
        Map<String, Map<PageKey, Histogram>> byColumn = histograms(snapshot, query, List.copyOf(columns), keys);
        return groups.stream().map(group -> {
            Map<String, Histogram> merged = new HashMap<>();
            byColumn.forEach((column, histograms) -> {
                Histogram histogram = histograms.get(group.key());
                if (histogram != null) {
                    merged.put(column, histogram);
                }
            });
            return group.withHistograms(merged);
        }).toList();
    }

    /**
     * The merged histograms {@code columns} of each of the given groups, by column then group; a group without
     * values in a column is absent from that column's map. Daily rows come through the {@link AggregateRowCache};
     * hourly rows are read as they are.
     */
    public Map<String, Map<PageKey, Histogram>> histograms(ReportSnapshot snapshot, KpiQuery query, List<String> columns,
                                                          List<PageKey> keys) {
        if (keys.isEmpty() || columns.isEmpty()) {
            return Map.of();
        }
        Set<PageKey> page = new HashSet<>(keys);
        Map<PageKey, HistogramSum[]> sums = new HashMap<>();
        List<String> read;
        try {
            if (cache.enabled() && query.daily()) {
                read = MetricCatalog.HISTOGRAM_COLUMNS;
                LocalDate[] range = KpiSql.pageRange(query, keys);
                List<String> members = keys.stream().map(PageKey::member).distinct().toList();
                DailyRows.stream(snapshot.connection(), timeoutSeconds, cache, query, range[0], range[1], members, false,
                        loaded -> {
                            if (page.contains(loaded.key())) {
                                add(sums, loaded.key(), loaded.row().histograms());
                            }
                            return true;
                        });
            } else {
                read = columns;
                try (PreparedStatement statement = KpiSql.hourlyHistograms(query, columns, keys)
                        .prepare(snapshot.connection(), timeoutSeconds);
                     ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        PageKey key = new PageKey(rs.getObject(1, LocalDate.class), rs.getString(2));
                        if (!page.contains(key)) {
                            continue; // a member of the page in a period outside it
                        }
                        Histogram[] histograms = new Histogram[columns.size()];
                        for (int i = 0; i < columns.size(); i++) {
                            histograms[i] = Histogram.ofPairs(HistogramText.parse(rs.getString(3 + i)));
                        }
                        add(sums, key, histograms);
                    }
                }
            }
        } catch (SQLException e) {
            throw translate(e, query);
        }
        Map<String, Map<PageKey, Histogram>> merged = new HashMap<>();
        for (String column : columns) {
            int i = read.indexOf(column);
            Map<PageKey, Histogram> histograms = new HashMap<>();
            sums.forEach((key, perColumn) -> {
                if (perColumn[i] != null) {
                    perColumn[i].histogram().ifPresent(h -> histograms.put(key, h));
                }
            });
            merged.put(column, histograms);
        }
        return merged;
    }

    private static void add(Map<PageKey, HistogramSum[]> sums, PageKey key, Histogram[] histograms) {
        HistogramSum[] perColumn = sums.computeIfAbsent(key, k -> new HistogramSum[histograms.length]);
        for (int i = 0; i < histograms.length; i++) {
            if (!histograms[i].isEmpty()) {
                if (perColumn[i] == null) {
                    perColumn[i] = new HistogramSum();
                }
                perColumn[i].add(histograms[i]);
            }
        }
    }

    // Java and PostgreSQL each carry a copy of the IANA database; a zone only Java knows is still the
    // client's input, so it is a 400 on tz rather than a 500.
    private static RuntimeException translate(SQLException e, KpiQuery query) {
        if ("22023".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("time zone")) {
            return new InvalidParametersException(List.of(new ParameterError("tz",
                    "time zone '" + query.zone().getId() + "' is not known to the database")));
        }
        return new ReportingDatabaseException(e);
    }
}
