package io.deskpulse.reporting.rest;

/** What the two streak leaderboards' OpenAPI documents alike (docs/reporting-api.md#streak-leaderboards). */
final class StreakLeaderboards {

    static final String DESCRIPTION = "Every team or agent with a row in the report is ranked (a streak of 0 too), "
            + "longest first; equal streaks share a rank (1, 2, 2, 4) and are listed by id. value is the streak, volume "
            + "the member's score in the report (volume_metric score, min_volume 0); granularity and report_id name the "
            + "report, from, to and tz its period. The cursor keeps the report of the first page.";
    static final String GRANULARITY = "Rank the members of a kept report of this length: days, weeks and months have "
            + "streaks of their own";
    static final String PERIOD = "The first day of the kept report's period (a Monday for weeks, the 1st for months); "
            + "default: the latest report of that length";
    static final String NOT_FOUND = "No report of that length for that period (or none yet)";

    private StreakLeaderboards() {
    }
}
