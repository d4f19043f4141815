package io.deskpulse.reporting.domain.leaderboard;

import java.util.List;

/** One page of a leaderboard; {@code nextCursor} is null on the last page. */
public record LeaderboardPage(LeaderboardQuery query, List<LeaderboardRow> rows, String nextCursor) {
}
