package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.Exemption;
import io.deskpulse.scoring.domain.HistogramMeasure;
import io.deskpulse.scoring.domain.Measure;
import io.deskpulse.scoring.domain.ReportPeriod;
import io.deskpulse.scoring.domain.ReportSummary;
import io.deskpulse.storage.ScoringModelsDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code period_reports} and {@code period_report_rows}: what a closed period's report keeps of the aggregates —
 * per team, channel and exemption, the sums and merged histograms of the period — written once; and
 * {@code period_report_agent_rows}, the same per agent (V29, for the agents' scorecards and streaks).
 */
@ApplicationScoped
public class PeriodReportRepository {

    /** A tenant as period reports see it: its active generation, its zone, and the zone of its daily rollups. */
    public record Tenant(String id, int generation, String timeZone, String dailyTimeZone) {
    }

    private static final String MEASURES = Stream.of(Measure.values()).map(Measure::column).collect(Collectors.joining(", "));
    private static final String SUMS = Stream.of(Measure.values()).map(m -> "sum(" + m.column() + ")::bigint")
            .collect(Collectors.joining(", "));
    private static final String ANY_SUM = Stream.of(Measure.values()).map(m -> "sum(" + m.column() + ") <> 0")
            .collect(Collectors.joining(" OR "));

    /** Tenants that have aggregates (a tenant_state row). */
    public List<Tenant> tenants(Connection c) throws SQLException {
        List<Tenant> tenants = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT r.tenant_id, r.generation, r.time_zone, r.daily_time_zone"
                + " FROM tenant_reporting r JOIN tenant_state t ON t.tenant_id = r.tenant_id ORDER BY r.tenant_id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tenants.add(new Tenant(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
            }
        }
        return tenants;
    }

    /** The first day of the generation's daily rollups, empty when it has none. */
    public Optional<LocalDate> firstDay(Connection c, Tenant tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT min(day) FROM kpi_daily WHERE tenant_id = ? AND generation = ?")) {
            s.setString(1, tenant.id());
            s.setInt(2, tenant.generation());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getObject(1, LocalDate.class));
            }
        }
    }

    /** The period starts of this length that already have a report, from {@code from} on. */
    public Set<LocalDate> existing(Connection c, String tenant, ReportPeriod.Length length, LocalDate from)
            throws SQLException {
        Set<LocalDate> starts = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT period_start FROM period_reports WHERE tenant_id = ?"
                + " AND granularity = ? AND period_start >= ?")) {
            s.setString(1, tenant);
            s.setString(2, length.label());
            s.setObject(3, from);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    starts.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        return starts;
    }

    /** What a report keeps of the scoring models in force: their version, and its streak threshold. */
    public record ModelsInForce(int version, BigDecimal streakMinScore) {
    }

    /**
     * The latest scoring models version of the tenant (0: the catalog's) and its {@code streaks.min_score}, read in one
     * statement so that the two agree; a version saved before streaks existed has the default.
     */
    public ModelsInForce modelsInForce(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version, document->'streaks'->>'min_score'"
                + " FROM scoring_model_versions WHERE tenant_id = ? ORDER BY version DESC LIMIT 1")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                BigDecimal fallback = BigDecimal.valueOf(ScoringModelsDocument.DEFAULT_STREAK_MIN_SCORE);
                if (!rs.next()) {
                    return new ModelsInForce(0, fallback);
                }
                String minScore = rs.getString(2);
                return new ModelsInForce(rs.getInt(1), minScore == null ? fallback : new BigDecimal(minScore));
            }
        }
    }

    /**
     * The report's header; empty when the period has one already (another instance made it: its transaction
     * committed first, or this insert waited for it to).
     */
    public Optional<Long> insertHeader(Connection c, Tenant tenant, ReportPeriod period, String zone, ModelsInForce models,
            String exemptionsJson) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO period_reports (tenant_id, granularity, period_start,"
                + " period_end, time_zone, generation, model_version, exemptions, streak_min_score)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)"
                + " ON CONFLICT (tenant_id, granularity, period_start) DO NOTHING RETURNING id")) {
            s.setString(1, tenant.id());
            s.setString(2, period.length().label());
            s.setObject(3, period.start());
            s.setObject(4, period.end());
            s.setString(5, zone);
            s.setInt(6, tenant.generation());
            s.setInt(7, models.version());
            s.setString(8, exemptionsJson);
            s.setBigDecimal(9, models.streakMinScore());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** What a report webhook tells of the report (docs/report-webhooks.md#payload): its totals over teams and channels. */
    public ReportSummary summary(Connection c, long reportId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(DISTINCT team_id) FILTER (WHERE team_id <> ''),"
                + " coalesce(sum(tickets_created), 0), coalesce(sum(tickets_resolved), 0),"
                + " coalesce(sum(first_response_count), 0), coalesce(sum(first_response_sum_ms), 0),"
                + " coalesce(sum(csat_count), 0), coalesce(sum(csat_sum), 0) FROM period_report_rows WHERE report_id = ?")) {
            s.setLong(1, reportId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new ReportSummary(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7));
            }
        }
    }

    /**
     * Copies the period's aggregates into the report: summed per team, channel and the exemption covering the
     * day and team (0: none), then each histogram merged bin by bin. Reads the daily rollups when they are in
     * the report's zone, else the hours of the period's local days.
     */
    public int insertRows(Connection c, long reportId, Tenant tenant, ReportPeriod period, ZoneId zone,
            List<Exemption> exemptions) throws SQLException {
        return copy(c, "period_report_rows", List.of("team_id", "channel"), "", reportId, tenant, period, zone, exemptions);
    }

    /**
     * The same per agent (docs/scorecards.md#streaks): summed per agent, team, channel and exemption, so that an
     * agent's scorecard in the report takes an exemption for the work credited to its teams only, as
     * {@code /v1/scorecards} does. What was credited to no agent has no agent row.
     */
    public int insertAgentRows(Connection c, long reportId, Tenant tenant, ReportPeriod period, ZoneId zone,
            List<Exemption> exemptions) throws SQLException {
        return copy(c, "period_report_agent_rows", List.of("agent_id", "team_id", "channel"), " AND agent_id <> ''",
                reportId, tenant, period, zone, exemptions);
    }

    private int copy(Connection c, String table, List<String> keys, String only, long reportId, Tenant tenant,
            ReportPeriod period, ZoneId zone, List<Exemption> exemptions) throws SQLException {
        boolean daily = ZoneId.of(tenant.dailyTimeZone()).normalized().equals(zone.normalized());
        Source source = new Source(daily, zone, exemptions);
        String keyList = String.join(", ", keys);
        int segment = keys.size() + 2;
        String groupBy = IntStream.rangeClosed(2, segment).mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
        int rows;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (report_id, " + keyList
                + ", exemption_id, " + MEASURES + ") SELECT ?, " + keyList + ", " + source.segment() + ", " + SUMS
                + " FROM " + source.table() + " WHERE " + source.filter() + only + " GROUP BY " + groupBy
                + " HAVING " + ANY_SUM)) {
            int p = 1;
            s.setLong(p++, reportId);
            p = source.bindSegment(c, s, p);
            source.bindFilter(s, p, tenant, period);
            rows = s.executeUpdate();
        }
        String matches = keys.stream().map(k -> " AND r." + k + " = m." + k).collect(Collectors.joining());
        String innerGroup = IntStream.rangeClosed(1, keys.size() + 2).mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
        String outerGroup = IntStream.rangeClosed(1, keys.size() + 1).mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
        for (HistogramMeasure h : HistogramMeasure.values()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " r SET " + h.column() + " = m.hist FROM ("
                    + "SELECT " + keyList + ", seg, array_agg(v ORDER BY bin, k) AS hist FROM ("
                    + "SELECT " + keyList + ", " + source.segment() + " AS seg, p.bin, sum(p.cnt)::int AS total FROM "
                    + source.table() + " CROSS JOIN LATERAL hist_pairs(" + h.column() + ") p WHERE " + source.filter() + only
                    + " GROUP BY " + innerGroup + " HAVING sum(p.cnt) <> 0) x CROSS JOIN LATERAL (VALUES (0, bin), (1, total))"
                    + " f (k, v) GROUP BY " + outerGroup + ") m WHERE r.report_id = ?" + matches
                    + " AND r.exemption_id = m.seg")) {
                int p = source.bindSegment(c, s, 1);
                p = source.bindFilter(s, p, tenant, period);
                s.setLong(p, reportId);
                s.executeUpdate();
            }
        }
        return rows;
    }

    /** Where a report's days come from and which exemption covers each (SQL text with its bind order). */
    private record Source(boolean daily, ZoneId zone, List<Exemption> exemptions) {

        String table() {
            return daily ? "kpi_daily" : "kpi_hourly";
        }

        String day() {
            return daily ? "day" : "(bucket AT TIME ZONE ?)::date";
        }

        String segment() {
            if (exemptions.isEmpty()) {
                return "0::bigint";
            }
            StringBuilder sql = new StringBuilder("CASE");
            for (Exemption e : exemptions) {
                sql.append(" WHEN ").append(day()).append(" BETWEEN ? AND ?")
                        .append(e.teams() == null ? "" : " AND team_id = ANY (?)").append(" THEN ?::bigint");
            }
            return sql.append(" ELSE 0::bigint END").toString();
        }

        int bindSegment(Connection c, PreparedStatement s, int first) throws SQLException {
            int p = first;
            for (Exemption e : exemptions) {
                if (!daily) {
                    s.setString(p++, zone.getId());
                }
                s.setObject(p++, e.from());
                s.setObject(p++, e.to());
                if (e.teams() != null) {
                    s.setArray(p++, c.createArrayOf("text", e.teams().toArray()));
                }
                s.setLong(p++, e.id());
            }
            return p;
        }

        String filter() {
            return "tenant_id = ? AND generation = ? AND " + (daily ? "day BETWEEN ? AND ?" : "bucket >= ? AND bucket < ?");
        }

        int bindFilter(PreparedStatement s, int first, Tenant tenant, ReportPeriod period) throws SQLException {
            int p = first;
            s.setString(p++, tenant.id());
            s.setInt(p++, tenant.generation());
            if (daily) {
                s.setObject(p++, period.start());
                s.setObject(p++, period.end());
            } else {
                s.setTimestamp(p++, Timestamp.from(period.start().atStartOfDay(zone).toInstant()));
                s.setTimestamp(p++, Timestamp.from(period.end().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            return p;
        }
    }
}
