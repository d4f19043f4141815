package io.deskpulse.reporting.domain.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streaks (docs/scorecards.md#streaks): a member's run of consecutive kept periods of one length (days, weeks or
 * months, each counted apart) whose score is at or above the threshold kept with that period's report.
 *
 * <ul>
 *   <li>A period <b>counts</b> when the member has a score in its report and the score is at least the report's
 *       {@code minScore} (equal counts: "at or above"). Each period is judged by its own report's threshold, the one
 *       in force when it was kept, so a later threshold change re-marks no kept period.</li>
 *   <li>The run <b>breaks</b> at a period that does not count: a score below the threshold, no score (no KPI of the
 *       model had data), or no row at all for the member in that report; and at a <b>missing report</b>: a period of
 *       that length between two kept ones that has no report of its own (scoring was down past the backfill).
 *       Nobody can say that such a period was at or above the threshold.</li>
 *   <li>{@code current}: the length of the run that ends with the last period (0 when the last period does not
 *       count); {@code best}: the longest run in the history up to and including the last period.</li>
 * </ul>
 *
 * Plain Java: the history comes in period order, each period with the scores of the members of its report.
 */
public final class Streaks {

    /** The length of a kept period, by which "the period just before" is known. */
    public enum Length {
        DAY, WEEK, MONTH;

        public LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
            };
        }

        public static Optional<Length> of(String granularity) {
            return switch (granularity) {
                case "day" -> Optional.of(DAY);
                case "week" -> Optional.of(WEEK);
                case "month" -> Optional.of(MONTH);
                default -> Optional.empty();
            };
        }
    }

    /**
     * One kept period: its first day, the threshold kept with its report, and the score of each member that has a
     * row in the report ({@code null}: a row, but no score).
     */
    public record KeptPeriod(LocalDate start, double minScore, Map<String, Double> scores) {
    }

    /** A member's streaks at the last period of the history. */
    public record Streak(int current, int best) {

        public static final Streak NONE = new Streak(0, 0);
    }

    private Streaks() {
    }

    /**
     * Every member's streaks at the last period of {@code history} (in period order, no two periods alike): the
     * members that appear anywhere in it. A member missing from the last period has current 0.
     */
    public static Map<String, Streak> at(Length length, List<KeptPeriod> history) {
        Map<String, Run> runs = new HashMap<>();
        for (KeptPeriod period : history) {
            period.scores().forEach((member, score) -> {
                Run run = runs.computeIfAbsent(member, m -> new Run());
                if (score != null && score >= period.minScore()) {
                    boolean continues = run.lastCounted != null && length.next(run.lastCounted).equals(period.start());
                    run.length = continues ? run.length + 1 : 1;
                    run.lastCounted = period.start();
                    run.best = Math.max(run.best, run.length);
                } else {
                    run.length = 0;
                    run.lastCounted = null;
                }
            });
        }
        LocalDate last = history.isEmpty() ? null : history.get(history.size() - 1).start();
        Map<String, Streak> streaks = new HashMap<>();
        runs.forEach((member, run) -> streaks.put(member,
                new Streak(last != null && last.equals(run.lastCounted) ? run.length : 0, run.best)));
        return streaks;
    }

    /** A member's run so far: its length, the last period that counted (null: the run is broken), the longest. */
    private static final class Run {
        int length;
        LocalDate lastCounted;
        int best;
    }
}
