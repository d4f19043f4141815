package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.ReportingDatabaseException;
import io.deskpulse.reporting.domain.alert.AlertQuery;
import io.deskpulse.reporting.domain.alert.AlertRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code alerts}, newest first, in a report's snapshot. */
@ApplicationScoped
public class AlertReadRepository {

    private final int timeoutSeconds;

    public AlertReadRepository(ReportingConfig config) {
        this.timeoutSeconds = ReportSnapshots.timeoutSeconds(config);
    }

    /** Up to {@code limit} alerts of the query, by descending id, after {@code query.afterId()}. */
    public List<AlertRow> page(ReportSnapshot snapshot, AlertQuery query, int limit) {
        SqlStatement s = new SqlStatement().sql("SELECT id, state, rule_id, rule_version, rule_name, metric, dimension,"
                + " member, channel, window_minutes, comparison, threshold, min_volume, raised_at, raised_value,"
                + " raised_volume, window_start, window_end, resolved_at, resolved_value, resolved_volume, resolved_reason"
                + " FROM alerts WHERE tenant_id = ?", query.tenant());
        if (query.state() != null) {
            s.sql(" AND state = ?", query.state());
        }
        if (!query.rules().isEmpty()) {
            s.sql(" AND rule_id = ANY (CAST(? AS text[])::bigint[])", query.rules().stream().map(String::valueOf)
                    .toArray(String[]::new));
        }
        if (query.since() != null) {
            s.sql(" AND updated_at >= ?", query.since());
        }
        if (query.afterId() != null) {
            s.sql(" AND id < ?", query.afterId());
        }
        s.sql(" ORDER BY id DESC LIMIT ?", limit);
        List<AlertRow> rows = new ArrayList<>();
        try (PreparedStatement statement = s.prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String member = rs.getString("member");
                Timestamp resolved = rs.getTimestamp("resolved_at");
                rows.add(new AlertRow(rs.getLong("id"), rs.getString("state"), rs.getLong("rule_id"),
                        rs.getInt("rule_version"), rs.getString("rule_name"), rs.getString("metric"),
                        rs.getString("dimension"), member.isEmpty() ? null : member, rs.getString("channel"),
                        rs.getInt("window_minutes"), rs.getString("comparison"),
                        plain(rs.getBigDecimal("threshold")), rs.getLong("min_volume"),
                        rs.getTimestamp("raised_at").toInstant(), rs.getDouble("raised_value"), rs.getLong("raised_volume"),
                        rs.getTimestamp("window_start").toInstant(), rs.getTimestamp("window_end").toInstant(),
                        resolved == null ? null : resolved.toInstant(), (Double) rs.getObject("resolved_value"),
                        (Long) rs.getObject("resolved_volume"), rs.getString("resolved_reason")));
            }
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
        return rows;
    }

    /** 120, not 1.2E+2: thresholds are written as people wrote them. */
    private static java.math.BigDecimal plain(java.math.BigDecimal value) {
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
