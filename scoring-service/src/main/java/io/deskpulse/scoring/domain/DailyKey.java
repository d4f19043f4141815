package io.deskpulse.scoring.domain;

import java.time.LocalDate;
import java.util.Comparator;

/** Identifies one daily rollup row: tenant, generation, local day (in the generation's zone), team, agent, channel. */
public record DailyKey(String tenantId, int generation, LocalDate day, String teamId, String agentId, String channel)
        implements Comparable<DailyKey> {

    private static final Comparator<DailyKey> ORDER = Comparator.comparing(DailyKey::tenantId)
            .thenComparingInt(DailyKey::generation)
            .thenComparing(DailyKey::day)
            .thenComparing(DailyKey::teamId)
            .thenComparing(DailyKey::agentId)
            .thenComparing(DailyKey::channel);

    @Override
    public int compareTo(DailyKey other) {
        return ORDER.compare(this, other);
    }
}
