package io.deskpulse.reporting.domain.leaderboard;

import io.deskpulse.reporting.domain.kpi.Metric;

/**
 * A metric a leaderboard can rank by: the {@code volume} it stands on (csat_count for csat_avg...), which
 * direction is better, and the volume a member needs by default to be ranked at all, so that one lucky
 * ticket does not top the board.
 */
public record RankedMetric(Metric metric, Metric volume, boolean lowerIsBetter, long defaultMinVolume) {

    public String direction() {
        return lowerIsBetter ? "lower_is_better" : "higher_is_better";
    }
}
