package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.ReportingDatabaseException;
import io.deskpulse.reporting.domain.ticket.TicketQuery.ExportPosition;
import io.deskpulse.reporting.domain.ticket.TicketQuery.ListingKey;
import io.deskpulse.reporting.domain.ticket.TicketFilters;
import io.deskpulse.reporting.domain.ticket.TicketQuery;
import io.deskpulse.reporting.domain.ticket.TicketRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads {@code ticket_facts} (one row per ticket, written by scoring) in a report's snapshot: listed by
 * (created_at, ticket_id), or exported by (txid, ticket_id) below the snapshot's horizon.
 */
@ApplicationScoped
public class TicketRepository {

    // The id is read as text under another name: ORDER BY txid must sort the xid8 column, not its text.
    private static final String COLUMNS = "ticket_id, channel, priority, status, created_at, team_id, agent_id,"
            + " first_response_at, first_response_ms, first_responder_id, first_solved_at, last_solved_at, resolutions,"
            + " reopens, transfers, agent_replies, csat_score, fcr, updated_at, customer_id, created_team_id,"
            + " created_agent_id, first_response_team_id, tags, txid::text AS export_position";

    private final int timeoutSeconds;

    public TicketRepository(ReportingConfig config) {
        this.timeoutSeconds = ReportSnapshots.timeoutSeconds(config);
    }

