package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.domain.ticket.TicketPage;
import io.deskpulse.reporting.domain.ticket.TicketQuery;
import io.deskpulse.reporting.domain.ticket.TicketRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A page of tickets as a {@link Table}: the spec's columns first, then customer, attribution at creation and tags. */
final class TicketTables {

    /** The columns, in their stable order (docs/reporting-api.md). */
    static final List<String> COLUMNS = List.of("ticket_id", "channel", "priority", "status", "created_at", "team_id",
            "agent_id", "first_response_at", "first_response_s", "first_responder_id", "first_solved_at", "last_solved_at",
            "resolutions", "reopens", "transfers", "agent_replies", "csat_score", "fcr", "updated_at", "customer_id",
            "created_team_id", "created_agent_id", "first_response_team_id", "tags");

    private TicketTables() {
    }

    static Table of(TicketPage page) {
        TicketQuery q = page.query();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("tz", q.zone().getId());
        header.put("from", q.from());
        header.put("to", q.to());
        header.put("updated_since", q.updatedSince());
        List<List<Object>> rows = new ArrayList<>(page.rows().size());
        for (TicketRow t : page.rows()) {
            rows.add(Arrays.asList(t.ticketId(), t.channel(), t.priority(), t.status(), t.createdAt(), t.teamId(),
                    t.agentId(), t.firstResponseAt(),
                    t.firstResponseMillis() == null ? null : t.firstResponseMillis() / 1000.0, t.firstResponderId(),
                    t.firstSolvedAt(), t.lastSolvedAt(), t.resolutions(), t.reopens(), t.transfers(), t.agentReplies(),
                    t.csatScore(), t.fcr(), t.updatedAt(), t.customerId(), t.createdTeamId(), t.createdAgentId(),
                    t.firstResponseTeamId(), t.tags()));
        }
        Map<String, Object> trailer = new LinkedHashMap<>();
        trailer.put("resume_cursor", page.resumeCursor());
        return new Table(header, COLUMNS, rows, page.nextCursor(), trailer, page.resumeCursor() == null ? Map.of()
                : Map.of(TicketResource.RESUME_HEADER, page.resumeCursor()), null);
    }
}
