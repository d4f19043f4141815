package io.deskpulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.scoring.domain.ReconciliationRange.Slice;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hours a reconciliation checks and the slices of local days it checks them in, without a database. */
class ReconciliationRangeTest {

    private static final long HOUR = 3_600_000L;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void theRangeIsEveryHourThatOverlapsWhatWasAskedFor() {
        ReconciliationRange range = ReconciliationRange.of(Instant.parse("2026-11-02T09:30:00Z"),
                Instant.parse("2026-11-02T12:00:00.001Z"), ZoneOffset.UTC);
        assertThat(range.startMillis()).isEqualTo(at("2026-11-02T09:00:00Z"));
        assertThat(range.endMillis()).isEqualTo(at("2026-11-02T13:00:00Z"));
        assertThat(ReconciliationRange.of(Instant.parse("2026-11-02T09:00:00Z"), Instant.parse("2026-11-02T12:00:00Z"),
                ZoneOffset.UTC).endMillis()).isEqualTo(at("2026-11-02T12:00:00Z"));
    }

    @Test
    void slicesAreAWeekOfLocalDaysAndOnlyWholeDaysHaveTheirDailyRowsChecked() {
        ReconciliationRange range = ReconciliationRange.of(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC);
        List<Slice> slices = slices(range, 7);
        assertThat(slices).extracting(Slice::startMillis).containsExactly(at("2026-11-01T00:00:00Z"),
                at("2026-11-08T00:00:00Z"), at("2026-11-15T00:00:00Z"));
        assertThat(slices.get(2).endMillis()).isEqualTo(at("2026-11-20T00:00:00Z"));
        assertThat(slices).extracting(s -> s.wholeDays().size()).containsExactly(7, 7, 5);
        assertThat(slices.get(0).firstUtcDay()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(slices.get(0).lastUtcDay()).isEqualTo(LocalDate.parse("2026-11-07"));
    }

    @Test
    void aRangeCuttingDaysInBerlinAcrossTheEndOfSummerTime() {
        // 25 October 2026: Berlin's day has 25 hours, from 22:00 UTC the day before to 23:00 UTC
        ReconciliationRange range = ReconciliationRange.of(Instant.parse("2026-10-24T10:30:00Z"),
                Instant.parse("2026-10-27T05:00:00Z"), BERLIN);
        Slice slice = range.sliceFrom(range.startMillis(), 7);

        assertThat(slice.startMillis()).isEqualTo(at("2026-10-24T10:00:00Z"));
        assertThat(slice.endMillis()).isEqualTo(at("2026-10-27T05:00:00Z"));
        assertThat(slice.wholeDays()).containsExactly(LocalDate.parse("2026-10-25"), LocalDate.parse("2026-10-26"));
        assertThat(range.firstHour(LocalDate.parse("2026-10-25"))).isEqualTo(at("2026-10-24T22:00:00Z"));
        assertThat(range.firstHour(LocalDate.parse("2026-10-26"))).isEqualTo(at("2026-10-25T23:00:00Z"));
        assertThat(slices(range, 1)).extracting(Slice::endMillis).containsExactly(at("2026-10-24T22:00:00Z"),
                at("2026-10-25T23:00:00Z"), at("2026-10-26T23:00:00Z"), at("2026-10-27T05:00:00Z"));
    }

    @Test
    void inAHalfHourZoneADayHoldsTheHoursThatStartInIt() {
        ReconciliationRange range = new ReconciliationRange(0, 0, ZoneId.of("Asia/Kolkata"));
        assertThat(range.firstHour(LocalDate.parse("2026-11-03"))).isEqualTo(at("2026-11-02T19:00:00Z"));
        assertThat(range.dayOfHour(at("2026-11-02T18:00:00Z"))).isEqualTo(LocalDate.parse("2026-11-02"));
        assertThat(range.dayOfHour(at("2026-11-02T19:00:00Z"))).isEqualTo(LocalDate.parse("2026-11-03"));
    }

    /** In any zone, slices cover the range without gap or overlap, and list each whole day once, with its hours. */
    @Test
    void slicesTileTheRangeInAnyZone() {
        Random random = new Random(3);
        List<ZoneId> zones = List.of(ZoneOffset.UTC, BERLIN, ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"),
                ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Chatham"));
        for (int round = 0; round < 300; round++) {
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            long from = at("2026-01-01T00:00:00Z") + (long) (random.nextDouble() * 360 * 24) * HOUR + random.nextInt(3_600_000);
            long to = from + 1 + (long) (random.nextDouble() * 40 * 24 * HOUR);
            ReconciliationRange range = ReconciliationRange.of(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), zone);
            int days = 1 + random.nextInt(8);
            long next = range.startMillis();
            List<LocalDate> whole = new ArrayList<>();
            for (Slice slice : slices(range, days)) {
                assertThat(slice.startMillis()).isEqualTo(next);
                assertThat(slice.endMillis()).isGreaterThan(slice.startMillis());
                for (LocalDate day : slice.wholeDays()) {
                    for (long hour = range.firstHour(day); hour < range.firstHour(day.plusDays(1)); hour += HOUR) {
                        assertThat(slice.holds(hour)).as("%s %s", zone, day).isTrue();
                        assertThat(range.dayOfHour(hour)).isEqualTo(day);
                    }
                }
                whole.addAll(slice.wholeDays());
                next = slice.endMillis();
            }
            assertThat(next).isEqualTo(range.endMillis());
            List<LocalDate> expected = new ArrayList<>();
            for (LocalDate day = range.dayOfHour(range.startMillis()); range.firstHour(day) < range.endMillis();
                    day = day.plusDays(1)) {
                if (range.firstHour(day) >= range.startMillis() && range.firstHour(day.plusDays(1)) <= range.endMillis()) {
                    expected.add(day);
                }
            }
            assertThat(whole).as("round %d in %s", round, zone).isEqualTo(expected);
        }
    }

    @Test
    void aSliceStartsAtAnHourOfTheRange() {
        ReconciliationRange range = ReconciliationRange.of(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-02T00:00:00Z"), ZoneOffset.UTC);
        assertThatThrownBy(() -> range.sliceFrom(at("2026-11-02T00:00:00Z"), 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> range.sliceFrom(at("2026-11-01T00:30:00Z"), 7)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Slice> slices(ReconciliationRange range, int days) {
        List<Slice> slices = new ArrayList<>();
        for (long cursor = range.startMillis(); cursor < range.endMillis(); ) {
            Slice slice = range.sliceFrom(cursor, days);
            slices.add(slice);
            cursor = slice.endMillis();
        }
        return slices;
    }
}
