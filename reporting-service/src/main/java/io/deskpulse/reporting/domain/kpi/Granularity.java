package io.deskpulse.reporting.domain.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * The length of a report period. {@code sqlUnit} is the {@code date_trunc} unit that groups local
 * hours into periods (PostgreSQL's 'week' starts on the ISO Monday); {@code total} has no unit: the
 * whole range is one period, labelled with its first day.
 */
public enum Granularity {
    DAY("day"), WEEK("week"), MONTH("month"), TOTAL(null);

    private final String sqlUnit;

    Granularity(String sqlUnit) {
        this.sqlUnit = sqlUnit;
    }

    /** The {@code date_trunc} unit, or null for {@link #TOTAL}. */
    public String sqlUnit() {
        return sqlUnit;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the period that holds {@code day}; for total, {@code from}. */
    public LocalDate periodStart(LocalDate day, LocalDate from) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case TOTAL -> from;
        };
    }

    /** The first day after the period that starts on {@code periodStart}; for total, the day after {@code to}. */
    public LocalDate nextPeriodStart(LocalDate periodStart, LocalDate to) {
        return switch (this) {
            case DAY -> periodStart.plusDays(1);
            case WEEK -> periodStart.plusWeeks(1);
            case MONTH -> periodStart.plusMonths(1);
            case TOTAL -> to.plusDays(1);
        };
    }

    public static Optional<Granularity> parse(String text) {
        for (Granularity g : values()) {
            if (g.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
