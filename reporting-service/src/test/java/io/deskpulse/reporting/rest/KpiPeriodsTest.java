package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Granularities, time zones (DST days of 23 and 25 hours) and the default range. */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiPeriodsTest {

    // This class's own tenant (TestTenant): it writes, reads and deletes only its rows.
    private static final String TENANT = TestTenant.KPI_PERIODS.id();
    private static final String KEY = TestTenant.KPI_PERIODS.readKey();

    private static final String CREATED = "&metrics=tickets_created";

    @BeforeEach
    void clear() {
        TestData.reset(TestTenant.KPI_PERIODS);
    }

    private static void weeksAndMonths() {
        row(TENANT, "2026-10-30T12:00:00Z").created(1).insert(); // Friday
        row(TENANT, "2026-11-01T12:00:00Z").created(2).insert(); // Sunday
        row(TENANT, "2026-11-02T12:00:00Z").created(4).insert(); // Monday
        row(TENANT, "2026-11-08T12:00:00Z").created(8).insert(); // Sunday
        row(TENANT, "2026-11-09T12:00:00Z").created(16).insert(); // Monday
        row(TENANT, "2026-12-01T12:00:00Z").created(32).insert();
    }

    @Test
    void days() {
        weeksAndMonths();
        assertThat(created("from=2026-11-01&to=2026-11-02")).containsExactly(
                tuple("2026-11-01", 2L), tuple("2026-11-02", 4L));
    }

    @Test
    void isoWeeksStartOnMondayAndHoldOnlyDaysInTheRange() {
        weeksAndMonths();
        assertThat(created("granularity=week&from=2026-10-31&to=2026-11-09")).containsExactly(
                tuple("2026-10-26", 2L), tuple("2026-11-02", 12L), tuple("2026-11-09", 16L));
    }

    @Test
    void months() {
        weeksAndMonths();
        assertThat(created("granularity=month&from=2026-10-01&to=2026-12-31")).containsExactly(
                tuple("2026-10-01", 1L), tuple("2026-11-01", 30L), tuple("2026-12-01", 32L));
    }

    @Test
    void totalIsOnePeriodLabelledFrom() {
        weeksAndMonths();
        assertThat(created("granularity=total&from=2026-10-31&to=2026-11-30")).containsExactly(tuple("2026-10-31", 30L));
    }

    @Test
    void anHourIsGroupedByItsLocalDate() {
        row(TENANT, "2026-11-02T03:00:00Z").created(1).insert(); // 2026-11-01 22:00 in New York (EST)
        assertThat(created("from=2026-11-01&to=2026-11-02")).containsExactly(tuple("2026-11-02", 1L));
        assertThat(created("tz=America/New_York&from=2026-11-01&to=2026-11-02")).containsExactly(tuple("2026-11-01", 1L));
        assertThat(created("tz=America/New_York&from=2026-11-02&to=2026-11-02")).isEmpty();
    }

    @Test
    void fallBackDayHas25Hours() {
        hourly("2026-11-01T00:00:00Z", "2026-11-02T11:00:00Z"); // 35 hours, created 1 each
        // New York: 2026-10-31 from 04:00Z (EDT), 2026-11-01 04:00Z to 2026-11-02 05:00Z, then EST
        assertThat(created("tz=America/New_York&from=2026-10-31&to=2026-11-02")).containsExactly(
                tuple("2026-10-31", 4L), tuple("2026-11-01", 25L), tuple("2026-11-02", 6L));
    }

    @Test
    void springForwardDayHas23Hours() {
        hourly("2026-03-08T00:00:00Z", "2026-03-09T06:00:00Z");
        assertThat(created("tz=America/New_York&from=2026-03-08&to=2026-03-08")).containsExactly(tuple("2026-03-08", 23L));
        hourly("2026-03-28T20:00:00Z", "2026-03-30T00:00:00Z");
        // Berlin: 2026-03-29 runs from 23:00Z (CET) to 22:00Z (CEST) the next day
        assertThat(created("tz=europe/berlin&from=2026-03-29&to=2026-03-29")).containsExactly(tuple("2026-03-29", 23L));
    }

    @Test
    void aWeekAcrossTheChangeCountsEveryHourOnce() {
        hourly("2026-10-25T00:00:00Z", "2026-11-10T00:00:00Z");
        // New York week of Monday 2026-11-02 (EST throughout): 7 * 24 hours; the week before holds the 25-hour day
        assertThat(created("tz=America/New_York&granularity=week&from=2026-10-26&to=2026-11-08")).containsExactly(
                tuple("2026-10-26", 7 * 24L + 1), tuple("2026-11-02", 7 * 24L));
    }

    @Test
    void halfHourZoneIsRefusedNamingTz() {
        Api.as(KEY)
                .get("/v1/kpis?tz=Asia/Kolkata&from=2026-11-01&to=2026-11-02")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("tz"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("+05:30"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("whole number of hours"));
    }

    @Test
    void defaultRangeIsTheSevenDaysEndingTodayInTz() {
        assertDefaultRange(ZoneOffset.UTC, "");
        // +14: "today" there is usually tomorrow in UTC
        assertDefaultRange(ZoneId.of("Pacific/Kiritimati"), "tz=Pacific/Kiritimati&");
    }

    @Test
    void onlyFromMeansUntilTodayOnlyToMeansTheSevenDaysBefore() {
        Map<String, Object> page = today(ZoneOffset.UTC, () -> Api.page(KEY, "from=2026-01-01"));
        assumeThat(page).isNotNull();
        assertThat(page.get("to")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        Map<String, Object> untilTo = Api.page(KEY, "to=2026-11-07");
        assertThat(untilTo).containsEntry("from", "2026-11-01").containsEntry("to", "2026-11-07");
    }

    private void assertDefaultRange(ZoneId zone, String query) {
        LocalDate today = LocalDate.now(zone);
        // today's midnight in the zone is in the past, so there is data "today" whatever the hour
        for (int daysAgo : new int[] {7, 6, 0}) {
            Instant hour = today.minusDays(daysAgo).atStartOfDay(zone).toInstant();
            row(TENANT, hour.toString()).created(1L << daysAgo).insert();
        }
        Map<String, Object> page = today(zone, () -> Api.page(KEY, query + "metrics=tickets_created"));
        assumeThat(page).as("the day changed during the request").isNotNull();
        assertThat(page).containsEntry("from", today.minusDays(6).toString()).containsEntry("to", today.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("rows");
        assertThat(rows).extracting(r -> r.get("period"), r -> Api.count(r, "tickets_created")).containsExactly(
                tuple(today.minusDays(6).toString(), 64L), tuple(today.toString(), 1L));
        TestData.reset(TestTenant.KPI_PERIODS);
    }

    /** The answer, or null when the date in the zone changed while it was computed (midnight). */
    private static <T> T today(ZoneId zone, Supplier<T> request) {
        LocalDate before = LocalDate.now(zone);
        T result = request.get();
        return before.equals(LocalDate.now(zone)) ? result : null;
    }

    private static void hourly(String fromInclusive, String toExclusive) {
        for (Instant h = Instant.parse(fromInclusive); h.isBefore(Instant.parse(toExclusive)); h = h.plus(1, ChronoUnit.HOURS)) {
            row(TENANT, h.toString()).created(1).insert();
        }
    }

    private static List<Tuple> created(String query) {
        return Api.rows(KEY, query + CREATED).stream()
                .map(r -> tuple(r.get("period"), Api.count(r, "tickets_created"))).toList();
    }
}
