package io.deskpulse.reporting.support;

/** Writes alerts as scoring-service's evaluator stores them, through KpiRows' read-write connection. */
public final class AlertRows {

    private AlertRows() {
    }

    /**
     * An alert of a first-response rule raised at {@code raisedAt} with 135 s on 4 first responses; resolved at
     * {@code resolvedAt} (null: still open) with 90 s on 5. {@code member} '' for the tenant dimension.
     */
    public static long alert(String tenant, long rule, String member, String raisedAt, String resolvedAt) {
        boolean resolved = resolvedAt != null;
        return ScorecardRows.queryLong("INSERT INTO alerts (tenant_id, rule_id, rule_version, rule_name, metric, dimension, member, channel,"
                + " window_minutes, comparison, threshold, min_volume, state, raised_at, raised_value, raised_volume,"
                + " window_start, window_end, resolved_at, resolved_value, resolved_volume, resolved_reason, updated_at)"
                + " VALUES ('" + tenant + "', " + rule + ", 2, 'Chat, first response', 'first_response_avg_s', '"
                + (member.isEmpty() ? "tenant" : "team") + "', '" + member + "', 'chat', 60, '>', 120.50, 3, '"
                + (resolved ? "resolved" : "raised") + "', '" + raisedAt + "', 135.0, 4,"
                + " date_trunc('hour', TIMESTAMPTZ '" + raisedAt + "') - interval '1 hour', '" + raisedAt + "', "
                + (resolved ? "'" + resolvedAt + "', 90.0, 5, 'the value is back within the threshold', '" + resolvedAt + "'"
                        : "NULL, NULL, NULL, NULL, '" + raisedAt + "'") + ") RETURNING id");
    }
}
