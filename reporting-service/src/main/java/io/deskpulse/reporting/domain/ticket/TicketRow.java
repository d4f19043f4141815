package io.deskpulse.reporting.domain.ticket;

import java.time.Instant;
import java.util.List;

/** One row of ticket_facts as the API shows it; {@code txid} is its export position (not shown). */
public record TicketRow(String ticketId, String channel, String priority, String status, Instant createdAt,
        String teamId, String agentId, Instant firstResponseAt, Long firstResponseMillis, String firstResponderId,
        Instant firstSolvedAt, Instant lastSolvedAt, int resolutions, int reopens, int transfers, int agentReplies,
        Integer csatScore, Boolean fcr, Instant updatedAt, String customerId, String createdTeamId,
        String createdAgentId, String firstResponseTeamId, List<String> tags, long txid) {
}
