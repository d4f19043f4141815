package io.deskpulse.reporting.domain.leaderboard;

import io.deskpulse.reporting.domain.report.PeriodReport;
import java.util.List;

/** A page of a streak leaderboard: the report ranked, its members; {@code nextCursor} null on the last page. */
public record StreakBoardPage(StreakBoardQuery query, PeriodReport report, List<LeaderboardRow> rows, String nextCursor) {
}
