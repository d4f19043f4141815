package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.service.GroupTotals;
import io.deskpulse.reporting.service.Histogram;
import io.deskpulse.reporting.service.HistogramSum;
import io.deskpulse.reporting.service.InvalidParametersException;
import io.deskpulse.reporting.service.KpiQuery;
import io.deskpulse.reporting.service.MetricCatalog;
import io.deskpulse.reporting.service.PageKey;
import io.deskpulse.reporting.service.ParameterError;
import io.deskpulse.reporting.service.TenantReporting;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads kpi_hourly with plain JDBC (the queries are analytical SQL, not entities); connections are
 * read-only. A report's queries run in one {@link ReportSnapshot}: {@link #open} looks up the tenant's
 * generation and default zone, {@link #groups} and {@link #histograms} read that generation only.
 */
@ApplicationScoped
public class KpiRepository {

    private final DataSource dataSource;
    private final int timeoutSeconds;

    public KpiRepository(DataSource dataSource, ReportingConfig config) {
        this.dataSource = dataSource;
        this.timeoutSeconds = (int) Math.max(1, config.queryTimeout().toSeconds());
    }

    /**
     * Starts a report's snapshot: a read-only REPEATABLE READ transaction whose first read is the
     * tenant's row of the {@code tenant_reporting} view (none: generation 0, UTC).
     */
    public ReportSnapshot open(String tenant) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(timeoutSeconds);
                // Inside the transaction pgjdbc has just begun, before its first query: no session state changes.
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            TenantReporting state = TenantReporting.DEFAULTS;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT generation, time_zone, daily_time_zone FROM tenant_reporting WHERE tenant_id = ?")) {
                statement.setQueryTimeout(timeoutSeconds);
                statement.setString(1, tenant);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next()) {
                        state = new TenantReporting(rs.getInt("generation"), rs.getString("time_zone"),
                                rs.getString("daily_time_zone"));
                    }
                }
            }
            return new ReportSnapshot(connection, state);
        } catch (SQLException e) {
            if (connection != null) {
                new ReportSnapshot(connection, TenantReporting.DEFAULTS).close();
            }
            throw new ReportingDatabaseException(e);
        }
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
        if (keys.isEmpty() || columns.isEmpty()) {
            return Map.of();
        }
        Set<PageKey> page = new HashSet<>(keys);
        List<Map<PageKey, HistogramSum>> sums = new ArrayList<>();
        columns.forEach(column -> sums.add(new HashMap<>()));
        try (PreparedStatement statement = KpiSql.histograms(query, columns, keys)
                .prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                PageKey key = new PageKey(rs.getObject(1, LocalDate.class), rs.getString(2));
                if (!page.contains(key)) {
                    continue; // a member of the page in a period outside it
                }
                for (int i = 0; i < columns.size(); i++) {
                    Array pairs = rs.getArray(3 + i);
                    if (pairs != null) {
                        Integer[] values = (Integer[]) pairs.getArray();
                        if (values.length > 0) {
                            sums.get(i).computeIfAbsent(key, k -> new HistogramSum()).add(values);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw translate(e, query);
        }
        Map<String, Map<PageKey, Histogram>> merged = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Map<PageKey, Histogram> histograms = new HashMap<>();
            sums.get(i).forEach((key, sum) -> sum.histogram().ifPresent(h -> histograms.put(key, h)));
            merged.put(columns.get(i), histograms);
        }
        return merged;
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
