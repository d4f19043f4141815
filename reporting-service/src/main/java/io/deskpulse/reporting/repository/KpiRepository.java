package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.service.GroupTotals;
import io.deskpulse.reporting.service.Histogram;
import io.deskpulse.reporting.service.InvalidParametersException;
import io.deskpulse.reporting.service.KpiQuery;
import io.deskpulse.reporting.service.MetricCatalog;
import io.deskpulse.reporting.service.PageKey;
import io.deskpulse.reporting.service.ParameterError;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads kpi_hourly with plain JDBC (the queries are analytical SQL, not entities); connections are
 * read-only. A report's queries run in one {@link ReportSnapshot}: {@link #open} looks up the tenant's
 * generation and default zone, {@link #groups} and {@link #histograms} read that generation only.
 */
@ApplicationScoped
public class KpiRepository {

    private final ReportSnapshots snapshots;
    private final int timeoutSeconds;

    public KpiRepository(ReportSnapshots snapshots, ReportingConfig config) {
        this.snapshots = snapshots;
        this.timeoutSeconds = ReportSnapshots.timeoutSeconds(config);
    }

    /** Starts a report's snapshot ({@link ReportSnapshots#open}). */
    public ReportSnapshot open(String tenant) {
        return snapshots.open(tenant);
    }

    /** Up to {@code limit} groups with data after {@code query.after()}, in (period, member) order. */
    public List<GroupTotals> groups(ReportSnapshot snapshot, KpiQuery query, int limit) {
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
        } catch (SQLException e) {
            throw translate(e, query);
        }
        return groups;
    }

    /**
     * The merged histograms {@code columns} of each of the given groups, by column then group; a
     * group without values in a column is absent from that column's map.
     */
    public Map<String, Map<PageKey, Histogram>> histograms(ReportSnapshot snapshot, KpiQuery query, List<String> columns,
                                                          List<PageKey> keys) {
        Map<String, Map<PageKey, List<long[]>>> pairs = new HashMap<>();
        columns.forEach(column -> pairs.put(column, new HashMap<>()));
        if (keys.isEmpty() || columns.isEmpty()) {
            return Map.of();
        }
        try (PreparedStatement statement = KpiSql.histograms(query, columns, keys)
                .prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                PageKey key = new PageKey(rs.getObject("period", LocalDate.class), rs.getString("member"));
                pairs.get(columns.get(rs.getInt("hist"))).computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new long[] {rs.getInt("bin"), rs.getLong("cnt")});
            }
        } catch (SQLException e) {
            throw translate(e, query);
        }
        Map<String, Map<PageKey, Histogram>> merged = new HashMap<>();
        pairs.forEach((column, byKey) -> {
            Map<PageKey, Histogram> histograms = new HashMap<>();
            byKey.forEach((key, list) -> histograms.put(key, histogram(list)));
            merged.put(column, histograms);
        });
        return merged;
    }

    /** Pairs arrive ordered by bin (ORDER BY in the query), as the percentile walk needs. */
    private static Histogram histogram(List<long[]> pairs) {
        int[] bins = new int[pairs.size()];
        long[] counts = new long[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            bins[i] = (int) pairs.get(i)[0];
            counts[i] = pairs.get(i)[1];
        }
        return new Histogram(bins, counts);
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
