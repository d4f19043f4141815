package io.deskpulse.scoring.domain;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * Identifies one row of the team-day rollup: tenant, generation, local day, team. Reports by team or for the whole
 * tenant read a few hundred of these rows for a quarter instead of tens of thousands of agent-and-channel rows.
 */
public record TeamDayKey(String tenantId, int generation, LocalDate day, String teamId) implements Comparable<TeamDayKey> {

    private static final Comparator<TeamDayKey> ORDER = Comparator.comparing(TeamDayKey::tenantId)
            .thenComparingInt(TeamDayKey::generation)
            .thenComparing(TeamDayKey::day)
            .thenComparing(TeamDayKey::teamId);

    public static TeamDayKey of(DailyKey key) {
        return new TeamDayKey(key.tenantId(), key.generation(), key.day(), key.teamId());
    }

    @Override
    public int compareTo(TeamDayKey other) {
        return ORDER.compare(this, other);
    }
}
