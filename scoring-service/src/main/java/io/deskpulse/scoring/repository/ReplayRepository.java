package io.deskpulse.scoring.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.scoring.domain.Replay;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Rows of {@code replays}: what was asked, how far it got, and which instance runs it. */
@ApplicationScoped
public class ReplayRepository {

    private static final String COLUMNS = "id, tenant_id, from_time, topic, end_offsets, status, events_read, "
            + "events_applied, requested_by, requested_at, finished_at, error";

    private final ObjectMapper mapper;

    public ReplayRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void insert(Connection c, Replay replay) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO replays (id, tenant_id, from_time, topic, end_offsets, status, requested_by, requested_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")) {
            s.setObject(1, replay.id());
            s.setString(2, replay.tenantId());
            s.setTimestamp(3, Timestamp.from(replay.from()));
            s.setString(4, replay.topic());
            s.setString(5, json(replay.endOffsets()));
            s.setString(6, replay.status());
            s.setString(7, replay.requestedBy());
            s.setTimestamp(8, Timestamp.from(replay.requestedAt()));
            s.executeUpdate();
        }
    }

    public Optional<Replay> find(Connection c, String tenant, UUID id) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM replays WHERE tenant_id = ? AND id = ?", tenant, id).stream().findFirst();
    }

    public List<Replay> list(Connection c, String tenant, int limit) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM replays WHERE tenant_id = ? ORDER BY requested_at DESC LIMIT ?",
                tenant, limit);
    }

    /** The tenant's queued or running replay, if any (a tenant has at most one). */
    public Optional<Replay> running(Connection c, String tenant) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM replays WHERE tenant_id = ? AND status = 'running'"
                + " ORDER BY requested_at LIMIT 1", tenant).stream().findFirst();
    }

    /** Serialises the tenant's replay requests until the transaction ends, so two at once cannot both start one. */
    public void lockRequests(Connection c, String tenant) throws SQLException {
        TenantLocks.lock(c, TenantLocks.REPLAY_REQUESTS, tenant);
    }

    /** Takes a running replay whose lease has run out (or never started), for {@code lease}. */
    public Optional<Replay> claim(Connection c, String owner, Duration lease) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE replays SET lease_owner = ?, lease_until = now() + ?::interval
                WHERE id = (SELECT id FROM replays WHERE status = 'running' AND (lease_until IS NULL OR lease_until < now())
                            ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLUMNS)) {
            s.setString(1, owner);
            s.setString(2, lease.toMillis() + " milliseconds");
            return rows(s).stream().findFirst();
        }
    }

    /** Records progress and extends the lease; false when the lease was lost to another instance. */
    public boolean progress(Connection c, UUID id, String owner, Duration lease, long read, long applied)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE replays SET events_read = events_read + ?, events_applied = events_applied + ?,
                    lease_until = now() + ?::interval
                WHERE id = ? AND lease_owner = ?""")) {
            s.setLong(1, read);
            s.setLong(2, applied);
            s.setString(3, lease.toMillis() + " milliseconds");
            s.setObject(4, id);
            s.setString(5, owner);
            return s.executeUpdate() == 1;
        }
    }

    public void finish(Connection c, UUID id, String status, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE replays SET status = ?, error = ?, finished_at = now(), lease_until = NULL WHERE id = ?")) {
            s.setString(1, status);
            s.setString(2, error);
            s.setObject(3, id);
            s.executeUpdate();
        }
    }

    private List<Replay> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return rows(s);
        }
    }

    private List<Replay> rows(PreparedStatement s) throws SQLException {
        List<Replay> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Timestamp finished = rs.getTimestamp(11);
                rows.add(new Replay(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), offsets(rs.getString(5)), rs.getString(6), rs.getLong(7), rs.getLong(8),
                        rs.getString(9), rs.getTimestamp(10).toInstant(), finished == null ? null : finished.toInstant(),
                        rs.getString(12)));
            }
        }
        return rows;
    }

    private String json(Map<Integer, Long> offsets) {
        try {
            return mapper.writeValueAsString(new TreeMap<>(offsets));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Integer, Long> offsets(String json) throws SQLException {
        try {
            return mapper.readValue(json, new TypeReference<TreeMap<Integer, Long>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable end offsets " + json, e);
        }
    }
}
