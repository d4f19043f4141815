package io.deskpulse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The standard BI queries, each two ways: through {@code GET /v1/kpis} (all metrics, every page), and as the plain
 * SQL a team without DeskPulse's aggregates would write over the per-ticket facts ({@code ticket_facts}): a
 * {@code GROUP BY} of tickets created (by {@code created_at} day and {@code created_team_id}) and of first responses
 * (count, average, p50 and p90, by {@code first_response_at} day and {@code first_response_team_id}), full-joined.
 * Both answers are compared: counts exactly, averages to the millisecond, percentiles within 1 %.
 */
final class BiQueries {

    enum Kind { TEAM_BY_DAY, AGENTS_OF_TEAM, TENANT_TOTAL }

    /** One standard query for one tenant, dates in the tenant's report zone. */
    record Query(String name, String description, Kind kind, String tenant, String team, LocalDate from, LocalDate to,
                 ZoneId zone, String percentile) {

        String api() {
            return switch (kind) {
                case TEAM_BY_DAY -> "dimension=team&granularity=day&from=" + from + "&to=" + to;
                case AGENTS_OF_TEAM -> "dimension=agent&team=" + team + "&granularity=day&from=" + from + "&to=" + to;
                case TENANT_TOTAL -> "dimension=tenant&granularity=total&from=" + from + "&to=" + to;
            };
        }

        String sql() {
            boolean daily = kind != Kind.TENANT_TOTAL;
            String createdDay = daily ? "(created_at AT TIME ZONE ?)::date" : "?::date";
            String responseDay = daily ? "(first_response_at AT TIME ZONE ?)::date" : "?::date";
            String createdMember = switch (kind) {
                case TEAM_BY_DAY -> "coalesce(created_team_id, '')";
                case AGENTS_OF_TEAM -> "coalesce(created_agent_id, '')";
                case TENANT_TOTAL -> "tenant_id";
            };
            String responseMember = switch (kind) {
                case TEAM_BY_DAY -> "coalesce(first_response_team_id, '')";
                case AGENTS_OF_TEAM -> "coalesce(first_responder_id, '')";
                case TENANT_TOTAL -> "tenant_id";
            };
            String createdTeam = kind == Kind.AGENTS_OF_TEAM ? " AND created_team_id = ?" : "";
            String responseTeam = kind == Kind.AGENTS_OF_TEAM ? " AND first_response_team_id = ?" : "";
            String pct = "percentile_" + percentile;
            return "WITH created AS (\n"
                    + "  SELECT " + createdDay + " AS day, " + createdMember + " AS member, count(*) AS tickets_created\n"
                    + "  FROM ticket_facts\n"
                    + "  WHERE tenant_id = ? AND created_at >= ? AND created_at < ?" + createdTeam + "\n"
                    + "  GROUP BY 1, 2),\n"
                    + "responses AS (\n"
                    + "  SELECT " + responseDay + " AS day, " + responseMember + " AS member, count(*) AS n,\n"
                    + "         avg(first_response_ms) AS avg_ms,\n"
                    + "         " + pct + "(0.5) WITHIN GROUP (ORDER BY first_response_ms) AS p50_ms,\n"
                    + "         " + pct + "(0.9) WITHIN GROUP (ORDER BY first_response_ms) AS p90_ms\n"
                    + "  FROM ticket_facts\n"
                    + "  WHERE tenant_id = ? AND first_response_at >= ? AND first_response_at < ?\n"
                    + "    AND first_response_ms IS NOT NULL" + responseTeam + "\n"
                    + "  GROUP BY 1, 2)\n"
                    + "SELECT coalesce(c.day, r.day) AS day, coalesce(c.member, r.member) AS member,\n"
                    + "       coalesce(c.tickets_created, 0) AS tickets_created, coalesce(r.n, 0) AS first_response_count,\n"
                    + "       r.avg_ms, r.p50_ms, r.p90_ms\n"
                    + "FROM created c FULL JOIN responses r ON r.day = c.day AND r.member = c.member\n"
                    + "ORDER BY 1, 2";
        }

        PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql());
            OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
            OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
            int i = 1;
            for (int part = 0; part < 2; part++) {
                if (kind == Kind.TENANT_TOTAL) {
                    statement.setString(i++, from.toString());
                } else {
                    statement.setString(i++, zone.getId());
                }
                statement.setString(i++, tenant);
                statement.setObject(i++, start);
                statement.setObject(i++, end);
                if (kind == Kind.AGENTS_OF_TEAM) {
                    statement.setString(i++, team);
                }
            }
            return statement;
        }
    }

    /** The compared measures of one row (period, member). */
    record Row(long ticketsCreated, long firstResponseCount, Double avgS, Double p50S, Double p90S) {

        boolean empty() {
            return ticketsCreated == 0 && firstResponseCount == 0;
        }
    }

    private BiQueries() {
    }

    static final String API_METRICS = "tickets_created,first_response_count,first_response_avg_s,first_response_p50_s,first_response_p90_s";

    /** The API's rows, by "period|id" ("" for the null member). */
    static Map<String, Row> apiRows(List<JsonNode> rows) {
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            String id = row.path("id").isNull() ? "" : row.path("id").asText();
            byKey.put(row.path("period").asText() + "|" + id, new Row(row.path("tickets_created").asLong(),
                    row.path("first_response_count").asLong(), number(row, "first_response_avg_s"),
                    number(row, "first_response_p50_s"), number(row, "first_response_p90_s")));
        }
        return byKey;
    }

    private static Double number(JsonNode row, String field) {
        JsonNode value = row.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asDouble();
    }

    /** Runs the SQL once and reads every row (the baseline's timed unit); returns them by "day|member". */
    static Map<String, Row> sqlRows(PreparedStatement statement) throws SQLException {
        Map<String, Row> byKey = new LinkedHashMap<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String key = rs.getString(1) + "|" + rs.getString(2);
                BigDecimal avg = rs.getBigDecimal(5);
                byKey.put(key, new Row(rs.getLong(3), rs.getLong(4),
                        avg == null ? null : avg.setScale(0, RoundingMode.HALF_UP).doubleValue() / 1000.0,
                        seconds(rs.getObject(6)), seconds(rs.getObject(7))));
            }
        }
        return byKey;
    }

    private static Double seconds(Object millis) {
        return millis == null ? null : ((Number) millis).doubleValue() / 1000.0;
    }

    /** Compares the two answers; groups empty on both sides (e.g. an agent with only online time) are not compared. */
    static Results.Comparison compare(Map<String, Row> api, Map<String, Row> sql) {
        Results.Comparison comparison = new Results.Comparison();
        TreeSet<String> keys = new TreeSet<>(api.keySet());
        keys.addAll(sql.keySet());
        Row none = new Row(0, 0, null, null, null);
        for (String key : keys) {
            Row a = api.getOrDefault(key, none);
            Row s = sql.getOrDefault(key, none);
            if (a.empty() && s.empty()) {
                continue;
            }
            comparison.rowsCompared++;
            List<String> differences = new ArrayList<>();
            if (a.ticketsCreated() != s.ticketsCreated()) {
                differences.add("tickets_created " + a.ticketsCreated() + " vs " + s.ticketsCreated());
            }
            if (a.firstResponseCount() != s.firstResponseCount()) {
                differences.add("first_response_count " + a.firstResponseCount() + " vs " + s.firstResponseCount());
            }
            if (!close(a.avgS(), s.avgS(), 0, 0.0011)) {
                differences.add("first_response_avg_s " + a.avgS() + " vs " + s.avgS());
            }
            if (!close(a.p50S(), s.p50S(), 0.01, 0.0011)) {
                differences.add("first_response_p50_s " + a.p50S() + " vs " + s.p50S());
            }
            if (!close(a.p90S(), s.p90S(), 0.01, 0.0011)) {
                differences.add("first_response_p90_s " + a.p90S() + " vs " + s.p90S());
            }
            if (!differences.isEmpty()) {
                comparison.mismatches++;
                if (comparison.examples.size() < 10) {
                    comparison.examples.add((key.endsWith("|") ? key + "(null)" : key).replace("|", " ") + ": API vs SQL " + String.join(", ", differences));
                }
            }
        }
        comparison.match = comparison.mismatches == 0 && comparison.rowsCompared > 0;
        if (comparison.rowsCompared == 0) {
            comparison.note = "nothing to compare: neither answer has tickets or first responses";
        }
        return comparison;
    }

    private static boolean close(Double a, Double b, double relative, double absolute) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        return Math.abs(a - b) <= relative * Math.abs(b) + absolute;
    }
}
