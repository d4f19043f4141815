package io.deskpulse.scoring.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Business time: how much of an interval of real time falls inside a weekly schedule of openings,
 * minus whole-day holidays, in one time zone. The {@code _bh} KPIs (first response, resolution) are
 * measured with it.
 *
 * <h2>Definition</h2>
 * For every local date D in the calendar's zone that is not a holiday, each opening
 * {@code [start, end)} of D's day of the week (minutes after local midnight) is the interval of
 * instants {@code [ZonedDateTime.of(D, start, zone), ZonedDateTime.of(D, end, zone))}; an end of
 * 24:00 is {@code ZonedDateTime.of(D + 1, 00:00, zone)}, the start of the next day. Business time is
 * the union of all these intervals, and {@code businessMillis(from, to)} is the length in
 * milliseconds of its intersection with {@code [from, to)}: 0 when {@code to <= from}, never more
 * than {@code to - from}, and additive ({@code b(f, m) + b(m, t) == b(f, t)} for {@code f <= m <= t}).
 *
 * <ul>
 *   <li>Days missing from the weekly schedule are closed; holidays are local dates in the calendar's
 *       zone and close the whole date. A calendar with no opening gives 0 for everything.</li>
 *   <li>Openings of a day that overlap or touch are merged first, so only the set of open local
 *       times of a day matters, never how it was split into openings; nothing is counted twice.</li>
 *   <li>Daylight saving time: openings are converted with the local date's own offsets, so a
 *       00:00–24:00 opening lasts the day's real length (23 h or 25 h on transition days) and a
 *       schedule open 00:00–24:00 every day equals {@link #ALWAYS_OPEN}. A boundary inside a
 *       spring-forward gap is shifted forward by the gap's length (02:30 becomes 03:30 when clocks
 *       jump from 02:00 to 03:00), so an opening lying wholly in the gap, or ending before its
 *       shifted start, counts nothing. A boundary inside a fall-back overlap takes the earlier
 *       offset (its first occurrence): 01:00–04:00 on a day when clocks go back from 03:00 to 02:00
 *       counts 4 real hours, 01:00–02:30 counts 1.5 h (the repeated 02:00–02:30 is not counted).
 *       This is exactly how {@code java.time.ZonedDateTime.of} resolves local times.</li>
 *   <li>{@link #ALWAYS_OPEN} (no business hours configured) counts every millisecond.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. A call costs O(days spanned) with a few arithmetic operations per day
 * and no allocation per day, except on the few days around a time-zone transition.
 */
public final class BusinessCalendar {

    /** Every instant is business time: business durations equal calendar durations. */
    public static final BusinessCalendar ALWAYS_OPEN = new BusinessCalendar();

    private static final long DAY_MS = 86_400_000L;
    private static final long MINUTE_MS = 60_000L;
    private static final int DAYS_PER_WEEK = 7;
    /**
     * A day this close (in real time) to a transition is converted with ZonedDateTime.of instead of
     * a single offset. Offsets lie within ±18 h and a gap shifts a boundary by at most 36 h, so the
     * days whose openings can map out of local order around a transition all lie within 3 days of it.
     */
    private static final long NEAR_TRANSITION_MS = 3 * DAY_MS;

    private final boolean alwaysOpen;
    private final boolean neverOpen;
    private final ZoneId zone;
    private final ZoneRules rules;
    /** Offset in millis when the zone never changes it; null otherwise. */
    private final Long fixedOffsetMillis;
    /** Per day of week (Monday = 0): merged runs of openings, sorted, in minutes. */
    private final int[][] runStarts;
    private final int[][] runEnds;
    /** Per day of week: total open millis on a day without a transition. */
    private final long[] openMillis;
    /** Holidays as sorted epoch days, walked with a pointer so a lookup costs no allocation. */
    private final long[] holidays;

    private BusinessCalendar() {
        this.alwaysOpen = true;
        this.neverOpen = false;
        this.zone = null;
        this.rules = null;
        this.fixedOffsetMillis = null;
        this.runStarts = null;
        this.runEnds = null;
        this.openMillis = null;
        this.holidays = null;
    }

    private BusinessCalendar(ZoneId zone, int[][] runStarts, int[][] runEnds, long[] holidays) {
        this.alwaysOpen = false;
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixedOffsetMillis = rules.isFixedOffset()
                ? rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L
                : null;
        this.runStarts = runStarts;
        this.runEnds = runEnds;
        this.holidays = holidays;
        this.openMillis = new long[DAYS_PER_WEEK];
        boolean anyOpening = false;
        for (int dow = 0; dow < DAYS_PER_WEEK; dow++) {
            for (int i = 0; i < runStarts[dow].length; i++) {
                openMillis[dow] += (runEnds[dow][i] - runStarts[dow][i]) * MINUTE_MS;
                anyOpening = true;
            }
        }
        this.neverOpen = !anyOpening;
    }

    /**
     * @param zone the zone openings and holidays are read in
     * @param weekly openings per day of the week; days left out are closed; overlapping or touching
     *     openings of a day are merged
     * @param holidays local dates closed all day
     */
    public static BusinessCalendar of(ZoneId zone, Map<DayOfWeek, List<OpenInterval>> weekly, Set<LocalDate> holidays) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(weekly, "weekly");
        Objects.requireNonNull(holidays, "holidays");
        int[][] starts = new int[DAYS_PER_WEEK][];
        int[][] ends = new int[DAYS_PER_WEEK][];
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpenInterval> openings = weekly.get(day);
            List<OpenInterval> sorted = new ArrayList<>(openings == null ? List.of() : openings);
            sorted.sort(Comparator.comparingInt(OpenInterval::startMinute));
            int[] s = new int[sorted.size()];
            int[] e = new int[sorted.size()];
            int runs = 0;
            for (OpenInterval opening : sorted) {
                if (runs > 0 && opening.startMinute() <= e[runs - 1]) {
                    e[runs - 1] = Math.max(e[runs - 1], opening.endMinute());
                } else {
                    s[runs] = opening.startMinute();
                    e[runs] = opening.endMinute();
                    runs++;
                }
            }
            starts[day.ordinal()] = Arrays.copyOf(s, runs);
            ends[day.ordinal()] = Arrays.copyOf(e, runs);
        }
        long[] holidayDays = holidays.stream().mapToLong(LocalDate::toEpochDay).sorted().distinct().toArray();
        return new BusinessCalendar(zone, starts, ends, holidayDays);
    }

    /** Milliseconds of business time in [from, to); 0 when to <= from. */
    public long businessMillis(long fromEpochMillis, long toEpochMillis) {
        if (toEpochMillis <= fromEpochMillis) {
            return 0;
        }
        if (alwaysOpen) {
            return toEpochMillis - fromEpochMillis;
        }
        if (neverOpen) {
            return 0;
        }
        // A local time always maps to itself minus some offset of the zone (a gap's shift is the
        // offset before the gap), and offsets lie within ±18 h, so a day's openings land within 18 h
        // of its local bounds: one day of margin on each side catches every opening that can reach
        // [from, to), and clipping discards the rest.
        long firstDay = Math.floorDiv(fromEpochMillis, DAY_MS) - 1;
        long lastDay = Math.floorDiv(toEpochMillis, DAY_MS) + 1;
        Sweep sweep = new Sweep(fromEpochMillis, toEpochMillis);
        int holiday = firstHolidayAtOrAfter(firstDay);

        if (fixedOffsetMillis != null) {
            long offset = fixedOffsetMillis;
            for (long day = firstDay; day <= lastDay; day++) {
                while (holiday < holidays.length && holidays[holiday] < day) {
                    holiday++;
                }
                if (holiday < holidays.length && holidays[holiday] == day) {
                    continue;
                }
                addRegularDay(sweep, day, offset);
            }
            return sweep.total;
        }

        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochMilli(firstDay * DAY_MS - NEAR_TRANSITION_MS - 1));
        long offsetAfterLast = 0;
        boolean offsetAfterLastKnown = false;
        for (long day = firstDay; day <= lastDay; day++) {
            long localMidnight = day * DAY_MS;
            while (next != null && next.toEpochSecond() * 1000 < localMidnight - NEAR_TRANSITION_MS) {
                next = rules.nextTransition(next.getInstant());
            }
            while (holiday < holidays.length && holidays[holiday] < day) {
                holiday++;
            }
            boolean isHoliday = holiday < holidays.length && holidays[holiday] == day;
            boolean nearTransition = next != null
                    && next.toEpochSecond() * 1000 <= localMidnight + DAY_MS + NEAR_TRANSITION_MS;
            if (nearTransition) {
                if (!isHoliday) {
                    deferDay(sweep, day);
                }
                continue;
            }
            // No transition within days of this one: every local time of the day has the single
            // offset in force, so boundaries convert by plain arithmetic. Days deferred around a
            // transition may map out of local order, hence are sorted before this day is added.
            sweep.flush();
            if (isHoliday) {
                continue;
            }
            long offset;
            if (next != null) {
                offset = next.getOffsetBefore().getTotalSeconds() * 1000L;
            } else {
                if (!offsetAfterLastKnown) {
                    offsetAfterLast = rules.getOffset(Instant.ofEpochMilli(localMidnight)).getTotalSeconds() * 1000L;
                    offsetAfterLastKnown = true;
                }
                offset = offsetAfterLast;
            }
            addRegularDay(sweep, day, offset);
        }
        sweep.flush();
        return sweep.total;
    }

    private void addRegularDay(Sweep sweep, long day, long offsetMillis) {
        int dow = dayOfWeekIndex(day);
        int[] starts = runStarts[dow];
        int runs = starts.length;
        if (runs == 0) {
            return;
        }
        int[] ends = runEnds[dow];
        long base = day * DAY_MS - offsetMillis;
        long first = base + starts[0] * MINUTE_MS;
        long last = base + ends[runs - 1] * MINUTE_MS;
        if (first >= sweep.covered && last <= sweep.to) {
            sweep.total += openMillis[dow];
            sweep.covered = last;
            return;
        }
        for (int i = 0; i < runs; i++) {
            sweep.add(base + starts[i] * MINUTE_MS, base + ends[i] * MINUTE_MS);
        }
    }

    /** Converts the day's openings exactly as the definition says; only used near transitions. */
    private void deferDay(Sweep sweep, long day) {
        int dow = dayOfWeekIndex(day);
        int[] starts = runStarts[dow];
        int[] ends = runEnds[dow];
        for (int i = 0; i < starts.length; i++) {
            long start = instantOf(day, starts[i]);
            long end = instantOf(day, ends[i]);
            if (end > start) {
                sweep.defer(start, end);
            }
        }
    }

    private long instantOf(long day, int minute) {
        LocalDateTime local = minute == OpenInterval.DAY_MINUTES
                ? LocalDate.ofEpochDay(day + 1).atStartOfDay()
                : LocalDateTime.of(LocalDate.ofEpochDay(day), LocalTime.ofSecondOfDay(minute * 60L));
        return local.atZone(zone).toInstant().toEpochMilli();
    }

    private int firstHolidayAtOrAfter(long day) {
        int index = Arrays.binarySearch(holidays, day);
        return index >= 0 ? index : -index - 1;
    }

    /** Monday = 0; epoch day 0 (1970-01-01) was a Thursday. */
    private static int dayOfWeekIndex(long epochDay) {
        return Math.floorMod(epochDay + 3, DAYS_PER_WEEK);
    }

    /**
     * Sums the union of intervals clipped to [from, to). Intervals must arrive in order of start;
     * {@code covered} (never below {@code from}) is how far business time has been counted, so an
     * interval overlapping one already counted adds only its new part.
     */
    private static final class Sweep {
        final long to;
        long covered;
        long total;
        private long[] pendingStarts;
        private long[] pendingEnds;
        private int pending;

        Sweep(long from, long to) {
            this.to = to;
            this.covered = from;
        }

        void add(long start, long end) {
            long lo = Math.max(start, covered);
            long hi = Math.min(end, to);
            if (hi > lo) {
                total += hi - lo;
            }
            if (end > covered) {
                covered = end;
            }
        }

        void defer(long start, long end) {
            if (pendingStarts == null) {
                pendingStarts = new long[16];
                pendingEnds = new long[16];
            } else if (pending == pendingStarts.length) {
                pendingStarts = Arrays.copyOf(pendingStarts, pending * 2);
                pendingEnds = Arrays.copyOf(pendingEnds, pending * 2);
            }
            pendingStarts[pending] = start;
            pendingEnds[pending] = end;
            pending++;
        }

        void flush() {
            if (pending == 0) {
                return;
            }
            // A handful of intervals per transition: insertion sort by start.
            for (int i = 1; i < pending; i++) {
                long s = pendingStarts[i];
                long e = pendingEnds[i];
                int j = i - 1;
                while (j >= 0 && pendingStarts[j] > s) {
                    pendingStarts[j + 1] = pendingStarts[j];
                    pendingEnds[j + 1] = pendingEnds[j];
                    j--;
                }
                pendingStarts[j + 1] = s;
                pendingEnds[j + 1] = e;
            }
            for (int i = 0; i < pending; i++) {
                add(pendingStarts[i], pendingEnds[i]);
            }
            pending = 0;
        }
    }
}
