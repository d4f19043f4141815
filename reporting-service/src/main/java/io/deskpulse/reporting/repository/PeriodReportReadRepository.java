package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.ReportingDatabaseException;
import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.kpi.Histogram;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.kpi.PageKey;
import io.deskpulse.reporting.domain.report.PeriodReport;
import io.deskpulse.reporting.domain.report.PeriodReportQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the period reports scoring-service kept ({@code period_reports}, {@code period_report_rows} per team and
 * {@code period_report_agent_rows} per agent).
 */
@ApplicationScoped
public class PeriodReportReadRepository {

    /**
     * One kept row: a member's sums on one channel, for the days of one exemption (0: none). {@code team} is the member:
     * the team, or the agent (whose rows per team are read as one part each, their sums added up by the caller).
     */
    public record Part(String team, String channel, long exemptionId, GroupTotals totals) {
    }

    private static final String HEADER = "r.id, r.granularity, r.period_start, r.period_end, r.time_zone, r.generation,"
            + " r.model_version, r.exemptions::text, r.created_at,"
            + " (SELECT count(DISTINCT team_id) FROM period_report_rows w WHERE w.report_id = r.id),"
            + " r.streak_min_score";
    private static final List<String> HISTOGRAMS = histogramColumns();

    private final int timeoutSeconds;

    public PeriodReportReadRepository(ReportingConfig config) {
        this.timeoutSeconds = ReportSnapshots.timeoutSeconds(config);
    }

    /** Up to {@code limit} reports of the query, newest period first (then newest id). */
    public List<PeriodReport> list(ReportSnapshot snapshot, PeriodReportQuery query, int limit) {
        SqlStatement s = new SqlStatement().sql("SELECT " + HEADER + " FROM period_reports r WHERE r.tenant_id = ?",
                query.tenant());
        if (query.granularity() != null) {
            s.sql(" AND r.granularity = ?", query.granularity());
        }
        if (query.from() != null) {
            s.sql(" AND r.period_start >= ?", query.from());
        }
        if (query.to() != null) {
            s.sql(" AND r.period_start <= ?", query.to());
        }
        if (query.afterPeriod() != null) {
            s.sql(" AND (r.period_start < ?", query.afterPeriod()).sql(" OR (r.period_start = ?", query.afterPeriod())
                    .sql(" AND r.id < ?))", query.afterId());
        }
        s.sql(" ORDER BY r.period_start DESC, r.id DESC LIMIT ?", limit);
        return headers(snapshot, s);
    }

    public Optional<PeriodReport> find(ReportSnapshot snapshot, String tenant, long id) {
        SqlStatement s = new SqlStatement().sql("SELECT " + HEADER + " FROM period_reports r WHERE r.tenant_id = ?", tenant)
                .sql(" AND r.id = ?", id);
        return headers(snapshot, s).stream().findFirst();
    }

    /**
     * The reports of the tenant of one length up to {@code report} in period order, for its streaks
     * (docs/scorecards.md#streaks): those of earlier periods kept before it (a smaller id: reports are kept oldest
     * period first), and itself. A report of an earlier period kept after it (its period's first data arrived late)
     * is left out, so that what a kept report says never changes.
     */
    public List<PeriodReport> history(ReportSnapshot snapshot, PeriodReport report, String tenant) {
        SqlStatement s = new SqlStatement().sql("SELECT " + HEADER + " FROM period_reports r WHERE r.tenant_id = ?", tenant)
                .sql(" AND r.granularity = ?", report.granularity()).sql(" AND r.period_start <= ?", report.periodStart())
                .sql(" AND r.id <= ? ORDER BY r.period_start", report.id());
        return headers(snapshot, s);
    }

    /** The tenant's report of this length for the period starting on {@code period}, or the latest when null. */
    public Optional<PeriodReport> kept(ReportSnapshot snapshot, String tenant, String granularity, LocalDate period) {
        SqlStatement s = new SqlStatement().sql("SELECT " + HEADER + " FROM period_reports r WHERE r.tenant_id = ?", tenant)
                .sql(" AND r.granularity = ?", granularity);
        if (period != null) {
            s.sql(" AND r.period_start = ?", period);
        }
        s.sql(" ORDER BY r.period_start DESC LIMIT 1");
        return headers(snapshot, s).stream().findFirst();
    }

