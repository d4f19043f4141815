package io.deskpulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessCalendarTest {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static final Set<DayOfWeek> WEEKDAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    // 2026-03-06 is a Friday; Berlin is on CET (+01:00) until 2026-03-29.
    private static final String FRIDAY = "2026-03-06";
    private static final String MONDAY = "2026-03-09";
    private static final String TUESDAY = "2026-03-10";

    static OpenInterval open(String hhmmDashHhmm) {
        String[] parts = hhmmDashHhmm.split("-");
        return new OpenInterval(minutes(parts[0]), minutes(parts[1]));
    }

    private static int minutes(String hhmm) {
        String[] hm = hhmm.split(":");
        return Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1]);
    }

    static Map<DayOfWeek, List<OpenInterval>> on(Set<DayOfWeek> days, String... openings) {
        Map<DayOfWeek, List<OpenInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : days) {
            weekly.put(day, Arrays.stream(openings).map(BusinessCalendarTest::open).toList());
        }
        return weekly;
    }

    static Map<DayOfWeek, List<OpenInterval>> everyDay(String... openings) {
        return on(Set.of(DayOfWeek.values()), openings);
    }

    static BusinessCalendar nineToFive(ZoneId zone, LocalDate... holidays) {
        return BusinessCalendar.of(zone, on(WEEKDAYS, "09:00-17:00"), Set.of(holidays));
    }

    /** Epoch millis of a local date-time, resolved like ZonedDateTime.of. */
    static long at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant().toEpochMilli();
    }

    static long utc(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Nested
    class TheIssueExample {

        @Test
        void fridayAfternoonToMondayMorningIsTwoBusinessHoursInBerlin() {
            BusinessCalendar calendar = nineToFive(BERLIN);
            assertThat(calendar.businessMillis(at(FRIDAY + "T16:00", BERLIN), at(MONDAY + "T10:00", BERLIN)))
                    .isEqualTo(2 * HOUR);
        }

        @Test
        void fridayAfternoonToMondayMorningIsTwoBusinessHoursInUtc() {
            BusinessCalendar calendar = nineToFive(UTC);
            assertThat(calendar.businessMillis(utc(FRIDAY + "T16:00:00Z"), utc(MONDAY + "T10:00:00Z")))
                    .isEqualTo(2 * HOUR);
        }

        @Test
        void epochInstantsAreReadInTheCalendarsZone() {
            // 16:00Z Friday .. 10:00Z Monday is 17:00 .. 11:00 in Berlin: Monday 09:00-11:00 only.
            BusinessCalendar calendar = nineToFive(BERLIN);
            assertThat(calendar.businessMillis(utc(FRIDAY + "T16:00:00Z"), utc(MONDAY + "T10:00:00Z")))
                    .isEqualTo(2 * HOUR);
            assertThat(calendar.businessMillis(utc(FRIDAY + "T15:00:00Z"), utc(MONDAY + "T09:00:00Z")))
                    .isEqualTo(2 * HOUR); // Friday 16:00-17:00 + Monday 09:00-10:00 local
        }

        @Test
        void anIntervalEntirelyOutsideHoursIsZero() {
            BusinessCalendar calendar = nineToFive(BERLIN);
            assertThat(calendar.businessMillis(at(FRIDAY + "T17:00", BERLIN), at(MONDAY + "T09:00", BERLIN))).isZero();
            assertThat(calendar.businessMillis(at(MONDAY + "T17:30", BERLIN), at(TUESDAY + "T08:59", BERLIN))).isZero();
            assertThat(calendar.businessMillis(at(MONDAY + "T00:00", BERLIN), at(MONDAY + "T09:00", BERLIN))).isZero();
        }

        @Test
        void anIntervalEntirelyInsideHoursIsThePlainDifference() {
            BusinessCalendar calendar = nineToFive(BERLIN);
            long from = at(MONDAY + "T09:00", BERLIN) + 1234;
            long to = at(MONDAY + "T16:59:59.999", BERLIN);
            assertThat(calendar.businessMillis(from, to)).isEqualTo(to - from);
            assertThat(calendar.businessMillis(at(MONDAY + "T09:00", BERLIN), at(MONDAY + "T17:00", BERLIN)))
                    .isEqualTo(8 * HOUR);
        }

        @Test
        void emptyAndReversedIntervalsAreZero() {
            BusinessCalendar calendar = nineToFive(BERLIN);
            long inside = at(MONDAY + "T10:00", BERLIN);
            assertThat(calendar.businessMillis(inside, inside)).isZero();
            assertThat(calendar.businessMillis(inside + HOUR, inside)).isZero();
            assertThat(calendar.businessMillis(inside + 30 * 24 * HOUR, inside)).isZero();
            assertThat(BusinessCalendar.ALWAYS_OPEN.businessMillis(inside, inside)).isZero();
            assertThat(BusinessCalendar.ALWAYS_OPEN.businessMillis(inside + 1, inside)).isZero();
        }

        @Test
        void alwaysOpenIsThePlainDifference() {
            assertThat(BusinessCalendar.ALWAYS_OPEN.businessMillis(-5_000, 7_000)).isEqualTo(12_000);
            assertThat(BusinessCalendar.ALWAYS_OPEN.businessMillis(utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z")))
                    .isEqualTo(365 * 24 * HOUR);
        }

        @Test
        void boundariesAreHalfOpen() {
            BusinessCalendar calendar = nineToFive(BERLIN);
            long nine = at(MONDAY + "T09:00", BERLIN);
            long five = at(MONDAY + "T17:00", BERLIN);
            assertThat(calendar.businessMillis(nine - 1, nine)).isZero();
            assertThat(calendar.businessMillis(nine, nine + 1)).isEqualTo(1);
            assertThat(calendar.businessMillis(five - 1, five)).isEqualTo(1);
            assertThat(calendar.businessMillis(five, five + 1)).isZero();
        }
    }

    @Nested
    class SeveralOpeningsPerDay {

        final BusinessCalendar lunchBreak = BusinessCalendar.of(BERLIN, on(WEEKDAYS, "09:00-12:00", "13:00-17:00"), Set.of());

        @Test
        void aWholeDayCountsBothOpenings() {
            assertThat(lunchBreak.businessMillis(at(TUESDAY + "T08:00", BERLIN), at(TUESDAY + "T18:00", BERLIN)))
                    .isEqualTo(7 * HOUR);
        }

        @Test
        void theLunchBreakIsNotBusinessTime() {
            assertThat(lunchBreak.businessMillis(at(TUESDAY + "T12:00", BERLIN), at(TUESDAY + "T13:00", BERLIN))).isZero();
            assertThat(lunchBreak.businessMillis(at(TUESDAY + "T12:15", BERLIN), at(TUESDAY + "T12:45", BERLIN))).isZero();
        }

        @Test
        void anIntervalAcrossTheBreakCountsOnlyTheOpenings() {
            // 11:00-12:00 + 13:00-14:00
            assertThat(lunchBreak.businessMillis(at(TUESDAY + "T11:00", BERLIN), at(TUESDAY + "T14:00", BERLIN)))
                    .isEqualTo(2 * HOUR);
            // 11:30-12:00 + 13:00-17:00 + (Wednesday) 09:00-09:30
            assertThat(lunchBreak.businessMillis(at(TUESDAY + "T11:30", BERLIN), at("2026-03-11T09:30", BERLIN)))
                    .isEqualTo(5 * HOUR);
        }

        @Test
        void anIntervalInsideOneOpeningIsThePlainDifference() {
            assertThat(lunchBreak.businessMillis(at(TUESDAY + "T09:30", BERLIN), at(TUESDAY + "T11:45", BERLIN)))
                    .isEqualTo(2 * HOUR + 15 * MINUTE);
            assertThat(lunchBreak.businessMillis(at(TUESDAY + "T14:00", BERLIN), at(TUESDAY + "T14:00:00.001", BERLIN)))
                    .isEqualTo(1);
        }

        @Test
        void overlappingOrTouchingOpeningsAreCountedOnce() {
            Map<DayOfWeek, List<OpenInterval>> weekly = Map.of(DayOfWeek.TUESDAY,
                    List.of(open("11:00-14:00"), open("09:00-12:00"), open("14:00-15:00"), open("10:00-10:30")));
            BusinessCalendar calendar = BusinessCalendar.of(BERLIN, weekly, Set.of());
            // the union is 09:00-15:00
            assertThat(calendar.businessMillis(at(MONDAY + "T00:00", BERLIN), at("2026-03-12T00:00", BERLIN)))
                    .isEqualTo(6 * HOUR);
            assertThat(calendar.businessMillis(at(TUESDAY + "T10:00", BERLIN), at(TUESDAY + "T11:30", BERLIN)))
                    .isEqualTo(90 * MINUTE);
        }

        @Test
        void anOpeningMayEndAtMidnight() {
            Map<DayOfWeek, List<OpenInterval>> weekly = Map.of(
                    DayOfWeek.MONDAY, List.of(open("20:00-24:00")),
                    DayOfWeek.TUESDAY, List.of(open("00:00-02:00")));
            BusinessCalendar calendar = BusinessCalendar.of(BERLIN, weekly, Set.of());
            assertThat(calendar.businessMillis(at(MONDAY + "T23:00", BERLIN), at(TUESDAY + "T01:00", BERLIN)))
                    .isEqualTo(2 * HOUR);
            assertThat(calendar.businessMillis(at(MONDAY + "T19:00", BERLIN), at(TUESDAY + "T03:00", BERLIN)))
                    .isEqualTo(6 * HOUR);
            assertThat(calendar.businessMillis(at(MONDAY + "T23:59:59.999", BERLIN), at(TUESDAY + "T00:00", BERLIN)))
                    .isEqualTo(1);
        }
    }

    @Nested
    class Holidays {

        @Test
        void aHolidayMondayIsClosedAllDay() {
            BusinessCalendar calendar = nineToFive(BERLIN, LocalDate.parse(MONDAY));
            // Friday 16:00-17:00 + Tuesday 09:00-10:00
            assertThat(calendar.businessMillis(at(FRIDAY + "T16:00", BERLIN), at(TUESDAY + "T10:00", BERLIN)))
                    .isEqualTo(2 * HOUR);
            assertThat(calendar.businessMillis(at(MONDAY + "T00:00", BERLIN), at(TUESDAY + "T00:00", BERLIN))).isZero();
        }

        @Test
        void holidaysOnClosedDaysOrOutsideTheIntervalChangeNothing() {
            BusinessCalendar plain = nineToFive(BERLIN);
            BusinessCalendar withOthers = nineToFive(BERLIN, LocalDate.parse("2026-03-07"), LocalDate.parse("2026-03-08"),
                    LocalDate.parse("2025-03-09"), LocalDate.parse("2027-03-09"));
            long from = at(FRIDAY + "T16:00", BERLIN);
            long to = at(TUESDAY + "T10:00", BERLIN);
            assertThat(withOthers.businessMillis(from, to)).isEqualTo(plain.businessMillis(from, to)).isEqualTo(10 * HOUR);
        }

        @Test
        void holidaysAreLocalDatesInTheCalendarsZone() {
            // Monday 2026-03-09 in Tokyo is 2026-03-09T00:00+09:00 .. 2026-03-10T00:00+09:00.
            ZoneId tokyo = ZoneId.of("Asia/Tokyo");
            BusinessCalendar open24 = BusinessCalendar.of(tokyo, everyDay("00:00-24:00"), Set.of(LocalDate.parse(MONDAY)));
            assertThat(open24.businessMillis(utc("2026-03-08T00:00:00Z"), utc("2026-03-10T00:00:00Z")))
                    .isEqualTo(48 * HOUR - 24 * HOUR);
            assertThat(open24.businessMillis(utc("2026-03-08T14:00:00Z"), utc("2026-03-08T16:00:00Z")))
                    .isEqualTo(HOUR); // 23:00-24:00 Sunday counts, 00:00-01:00 Monday does not
        }
    }

    @Nested
    class DaylightSaving {

        final BusinessCalendar berlin24 = BusinessCalendar.of(BERLIN, everyDay("00:00-24:00"), Set.of());
        final BusinessCalendar newYork24 = BusinessCalendar.of(NEW_YORK, everyDay("00:00-24:00"), Set.of());

        @Test
        void aWholeDayOpeningLastsTheDaysRealLength() {
            assertThat(berlin24.businessMillis(at("2026-03-29T00:00", BERLIN), at("2026-03-30T00:00", BERLIN)))
                    .isEqualTo(23 * HOUR);
            assertThat(berlin24.businessMillis(at("2026-10-25T00:00", BERLIN), at("2026-10-26T00:00", BERLIN)))
                    .isEqualTo(25 * HOUR);
            assertThat(newYork24.businessMillis(at("2026-03-08T00:00", NEW_YORK), at("2026-03-09T00:00", NEW_YORK)))
                    .isEqualTo(23 * HOUR);
            assertThat(newYork24.businessMillis(at("2026-11-01T00:00", NEW_YORK), at("2026-11-02T00:00", NEW_YORK)))
                    .isEqualTo(25 * HOUR);
        }

        @Test
        void openAroundTheClockEqualsAlwaysOpenAcrossTransitions() {
            String[][] spans = {
                {"2026-03-28T22:17:00Z", "2026-03-29T03:00:00Z"}, {"2026-03-29T00:59:59Z", "2026-03-29T01:00:01Z"},
                {"2026-10-24T23:30:00Z", "2026-10-25T02:30:00Z"}, {"2026-03-08T06:00:00Z", "2026-03-08T08:00:00Z"},
                {"2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z"}, {"2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"},
                {"2026-03-01T12:34:56.789Z", "2026-11-30T01:02:03.004Z"},
            };
            for (String[] span : spans) {
                long from = utc(span[0]);
                long to = utc(span[1]);
                assertThat(berlin24.businessMillis(from, to)).as("Berlin %s", Arrays.toString(span)).isEqualTo(to - from);
                assertThat(newYork24.businessMillis(from, to)).as("New York %s", Arrays.toString(span)).isEqualTo(to - from);
            }
        }

        // The 2026 transition days are all Sundays; a Sunday-only 01:00-04:00 opening straddles each switch.
        final Map<DayOfWeek, List<OpenInterval>> sundayOneToFour = Map.of(DayOfWeek.SUNDAY, List.of(open("01:00-04:00")));

        @Test
        void springForwardShortensAnOpeningThatStraddlesTheGap() {
            // Berlin: 01:00 CET = 00:00Z, 04:00 CEST = 02:00Z. New York: 01:00 EST = 06:00Z, 04:00 EDT = 08:00Z.
            assertThat(BusinessCalendar.of(BERLIN, sundayOneToFour, Set.of())
                    .businessMillis(utc("2026-03-28T12:00:00Z"), utc("2026-03-30T12:00:00Z"))).isEqualTo(2 * HOUR);
            assertThat(BusinessCalendar.of(NEW_YORK, sundayOneToFour, Set.of())
                    .businessMillis(utc("2026-03-07T12:00:00Z"), utc("2026-03-09T12:00:00Z"))).isEqualTo(2 * HOUR);
            assertThat(BusinessCalendar.of(BERLIN, sundayOneToFour, Set.of())
                    .businessMillis(utc("2026-03-29T00:30:00Z"), utc("2026-03-29T01:30:00Z"))).isEqualTo(HOUR);
        }

        @Test
        void fallBackLengthensAnOpeningThatStraddlesTheOverlap() {
            // Berlin: 01:00 CEST = 23:00Z (Saturday), 04:00 CET = 03:00Z. New York: 01:00 EDT = 05:00Z, 04:00 EST = 09:00Z.
            assertThat(BusinessCalendar.of(BERLIN, sundayOneToFour, Set.of())
                    .businessMillis(utc("2026-10-24T12:00:00Z"), utc("2026-10-26T12:00:00Z"))).isEqualTo(4 * HOUR);
            assertThat(BusinessCalendar.of(NEW_YORK, sundayOneToFour, Set.of())
                    .businessMillis(utc("2026-10-31T12:00:00Z"), utc("2026-11-02T12:00:00Z"))).isEqualTo(4 * HOUR);
            // both occurrences of 02:30 are inside: 00:30Z .. 01:30Z
            assertThat(BusinessCalendar.of(BERLIN, sundayOneToFour, Set.of())
                    .businessMillis(utc("2026-10-25T00:30:00Z"), utc("2026-10-25T01:30:00Z"))).isEqualTo(HOUR);
        }

        @Test
        void aBoundaryInTheSpringForwardGapIsShiftedForward() {
            long saturday = utc("2026-03-28T12:00:00Z");
            long monday = utc("2026-03-30T12:00:00Z");
            // 02:30 is shifted to 03:30 CEST = 01:30Z; 05:00 CEST = 03:00Z
            assertThat(sundayOnly(BERLIN, "02:30-05:00").businessMillis(saturday, monday)).isEqualTo(90 * MINUTE);
            assertThat(sundayOnly(BERLIN, "02:30-05:00").businessMillis(saturday, utc("2026-03-29T01:45:00Z")))
                    .isEqualTo(15 * MINUTE);
            // 01:00 CET = 00:00Z; 02:30 shifted = 01:30Z
            assertThat(sundayOnly(BERLIN, "01:00-02:30").businessMillis(saturday, monday)).isEqualTo(90 * MINUTE);
            // wholly inside the gap: 02:00 -> 03:00 CEST = 01:00Z, 03:00 CEST = 01:00Z
            assertThat(sundayOnly(BERLIN, "02:00-03:00").businessMillis(saturday, monday)).isZero();
            // ends before its shifted start: 02:30 -> 01:30Z, 03:30 CEST = 01:30Z
            assertThat(sundayOnly(BERLIN, "02:30-03:30").businessMillis(saturday, monday)).isZero();
            // New York: 02:15 shifted to 03:15 EDT = 07:15Z; 04:00 EDT = 08:00Z
            assertThat(sundayOnly(NEW_YORK, "02:15-04:00")
                    .businessMillis(utc("2026-03-07T12:00:00Z"), utc("2026-03-09T12:00:00Z"))).isEqualTo(45 * MINUTE);
        }

        @Test
        void aBoundaryInTheFallBackOverlapTakesTheEarlierOffset() {
            long saturday = utc("2026-10-24T12:00:00Z");
            long monday = utc("2026-10-26T12:00:00Z");
            // 01:00 CEST = 23:00Z; 02:30 CEST (first occurrence) = 00:30Z
            assertThat(sundayOnly(BERLIN, "01:00-02:30").businessMillis(saturday, monday)).isEqualTo(90 * MINUTE);
            // 02:30 CEST = 00:30Z; 03:30 CET = 02:30Z
            assertThat(sundayOnly(BERLIN, "02:30-03:30").businessMillis(saturday, monday)).isEqualTo(2 * HOUR);
            // 02:00 CEST = 00:00Z; 03:00 CET = 02:00Z
            assertThat(sundayOnly(BERLIN, "02:00-03:00").businessMillis(saturday, monday)).isEqualTo(2 * HOUR);
            // New York: 01:30 EDT = 05:30Z; 02:00 EST = 07:00Z
            assertThat(sundayOnly(NEW_YORK, "01:30-02:00")
                    .businessMillis(utc("2026-10-31T12:00:00Z"), utc("2026-11-02T12:00:00Z"))).isEqualTo(90 * MINUTE);
        }

        @Test
        void openingsThatTheGapMapsOutOfOrderAreNotCountedTwice() {
            // 02:30-02:45 -> 01:30Z-01:45Z lies inside 03:00-04:00 CEST = 01:00Z-02:00Z: the union is one hour
            BusinessCalendar calendar = BusinessCalendar.of(BERLIN,
                    Map.of(DayOfWeek.SUNDAY, List.of(open("02:30-02:45"), open("03:00-04:00"))), Set.of());
            assertThat(calendar.businessMillis(utc("2026-03-28T12:00:00Z"), utc("2026-03-30T12:00:00Z"))).isEqualTo(HOUR);
            assertThat(calendar.businessMillis(utc("2026-03-29T01:40:00Z"), utc("2026-03-29T03:00:00Z")))
                    .isEqualTo(20 * MINUTE);
        }

        @Test
        void aSkippedDayCountsNothingOfItsOwn() {
            // Samoa skipped 2011-12-30: 2011-12-29T24:00-10:00 was followed by 2011-12-31T00:00+14:00. The openings of
            // the missing date shift a whole day forward onto 2011-12-31's own and are not counted twice.
            ZoneId apia = ZoneId.of("Pacific/Apia");
            BusinessCalendar calendar = BusinessCalendar.of(apia, everyDay("09:00-17:00"), Set.of());
            assertThat(calendar.businessMillis(at("2011-12-29T00:00", apia), at("2012-01-01T00:00", apia)))
                    .isEqualTo(16 * HOUR);
            BusinessCalendar aroundTheClock = BusinessCalendar.of(apia, everyDay("00:00-24:00"), Set.of());
            assertThat(aroundTheClock.businessMillis(at("2011-12-29T00:00", apia), at("2012-01-01T00:00", apia)))
                    .isEqualTo(48 * HOUR);
        }

        private BusinessCalendar sundayOnly(ZoneId zone, String opening) {
            return BusinessCalendar.of(zone, Map.of(DayOfWeek.SUNDAY, List.of(open(opening))), Set.of());
        }
    }

    @Nested
    class Zones {

        @Test
        void theSameInstantsGiveDifferentResultsInDifferentZones() {
            // Tuesday 2026-03-10 00:00Z..08:00Z is 09:00-17:00 in Tokyo but Monday 17:00 - Tuesday 01:00 in Los Angeles.
            ZoneId tokyo = ZoneId.of("Asia/Tokyo");
            ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
            long from = utc("2026-03-10T00:00:00Z");
            long to = utc("2026-03-10T08:00:00Z");
            assertThat(nineToFive(tokyo).businessMillis(from, to)).isEqualTo(8 * HOUR);
            assertThat(nineToFive(losAngeles).businessMillis(from, to)).isZero();
            // 16:00Z..20:00Z Tuesday: 01:00-05:00 Wednesday in Tokyo, 09:00-13:00 PDT in Los Angeles
            assertThat(nineToFive(tokyo).businessMillis(utc("2026-03-10T16:00:00Z"), utc("2026-03-10T20:00:00Z"))).isZero();
            assertThat(nineToFive(losAngeles).businessMillis(utc("2026-03-10T16:00:00Z"), utc("2026-03-10T20:00:00Z")))
                    .isEqualTo(4 * HOUR);
        }

        @Test
        void fixedOffsetZonesWork() {
            ZoneId kathmandu = ZoneId.of("Asia/Kathmandu"); // +05:45
            ZoneId plusTwo = ZoneOffset.ofHours(2);
            assertThat(nineToFive(kathmandu).businessMillis(utc(MONDAY + "T03:15:00Z"), utc(MONDAY + "T05:15:00Z")))
                    .isEqualTo(2 * HOUR);
            assertThat(nineToFive(kathmandu).businessMillis(utc(MONDAY + "T03:00:00Z"), utc(MONDAY + "T03:15:00Z")))
                    .isZero();
            assertThat(nineToFive(plusTwo).businessMillis(utc(FRIDAY + "T14:00:00Z"), utc(MONDAY + "T08:00:00Z")))
                    .isEqualTo(2 * HOUR);
        }
    }

    @Nested
    class LongSpans {

        @Test
        void aWorkingYearIsWorkingDaysTimesEightHours() {
            // 2026 starts on a Thursday and has 365 days: 52 weeks + one Thursday = 261 weekdays; the 10 holidays are
            // all on weekdays, leaving 251 working days of 8 h = 2008 h.
            LocalDate[] holidays = Arrays.stream(new String[] {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01",
                "2026-05-14", "2026-05-25", "2026-06-04", "2026-12-24", "2026-12-25", "2026-12-31"})
                    .map(LocalDate::parse).toArray(LocalDate[]::new);
            BusinessCalendar calendar = nineToFive(BERLIN, holidays);
            assertThat(calendar.businessMillis(at("2026-01-01T00:00", BERLIN), at("2027-01-01T00:00", BERLIN)))
                    .isEqualTo(251 * 8 * HOUR).isEqualTo(2008 * HOUR);
        }

        @Test
        void aLeapYearWithoutHolidays() {
            // 2024 starts on a Monday and has 366 days: 52 weeks + Monday + Tuesday = 262 weekdays.
            assertThat(nineToFive(UTC).businessMillis(utc("2024-01-01T00:00:00Z"), utc("2025-01-01T00:00:00Z")))
                    .isEqualTo(262 * 8 * HOUR);
            assertThat(nineToFive(NEW_YORK).businessMillis(at("2024-01-01T00:00", NEW_YORK), at("2025-01-01T00:00", NEW_YORK)))
                    .isEqualTo(262 * 8 * HOUR);
        }

        @Test
        void aCenturyIsAdditiveOverItsYears() {
            BusinessCalendar calendar = BusinessCalendar.of(BERLIN, on(WEEKDAYS, "09:00-12:00", "13:00-17:00"),
                    Set.of(LocalDate.parse("2050-12-25")));
            long sum = 0;
            for (int year = 2000; year < 2100; year++) {
                sum += calendar.businessMillis(at(year + "-01-01T00:00", BERLIN), at((year + 1) + "-01-01T00:00", BERLIN));
            }
            assertThat(calendar.businessMillis(at("2000-01-01T00:00", BERLIN), at("2100-01-01T00:00", BERLIN)))
                    .isEqualTo(sum);
        }
    }

    @Nested
    class Properties {

        static final String[] ZONES = {"Europe/Berlin", "America/New_York", "UTC", "Asia/Kathmandu",
            "Australia/Lord_Howe", "Pacific/Apia", "America/Santiago", "America/Sao_Paulo", "Africa/Casablanca",
            "America/St_Johns", "Asia/Tokyo"};

        static final long SPAN_FROM = utc("2010-06-01T00:00:00Z");
        static final long SPAN_TO = utc("2027-06-01T00:00:00Z");

        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 42, 2026})
        void splittingAnIntervalSplitsItsBusinessTime(long seed) {
            Random random = new Random(seed);
            for (String zoneName : ZONES) {
                ZoneId zone = ZoneId.of(zoneName);
                for (int schedule = 0; schedule < 4; schedule++) {
                    Map<DayOfWeek, List<OpenInterval>> weekly = randomWeekly(random);
                    Set<LocalDate> holidays = randomHolidays(random);
                    BusinessCalendar calendar = BusinessCalendar.of(zone, weekly, holidays);
                    for (int i = 0; i < 200; i++) {
                        long[] points = randomSortedPoints(random, 3);
                        long from = points[0];
                        long mid = points[1];
                        long to = points[2];
                        long whole = calendar.businessMillis(from, to);
                        assertThat(whole).as("%s %s [%d, %d)", zone, weekly, from, to)
                                .isEqualTo(calendar.businessMillis(from, mid) + calendar.businessMillis(mid, to))
                                .isBetween(0L, to - from);
                    }
                }
            }
        }

        @ParameterizedTest
        @ValueSource(longs = {7, 8, 9})
        void agreesWithAStraightforwardReading(long seed) {
            Random random = new Random(seed);
            for (String zoneName : ZONES) {
                ZoneId zone = ZoneId.of(zoneName);
                for (int schedule = 0; schedule < 4; schedule++) {
                    Map<DayOfWeek, List<OpenInterval>> weekly = randomWeekly(random);
                    Set<LocalDate> holidays = randomHolidays(random);
                    BusinessCalendar calendar = BusinessCalendar.of(zone, weekly, holidays);
                    for (int i = 0; i < 100; i++) {
                        long[] points = randomSortedPoints(random, 2);
                        assertThat(calendar.businessMillis(points[0], points[1]))
                                .as("%s %s %s [%d, %d)", zone, weekly, holidays, points[0], points[1])
                                .isEqualTo(reference(zone, weekly, holidays, points[0], points[1]));
                    }
                }
            }
        }

        @Test
        void aSharedInstanceGivesTheSameAnswersFromManyThreads() {
            BusinessCalendar calendar = BusinessCalendar.of(BERLIN, on(WEEKDAYS, "09:00-12:00", "13:00-17:00"),
                    Set.of(LocalDate.parse("2026-12-24")));
            Random random = new Random(5);
            long[][] spans = new long[2000][];
            for (int i = 0; i < spans.length; i++) {
                spans[i] = randomSortedPoints(random, 2);
            }
            long[] sequential = Arrays.stream(spans).mapToLong(s -> calendar.businessMillis(s[0], s[1])).toArray();
            long[] parallel = IntStream.range(0, spans.length).parallel()
                    .mapToLong(i -> calendar.businessMillis(spans[i][0], spans[i][1])).toArray();
            assertThat(parallel).isEqualTo(sequential);
        }

        /** Mostly short spans (minutes to days), some long ones, all within 2010..2027 to cross many transitions. */
        private static long[] randomSortedPoints(Random random, int count) {
            long base = SPAN_FROM + (long) (random.nextDouble() * (SPAN_TO - SPAN_FROM - 400 * 24 * HOUR));
            long reach = switch (random.nextInt(4)) {
                case 0 -> 3 * HOUR;
                case 1 -> 3 * 24 * HOUR;
                case 2 -> 20 * 24 * HOUR;
                default -> 400 * 24 * HOUR;
            };
            long[] points = new long[count];
            for (int i = 0; i < count; i++) {
                // minute-aligned half of the time, so boundaries are hit exactly
                long offset = (long) (random.nextDouble() * reach);
                points[i] = base + (random.nextBoolean() ? offset - offset % MINUTE : offset);
            }
            Arrays.sort(points);
            return points;
        }

        /** Up to 3 openings a day on a 15-minute grid, biased to the early hours where transitions happen. */
        private static Map<DayOfWeek, List<OpenInterval>> randomWeekly(Random random) {
            Map<DayOfWeek, List<OpenInterval>> weekly = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                int count = random.nextInt(4);
                List<OpenInterval> openings = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int limit = random.nextBoolean() ? 5 * 4 : 24 * 4;
                    int a = random.nextInt(limit + 1);
                    int b = random.nextInt(limit + 1);
                    if (random.nextInt(6) == 0) {
                        b = 24 * 4;
                    }
                    if (a != b) {
                        openings.add(new OpenInterval(Math.min(a, b) * 15, Math.max(a, b) * 15));
                    }
                }
                if (!openings.isEmpty()) {
                    weekly.put(day, openings);
                }
            }
            return weekly;
        }

        private static Set<LocalDate> randomHolidays(Random random) {
            Set<LocalDate> holidays = new HashSet<>();
            LocalDate first = LocalDate.of(2010, 6, 1);
            for (int i = random.nextInt(300); i > 0; i--) {
                holidays.add(first.plusDays(random.nextInt(17 * 366)));
            }
            return holidays;
        }

        /**
         * The class comment's definition, read literally: every opening of every nearby local date converted with
         * ZonedDateTime.of (a day's touching openings merged first), unioned, clipped to [from, to).
         */
        private static long reference(ZoneId zone, Map<DayOfWeek, List<OpenInterval>> weekly, Set<LocalDate> holidays,
                long from, long to) {
            if (to <= from) {
                return 0;
            }
            List<long[]> intervals = new ArrayList<>();
            LocalDate last = Instant.ofEpochMilli(to).atOffset(ZoneOffset.UTC).toLocalDate().plusDays(3);
            for (LocalDate date = Instant.ofEpochMilli(from).atOffset(ZoneOffset.UTC).toLocalDate().minusDays(3);
                    !date.isAfter(last); date = date.plusDays(1)) {
                if (holidays.contains(date)) {
                    continue;
                }
                List<OpenInterval> openings = new ArrayList<>(weekly.getOrDefault(date.getDayOfWeek(), List.of()));
                openings.sort(Comparator.comparingInt(OpenInterval::startMinute));
                List<int[]> runs = new ArrayList<>();
                for (OpenInterval o : openings) {
                    if (!runs.isEmpty() && o.startMinute() <= runs.get(runs.size() - 1)[1]) {
                        runs.get(runs.size() - 1)[1] = Math.max(runs.get(runs.size() - 1)[1], o.endMinute());
                    } else {
                        runs.add(new int[] {o.startMinute(), o.endMinute()});
                    }
                }
                for (int[] run : runs) {
                    long start = localInstant(date, run[0], zone);
                    long end = localInstant(date, run[1], zone);
                    if (end > start) {
                        intervals.add(new long[] {start, end});
                    }
                }
            }
            intervals.sort(Comparator.comparingLong(iv -> iv[0]));
            long total = 0;
            long coveredTo = Long.MIN_VALUE;
            for (long[] iv : intervals) {
                long lo = Math.max(Math.max(iv[0], coveredTo), from);
                long hi = Math.min(iv[1], to);
                if (hi > lo) {
                    total += hi - lo;
                }
                coveredTo = Math.max(coveredTo, iv[1]);
            }
            return total;
        }

        private static long localInstant(LocalDate date, int minute, ZoneId zone) {
            ZonedDateTime zoned = minute == OpenInterval.DAY_MINUTES
                    ? ZonedDateTime.of(date.plusDays(1), LocalTime.MIDNIGHT, zone)
                    : ZonedDateTime.of(date, LocalTime.of(minute / 60, minute % 60), zone);
            return zoned.toInstant().toEpochMilli();
        }
    }

    @Nested
    class DegenerateCalendars {

        @Test
        void aWeekendsOnlyCalendarCountsOnlyWeekends() {
            BusinessCalendar calendar = BusinessCalendar.of(BERLIN,
                    on(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), "10:00-16:00"), Set.of());
            assertThat(calendar.businessMillis(at(MONDAY + "T00:00", BERLIN), at("2026-03-16T00:00", BERLIN)))
                    .isEqualTo(12 * HOUR);
            assertThat(calendar.businessMillis(at(MONDAY + "T00:00", BERLIN), at("2026-03-14T00:00", BERLIN))).isZero();
            // Friday 16:00 -> Monday 10:00 is the whole weekend
            assertThat(calendar.businessMillis(at(FRIDAY + "T16:00", BERLIN), at(MONDAY + "T10:00", BERLIN)))
                    .isEqualTo(12 * HOUR);
        }

        @Test
        void aCalendarWithoutOpeningsIsAlwaysZero() {
            long from = utc("2020-01-01T00:00:00Z");
            long to = utc("2030-01-01T00:00:00Z");
            assertThat(BusinessCalendar.of(BERLIN, Map.of(), Set.of()).businessMillis(from, to)).isZero();
            assertThat(BusinessCalendar.of(UTC, Map.of(DayOfWeek.MONDAY, List.of()), Set.of(LocalDate.parse("2026-03-09")))
                    .businessMillis(from, to)).isZero();
        }

        @Test
        void aCalendarWhoseOnlyOpeningDayIsAHolidayIsZeroThatDay() {
            BusinessCalendar calendar = BusinessCalendar.of(BERLIN, on(Set.of(DayOfWeek.MONDAY), "00:00-24:00"),
                    Set.of(LocalDate.parse(MONDAY)));
            assertThat(calendar.businessMillis(at(FRIDAY + "T00:00", BERLIN), at(TUESDAY + "T00:00", BERLIN))).isZero();
            assertThat(calendar.businessMillis(at(FRIDAY + "T00:00", BERLIN), at("2026-03-17T00:00", BERLIN)))
                    .isEqualTo(24 * HOUR);
        }

        @Test
        void theCallersCollectionsAreNotKept() {
            Map<DayOfWeek, List<OpenInterval>> weekly = new EnumMap<>(DayOfWeek.class);
            List<OpenInterval> monday = new ArrayList<>(List.of(open("09:00-17:00")));
            weekly.put(DayOfWeek.MONDAY, monday);
            Set<LocalDate> holidays = new HashSet<>();
            BusinessCalendar calendar = BusinessCalendar.of(BERLIN, weekly, holidays);
            monday.add(open("18:00-20:00"));
            weekly.put(DayOfWeek.TUESDAY, List.of(open("09:00-17:00")));
            holidays.add(LocalDate.parse(MONDAY));
            assertThat(calendar.businessMillis(at(MONDAY + "T00:00", BERLIN), at("2026-03-11T00:00", BERLIN)))
                    .isEqualTo(8 * HOUR);
        }
    }
}
