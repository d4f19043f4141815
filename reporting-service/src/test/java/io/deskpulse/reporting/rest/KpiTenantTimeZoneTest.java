package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.KpiRows;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Without tz, a report is in the tenant's zone: the latest settings version's time_zone, else UTC. */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiTenantTimeZoneTest {

    // This class's own tenants (TestTenant): it writes, reads and deletes only their rows.
    private static final String TENANT = TestTenant.KPI_TENANT_TIME_ZONE.id();
    private static final String KEY = TestTenant.KPI_TENANT_TIME_ZONE.readKey();
    private static final String OTHER_KEY = TestTenant.KPI_TENANT_TIME_ZONE_OTHER.readKey();

    private static final String RANGE = "from=2026-11-01&to=2026-11-02&metrics=tickets_created";

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.KPI_TENANT_TIME_ZONE, TestTenant.KPI_TENANT_TIME_ZONE_OTHER);
        row(TENANT, "2026-11-02T03:00:00Z").created(1).insert(); // 2026-11-01 22:00 in New York (EST)
    }

    @Test
    void withoutSettingsUtc() {
        Map<String, Object> page = Api.page(KEY, RANGE);
        assertThat(page).containsEntry("tz", "UTC");
        assertThat(created(page)).containsExactly(tuple("2026-11-02", 1L));
    }

    @Test
    void theLatestSettingsVersionsZoneIsTheDefault() {
        KpiRows.settings(TENANT, 1, "{\"time_zone\": \"Europe/Berlin\"}");
        KpiRows.settings(TENANT, 2, "{\"time_zone\": \"America/New_York\", \"qa_pass_mark\": 75}");
        Map<String, Object> page = Api.page(KEY, RANGE);
        assertThat(page).containsEntry("tz", "America/New_York");
        assertThat(created(page)).containsExactly(tuple("2026-11-01", 1L));
        // an explicit tz still wins
        Map<String, Object> utc = Api.page(KEY, RANGE + "&tz=UTC");
        assertThat(utc).containsEntry("tz", "UTC");
        assertThat(created(utc)).containsExactly(tuple("2026-11-02", 1L));
        // another tenant keeps its own default
        assertThat(Api.page(OTHER_KEY, RANGE)).containsEntry("tz", "UTC");
    }

    @Test
    void settingsWithoutATimeZoneMeanUtc() {
        KpiRows.settings(TENANT, 1, "{\"qa_pass_mark\": 75}");
        assertThat(Api.page(KEY, RANGE)).containsEntry("tz", "UTC");
    }

    @Test
    void theDefaultZoneDecidesTodayForTheDefaultRange() {
        ZoneId zone = ZoneId.of("Pacific/Kiritimati"); // +14: "today" there is usually tomorrow in UTC
        KpiRows.settings(TENANT, 1, "{\"time_zone\": \"Pacific/Kiritimati\"}");
        LocalDate today = LocalDate.now(zone);
        Map<String, Object> page = Api.page(KEY, "metrics=tickets_created");
        assumeThat(LocalDate.now(zone)).as("the day changed during the request").isEqualTo(today);
        assertThat(page).containsEntry("tz", "Pacific/Kiritimati")
                .containsEntry("from", today.minusDays(6).toString()).containsEntry("to", today.toString());
    }

    @Test
    void aPartHourDefaultZoneIsRefusedLikeAnExplicitOne() {
        KpiRows.settings(TENANT, 1, "{\"time_zone\": \"Asia/Kolkata\"}");
        Api.as(KEY).get("/v1/kpis?" + RANGE).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("tz"))
                .body("errors[0].reason", containsString("+05:30"))
                .body("errors[0].reason", containsString("tenant's default time zone"));
        assertThat(Api.page(KEY, RANGE + "&tz=UTC")).containsEntry("tz", "UTC");
    }

    @Test
    void aDefaultZoneUnknownHereIsA400OnTzNotAnotherZone() {
        KpiRows.settings(TENANT, 1, "{\"time_zone\": \"Mars/Olympus\"}");
        Api.as(KEY).get("/v1/kpis?" + RANGE).then().statusCode(400)
                .body("errors.field", contains("tz"))
                .body("errors[0].reason", containsString("'Mars/Olympus'"));
        assertThat(Api.page(KEY, RANGE + "&tz=UTC")).containsEntry("tz", "UTC");
    }

    @Test
    void aCursorIsBoundToTheDefaultZoneItWasMadeIn() {
        row(TENANT, "2026-11-02T15:00:00Z").created(2).insert();
        KpiRows.settings(TENANT, 1, "{\"time_zone\": \"America/New_York\"}");
        String cursor = (String) Api.page(KEY, RANGE + "&limit=1").get("next_cursor");
        assertThat(cursor).isNotNull();
        KpiRows.settings(TENANT, 2, "{\"time_zone\": \"Europe/Berlin\"}");
        Api.as(KEY).get("/v1/kpis?" + RANGE + "&limit=1&cursor=" + cursor).then().statusCode(400)
                .body("errors.field", contains("cursor"));
        // naming the zone it was made in keeps it valid
        assertThat(Api.page(KEY, RANGE + "&limit=1&tz=America/New_York&cursor=" + cursor).get("rows")).asList().hasSize(1);
    }

    private static List<Tuple> created(Map<String, Object> page) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("rows");
        return rows.stream().map(r -> tuple(r.get("period"), Api.count(r, "tickets_created"))).toList();
    }
}
