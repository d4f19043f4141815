package io.deskpulse.scoring.domain;

import java.util.Comparator;

/** Identifies one aggregate row: tenant, generation, UTC hour, team, agent, channel, queue. */
public record AggregateKey(String tenantId, int generation, long hourEpochMillis, String teamId, String agentId,
        String channel, String queueId) implements Comparable<AggregateKey> {

    public static final long HOUR_MILLIS = 3_600_000L;

    // Writers that touch rows in one global order cannot deadlock each other.
    private static final Comparator<AggregateKey> ORDER = Comparator.comparing(AggregateKey::tenantId)
            .thenComparingInt(AggregateKey::generation)
            .thenComparingLong(AggregateKey::hourEpochMillis)
            .thenComparing(AggregateKey::teamId)
            .thenComparing(AggregateKey::agentId)
            .thenComparing(AggregateKey::channel)
            .thenComparing(AggregateKey::queueId);

    /** A row outside any queue. */
    public AggregateKey(String tenantId, int generation, long hourEpochMillis, String teamId, String agentId,
            String channel) {
        this(tenantId, generation, hourEpochMillis, teamId, agentId, channel, "");
    }

    public static AggregateKey of(String tenantId, int generation, Contribution contribution) {
        return new AggregateKey(tenantId, generation, Math.floorDiv(contribution.epochMillis(), HOUR_MILLIS) * HOUR_MILLIS,
                contribution.teamId(), contribution.agentId(), contribution.channel(), contribution.queueId());
    }

    @Override
    public int compareTo(AggregateKey other) {
        return ORDER.compare(this, other);
    }
}
