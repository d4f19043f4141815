package io.deskpulse.scoring.domain;

import java.time.LocalDate;
import java.util.Comparator;

/** Identifies one daily rollup row: tenant, generation, local day (in the generation's zone), team, agent, channel, queue. */
public record DailyKey(String tenantId, int generation, LocalDate day, String teamId, String agentId, String channel,
        String queueId) implements Comparable<DailyKey> {

    private static final Comparator<DailyKey> ORDER = Comparator.comparing(DailyKey::tenantId)
            .thenComparingInt(DailyKey::generation)
            .thenComparing(DailyKey::day)
            .thenComparing(DailyKey::teamId)
            .thenComparing(DailyKey::agentId)
            .thenComparing(DailyKey::channel)
            .thenComparing(DailyKey::queueId);

    /** A row outside any queue. */
    public DailyKey(String tenantId, int generation, LocalDate day, String teamId, String agentId, String channel) {
        this(tenantId, generation, day, teamId, agentId, channel, "");
    }

    @Override
    public int compareTo(DailyKey other) {
        return ORDER.compare(this, other);
    }
}
