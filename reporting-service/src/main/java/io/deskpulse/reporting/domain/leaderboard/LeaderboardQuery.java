package io.deskpulse.reporting.domain.leaderboard;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.kpi.Dimension;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A validated leaderboard request: rank the members of {@code dimension} (team or agent) by
 * {@code ranked} over {@code from..to}; {@code after} is the last row of the previous page (null: the first).
 */
public record LeaderboardQuery(String tenant, int generation, RankedMetric ranked, Dimension dimension, String team,
        String channel, LocalDate from, LocalDate to, ZoneId zone, boolean daily, long minVolume, int limit,
        List<String> after) {

    public LeaderboardQuery after(List<String> key) {
        return new LeaderboardQuery(tenant, generation, ranked, dimension, team, channel, from, to, zone, daily,
                minVolume, limit, key);
    }

    public String fingerprint() {
        return Cursors.fingerprint("leaderboard", tenant, ranked.metric().name(), dimension.label(), String.valueOf(team),
                String.valueOf(channel), from.toString(), to.toString(), zone.getId(), Long.toString(minVolume));
    }
}
