package io.deskpulse.scoring.domain;

import java.util.SortedMap;

/**
 * Rows of the four aggregate tables, each with its values: the changes a batch writes, what is stored, what the
 * timelines say should be stored, or what turns one into the other.
 */
public record AggregateRows(SortedMap<AggregateKey, KpiDelta> hourly, SortedMap<DailyKey, KpiDelta> daily,
        SortedMap<TeamDayKey, KpiDelta> teamDaily, SortedMap<AgentDayKey, KpiDelta> agentDaily) {

    public boolean isEmpty() {
        return hourly.isEmpty() && daily.isEmpty() && teamDaily.isEmpty() && agentDaily.isEmpty();
    }
}
