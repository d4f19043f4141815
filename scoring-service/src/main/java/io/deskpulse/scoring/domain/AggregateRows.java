package io.deskpulse.scoring.domain;

import java.util.SortedMap;

/**
 * Rows of the three aggregate tables, each with its values: the changes a batch writes, what is stored, what the
 * timelines say should be stored, or what turns one into the other.
 */
public record AggregateRows(SortedMap<AggregateKey, KpiDelta> hourly, SortedMap<DailyKey, KpiDelta> daily,
        SortedMap<TeamDayKey, KpiDelta> teamDaily) {

    public boolean isEmpty() {
        return hourly.isEmpty() && daily.isEmpty() && teamDaily.isEmpty();
    }
}
