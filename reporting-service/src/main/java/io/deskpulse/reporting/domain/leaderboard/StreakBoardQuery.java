package io.deskpulse.reporting.domain.leaderboard;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.kpi.Dimension;
import java.time.LocalDate;
import java.util.List;

/**
 * A validated streak leaderboard ({@code GET /v1/leaderboards/streak_current} or {@code streak_best}): the teams or
 * agents of one kept report of {@code granularity}, the one whose period starts on {@code period} (null: the latest),
 * ranked by their streak at it. {@code after} is the last row of the previous page and the report it was read from, so
 * that the next page reads the same report even when a newer one was kept meanwhile.
 */
public record StreakBoardQuery(String tenant, String metric, Dimension dimension, String granularity, LocalDate period,
        int limit, List<String> after) {

    /** The rankable streaks: the names of {@code streak_current} and {@code streak_best} of a kept report's rows. */
    public static final List<String> METRICS = List.of("streak_current", "streak_best");

    public boolean best() {
        return metric.equals("streak_best");
    }

    public StreakBoardQuery after(List<String> key) {
        return new StreakBoardQuery(tenant, metric, dimension, granularity, period, limit, key);
    }

    /** The report the previous page was read from; null on the first page. */
    public Long afterReport() {
        return after == null ? null : Long.valueOf(after.get(3));
    }

    public String fingerprint() {
        return Cursors.fingerprint("streak-leaderboard", tenant, metric, dimension.label(), granularity,
                String.valueOf(period));
    }
}
