package io.deskpulse.scoring.domain;

/**
 * One item a ticket contributes to the KPIs: an observation, credited to a team and an agent (""
 * when none), on the ticket's channel ("" when unknown), at the event time that completed it. {@code item} says
 * what it belongs to when the deriver knows it (agent events); null for a ticket's, whose caller knows the ticket.
 */
public record Contribution(long epochMillis, String teamId, String agentId, String channel, Observation observation,
        ContributionItem item) {

    public Contribution(long epochMillis, String teamId, String agentId, String channel, Observation observation) {
        this(epochMillis, teamId, agentId, channel, observation, null);
    }

    public Contribution {
        teamId = teamId == null ? "" : teamId;
        agentId = agentId == null ? "" : agentId;
        channel = channel == null ? "" : channel;
    }
}
