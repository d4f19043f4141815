package io.deskpulse.scoring.domain;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * Identifies one row of the agent-day rollup: tenant, generation, local day, team, agent. A month of one team's agents
 * by day reads one of these rows per report row instead of one per channel and queue.
 */
public record AgentDayKey(String tenantId, int generation, LocalDate day, String teamId, String agentId)
        implements Comparable<AgentDayKey> {

    private static final Comparator<AgentDayKey> ORDER = Comparator.comparing(AgentDayKey::tenantId)
            .thenComparingInt(AgentDayKey::generation)
            .thenComparing(AgentDayKey::day)
            .thenComparing(AgentDayKey::teamId)
            .thenComparing(AgentDayKey::agentId);

    public static AgentDayKey of(DailyKey key) {
        return new AgentDayKey(key.tenantId(), key.generation(), key.day(), key.teamId(), key.agentId());
    }

    @Override
    public int compareTo(AgentDayKey other) {
        return ORDER.compare(this, other);
    }
}
