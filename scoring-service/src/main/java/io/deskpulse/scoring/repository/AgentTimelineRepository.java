package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.AgentDayDeriver.Carry;
import io.deskpulse.scoring.domain.AgentDayScorer.StoredDay;
import io.deskpulse.scoring.domain.AgentDayScorer.StoredDays;
import io.deskpulse.scoring.domain.AgentFact;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agent day timelines ({@code agent_timelines}). A day's KPIs depend on the days before it (the carry),
 * so whoever changes an agent's days first takes a transaction-level advisory lock on the agent; with
 * it held, reads need no row locks and writes can simply upsert.
 */
@ApplicationScoped
public class AgentTimelineRepository {

    private static final String COLUMNS = "agent_id, day, events, carry_in_status, carry_in_team, carry_in_since, "
            + "as_of, carry_out_status, carry_out_team, carry_out_since";

    /** Locks the agents until the transaction ends, in one global order so that lockers never deadlock. */
    public void lock(Connection c, List<AgentRef> agents) throws SQLException {
        if (agents.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT count(pg_advisory_xact_lock(k)) FROM (
                    SELECT DISTINCT hashtextextended(t || chr(31) || a, 7) AS k FROM unnest(?::text[], ?::text[]) AS x(t, a)
                    ORDER BY 1) keys""")) {
            s.setArray(1, c.createArrayOf("text", agents.stream().map(AgentRef::tenantId).toArray()));
            s.setArray(2, c.createArrayOf("text", agents.stream().map(AgentRef::agentId).toArray()));
            s.executeQuery().close();
        }
    }

    /**
     * Loads what scoring these agents will most likely need: each agent's days in [from, to] and its latest
     * day before {@code from}. Anything else a cascade reaches is read on demand.
     */
    public Map<AgentRef, StoredDays> preload(Connection c, Map<AgentRef, LocalDate[]> ranges) throws SQLException {
        Map<AgentRef, TreeMap<LocalDate, StoredDay>> loaded = new HashMap<>();
        Map<AgentRef, StoredDay> previous = new HashMap<>();
        if (!ranges.isEmpty()) {
            List<String> tenants = new ArrayList<>();
            List<String> agents = new ArrayList<>();
            List<LocalDate> froms = new ArrayList<>();
            List<LocalDate> tos = new ArrayList<>();
            ranges.forEach((agent, range) -> {
                tenants.add(agent.tenantId());
                agents.add(agent.agentId());
                froms.add(range[0]);
                tos.add(range[1]);
            });
            String keys = "unnest(?::text[], ?::text[], ?::date[], ?::date[]) AS k(tenant_id, agent_id, from_day, to_day)";
            try (PreparedStatement s = c.prepareStatement("SELECT a.tenant_id, " + prefixed("a.") + " FROM agent_timelines a JOIN "
                    + keys + " ON a.tenant_id = k.tenant_id AND a.agent_id = k.agent_id AND a.day BETWEEN k.from_day AND k.to_day")) {
                bind(c, s, tenants, agents, froms, tos);
                read(s, (tenant, day) -> loaded.computeIfAbsent(new AgentRef(tenant, day.agent), x -> new TreeMap<>())
                        .put(day.stored.day(), day.stored));
            }
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT ON (a.tenant_id, a.agent_id) a.tenant_id, "
                    + prefixed("a.") + " FROM agent_timelines a JOIN " + keys
                    + " ON a.tenant_id = k.tenant_id AND a.agent_id = k.agent_id AND a.day < k.from_day"
                    + " ORDER BY a.tenant_id, a.agent_id, a.day DESC")) {
                bind(c, s, tenants, agents, froms, tos);
                read(s, (tenant, day) -> previous.put(new AgentRef(tenant, day.agent), day.stored));
            }
        }
        Map<AgentRef, StoredDays> days = new HashMap<>();
        ranges.forEach((agent, range) -> days.put(agent, new Preloaded(c, agent, range[0], range[1],
                loaded.getOrDefault(agent, new TreeMap<>()), previous.get(agent))));
        return days;
    }

    /** An agent's days from {@code first} on (those up to the day after {@code last} preloaded), for the refresher. */
    public StoredDays from(Connection c, AgentRef agent, LocalDate first, LocalDate last) throws SQLException {
        return preload(c, Map.of(agent, new LocalDate[] {first, last.plusDays(2)})).get(agent);
    }

    /** An agent's id and one stored day. */
    public record AgentDayRow(String agentId, StoredDay day) {
    }

    /**
     * The tenant's next agent days after ({@code afterAgent}, {@code afterDay}) in key order (agent, then
     * day; a null day means before the agent's first), for a recomputation.
     */
    public List<AgentDayRow> chunkAfter(Connection c, String tenant, String afterAgent, LocalDate afterDay, int limit)
            throws SQLException {
        return chunkAfter(c, tenant, afterAgent, afterDay, null, null, limit);
    }

    /** The same, only days in [firstDay, lastDay] (null: unbounded), for a reconciliation. */
    public List<AgentDayRow> chunkAfter(Connection c, String tenant, String afterAgent, LocalDate afterDay,
            LocalDate firstDay, LocalDate lastDay, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT tenant_id, " + COLUMNS + " FROM agent_timelines"
                + " WHERE tenant_id = ? AND (agent_id > ? OR (agent_id = ? AND (?::date IS NULL OR day > ?)))"
                + " AND (?::date IS NULL OR day >= ?) AND (?::date IS NULL OR day <= ?)"
                + " ORDER BY agent_id, day LIMIT ?")) {
            s.setString(1, tenant);
            s.setString(2, afterAgent);
            s.setString(3, afterAgent);
            s.setObject(4, afterDay);
            s.setObject(5, afterDay);
            s.setObject(6, firstDay);
            s.setObject(7, firstDay);
            s.setObject(8, lastDay);
            s.setObject(9, lastDay);
            s.setInt(10, limit);
            List<AgentDayRow> rows = new ArrayList<>();
            read(s, (t, row) -> rows.add(new AgentDayRow(row.agent, row.stored)));
            return rows;
        }
    }

    /** An agent day of a tenant. */
    public record TenantAgentDay(AgentRef agent, LocalDate day) {
    }

    /**
     * Days whose online time is not final yet (from {@code sinceDay} on): an open session still being
     * counted, or one running into a next day, up to {@code today} (UTC, by the service's clock), that has no
     * row yet. In key order, after {@code after} (null: from the first), at most {@code limit}. Days are UTC
     * days whatever the session's time zone.
     */
    public List<TenantAgentDay> openSessions(Connection c, LocalDate sinceDay, LocalDate today, TenantAgentDay after,
            int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT tenant_id, agent_id, day FROM agent_timelines a
                WHERE carry_out_status IN ('online', 'busy') AND day >= ?
                  AND (?::text IS NULL OR (tenant_id, agent_id, day) > (?, ?, ?::date))
                  AND (as_of < least((day + 1)::timestamp AT TIME ZONE 'UTC', carry_out_since + interval '24 hours')
                       OR (carry_out_since + interval '24 hours' > (day + 1)::timestamp AT TIME ZONE 'UTC' AND day + 1 <= ?
                           AND NOT EXISTS (SELECT 1 FROM agent_timelines n WHERE n.tenant_id = a.tenant_id
                                           AND n.agent_id = a.agent_id AND n.day = a.day + 1)))
                ORDER BY tenant_id, agent_id, day LIMIT ?""")) {
            s.setObject(1, sinceDay);
            s.setString(2, after == null ? null : after.agent().tenantId());
            s.setString(3, after == null ? null : after.agent().tenantId());
            s.setString(4, after == null ? null : after.agent().agentId());
            s.setObject(5, after == null ? null : after.day());
            s.setObject(6, today);
            s.setInt(7, limit);
            List<TenantAgentDay> days = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    days.add(new TenantAgentDay(new AgentRef(rs.getString(1), rs.getString(2)),
                            rs.getObject(3, LocalDate.class)));
                }
            }
            return days;
        }
    }

    public void save(Connection c, Map<AgentRef, List<StoredDay>> days) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        days.forEach((agent, stored) -> stored.forEach(day -> rows.add(new Object[] {agent, day})));
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] tenants = new String[n];
        String[] agents = new String[n];
        LocalDate[] dates = new LocalDate[n];
        byte[][] events = new byte[n][];
        Integer[] counts = new Integer[n];
        String[] inStatus = new String[n];
        String[] inTeam = new String[n];
        String[] inSince = new String[n];
        String[] asOf = new String[n];
        String[] outStatus = new String[n];
        String[] outTeam = new String[n];
        String[] outSince = new String[n];
        for (int i = 0; i < n; i++) {
            AgentRef agent = (AgentRef) rows.get(i)[0];
            StoredDay day = (StoredDay) rows.get(i)[1];
            tenants[i] = agent.tenantId();
            agents[i] = agent.agentId();
            dates[i] = day.day();
            events[i] = TimelineCodec.encode(day.timeline());
            counts[i] = day.timeline().size();
            inStatus[i] = status(day.carryIn());
            inTeam[i] = day.carryIn() == null ? null : day.carryIn().teamId();
            // instants as ISO-8601 text: no time zone of the JVM or session can shift them
            inSince[i] = day.carryIn() == null ? null : Instant.ofEpochMilli(day.carryIn().sinceMillis()).toString();
            asOf[i] = Instant.ofEpochMilli(day.asOfMillis()).toString();
            outStatus[i] = status(day.carryOut());
            outTeam[i] = day.carryOut() == null ? null : day.carryOut().teamId();
            outSince[i] = day.carryOut() == null ? null : Instant.ofEpochMilli(day.carryOut().sinceMillis()).toString();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO agent_timelines (tenant_id, agent_id, day, events, event_count, carry_in_status, carry_in_team,
                    carry_in_since, as_of, carry_out_status, carry_out_team, carry_out_since)
                SELECT * FROM unnest(?::text[], ?::text[], ?::date[], ?::bytea[], ?::int[], ?::text[], ?::text[],
                    ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::timestamptz[])
                ON CONFLICT (tenant_id, agent_id, day) DO UPDATE SET events = EXCLUDED.events,
                    event_count = EXCLUDED.event_count, carry_in_status = EXCLUDED.carry_in_status,
                    carry_in_team = EXCLUDED.carry_in_team, carry_in_since = EXCLUDED.carry_in_since,
                    as_of = EXCLUDED.as_of, carry_out_status = EXCLUDED.carry_out_status,
                    carry_out_team = EXCLUDED.carry_out_team, carry_out_since = EXCLUDED.carry_out_since,
                    updated_at = now()""")) {
            int p = 1;
            s.setArray(p++, c.createArrayOf("text", tenants));
            s.setArray(p++, c.createArrayOf("text", agents));
            s.setArray(p++, c.createArrayOf("date", dates));
            s.setArray(p++, c.createArrayOf("bytea", events));
            s.setArray(p++, c.createArrayOf("int4", counts));
            s.setArray(p++, c.createArrayOf("text", inStatus));
            s.setArray(p++, c.createArrayOf("text", inTeam));
            s.setArray(p++, c.createArrayOf("text", inSince));
            s.setArray(p++, c.createArrayOf("text", asOf));
            s.setArray(p++, c.createArrayOf("text", outStatus));
            s.setArray(p++, c.createArrayOf("text", outTeam));
            s.setArray(p++, c.createArrayOf("text", outSince));
            s.executeUpdate();
        }
    }

    /** Decodes the columns of {@link #COLUMNS}; {@code first} is the index of agent_id. */
    static StoredDay storedDay(ResultSet rs, int first) throws SQLException {
        return new StoredDay(rs.getObject(first + 1, LocalDate.class), TimelineCodec.decodeAgentDay(rs.getBytes(first + 2)),
                carry(rs.getString(first + 3), rs.getString(first + 4), rs.getTimestamp(first + 5)),
                rs.getTimestamp(first + 6).getTime(),
                carry(rs.getString(first + 7), rs.getString(first + 8), rs.getTimestamp(first + 9)));
    }

    private static String prefixed(String prefix) {
        return prefix + COLUMNS.replace(", ", ", " + prefix);
    }

    private static Carry carry(String status, String team, Timestamp since) {
        return status == null ? null
                : new Carry(AgentFact.Status.valueOf(status.toUpperCase(Locale.ROOT)), team, since.getTime());
    }

    private static String status(Carry carry) {
        return carry == null ? null : carry.status().name().toLowerCase(Locale.ROOT);
    }

    private static void bind(Connection c, PreparedStatement s, List<String> tenants, List<String> agents,
            List<LocalDate> froms, List<LocalDate> tos) throws SQLException {
        s.setArray(1, c.createArrayOf("text", tenants.toArray()));
        s.setArray(2, c.createArrayOf("text", agents.toArray()));
        s.setArray(3, c.createArrayOf("date", froms.toArray()));
        s.setArray(4, c.createArrayOf("date", tos.toArray()));
    }

    private record Row(String agent, StoredDay stored) {
    }

    private interface RowSink {
        void accept(String tenant, Row row);
    }

    private static void read(PreparedStatement s, RowSink sink) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                sink.accept(rs.getString(1), new Row(rs.getString(2), storedDay(rs, 2)));
            }
        }
    }

    /** Days of one agent: preloaded for a range, read from the database outside it. */
    private static final class Preloaded implements StoredDays {

        private final Connection c;
        private final AgentRef agent;
        private final LocalDate from;
        private final LocalDate to;
        private final TreeMap<LocalDate, StoredDay> days;
        private final StoredDay beforeFrom;

        Preloaded(Connection c, AgentRef agent, LocalDate from, LocalDate to, TreeMap<LocalDate, StoredDay> days,
                StoredDay beforeFrom) {
            this.c = c;
            this.agent = agent;
            this.from = from;
            this.to = to;
            this.days = days;
            this.beforeFrom = beforeFrom;
        }

        @Override
        public StoredDay at(LocalDate day) {
            if (!day.isBefore(from) && !day.isAfter(to)) {
                return days.get(day);
            }
            return one("day = ?", day, "");
        }

        @Override
        public StoredDay latestBefore(LocalDate day) {
            if (!day.isBefore(from) && !day.isAfter(to.plusDays(1))) {
                // every day from `from` to `to` is loaded; the one before them is beforeFrom
                var loadedBefore = days.lowerEntry(day);
                return loadedBefore != null ? loadedBefore.getValue() : beforeFrom;
            }
            return one("day < ?", day, " ORDER BY day DESC LIMIT 1");
        }

        @Override
        public StoredDay nextAfter(LocalDate day) {
            if (!day.isBefore(from) && day.isBefore(to)) {
                var next = days.higherEntry(day);
                if (next != null) {
                    return next.getValue();
                }
                return one("day > ?", to, " ORDER BY day LIMIT 1");
            }
            return one("day > ?", day, " ORDER BY day LIMIT 1");
        }

        private StoredDay one(String condition, LocalDate day, String tail) {
            try (PreparedStatement s = c.prepareStatement("SELECT tenant_id, " + COLUMNS
                    + " FROM agent_timelines WHERE tenant_id = ? AND agent_id = ? AND " + condition + tail)) {
                s.setString(1, agent.tenantId());
                s.setString(2, agent.agentId());
                s.setObject(3, day);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? storedDay(rs, 2) : null;
                }
            } catch (SQLException e) {
                throw new StoredDaysUnavailable(e);
            }
        }
    }

    /** A lazy read failed; unwrapped by the caller so that failure classification still sees the SQLException. */
    public static final class StoredDaysUnavailable extends RuntimeException {
        StoredDaysUnavailable(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
