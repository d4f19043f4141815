package io.deskpulse.scoring.support;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Reads what scoring wrote to PostgreSQL, for assertions. */
public final class Aggregates {

    private final DataSource dataSource;

    public Aggregates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Sums of every kpi_hourly measure of a tenant, optionally for one agent. */
    public Map<String, Long> totals(String tenant, String agentOrNull) {
        String sql = """
                SELECT sum(tickets_created), sum(tickets_resolved), sum(resolution_count), sum(resolution_sum_ms),
                       sum(reopened_resolutions), sum(first_response_count), sum(first_response_sum_ms),
                       sum(agent_replies), sum(customer_messages), sum(csat_count), sum(csat_sum), sum(csat_satisfied)
                FROM kpi_hourly WHERE tenant_id = ? AND (?::text IS NULL OR agent_id = ?)""";
        String[] names = {"tickets_created", "tickets_resolved", "resolution_count", "resolution_sum_ms",
                "reopened_resolutions", "first_response_count", "first_response_sum_ms", "agent_replies",
                "customer_messages", "csat_count", "csat_sum", "csat_satisfied"};
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant);
            s.setString(2, agentOrNull);
            s.setString(3, agentOrNull);
            Map<String, Long> totals = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                for (int i = 0; i < names.length; i++) {
                    totals.put(names[i], rs.getLong(i + 1));
                }
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long scalar(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until scoring has applied (committed offsets for) everything on the event topic so far. */
    public void awaitDrained(String consumerGroup) {
        long end = EventTopic.endOffsetTotal();
        await().atMost(Duration.ofSeconds(60)).until(() -> scalar(
                "SELECT coalesce(sum(greatest(next_offset, 0)), 0) FROM scoring_offsets WHERE consumer_group = ? AND topic = ?",
                consumerGroup, EventTopic.name()) >= end);
    }
}
