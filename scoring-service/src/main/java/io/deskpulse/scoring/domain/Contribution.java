package io.deskpulse.scoring.domain;

/**
 * One item a ticket contributes to the KPIs: an observation, credited to a team and an agent (""
 * when none), on the ticket's channel ("" when unknown), at the event time that completed it.
 */
public record Contribution(long epochMillis, String teamId, String agentId, String channel, Observation observation) {

    public Contribution {
        teamId = teamId == null ? "" : teamId;
        agentId = agentId == null ? "" : agentId;
        channel = channel == null ? "" : channel;
    }
}