    /** Up to {@code limit} of the report's teams after {@code after} ('' is no team), in byte order. */
    public List<String> teams(ReportSnapshot snapshot, long reportId, String after, int limit) {
        return members(snapshot, reportId, Dimension.TEAM, after, limit);
    }

    /** Up to {@code limit} of the report's teams or agents after {@code after} ('' is no team), in byte order. */
    public List<String> members(ReportSnapshot snapshot, long reportId, Dimension dimension, String after, int limit) {
        String column = dimension.column();
        SqlStatement s = new SqlStatement().sql("SELECT DISTINCT " + column + " COLLATE \"C\" AS member FROM "
                + table(dimension) + " WHERE report_id = ?", reportId);
        if (after != null) {
            s.sql(" AND " + column + " COLLATE \"C\" > ?", after);
        }
        s.sql(" ORDER BY 1 LIMIT ?", limit);
        List<String> teams = new ArrayList<>();
        try (PreparedStatement statement = s.prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                teams.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
        return teams;
    }

    /** The kept rows of these teams. */
    public List<Part> parts(ReportSnapshot snapshot, long reportId, List<String> teams) {
        return parts(snapshot, reportId, Dimension.TEAM, teams);
    }

    /** The kept rows of these teams or agents; {@code members} null: of all of them. */
    public List<Part> parts(ReportSnapshot snapshot, long reportId, Dimension dimension, List<String> members) {
        SqlStatement s = new SqlStatement().sql("SELECT " + dimension.column() + ", channel, exemption_id, "
                + String.join(", ", MetricCatalog.SUMMED_COLUMNS) + ", " + String.join(", ", HISTOGRAMS)
                + " FROM " + table(dimension) + " WHERE report_id = ?", reportId);
        if (members != null) {
            s.sql(" AND " + dimension.column() + " = ANY (?)", members.toArray(String[]::new));
        }
        List<Part> parts = new ArrayList<>();
        try (PreparedStatement statement = s.prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Map<String, Long> sums = new HashMap<>();
                for (String column : MetricCatalog.SUMMED_COLUMNS) {
                    sums.put(column, rs.getLong(column));
                }
                Map<String, Histogram> histograms = new HashMap<>();
                for (String column : HISTOGRAMS) {
                    Integer[] pairs = (Integer[]) rs.getArray(column).getArray();
                    if (pairs.length > 0) {
                        histograms.put(column, histogram(pairs));
                    }
                }
                String team = rs.getString(1);
                parts.add(new Part(team, rs.getString(2), rs.getLong(3),
                        new GroupTotals(new PageKey(null, team), Map.copyOf(sums), Map.copyOf(histograms))));
            }
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
        return parts;
    }

    private List<PeriodReport> headers(ReportSnapshot snapshot, SqlStatement s) {
        List<PeriodReport> reports = new ArrayList<>();
        try (PreparedStatement statement = s.prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                reports.add(new PeriodReport(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getInt(6), rs.getInt(7), ScorecardRepository.exemptions(rs.getString(8)),
                        rs.getTimestamp(9).toInstant(), rs.getInt(10), rs.getDouble(11)));
            }
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
        return reports;
    }

    private static String table(Dimension dimension) {
        return switch (dimension) {
            case TEAM -> "period_report_rows";
            case AGENT -> "period_report_agent_rows";
            default -> throw new IllegalArgumentException("a report keeps teams and agents, not " + dimension.label());
        };
    }

    private static Histogram histogram(Integer[] pairs) {
        int[] bins = new int[pairs.length / 2];
        long[] counts = new long[pairs.length / 2];
        for (int i = 0; i < bins.length; i++) {
            bins[i] = pairs[2 * i];
            counts[i] = pairs[2 * i + 1];
        }
        return new Histogram(bins, counts);
    }

    private static List<String> histogramColumns() {
        Set<String> columns = new LinkedHashSet<>();
        MetricCatalog.METRICS.forEach(m -> m.histogramColumn().ifPresent(columns::add));
        return List.copyOf(columns);
    }
}
