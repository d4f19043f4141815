package io.deskpulse.scoring.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.AggregateComparison.Difference;
import io.deskpulse.scoring.domain.AggregateComparison.Table;
import io.deskpulse.scoring.domain.Reconciliation;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code reconciliations}: what was asked, how far it got, what it found, and which instance runs it. */
@ApplicationScoped
public class ReconciliationRepository {

    private static final String COLUMNS = "id, tenant_id, from_time, to_time, repair, status, requested_by, requested_at, "
            + "finished_at, generation, checked_until, timelines_checked, difference_count, differences, repaired, error";

    private final ObjectMapper mapper;

    public ReconciliationRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A difference as {@code differences} keeps it: the shape the API shows (kept before V24: no queue_id, read as ''). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private record StoredDifference(String table, Instant period, String teamId, String agentId, String channel,
            String queueId, String metric, Integer bin, long stored, long expected) {

        static StoredDifference of(Difference d) {
            return new StoredDifference(d.table().tableName(), Instant.ofEpochMilli(d.periodMillis()), d.teamId(),
                    d.agentId(), d.channel(), d.queueId(), d.metric(), d.bin(), d.stored(), d.expected());
        }

        Difference difference() {
            String queue = queueId == null && agentId != null ? "" : queueId;
            return new Difference(Table.named(table), period.toEpochMilli(), teamId, agentId, channel, queue, metric, bin,
                    stored, expected);
        }
    }

