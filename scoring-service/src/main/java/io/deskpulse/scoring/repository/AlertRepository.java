package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.AlertMetric;
import io.deskpulse.scoring.domain.AlertRule;
import io.deskpulse.scoring.domain.AlertWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code alerts}, and the windowed sums of {@code kpi_hourly} that rules are evaluated on. */
@ApplicationScoped
public class AlertRepository {

    private static final String COLUMNS = "id, rule_id, rule_version, rule_name, metric, dimension, member, channel,"
            + " window_minutes, comparison, threshold, min_volume, state, raised_at, raised_value, raised_volume,"
            + " window_start, window_end, resolved_at, resolved_value, resolved_volume, resolved_reason";

    /** The tenant's active generation of the aggregates (0 without a tenant_state row). */
    public int activeGeneration(Connection c, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT active_generation FROM tenant_state WHERE tenant_id = ?")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /**
     * The rule's metric per member over the window's hours: one row per team or agent with contributions there
     * (what was credited to no team or agent is left out), or one row '' for the tenant dimension.
     */
    public Map<String, AlertMetric.Reading> readings(Connection c, String tenant, int generation, AlertRule rule,
            AlertWindow window) throws SQLException {
        List<String> columns = rule.metric().columns();
        String member = switch (rule.dimension()) {
            case "team" -> "team_id";
            case "agent" -> "agent_id";
            default -> "''";
        };
        StringBuilder sql = new StringBuilder("SELECT " + member + " AS member");
        columns.forEach(column -> sql.append(", sum(").append(column).append(")::bigint"));
        sql.append(" FROM kpi_hourly WHERE tenant_id = ? AND generation = ? AND bucket >= ? AND bucket <= ?");
        if (rule.channel() != null) {
            sql.append(" AND channel = ?");
        }
        if (!member.equals("''")) {
            sql.append(" AND ").append(member).append(" <> ''");
            if (!rule.memberIds().isEmpty()) {
                sql.append(" AND ").append(member).append(" = ANY (?)");
            }
        }
        sql.append(" GROUP BY 1");
        Map<String, AlertMetric.Reading> readings = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int p = 1;
            s.setString(p++, tenant);
            s.setInt(p++, generation);
            s.setTimestamp(p++, Timestamp.from(window.start()));
            s.setTimestamp(p++, Timestamp.from(window.end()));
            if (rule.channel() != null) {
                s.setString(p++, rule.channel());
            }
            if (!member.equals("''") && !rule.memberIds().isEmpty()) {
                s.setArray(p, c.createArrayOf("text", rule.memberIds().toArray()));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long[] sums = new long[columns.size()];
                    for (int i = 0; i < sums.length; i++) {
                        sums[i] = rs.getLong(i + 2);
                    }
                    AlertMetric.Reading reading = rule.metric().read(sums);
                    if (reading.volume() > 0 || reading.value() != null) {
                        readings.put(rs.getString(1), reading);
                    }
                }
            }
        }
        return readings;
    }

    /** The rule's open alerts by member. */
    public Map<String, StoredAlert> open(Connection c, long ruleId) throws SQLException {
        Map<String, StoredAlert> open = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM alerts WHERE rule_id = ? AND state = 'raised'")) {
            s.setLong(1, ruleId);
            rows(s).forEach(alert -> open.put(alert.member(), alert));
        }
        return open;
    }

    public StoredAlert raise(Connection c, AlertRule rule, String member, AlertMetric.Reading reading, AlertWindow window)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alerts (tenant_id, rule_id, rule_version, rule_name,"
                + " metric, dimension, member, channel, window_minutes, comparison, threshold, min_volume, state, raised_at,"
                + " raised_value, raised_volume, window_start, window_end, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'raised', ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
            s.setString(1, rule.tenant());
            s.setLong(2, rule.id());
            s.setInt(3, rule.version());
            s.setString(4, rule.name());
            s.setString(5, rule.metric().label());
            s.setString(6, rule.dimension());
            s.setString(7, member);
            s.setString(8, rule.channel());
            s.setInt(9, rule.windowMinutes());
            s.setString(10, rule.comparison());
            s.setBigDecimal(11, rule.threshold());
            s.setLong(12, rule.minVolume());
            s.setTimestamp(13, Timestamp.from(window.end()));
            s.setDouble(14, reading.value());
            s.setLong(15, reading.volume());
            s.setTimestamp(16, Timestamp.from(window.start()));
            s.setTimestamp(17, Timestamp.from(window.end()));
            s.setTimestamp(18, Timestamp.from(window.end()));
            return rows(s).get(0);
        }
    }

    /** Resolves an open alert with the reading that ended it (null value: the window had none). */
    public StoredAlert resolve(Connection c, long alertId, AlertMetric.Reading reading, String reason, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE alerts SET state = 'resolved', resolved_at = ?,"
                + " resolved_value = ?, resolved_volume = ?, resolved_reason = ?, updated_at = ? WHERE id = ?"
                + " AND state = 'raised' RETURNING " + COLUMNS)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setObject(2, reading == null ? null : reading.value());
            s.setObject(3, reading == null ? null : reading.volume());
            s.setString(4, reason);
            s.setTimestamp(5, Timestamp.from(at));
            s.setLong(6, alertId);
            return rows(s).stream().findFirst().orElseThrow(() -> new IllegalStateException(
                    "alert " + alertId + " was resolved meanwhile though its rule is locked"));
        }
    }

    private static List<StoredAlert> rows(PreparedStatement s) throws SQLException {
        List<StoredAlert> alerts = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Timestamp resolved = rs.getTimestamp("resolved_at");
                alerts.add(new StoredAlert(rs.getLong("id"), rs.getLong("rule_id"), rs.getInt("rule_version"),
                        rs.getString("rule_name"), rs.getString("metric"), rs.getString("dimension"), rs.getString("member"),
                        rs.getString("channel"), rs.getInt("window_minutes"), rs.getString("comparison"),
                        rs.getBigDecimal("threshold").stripTrailingZeros(), rs.getLong("min_volume"), rs.getString("state"),
                        rs.getTimestamp("raised_at").toInstant(), rs.getDouble("raised_value"), rs.getLong("raised_volume"),
                        rs.getTimestamp("window_start").toInstant(), rs.getTimestamp("window_end").toInstant(),
                        resolved == null ? null : resolved.toInstant(), (Double) rs.getObject("resolved_value"),
                        (Long) rs.getObject("resolved_volume"), rs.getString("resolved_reason")));
            }
        }
        return alerts;
    }
}
