package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.RiskPoint;
import io.deskpulse.scoring.domain.TicketFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code ticket_facts}: one row per ticket, rewritten whenever its facts change. A write records the
 * writing transaction's id ({@code txid}), the position incremental exports page by; a row whose facts
 * are unchanged (a customer message, a recomputation) is left alone, so it is not exported again.
 */
@ApplicationScoped
public class TicketFactsRepository {

    public void save(Connection c, SortedMap<TicketRef, TicketFacts> given) throws SQLException {
        // null facts: an interaction's timeline that holds no ticket
        SortedMap<TicketRef, TicketFacts> facts = new java.util.TreeMap<>();
        given.forEach((ref, f) -> {
            if (f != null) {
                facts.put(ref, f);
            }
        });
        if (facts.isEmpty()) {
            return;
        }
        int n = facts.size();
        Object[][] columns = new Object[25][n];
        int i = 0;
        for (Map.Entry<TicketRef, TicketFacts> entry : facts.entrySet()) {
            TicketFacts f = entry.getValue();
            Object[] row = {entry.getKey().tenantId(), entry.getKey().ticketId(), f.channel(), f.priority(), f.status(),
                    f.customerId(), time(f.createdAt()), f.createdTeamId(), f.createdAgentId(), f.teamId(), f.agentId(),
                    time(f.firstResponseAt()), f.firstResponseMillis(), f.firstResponseTeamId(), f.firstResponderId(),
                    time(f.firstSolvedAt()), time(f.lastSolvedAt()), f.resolutions(), f.reopens(), f.transfers(),
                    f.agentReplies(), f.csatScore(), f.firstContactResolution(), f.negativeSentiment(),
                    riskHistoryJson(f)};
            for (int col = 0; col < row.length; col++) {
                columns[col][i] = row[col];
            }
            i++;
        }
        // tags are an array per row: passed as text literals and cast, as unnest cannot take an array of arrays
        String[] tags = facts.values().stream().map(TicketFactsRepository::tagsLiteral).toArray(String[]::new);
        // instants travel as ISO-8601 text (cast in SQL): no time zone of the JVM or session can shift them
        String[] types = {"text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text",
                "text", "int8", "text", "text", "text", "text", "int4", "int4", "int4", "int4", "int2", "bool", "bool", "text"};
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO ticket_facts (tenant_id, ticket_id, channel, priority, status, customer_id, created_at,
                    created_team_id, created_agent_id, team_id, agent_id, first_response_at, first_response_ms,
                    first_response_team_id, first_responder_id, first_solved_at, last_solved_at, resolutions, reopens,
                    transfers, agent_replies, csat_score, fcr, negative_sentiment, risk_history, tags, updated_at)
                SELECT v.c1, v.c2, v.c3, v.c4, v.c5, v.c6, v.c7, v.c8, v.c9, v.c10, v.c11, v.c12, v.c13, v.c14, v.c15,
                    v.c16, v.c17, v.c18, v.c19, v.c20, v.c21, v.c22, v.c23, v.c24, v.c25::jsonb, x.t::text[], now() FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::bigint[], ?::text[],
                    ?::text[], ?::timestamptz[], ?::timestamptz[], ?::int[], ?::int[], ?::int[], ?::int[], ?::smallint[],
                    ?::boolean[], ?::boolean[], ?::text[]) WITH ORDINALITY
                    AS v(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, c22,
                         c23, c24, c25, n)
                JOIN unnest(?::text[]) WITH ORDINALITY AS x(t, n) ON x.n = v.n
                ON CONFLICT (tenant_id, ticket_id) DO UPDATE SET channel = EXCLUDED.channel, priority = EXCLUDED.priority,
                    status = EXCLUDED.status, customer_id = EXCLUDED.customer_id, created_at = EXCLUDED.created_at,
                    created_team_id = EXCLUDED.created_team_id, created_agent_id = EXCLUDED.created_agent_id,
                    team_id = EXCLUDED.team_id, agent_id = EXCLUDED.agent_id, first_response_at = EXCLUDED.first_response_at,
                    first_response_ms = EXCLUDED.first_response_ms, first_response_team_id = EXCLUDED.first_response_team_id,
                    first_responder_id = EXCLUDED.first_responder_id, first_solved_at = EXCLUDED.first_solved_at,
                    last_solved_at = EXCLUDED.last_solved_at, resolutions = EXCLUDED.resolutions, reopens = EXCLUDED.reopens,
                    transfers = EXCLUDED.transfers, agent_replies = EXCLUDED.agent_replies, csat_score = EXCLUDED.csat_score,
                    fcr = EXCLUDED.fcr, negative_sentiment = EXCLUDED.negative_sentiment,
                    risk_history = EXCLUDED.risk_history, tags = EXCLUDED.tags, updated_at = now(),
                    txid = pg_current_xact_id()
                WHERE (ticket_facts.channel, ticket_facts.priority, ticket_facts.status, ticket_facts.customer_id,
                       ticket_facts.created_at, ticket_facts.created_team_id, ticket_facts.created_agent_id,
                       ticket_facts.team_id, ticket_facts.agent_id, ticket_facts.first_response_at,
                       ticket_facts.first_response_ms, ticket_facts.first_response_team_id,
                       ticket_facts.first_responder_id, ticket_facts.first_solved_at, ticket_facts.last_solved_at,
                       ticket_facts.resolutions, ticket_facts.reopens, ticket_facts.transfers, ticket_facts.agent_replies,
                       ticket_facts.csat_score, ticket_facts.fcr, ticket_facts.negative_sentiment,
                       ticket_facts.risk_history, ticket_facts.tags)
                    IS DISTINCT FROM (EXCLUDED.channel, EXCLUDED.priority, EXCLUDED.status, EXCLUDED.customer_id,
                       EXCLUDED.created_at, EXCLUDED.created_team_id, EXCLUDED.created_agent_id, EXCLUDED.team_id,
                       EXCLUDED.agent_id, EXCLUDED.first_response_at, EXCLUDED.first_response_ms,
                       EXCLUDED.first_response_team_id, EXCLUDED.first_responder_id, EXCLUDED.first_solved_at,
                       EXCLUDED.last_solved_at, EXCLUDED.resolutions, EXCLUDED.reopens, EXCLUDED.transfers,
                       EXCLUDED.agent_replies, EXCLUDED.csat_score, EXCLUDED.fcr, EXCLUDED.negative_sentiment,
                       EXCLUDED.risk_history, EXCLUDED.tags)""")) {
            for (int col = 0; col < columns.length; col++) {
                s.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
            }
            s.setArray(columns.length + 1, c.createArrayOf("text", tags));
            s.executeUpdate();
        }
    }

    private static String time(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }

    /**
     * {@code [[at_ms, complaint, low_csat, reopens, negative_sentiment], ...]} with 0/1 for the flags: compact, and
     * read by reporting's at-risk back-test (docs/storage.md).
     */
    static String riskHistoryJson(TicketFacts f) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < f.riskHistory().size(); i++) {
            RiskPoint p = f.riskHistory().get(i);
            json.append(i == 0 ? "" : ",").append('[').append(p.epochMillis()).append(',').append(p.complaint() ? 1 : 0)
                    .append(',').append(p.lowCsat() ? 1 : 0).append(',').append(p.reopens()).append(',')
                    .append(p.negativeSentiment() ? 1 : 0).append(']');
        }
        return json.append(']').toString();
    }

    private static String tagsLiteral(TicketFacts f) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < f.tags().size(); i++) {
            String tag = f.tags().get(i);
            literal.append(i == 0 ? "" : ",").append('"')
                    .append(tag.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