    /** Inserts a requested reconciliation unless the tenant has one running; false when it has. */
    public boolean insert(Connection c, Reconciliation r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO reconciliations (id, tenant_id, from_time, to_time, repair, status, requested_by, requested_at)
                VALUES (?, ?, ?, ?, ?, 'running', ?, ?)
                ON CONFLICT (tenant_id) WHERE status = 'running' DO NOTHING""")) {
            bindRequested(s, r);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Inserts a scheduled reconciliation unless the tenant has one running, or one the schedule asked for since
     * {@code since} (another instance's schedule got there first); false when it did not.
     */
    public boolean insertScheduled(Connection c, Reconciliation r, Instant since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO reconciliations (id, tenant_id, from_time, to_time, repair, status, requested_by, requested_at)
                SELECT ?, ?, ?, ?, ?, 'running', ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM reconciliations WHERE tenant_id = ? AND requested_by = ? AND requested_at > ?)
                ON CONFLICT (tenant_id) WHERE status = 'running' DO NOTHING""")) {
            bindRequested(s, r);
            s.setString(8, r.tenantId());
            s.setString(9, r.requestedBy());
            s.setTimestamp(10, Timestamp.from(since));
            return s.executeUpdate() == 1;
        }
    }

    /** Parameters 1 to 7: what was asked for, by whom, when. */
    private static void bindRequested(PreparedStatement s, Reconciliation r) throws SQLException {
        s.setObject(1, r.id());
        s.setString(2, r.tenantId());
        s.setTimestamp(3, Timestamp.from(r.from()));
        s.setTimestamp(4, Timestamp.from(r.to()));
        s.setBoolean(5, r.repair());
        s.setString(6, r.requestedBy());
        s.setTimestamp(7, Timestamp.from(r.requestedAt()));
    }

    public Optional<Reconciliation> find(Connection c, String tenant, UUID id) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM reconciliations WHERE tenant_id = ? AND id = ?", tenant, id)
                .stream().findFirst();
    }

    public Optional<Reconciliation> running(Connection c, String tenant) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM reconciliations WHERE tenant_id = ? AND status = 'running'", tenant)
                .stream().findFirst();
    }

    public List<Reconciliation> list(Connection c, String tenant, int limit) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM reconciliations WHERE tenant_id = ? ORDER BY requested_at DESC, id"
                + " LIMIT ?", tenant, limit);
    }

    /** Takes a running reconciliation whose lease has run out (or that never started), for {@code lease}. */
    public Optional<Reconciliation> claim(Connection c, String owner, Duration lease) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE reconciliations SET lease_owner = ?, lease_until = now() + ?::interval
                WHERE id = (SELECT id FROM reconciliations WHERE status = 'running'
                                AND (lease_until IS NULL OR lease_until < now())
                            ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLUMNS)) {
            s.setString(1, owner);
            s.setString(2, lease.toMillis() + " milliseconds");
            return rows(s).stream().findFirst();
        }
    }

    /**
     * Records a checked slice, and extends the lease: the hours up to {@code checkedUntil} are done, with these
     * timelines and differences (kept up to {@link Reconciliation#DIFFERENCES_KEPT}); {@code finished} ends the run
     * as done. Only the lease's owner, and only from where the run stood when the slice was checked
     * ({@code previous}): false otherwise, and nothing is written. The row stays locked until the transaction ends,
     * so a repair written in the same transaction is fenced with it.
     */
    public boolean recordSlice(Connection c, UUID id, String owner, Duration lease, Instant previous, int generation,
            Instant checkedUntil, long timelines, long differenceCount, List<Difference> differences, boolean finished,
            boolean repaired) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE reconciliations SET generation = ?, checked_until = ?, timelines_checked = timelines_checked + ?,
                    difference_count = difference_count + ?,
                    differences = CASE WHEN jsonb_array_length(differences) >= ? THEN differences ELSE (
                        SELECT coalesce(jsonb_agg(e ORDER BY i), '[]'::jsonb)
                        FROM jsonb_array_elements(differences || ?::jsonb) WITH ORDINALITY AS x(e, i) WHERE i <= ?) END,
                    status = CASE WHEN ? THEN 'done' ELSE status END,
                    finished_at = CASE WHEN ? THEN now() END,
                    repaired = ?,
                    lease_until = CASE WHEN ? THEN NULL ELSE now() + ?::interval END
                WHERE id = ? AND lease_owner = ? AND status = 'running' AND checked_until IS NOT DISTINCT FROM ?""")) {
            int p = 1;
            s.setInt(p++, generation);
            s.setTimestamp(p++, Timestamp.from(checkedUntil));
            s.setLong(p++, timelines);
            s.setLong(p++, differenceCount);
            s.setInt(p++, Reconciliation.DIFFERENCES_KEPT);
            s.setString(p++, json(differences.stream().limit(Reconciliation.DIFFERENCES_KEPT).map(StoredDifference::of)
                    .toList()));
            s.setInt(p++, Reconciliation.DIFFERENCES_KEPT);
            s.setBoolean(p++, finished);
            s.setBoolean(p++, finished);
            s.setBoolean(p++, repaired);
            s.setBoolean(p++, finished);
            s.setString(p++, lease.toMillis() + " milliseconds");
            s.setObject(p++, id);
            s.setString(p++, owner);
            s.setTimestamp(p, previous == null ? null : Timestamp.from(previous));
            return s.executeUpdate() == 1;
        }
    }

    /** Extends the lease of a run being checked; false when it is no longer this owner's. */
    public boolean renew(Connection c, UUID id, String owner, Duration lease) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE reconciliations SET lease_until = now() + ?::interval
                WHERE id = ? AND lease_owner = ? AND status = 'running'""")) {
            s.setString(1, lease.toMillis() + " milliseconds");
            s.setObject(2, id);
            s.setString(3, owner);
            return s.executeUpdate() == 1;
        }
    }

    /** Ends a run as failed, with the reason (only the lease's owner). */
    public void fail(Connection c, UUID id, String owner, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE reconciliations SET status = 'failed', error = ?, finished_at = now(), lease_until = NULL
                WHERE id = ? AND lease_owner = ? AND status = 'running'""")) {
            s.setString(1, error);
            s.setObject(2, id);
            s.setString(3, owner);
            s.executeUpdate();
        }
    }

    /** A tenant's latest finished check: how many differences it found, and when it finished. */
    public record LatestDone(String tenantId, long differenceCount, Instant finishedAt) {
    }

    /** Per tenant (of tenant_state: every tenant with events), its latest reconciliation that is done. */
    public List<LatestDone> latestDone(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT t.tenant_id, r.difference_count, r.finished_at FROM tenant_state t
                CROSS JOIN LATERAL (SELECT difference_count, finished_at FROM reconciliations r
                                    WHERE r.tenant_id = t.tenant_id AND r.status = 'done'
                                    ORDER BY r.requested_at DESC LIMIT 1) r
                ORDER BY t.tenant_id""");
             ResultSet rs = s.executeQuery()) {
            List<LatestDone> latest = new ArrayList<>();
            while (rs.next()) {
                latest.add(new LatestDone(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()));
            }
            return latest;
        }
    }

    /** Tenants with aggregate rows in their active generation from {@code since} on: those the schedule checks. */
    public List<String> activeTenants(Connection c, Instant since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT t.tenant_id FROM tenant_state t
                WHERE EXISTS (SELECT 1 FROM kpi_hourly k WHERE k.tenant_id = t.tenant_id
                              AND k.generation = t.active_generation AND k.bucket >= ?)
                ORDER BY t.tenant_id""")) {
            s.setTimestamp(1, Timestamp.from(since));
            List<String> tenants = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tenants.add(rs.getString(1));
                }
            }
            return tenants;
        }
    }

    private List<Reconciliation> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return rows(s);
        }
    }

    private List<Reconciliation> rows(PreparedStatement s) throws SQLException {
        List<Reconciliation> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new Reconciliation(rs.getObject(1, UUID.class), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), rs.getBoolean(5), rs.getString(6), rs.getString(7),
                        instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), (Integer) rs.getObject(10),
                        instant(rs.getTimestamp(11)), rs.getLong(12), rs.getLong(13), differences(rs.getString(14)),
                        rs.getBoolean(15), rs.getString(16)));
            }
        }
        return rows;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String json(List<StoredDifference> differences) {
        try {
            return mapper.writeValueAsString(differences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Difference> differences(String json) throws SQLException {
        try {
            return mapper.readValue(json, new TypeReference<List<StoredDifference>>() { }).stream()
                    .map(StoredDifference::difference).toList();
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable differences " + json, e);
        }
    }
}
