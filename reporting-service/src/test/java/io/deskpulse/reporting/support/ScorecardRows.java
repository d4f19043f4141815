package io.deskpulse.reporting.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes what scoring-service's admin API stores for scorecards — scoring model versions and exemptions —
 * through KpiRows' read-write connection (the service's own pool is read-only).
 */
public final class ScorecardRows {

    private ScorecardRows() {
    }

    /** Stores a version of the tenant's scoring models, canonical JSON written with single quotes. */
    public static void models(String tenant, int version, String singleQuotedJson) {
        KpiRows.execute("INSERT INTO scoring_model_versions (tenant_id, version, document, changed_by, changed_fields)"
                + " VALUES ('" + tenant + "', " + version + ", '" + singleQuotedJson.replace('\'', '"') + "', 'test', '{roles}')");
    }

    /** A model with one role, {@code role}, for agents and teams alike: (metric, target, weight) triples, higher is better. */
    public static String oneRole(String role, Object... metricTargetWeight) {
        StringBuilder kpis = new StringBuilder();
        for (int i = 0; i < metricTargetWeight.length; i += 3) {
            kpis.append(i == 0 ? "" : ", ").append("{'metric': '").append(metricTargetWeight[i])
                    .append("', 'channel': null, 'group': null, 'direction': 'higher', 'target': ")
                    .append(metricTargetWeight[i + 1]).append(", 'weight': ").append(metricTargetWeight[i + 2]).append('}');
        }
        return "{'roles': {'" + role + "': {'kpis': [" + kpis + "], 'peer_review': null}},"
                + " 'default_roles': {'agent': '" + role + "', 'team': '" + role + "'}, 'agent_roles': {}, 'team_roles': {}}";
    }

    /** Stores an exemption; teams is a SQL array literal or NULL, relaxed a JSON object, leftOut a SQL array literal. */
    public static long exemption(String tenant, String teams, String from, String to, String reason, String relaxed,
            String leftOut) {
        return queryLong("INSERT INTO exemptions (tenant_id, teams, from_date, to_date, reason, relaxed_targets, left_out,"
                + " created_by, updated_by) VALUES ('" + tenant + "', " + teams + ", '" + from + "', '" + to + "', '" + reason
                + "', '" + relaxed.replace('\'', '"') + "', " + leftOut + ", 'test', 'test') RETURNING id");
    }

    /** The single number a query answers (an INSERT ... RETURNING too). */
    public static long queryLong(String sql) {
        try (Connection connection = TestData.connect();
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
