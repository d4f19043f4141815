package io.deskpulse.scoring.domain;

import java.util.List;

/**
 * One ticket's derived facts (table {@code ticket_facts}): what a drill-down export shows. Instants are
 * epoch milliseconds, null when the event has not happened (or its time is unknown). Attribution is as
 * it was at each event (created_*, first_response_*); team and agent are the holders now. {@code negativeSentiment}:
 * whether the ticket counts for the churn-risk signal "negative sentiment" now; {@code riskHistory}: its churn-risk
 * signals after each event that changed them, so that the at-risk score can be rebuilt as of a past instant.
 */
public record TicketFacts(String channel, String priority, String status, String customerId, Long createdAt,
        String createdTeamId, String createdAgentId, String teamId, String agentId, Long firstResponseAt,
        Long firstResponseMillis, String firstResponseTeamId, String firstResponderId, Long firstSolvedAt,
        Long lastSolvedAt, int resolutions, int reopens, int transfers, int agentReplies, Integer csatScore,
        Boolean firstContactResolution, List<String> tags, boolean negativeSentiment, List<RiskPoint> riskHistory) {
}
