package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.kpi.PageKey;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The two analytical queries of a KPI report. In the zone of the generation's daily rollups (the
 * tenant's own, the default) they read {@code kpi_team_daily}, {@code kpi_agent_daily} or {@code kpi_daily} (see
 * {@link #table}),
 * a row per local day; in any other
 * whole-hour zone {@code kpi_hourly}, grouping on local dates with
 * {@code date_trunc(<unit>, bucket AT TIME ZONE <tz>)::date}, exact because the zone's offset is a
 * whole number of hours (checked before). Both read the query's generation only, and the range is a
 * prefix of the primary key (tenant_id, generation, day or bucket, ...), so it bounds the scan.
 */
final class KpiSql {

    private KpiSql() {
    }

    /**
     * Up to {@code limit} groups after {@code q.after()}, in (period, member) order, without groups
     * whose counts and sums all add up to zero (a group has data when any stored measure is non-zero:
     * an agent who was only online has a row).
     */
    static SqlStatement groups(KpiQuery q, int limit) {
        List<String> columns = MetricCatalog.SUMMED_COLUMNS;
        columns.forEach(KpiSql::requireIdentifier);
        SqlStatement s = new SqlStatement().sql("SELECT period, member, ")
                .sql(String.join(", ", columns))
                .sql(" FROM (SELECT ");
        period(s, q).sql(" AS period, " + q.dimension().column() + " AS member, ")
                .sql(columns.stream().map(c -> "sum(" + c + ")::bigint AS " + c)
                        .collect(Collectors.joining(", ")))
                .sql(" FROM " + table(q));
        // Rows of later pages start at or after their period's first day: skip what lies before it.
        filters(s, q, firstDay(q), q.to());
        s.sql(" GROUP BY 1, 2 HAVING ")
                .sql(columns.stream().map(c -> "sum(" + c + ") <> 0")
                        .collect(Collectors.joining(" OR ")))
                .sql(") g");
        if (q.after() != null) {
            s.sql(" WHERE g.period > ?", q.after().period())
                    .sql(" OR (g.period = ?", q.after().period())
                    .sql(" AND g.member COLLATE \"C\" > ?)", q.after().member());
        }
        return s.sql(" ORDER BY g.period, g.member COLLATE \"C\" LIMIT ?", limit);
    }

    /**
     * The daily rows of the query from {@code from} to {@code to} (its filters applied): (period, member, row key,
     * row version), in (period, member) order (members by code point) when {@code ordered}. The row key joins the row's key columns after
     * the day; the version is the row's {@code xmin}, which every update changes. For {@code members}, only those
     * members' rows.
     */
    static SqlStatement rowVersions(KpiQuery q, LocalDate from, LocalDate to, List<String> members, boolean ordered) {
        SqlStatement s = new SqlStatement().sql("SELECT ");
        period(s, q).sql(" AS period, " + q.dimension().column() + " AS member, " + rowKey(q) + " AS row_key, "
                + "xmin::text::bigint AS version FROM " + table(q));
        filters(s, q, from, to);
        if (members != null) {
            s.sql(" AND " + q.dimension().column() + " = ANY (?)", members.toArray(String[]::new));
        }
        // An output column's position cannot take a collation: the member column is named again.
        return ordered ? s.sql(" ORDER BY 1, " + q.dimension().column() + " COLLATE \"C\"") : s;
    }

    /** Whole daily rows by row key (see {@link #rowVersions}): key, version, every summed column, every histogram as text. */
    static SqlStatement rows(KpiQuery q, List<String> rowKeys, LocalDate from, LocalDate to) {
        List<String> sums = MetricCatalog.SUMMED_COLUMNS;
        List<String> histograms = MetricCatalog.HISTOGRAM_COLUMNS;
        sums.forEach(KpiSql::requireIdentifier);
        histograms.forEach(KpiSql::requireIdentifier);
        SqlStatement s = new SqlStatement().sql("SELECT " + rowKey(q) + " AS row_key, xmin::text::bigint AS version, "
                + String.join(", ", sums) + ", " + String.join(", ", histograms.stream().map(h -> h + "::text").toList()));
        s.sql(" FROM " + table(q)).sql(" WHERE tenant_id = ?", q.tenant()).sql(" AND generation = ?", q.generation())
                .sql(" AND day >= ?", from).sql(" AND day <= ?", to);
        return s.sql(" AND " + rowKey(q) + " = ANY (?)", rowKeys.toArray(String[]::new));
    }

    /**
     * The stored histograms {@code columns} of the hourly rows behind the given groups (one page), as (period,
     * member, each column as text), unmerged: adding arrays up in Java costs a fraction of turning them into rows
     * and grouping those in SQL.
     */
    static SqlStatement hourlyHistograms(KpiQuery q, List<String> columns, List<PageKey> keys) {
        LocalDate[] range = pageRange(q, keys);
        columns.forEach(KpiSql::requireIdentifier);
        SqlStatement s = new SqlStatement().sql("SELECT ");
        period(s, q).sql(" AS period, " + q.dimension().column() + " AS member");
        columns.forEach(column -> s.sql(", " + column + "::text"));
        s.sql(" FROM " + table(q));
        filters(s, q, range[0], range[1]);
        return s.sql(" AND " + q.dimension().column() + " = ANY (?)",
                keys.stream().map(PageKey::member).distinct().toArray(String[]::new));
    }

    /** The days a page's groups cover: from its first period's first day to its last period's last. */
    static LocalDate[] pageRange(KpiQuery q, List<PageKey> keys) {
        PageKey first = keys.get(0);
        PageKey last = keys.get(keys.size() - 1);
        LocalDate from = first.period().isAfter(q.from()) ? first.period() : q.from();
        LocalDate lastDay = q.granularity().nextPeriodStart(last.period(), q.to()).minusDays(1);
        return new LocalDate[] {from, lastDay.isBefore(q.to()) ? lastDay : q.to()};
    }

    /** The first day a page after {@code q.after()} can hold: its period's first day, else {@code from}. */
    static LocalDate firstDay(KpiQuery q) {
        LocalDate first = q.from();
        if (q.after() != null && q.granularity() != Granularity.TOTAL && q.after().period().isAfter(first)) {
            first = q.after().period();
        }
        return first;
    }

    private static String rowKey(KpiQuery q) {
        String table = table(q);
        String time = table.equals("kpi_hourly") ? "bucket::text" : "day::text";
        String members = switch (table) {
            case "kpi_team_daily" -> "team_id";
            case "kpi_agent_daily" -> "team_id, agent_id";
            default -> "team_id, agent_id, channel, queue_id";
        };
        return "concat_ws(chr(31), " + time + ", " + members + ")";
    }

    /**
     * The smallest table that answers the query: in the zone of the daily rollups, for reports that do not filter by
     * channel, the team-day rollup for reports by team or for the tenant and the agent-day rollup for reports by agent;
     * else (a channel, or rows by queue) the agent, channel and queue days; in any other zone the hours.
     */
    static String table(KpiQuery q) {
        if (!q.daily()) {
            return "kpi_hourly";
        }
        if (q.channel() != null) {
            return "kpi_daily";
        }
        return switch (q.dimension()) {
            case TEAM, TENANT -> "kpi_team_daily";
            case AGENT -> "kpi_agent_daily";
            case QUEUE -> "kpi_daily";
        };
    }

    private static SqlStatement period(SqlStatement s, KpiQuery q) {
        if (q.granularity() == Granularity.TOTAL) {
            return s.sql("CAST(? AS date)", q.from());
        }
        if (q.daily()) {
            return s.sql(q.granularity() == Granularity.DAY ? "day"
                    : "date_trunc('" + q.granularity().sqlUnit() + "', day)::date");
        }
        return s.sql("date_trunc('" + q.granularity().sqlUnit() + "', bucket AT TIME ZONE ?)::date", q.zone().getId());
    }

    /**
     * The caller's tenant always comes first, then its active generation: no query runs without them,
     * and (tenant_id, generation, bucket) is the primary key's prefix.
     */
    private static void filters(SqlStatement s, KpiQuery q, LocalDate from, LocalDate to) {
        s.sql(" WHERE tenant_id = ?", q.tenant()).sql(" AND generation = ?", q.generation());
        if (q.daily()) {
            s.sql(" AND day >= ?", from).sql(" AND day <= ?", to);
        } else {
            s.sql(" AND bucket >= ?", q.startOfDay(from)).sql(" AND bucket < ?", q.startOfDay(to.plusDays(1)));
        }
        if (q.channel() != null) {
            s.sql(" AND channel = ?", q.channel());
        }
        if (q.team() != null) {
            s.sql(" AND team_id = ?", q.team());
        }
        if (!q.ids().isEmpty()) {
            s.sql(" AND " + q.dimension().column() + " = ANY (?)", q.ids().toArray(String[]::new));
        }
    }

    // Column names come from MetricCatalog, never from a request; this keeps it that way.
    private static void requireIdentifier(String column) {
        if (!column.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
    }

}
