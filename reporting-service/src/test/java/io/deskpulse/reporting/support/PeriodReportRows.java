package io.deskpulse.reporting.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes period reports as scoring-service's producer keeps them, through KpiRows' read-write connection. */
public final class PeriodReportRows {

    private PeriodReportRows() {
    }

    /** A report's header; exemptions a JSON array (single quotes for double ones). */
    public static long report(String tenant, String granularity, String start, String end, int modelVersion,
            String exemptions) {
        return insert("", "", tenant, granularity, start, end, modelVersion, exemptions);
    }

    /** A report with the id the OpenAPI examples name. */
    public static void report(long id, String tenant, String granularity, String start, String end, int modelVersion,
            String exemptions) {
        insert("id, ", id + ", ", tenant, granularity, start, end, modelVersion, exemptions);
    }

    private static long insert(String idColumn, String id, String tenant, String granularity, String start, String end,
            int modelVersion, String exemptions) {
        return ScorecardRows.queryLong("INSERT INTO period_reports (" + idColumn + "tenant_id, granularity, period_start, period_end,"
                + " time_zone, generation, model_version, exemptions, created_at)"
                + (id.isEmpty() ? "" : " OVERRIDING SYSTEM VALUE") + " VALUES (" + id + "'" + tenant + "', '"
                + granularity + "', '" + start + "', '" + end + "', 'UTC', 0, " + modelVersion + ", '"
                + exemptions.replace('\'', '"') + "', '2026-11-09T00:30:00Z') RETURNING id");
    }

    /** A kept row: a team's sums on a channel for the days of an exemption (0: none); histograms as int[] literals. */
    public static Row row(long report, String team, String channel, long exemption) {
        return new Row(report, null, team, channel, exemption);
    }

    /** A kept agent row (period_report_agent_rows): an agent's sums credited to a team, on a channel, in an exemption. */
    public static Row agentRow(long report, String agent, String team, String channel, long exemption) {
        return new Row(report, agent, team, channel, exemption);
    }

    /** The streak threshold a report was kept with (the column's default is 80). */
    public static void streakMinScore(long report, String minScore) {
        KpiRows.execute("UPDATE period_reports SET streak_min_score = " + minScore + " WHERE id = " + report);
    }

    public static final class Row {
        private final long report;
        private final String agent;
        private final String team;
        private final String channel;
        private final long exemption;
        private final Map<String, String> values = new LinkedHashMap<>();

        private Row(long report, String agent, String team, String channel, long exemption) {
            this.report = report;
            this.agent = agent;
            this.team = team;
            this.channel = channel;
            this.exemption = exemption;
        }

        public Row set(String column, long value) {
            values.put(column, String.valueOf(value));
            return this;
        }

        /** First responses with their histogram, as scoring keeps them. */
        public Row firstResponses(long... millis) {
            set("first_response_count", millis.length);
            set("first_response_sum_ms", java.util.Arrays.stream(millis).sum());
            Integer[] pairs = KpiRows.histogram(millis);
            StringBuilder literal = new StringBuilder("'{");
            for (int i = 0; i < pairs.length; i++) {
                literal.append(i == 0 ? "" : ",").append(pairs[i]);
            }
            values.put("first_response_hist", literal.append("}'").toString());
            return this;
        }

        public void insert() {
            KpiRows.execute("INSERT INTO " + (agent == null ? "period_report_rows (" : "period_report_agent_rows (agent_id, ")
                    + "report_id, team_id, channel, exemption_id"
                    + (values.isEmpty() ? "" : ", " + String.join(", ", values.keySet())) + ") VALUES ("
                    + (agent == null ? "" : "'" + agent + "', ") + report + ", '"
                    + team + "', '" + channel + "', " + exemption
                    + (values.isEmpty() ? "" : ", " + String.join(", ", values.values())) + ")");
        }
    }
}
