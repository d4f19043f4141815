package io.deskpulse.scoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The hours a reconciliation checks: every UTC hour that overlaps the range asked for, [start, end), and the slices
 * it checks them in, a few local days at a time in the zone of the checked generation (the zone its
 * {@code kpi_daily} rows are kept in). A daily rollup row is checked in the slice that holds all of its hours; the
 * days the range cuts at its ends are checked hour by hour only.
 */
public record ReconciliationRange(long startMillis, long endMillis, ZoneId zone) {

    private static final long HOUR = AggregateKey.HOUR_MILLIS;

    /** A run of whole hours, [start, end), and the local days all of whose hours it holds. */
    public record Slice(long startMillis, long endMillis, List<LocalDate> wholeDays) {

        public Slice {
            wholeDays = List.copyOf(wholeDays);
        }

        public boolean holds(long epochMillis) {
            return epochMillis >= startMillis && epochMillis < endMillis;
        }

        /** The first UTC day with an hour in the slice (agent days are UTC days). */
        public LocalDate firstUtcDay() {
            return AgentDayDeriver.dayOf(startMillis);
        }

        public LocalDate lastUtcDay() {
            return AgentDayDeriver.dayOf(endMillis - 1);
        }
    }

    public static ReconciliationRange of(Instant from, Instant to, ZoneId zone) {
        return new ReconciliationRange(Math.floorDiv(from.toEpochMilli(), HOUR) * HOUR, ceilHour(to.toEpochMilli()), zone);
    }

    /**
     * The slice starting at {@code cursor} (an hour of the range): up to {@code days} local days, ending where a local
     * day begins or at the end of the range.
     */
    public Slice sliceFrom(long cursor, int days) {
        if (cursor < startMillis || cursor >= endMillis || cursor % HOUR != 0) {
            throw new IllegalArgumentException("a slice starts at an hour of [" + startMillis + ", " + endMillis
                    + "), not at " + cursor);
        }
        LocalDate first = dayOfHour(cursor);
        long end = Math.min(endMillis, firstHour(first.plusDays(days)));
        List<LocalDate> whole = new ArrayList<>();
        for (LocalDate day = first; firstHour(day) < end; day = day.plusDays(1)) {
            if (firstHour(day) >= cursor && firstHour(day.plusDays(1)) <= end) {
                whole.add(day);
            }
        }
        return new Slice(cursor, end, whole);
    }

    /** The local day an hour's contributions are added to in {@code kpi_daily}: the day of the hour's start. */
    public LocalDate dayOfHour(long hourMillis) {
        return Instant.ofEpochMilli(hourMillis).atZone(zone).toLocalDate();
    }

    public long firstHour(LocalDate day) {
        return firstHour(day, zone);
    }

    /** The first UTC hour whose start lies in this local day (local midnight itself in a whole-hour zone). */
    public static long firstHour(LocalDate day, ZoneId zone) {
        return ceilHour(day.atStartOfDay(zone).toInstant().toEpochMilli());
    }

    private static long ceilHour(long epochMillis) {
        return -Math.floorDiv(-epochMillis, HOUR) * HOUR;
    }
}
