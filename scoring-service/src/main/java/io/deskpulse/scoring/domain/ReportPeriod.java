package io.deskpulse.scoring.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A closed day, ISO week (Monday to Sunday) or calendar month of a period report, in the tenant's zone. */
public record ReportPeriod(Length length, LocalDate start, LocalDate end) {

    public enum Length {
        DAY, WEEK, MONTH;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The first day of the period holding {@code day}. */
        LocalDate startOf(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
        }

        LocalDate plus(LocalDate start, int periods) {
            return switch (this) {
                case DAY -> start.plusDays(periods);
                case WEEK -> start.plusWeeks(periods);
                case MONTH -> start.plusMonths(periods);
            };
        }
    }

    /**
     * The periods of this length that closed before {@code today} (the local date at which a period counts as
     * closed, its grace time deducted), at most the last {@code backfill} of them, none ending before
     * {@code firstDay} (the tenant's first day with data), oldest first.
     */
    public static List<ReportPeriod> closed(Length length, LocalDate today, int backfill, LocalDate firstDay) {
        LocalDate current = length.startOf(today);
        List<ReportPeriod> periods = new ArrayList<>();
        for (int back = backfill; back >= 1; back--) {
            LocalDate start = length.plus(current, -back);
            LocalDate end = length.plus(start, 1).minusDays(1);
            if (!end.isBefore(firstDay)) {
                periods.add(new ReportPeriod(length, start, end));
            }
        }
        return periods;
    }
}
