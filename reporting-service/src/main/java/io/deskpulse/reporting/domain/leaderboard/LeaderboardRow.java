package io.deskpulse.reporting.domain.leaderboard;

/**
 * One member on a leaderboard: {@code rank} (null when not ranked: below the minimum volume, or no
 * value), the metric's value and the volume it stands on.
 */
public record LeaderboardRow(Integer rank, String id, Object value, Object volume, boolean eligible) {
}
