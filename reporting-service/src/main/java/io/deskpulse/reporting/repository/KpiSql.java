package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.service.Granularity;
import io.deskpulse.reporting.service.KpiQuery;
import io.deskpulse.reporting.service.MetricCatalog;
import io.deskpulse.reporting.service.PageKey;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The two analytical queries of a KPI report. In the zone of the generation's daily rollups (the
 * tenant's own, the default) they read {@code kpi_daily}, a row per local day; in any other
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
        LocalDate first = q.from();
        if (q.after() != null && q.granularity() != Granularity.TOTAL && q.after().period().isAfter(first)) {
            first = q.after().period();
        }
        filters(s, q, first, q.to());
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
     * The merged histograms {@code columns} of exactly the given groups (one page), as (period, member,
     * hist = index into columns, bin, count). One scan for all columns; the pairs are summed first and
     * joined with the page's keys after, which lets PostgreSQL hash-aggregate instead of sorting.
     */
    static SqlStatement histograms(KpiQuery q, List<String> columns, List<PageKey> keys) {
        PageKey first = keys.get(0);
        PageKey last = keys.get(keys.size() - 1);
        LocalDate from = first.period().isAfter(q.from()) ? first.period() : q.from();
        LocalDate lastDay = q.granularity().nextPeriodStart(last.period(), q.to()).minusDays(1);
        LocalDate to = lastDay.isBefore(q.to()) ? lastDay : q.to();
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            requireIdentifier(columns.get(i));
            pairs.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i)
                    .append(" AS hist, bin, cnt FROM hist_pairs(").append(columns.get(i)).append(")");
        }
        SqlStatement s = new SqlStatement().sql("SELECT g.period, g.member, g.hist, g.bin, g.cnt FROM ("
                + "SELECT period, member, hist, bin, sum(cnt)::bigint AS cnt FROM (SELECT ");
        period(s, q).sql(" AS period, " + q.dimension().column() + " AS member, h.hist, h.bin, h.cnt FROM " + table(q)
                + " CROSS JOIN LATERAL (" + pairs + ") AS h");
        filters(s, q, from, to);
        s.sql(" AND " + q.dimension().column() + " = ANY (?)",
                keys.stream().map(PageKey::member).distinct().toArray(String[]::new));
        return s.sql(") x GROUP BY 1, 2, 3, 4 HAVING sum(cnt) <> 0) g"
                        + " JOIN unnest(CAST(? AS text[])::date[],", keys.stream().map(k -> k.period().toString()).toArray(String[]::new))
                .sql(" CAST(? AS text[])) AS k (period, member)", keys.stream().map(PageKey::member).toArray(String[]::new))
                .sql(" ON k.period = g.period AND k.member = g.member ORDER BY 1, 2, 3, 4");
    }

    private static String table(KpiQuery q) {
        return q.daily() ? "kpi_daily" : "kpi_hourly";
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
