package io.deskpulse.scoring.domain;

/**
 * One item a timeline contributes to the KPIs: an observation, credited to a team and an agent (""
 * when none), on the ticket's or interaction's channel ("" when unknown), in a queue ("": none, as for
 * everything but interactions), at the event time that completed it.
 */
public record Contribution(long epochMillis, String teamId, String agentId, String channel, Observation observation,
        String queueId) {

    public Contribution {
        teamId = teamId == null ? "" : teamId;
        agentId = agentId == null ? "" : agentId;
        channel = channel == null ? "" : channel;
        queueId = queueId == null ? "" : queueId;
    }

    /** A contribution outside any queue. */
    public Contribution(long epochMillis, String teamId, String agentId, String channel, Observation observation) {
        this(epochMillis, teamId, agentId, channel, observation, "");
    }
}
