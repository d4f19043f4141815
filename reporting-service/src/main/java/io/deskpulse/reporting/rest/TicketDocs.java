package io.deskpulse.reporting.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of {@code GET /v1/tickets} for the OpenAPI document only ({@link TicketTables} writes the real ones). */
final class TicketDocs {

    private TicketDocs() {
    }

    @Schema(name = "TicketPage", requiredProperties = {"tz", "from", "to", "updated_since", "rows", "next_cursor",
        "resume_cursor"}, additionalProperties = Schema.False.class)
    record Page(
            @Schema(description = "The IANA zone of from and to (tz, else the tenant's default)", example = "UTC") String tz,
            @Schema(format = "date", nullable = true, description = "from as given (null: no lower bound)",
                    example = "2026-11-01") String from,
            @Schema(format = "date", nullable = true, description = "to as given (null: no upper bound)",
                    example = "2026-11-07") String to,
            @JsonProperty("updated_since")
            @Schema(format = "date-time", nullable = true, description = "updated_since as given: null when listing",
                    example = "2026-11-01T00:00:00Z") String updatedSince,
            List<Row> rows,
            @JsonProperty("next_cursor")
            @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor,
            @JsonProperty("resume_cursor")
            @Schema(nullable = true, description = "Exports (updated_since) only: pass as cursor later, on the same URL, "
                    + "to get what changed after this page. Never null in an export; null when listing") String resumeCursor) {
    }

    @Schema(name = "TicketRow", description = "One ticket's derived facts (ticket_facts, written by scoring). Instants are "
            + "UTC, ISO-8601; null when the event has not happened or its time is unknown. Attribution: team_id/agent_id "
            + "are the current holders; created_* and first_response_team_id/first_responder_id as they were then.",
            requiredProperties = {"ticket_id", "channel", "priority", "status", "created_at", "team_id", "agent_id",
                "first_response_at", "first_response_s", "first_responder_id", "first_solved_at", "last_solved_at",
                "resolutions", "reopens", "transfers", "agent_replies", "csat_score", "fcr", "updated_at", "customer_id",
                "created_team_id", "created_agent_id", "first_response_team_id", "tags"},
            additionalProperties = Schema.False.class)
    record Row(
            @JsonProperty("ticket_id") @Schema(example = "T-1001") String ticketId,
            @Schema(nullable = true, description = "null while ticket.created has not arrived",
                    enumeration = {"email", "chat", "phone", "web", "social", "messaging", "other"}, example = "email")
            String channel,
            @Schema(nullable = true, enumeration = {"low", "normal", "high", "urgent"}, example = "normal") String priority,
            @Schema(enumeration = {"new", "open", "pending", "on_hold", "solved", "closed"}, example = "solved") String status,
            @JsonProperty("created_at") @Schema(format = "date-time", nullable = true, example = "2026-11-02T09:00:00Z")
            String createdAt,
            @JsonProperty("team_id") @Schema(nullable = true, description = "Current team", example = "t-2") String teamId,
            @JsonProperty("agent_id") @Schema(nullable = true, description = "Current assignee", example = "a-17")
            String agentId,
            @JsonProperty("first_response_at") @Schema(format = "date-time", nullable = true,
                    example = "2026-11-02T09:01:35Z") String firstResponseAt,
            @JsonProperty("first_response_s") @Schema(type = SchemaType.NUMBER, nullable = true,
                    description = "Seconds from creation to the first public agent reply (milliseconds exact); null "
                            + "without a reply or a known creation", example = "95.0") Double firstResponseS,
            @JsonProperty("first_responder_id") @Schema(nullable = true, example = "a-17") String firstResponderId,
            @JsonProperty("first_solved_at") @Schema(format = "date-time", nullable = true,
                    example = "2026-11-02T10:00:00Z") String firstSolvedAt,
            @JsonProperty("last_solved_at") @Schema(format = "date-time", nullable = true,
                    example = "2026-11-02T10:00:00Z") String lastSolvedAt,
            @Schema(type = SchemaType.INTEGER, description = "Transitions into solved or closed", example = "1") int resolutions,
            @Schema(type = SchemaType.INTEGER, example = "0") int reopens,
            @Schema(type = SchemaType.INTEGER, example = "0") int transfers,
            @JsonProperty("agent_replies") @Schema(type = SchemaType.INTEGER, example = "2") int agentReplies,
            @JsonProperty("csat_score") @Schema(type = SchemaType.INTEGER, nullable = true, minimum = "1", maximum = "5",
                    description = "The latest CSAT score", example = "5") Integer csatScore,
            @Schema(nullable = true, description = "Resolved on first contact; null until solved", example = "true")
            Boolean fcr,
            @JsonProperty("updated_at") @Schema(format = "date-time",
                    description = "When scoring last changed the row (its transaction's start)",
                    example = "2026-11-02T10:05:01.123Z") String updatedAt,
            @JsonProperty("customer_id") @Schema(nullable = true, example = "c-881") String customerId,
            @JsonProperty("created_team_id") @Schema(nullable = true, example = "t-2") String createdTeamId,
            @JsonProperty("created_agent_id") @Schema(nullable = true, example = "a-17") String createdAgentId,
            @JsonProperty("first_response_team_id") @Schema(nullable = true, example = "t-2") String firstResponseTeamId,
            @Schema(description = "The current tags; in CSV the JSON array's text", example = "[\"vip\"]") List<String> tags) {
    }
}
