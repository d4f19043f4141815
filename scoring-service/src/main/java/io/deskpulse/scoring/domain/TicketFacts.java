package io.deskpulse.scoring.domain;

import java.util.List;

/**
 * One ticket's derived facts (table {@code ticket_facts}): what a drill-down export shows. Instants are
 * epoch milliseconds, null when the event has not happened (or its time is unknown). Attribution is as
 * it was at each event (created_*, first_response_*); team and agent are the holders now.
 */
public record TicketFacts(String channel, String priority, String status, String customerId, Long createdAt,
        String createdTeamId, String createdAgentId, String teamId, String agentId, Long firstResponseAt,
        Long firstResponseMillis, String firstResponseTeamId, String firstResponderId, Long firstSolvedAt,
        Long lastSolvedAt, int resolutions, int reopens, int transfers, int agentReplies, Integer csatScore,
        Boolean firstContactResolution, List<String> tags) {
}