    /**
     * The oldest transaction still running when the snapshot was taken: every transaction before it has
     * committed or aborted, so no row can appear below it any more; rows at or above it wait.
     */
    public long horizon(ReportSnapshot snapshot) {
        try (PreparedStatement s = snapshot.connection().prepareStatement(
                "SELECT pg_snapshot_xmin(pg_current_snapshot())::text")) {
            s.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return Long.parseLong(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
    }

    /**
     * The id of the tenant's latest write below the horizon (0: none): every later write of the tenant has a
     * larger one. Unlike the horizon itself it moves only when this tenant's tickets change, so a poll that
     * finds nothing new answers the same bytes (and its ETag holds).
     */
    public long lastWritten(ReportSnapshot snapshot, String tenant, long horizon) {
        SqlStatement s = new SqlStatement().sql("SELECT max(txid)::text FROM ticket_facts WHERE tenant_id = ?", tenant)
                .sql(" AND txid < CAST(? AS xid8)", Long.toString(horizon));
        try (PreparedStatement statement = s.prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            String max = rs.getString(1);
            return max == null ? 0 : Long.parseLong(max);
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
    }

    /** Up to {@code limit} tickets in creation order after the query's listing key. */
    public List<TicketRow> listed(ReportSnapshot snapshot, TicketQuery q, int limit) {
        SqlStatement s = new SqlStatement().sql("SELECT " + COLUMNS + " FROM ticket_facts");
        filters(s, q);
        ListingKey after = q.listedAfter();
        if (after != null && after.createdAt() == null) {
            s.sql(" AND created_at IS NULL AND ticket_id > ?", after.ticketId());
        } else if (after != null) {
            s.sql(" AND (created_at > ?", after.createdAt()).sql(" OR (created_at = ?", after.createdAt())
                    .sql(" AND ticket_id > ?) OR created_at IS NULL)", after.ticketId());
        }
        return read(snapshot, s.sql(" ORDER BY created_at, ticket_id LIMIT ?", limit));
    }

    /**
     * Up to {@code limit} tickets in export order from the query's position, written before
     * {@code horizon}: changed since updated_since, or written from the export's {@code floor} on.
     */
    public List<TicketRow> exported(ReportSnapshot snapshot, TicketQuery q, long horizon, long floor, int limit) {
        ExportPosition from = q.exportedFrom();
        SqlStatement s = new SqlStatement().sql("SELECT " + COLUMNS + " FROM ticket_facts");
        filters(s, q);
        s.sql(" AND txid < CAST(? AS xid8)", Long.toString(horizon));
        if (from != null && from.ticketId() == null) {
            s.sql(" AND txid >= CAST(? AS xid8)", Long.toString(from.txid()));
        } else if (from != null) {
            s.sql(" AND (txid > CAST(? AS xid8)", Long.toString(from.txid()))
                    .sql(" OR (txid = CAST(? AS xid8)", Long.toString(from.txid()))
                    .sql(" AND ticket_id > ?))", from.ticketId());
        }
        s.sql(" AND (updated_at >= ?", q.updatedSince()).sql(" OR txid >= CAST(? AS xid8))", Long.toString(floor));
        return read(snapshot, s.sql(" ORDER BY txid, ticket_id LIMIT ?", limit));
    }

    /** The tenant first (the primary key's prefix), then the filters given. */
    private static void filters(SqlStatement s, TicketQuery q) {
        s.sql(" WHERE tenant_id = ?", q.tenant());
        if (q.start() != null) {
            s.sql(" AND created_at >= ?", q.start());
        }
        if (q.end() != null) {
            s.sql(" AND created_at < ?", q.end());
        }
        equal(s, "team_id", q.team());
        equal(s, "agent_id", q.agent());
        equal(s, "customer_id", q.customer());
        equal(s, "channel", q.channel());
        equal(s, "status", q.status());
        TicketFilters f = q.filters();
        equal(s, "first_responder_id", f.firstResponder());
        if (f.solver() != null) {
            // Every solve, credited as it was then (frozen attribution): the contribution rows keep who that was.
            s.sql(" AND EXISTS (SELECT 1 FROM kpi_contributions c WHERE c.tenant_id = ticket_facts.tenant_id")
                    .sql(" AND c.generation = ?", f.generation())
                    .sql(" AND c.item_type = 'ticket' AND c.item_id = ticket_facts.ticket_id AND c.kind = 'solve'")
                    .sql(" AND c.agent_id = ?)", f.solver());
        }
        if (f.minFirstResponseMillis() != null) {
            s.sql(" AND first_response_ms >= ?", f.minFirstResponseMillis());
        }
        if (f.maxCsat() != null) {
            s.sql(" AND csat_score <= ?", f.maxCsat());
        }
        if (f.slaBreached() != null) {
            // The first response as the numbers count it: met or missed under the settings of the active generation.
            s.sql(" AND EXISTS (SELECT 1 FROM kpi_contributions c WHERE c.tenant_id = ticket_facts.tenant_id")
                    .sql(" AND c.generation = ?", f.generation())
                    .sql(" AND c.item_type = 'ticket' AND c.item_id = ticket_facts.ticket_id AND c.kind = 'first_response'")
                    .sql(f.slaBreached() ? " AND NOT" : " AND").sql(" jsonb_exists(c.parts, 'first_response_sla_met'))");
        }
        if (f.reopened() != null) {
            s.sql(f.reopened() ? " AND reopens > 0" : " AND reopens = 0");
        }
        if (f.fcr() != null) {
            s.sql(" AND fcr = ?", f.fcr());
        }
    }

    private static void equal(SqlStatement s, String column, String value) {
        if (value != null) {
            s.sql(" AND " + column + " = ?", value);
        }
    }

    private List<TicketRow> read(ReportSnapshot snapshot, SqlStatement s) {
        List<TicketRow> rows = new ArrayList<>();
        try (PreparedStatement statement = s.prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(new TicketRow(rs.getString("ticket_id"), rs.getString("channel"), rs.getString("priority"),
                        rs.getString("status"), instant(rs, "created_at"), rs.getString("team_id"),
                        rs.getString("agent_id"), instant(rs, "first_response_at"),
                        rs.getObject("first_response_ms", Long.class), rs.getString("first_responder_id"),
                        instant(rs, "first_solved_at"), instant(rs, "last_solved_at"), rs.getInt("resolutions"),
                        rs.getInt("reopens"), rs.getInt("transfers"), rs.getInt("agent_replies"),
                        rs.getObject("csat_score", Integer.class), rs.getObject("fcr", Boolean.class),
                        instant(rs, "updated_at"), rs.getString("customer_id"), rs.getString("created_team_id"),
                        rs.getString("created_agent_id"), rs.getString("first_response_team_id"), tags(rs),
                        Long.parseLong(rs.getString("export_position"))));
            }
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
        return rows;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static List<String> tags(ResultSet rs) throws SQLException {
        Array array = rs.getArray("tags");
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
