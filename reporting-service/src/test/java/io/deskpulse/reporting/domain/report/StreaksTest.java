package io.deskpulse.reporting.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.domain.report.Streaks.KeptPeriod;
import io.deskpulse.reporting.domain.report.Streaks.Length;
import io.deskpulse.reporting.domain.report.Streaks.Streak;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streak rules of docs/scorecards.md#streaks, one at a time, on plain histories. */
class StreaksTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-02");

    /** Consecutive days from Monday, one score each for member "a" ({@code null}: a row without a score). */
    private static List<KeptPeriod> days(double minScore, Double... scores) {
        List<KeptPeriod> history = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            history.add(period(MONDAY.plusDays(i), minScore, "a", scores[i]));
        }
        return history;
    }

    private static KeptPeriod period(LocalDate start, double minScore, Object... memberScores) {
        Map<String, Double> scores = new HashMap<>();
        for (int i = 0; i < memberScores.length; i += 2) {
            scores.put((String) memberScores[i], memberScores[i + 1] == null ? null
                    : ((Number) memberScores[i + 1]).doubleValue());
        }
        return new KeptPeriod(start, minScore, scores);
    }

    private static Streak a(Length length, List<KeptPeriod> history) {
        return Streaks.at(length, history).get("a");
    }

    @Test
    void consecutivePeriodsAtOrAboveTheThresholdCount() {
        assertThat(a(Length.DAY, days(80, 81.0, 90.0, 99.9))).isEqualTo(new Streak(3, 3));
        assertThat(a(Length.DAY, days(80, 81.0))).isEqualTo(new Streak(1, 1));
    }

    @Test
    void aScoreEqualToTheThresholdCountsAndOneJustBelowBreaks() {
        assertThat(a(Length.DAY, days(80, 80.0, 80.0))).isEqualTo(new Streak(2, 2));
        assertThat(a(Length.DAY, days(80, 80.0, 79.99999, 80.0))).isEqualTo(new Streak(1, 1));
        assertThat(a(Length.DAY, days(92.5, 92.5, 92.499))).isEqualTo(new Streak(0, 1));
    }

    @Test
    void bestIsTheLongestRunSoFarAndCurrentTheOneEndingNow() {
        // 3 in a row, a miss, 2 in a row: current 2, best 3
        assertThat(a(Length.DAY, days(80, 85.0, 85.0, 85.0, 10.0, 85.0, 85.0))).isEqualTo(new Streak(2, 3));
        // the run that ends now is the longest: both the same
        assertThat(a(Length.DAY, days(80, 85.0, 10.0, 85.0, 85.0))).isEqualTo(new Streak(2, 2));
        // broken at the end: current 0, best kept
        assertThat(a(Length.DAY, days(80, 85.0, 85.0, 50.0))).isEqualTo(new Streak(0, 2));
    }

    @Test
    void aRunRestartsAtOneAfterABreak() {
        assertThat(a(Length.DAY, days(80, 85.0, 50.0, 85.0))).isEqualTo(new Streak(1, 1));
        assertThat(a(Length.DAY, days(80, 50.0, 50.0))).isEqualTo(new Streak(0, 0));
    }

    @Test
    void aPeriodWithoutAScoreBreaksTheRun() {
        assertThat(a(Length.DAY, days(80, 85.0, null, 85.0))).isEqualTo(new Streak(1, 1));
    }

    @Test
    void aMemberMissingFromAReportBreaksTheRunAndHasNoCurrentStreakWhenMissingFromTheLast() {
        List<KeptPeriod> history = List.of(period(MONDAY, 80, "a", 85, "b", 85),
                period(MONDAY.plusDays(1), 80, "b", 85),
                period(MONDAY.plusDays(2), 80, "a", 85, "b", 85),
                period(MONDAY.plusDays(3), 80, "b", 85));
        Map<String, Streak> streaks = Streaks.at(Length.DAY, history);
        assertThat(streaks.get("a")).isEqualTo(new Streak(0, 1));
        assertThat(streaks.get("b")).isEqualTo(new Streak(4, 4));
    }

    @Test
    void aMissingReportBreaksTheRun() {
        // Nov 2, 3, then no report for Nov 4, then Nov 5 and 6
        List<KeptPeriod> history = List.of(period(MONDAY, 80, "a", 85), period(MONDAY.plusDays(1), 80, "a", 85),
                period(MONDAY.plusDays(3), 80, "a", 85), period(MONDAY.plusDays(4), 80, "a", 85));
        assertThat(a(Length.DAY, history)).isEqualTo(new Streak(2, 2));
    }

    @Test
    void eachPeriodIsJudgedByTheThresholdKeptWithItsReport() {
        // 85 counted under 80; the threshold went up to 90 for the third report, where 85 no longer counts
        List<KeptPeriod> history = List.of(period(MONDAY, 80, "a", 85), period(MONDAY.plusDays(1), 80, "a", 85),
                period(MONDAY.plusDays(2), 90, "a", 85));
        assertThat(a(Length.DAY, history)).isEqualTo(new Streak(0, 2));
        // a run that spans the change goes on: 85 then 95 under 90
        List<KeptPeriod> spanning = List.of(period(MONDAY, 80, "a", 85), period(MONDAY.plusDays(1), 90, "a", 95));
        assertThat(a(Length.DAY, spanning)).isEqualTo(new Streak(2, 2));
    }

    @Test
    void weeksAndMonthsFollowTheirOwnCalendar() {
        List<KeptPeriod> weeks = List.of(period(MONDAY, 80, "a", 85), period(MONDAY.plusWeeks(1), 80, "a", 85),
                period(MONDAY.plusWeeks(2), 80, "a", 85));
        assertThat(a(Length.WEEK, weeks)).isEqualTo(new Streak(3, 3));
        // a week is not followed by the next day: read as days, each is a run of its own
        assertThat(a(Length.DAY, weeks)).isEqualTo(new Streak(1, 1));
        // months of different lengths, across the year's end: Nov, Dec, Jan
        List<KeptPeriod> months = List.of(period(LocalDate.parse("2026-11-01"), 80, "a", 85),
                period(LocalDate.parse("2026-12-01"), 80, "a", 85), period(LocalDate.parse("2027-01-01"), 80, "a", 85));
        assertThat(a(Length.MONTH, months)).isEqualTo(new Streak(3, 3));
        // January 2027 after November 2026: December is missing
        assertThat(a(Length.MONTH, List.of(months.get(0), months.get(2)))).isEqualTo(new Streak(1, 1));
        assertThat(Length.of("week")).contains(Length.WEEK);
        assertThat(Length.of("hour")).isEmpty();
    }

    @Test
    void anEmptyHistoryHasNoStreaks() {
        assertThat(Streaks.at(Length.DAY, List.of())).isEmpty();
    }
}
