package io.deskpulse.reporting.rest.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.reporting.domain.ticket.TicketPage;
import io.deskpulse.reporting.domain.ticket.TicketQuery;
import io.deskpulse.reporting.domain.ticket.TicketRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of {@code GET /v1/tickets}: the query echoed, the tickets, and the cursors to go on now and later. */
@Schema(name = "TicketPage", requiredProperties = {"tz", "from", "to", "updated_since", "rows", "next_cursor",
    "resume_cursor"}, additionalProperties = Schema.False.class)
public record TicketsBody(
        @Schema(description = "The IANA zone of from and to (tz, else the tenant's default)", example = "UTC") String tz,
        @Schema(nullable = true, description = "from as given (null: no lower bound)", example = "2026-11-01")
        LocalDate from,
        @Schema(nullable = true, description = "to as given (null: no upper bound)", example = "2026-11-07") LocalDate to,
        @JsonProperty("updated_since")
        @Schema(nullable = true, description = "updated_since as given: null when listing", example = "2026-11-01T00:00:00Z")
        Instant updatedSince,
        List<Row> rows,
        @JsonProperty("next_cursor")
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor,
        @JsonProperty("resume_cursor")
        @Schema(nullable = true, description = "Exports (updated_since) only: pass as cursor later, on the same URL, "
                + "to get what changed after this page. Never null in an export; null when listing") String resumeCursor)
        implements ReportBody {

    /** The header of a 200 that carries resume_cursor (a CSV body has no place for it). */
    public static final String RESUME_HEADER = "DeskPulse-Resume-Cursor";

    public static TicketsBody of(TicketPage page) {
        TicketQuery q = page.query();
        return new TicketsBody(q.zone().getId(), q.from(), q.to(), q.updatedSince(),
                page.rows().stream().map(Row::of).toList(), page.nextCursor(), page.resumeCursor());
    }

    @Override
    public CsvRecords csv() {
        return CsvRecords.of(Row.class, rows);
    }

    @Override
    public Map<String, String> headers() {
        return resumeCursor == null ? Map.of() : Map.of(RESUME_HEADER, resumeCursor);
    }

    @Schema(name = "TicketRow", description = "One ticket's derived facts (ticket_facts, written by scoring). Instants are "
            + "UTC, ISO-8601; null when the event has not happened or its time is unknown. Attribution: team_id/agent_id "
            + "are the current holders; created_* and first_response_team_id/first_responder_id as they were then.",
            requiredProperties = {"ticket_id", "channel", "priority", "status", "created_at", "team_id", "agent_id",
                "first_response_at", "first_response_s", "first_responder_id", "first_solved_at", "last_solved_at",
                "resolutions", "reopens", "transfers", "agent_replies", "csat_score", "fcr", "updated_at", "customer_id",
                "created_team_id", "created_agent_id", "first_response_team_id", "tags"},
            additionalProperties = Schema.False.class)
    public record Row(
            @JsonProperty("ticket_id") @Schema(example = "T-1001") String ticketId,
            @Schema(nullable = true, description = "null while ticket.created has not arrived",
                    enumeration = {"email", "chat", "phone", "web", "social", "messaging", "other"}, example = "email")
            String channel,
            @Schema(nullable = true, enumeration = {"low", "normal", "high", "urgent"}, example = "normal") String priority,
            @Schema(enumeration = {"new", "open", "pending", "on_hold", "solved", "closed"}, example = "solved") String status,
            @JsonProperty("created_at") @Schema(nullable = true, example = "2026-11-02T09:00:00Z") Instant createdAt,
            @JsonProperty("team_id") @Schema(nullable = true, description = "Current team", example = "t-2") String teamId,
            @JsonProperty("agent_id") @Schema(nullable = true, description = "Current assignee", example = "a-17")
            String agentId,
            @JsonProperty("first_response_at") @Schema(nullable = true, example = "2026-11-02T09:01:35Z")
            Instant firstResponseAt,
            @JsonProperty("first_response_s") @Schema(nullable = true, description = "Seconds from creation to the first "
                    + "public agent reply (milliseconds exact); null without a reply or a known creation", example = "95.0")
            Double firstResponseS,
            @JsonProperty("first_responder_id") @Schema(nullable = true, example = "a-17") String firstResponderId,
            @JsonProperty("first_solved_at") @Schema(nullable = true, example = "2026-11-02T10:00:00Z") Instant firstSolvedAt,
            @JsonProperty("last_solved_at") @Schema(nullable = true, example = "2026-11-02T10:00:00Z") Instant lastSolvedAt,
            @Schema(description = "Transitions into solved or closed", example = "1") int resolutions,
            @Schema(example = "0") int reopens,
            @Schema(example = "0") int transfers,
            @JsonProperty("agent_replies") @Schema(example = "2") int agentReplies,
            @JsonProperty("csat_score") @Schema(nullable = true, minimum = "1", maximum = "5",
                    description = "The latest CSAT score", example = "5") Integer csatScore,
            @Schema(nullable = true, description = "Resolved on first contact; null until solved", example = "true")
            Boolean fcr,
            @JsonProperty("updated_at") @Schema(description = "When scoring last changed the row (its transaction's start)",
                    example = "2026-11-02T10:05:01.123Z") Instant updatedAt,
            @JsonProperty("customer_id") @Schema(nullable = true, example = "c-881") String customerId,
            @JsonProperty("created_team_id") @Schema(nullable = true, example = "t-2") String createdTeamId,
            @JsonProperty("created_agent_id") @Schema(nullable = true, example = "a-17") String createdAgentId,
            @JsonProperty("first_response_team_id") @Schema(nullable = true, example = "t-2") String firstResponseTeamId,
            @Schema(description = "The current tags; in CSV the JSON array's text", example = "[\"vip\"]") List<String> tags) {

        static Row of(TicketRow t) {
            return new Row(t.ticketId(), t.channel(), t.priority(), t.status(), t.createdAt(), t.teamId(), t.agentId(),
                    t.firstResponseAt(), t.firstResponseMillis() == null ? null : t.firstResponseMillis() / 1000.0,
                    t.firstResponderId(), t.firstSolvedAt(), t.lastSolvedAt(), t.resolutions(), t.reopens(), t.transfers(),
                    t.agentReplies(), t.csatScore(), t.fcr(), t.updatedAt(), t.customerId(), t.createdTeamId(),
                    t.createdAgentId(), t.firstResponseTeamId(), t.tags());
        }
    }
}
