package io.deskpulse.scoring.domain;

/**
 * One item a timeline contributes to the KPIs: an observation, credited to a team and an agent (""
 * when none), on the ticket's or interaction's channel ("" when unknown), in a queue ("": none, as for
 * everything but interactions), at the event time that completed it. {@code item} says what it belongs to when the
 * deriver knows it (agent events); null for a ticket's or an interaction's, whose caller knows the timeline.
 */
public record Contribution(long epochMillis, String teamId, String agentId, String channel, Observation observation,
        String queueId, ContributionItem item) {

    public Contribution {
        teamId = teamId == null ? "" : teamId;
        agentId = agentId == null ? "" : agentId;
        channel = channel == null ? "" : channel;
        queueId = queueId == null ? "" : queueId;
    }

    /** A contribution outside any queue, of the caller's timeline. */
    public Contribution(long epochMillis, String teamId, String agentId, String channel, Observation observation) {
        this(epochMillis, teamId, agentId, channel, observation, "", null);
    }

    /** A contribution in a queue (interactions), of the caller's timeline. */
    public Contribution(long epochMillis, String teamId, String agentId, String channel, Observation observation,
            String queueId) {
        this(epochMillis, teamId, agentId, channel, observation, queueId, null);
    }

    /** A contribution outside any queue that names its own item (agent events). */
    public Contribution(long epochMillis, String teamId, String agentId, String channel, Observation observation,
            ContributionItem item) {
        this(epochMillis, teamId, agentId, channel, observation, "", item);
    }
}
