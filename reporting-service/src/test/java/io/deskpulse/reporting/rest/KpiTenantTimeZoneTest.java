package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.KpiRows.row;
import static io.deskpulse.reporting.support.TestKeys.READ_A;
import static io.deskpulse.reporting.support.TestKeys.READ_B;
import static io.deskpulse.reporting.support.TestKeys.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.KpiRows;
import io.deskpulse.reporting.support.ReportingTestDatabase;
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

    private static final String RANGE = "from=2026-11-01&to=2026-11-02&metrics=tickets_created";

    @BeforeEach
    void data() {
        KpiRows.clear();
        row(TENANT_A, "2026-11-02T03:00:00Z").created(1).insert(); // 2026-11-01 22:00 in New York (EST)
    }

    @Test
    void withoutSettingsUtc() {
        Map<String, Object> page = Api.page(RANGE);
        assertThat(page).containsEntry("tz", "UTC");
        assertThat(created(page)).containsExactly(tuple("2026-11-02", 1L));
    }

    @Test
    void theLatestSettingsVersionsZoneIsTheDefault() {
        KpiRows.settings(TENANT_A, 1, "{\"time_zone\": \"Europe/Berlin\"}");
        KpiRows.settings(TENANT_A, 2, "{\"time_zone\": \"America/New_York\", \"qa_pass_mark\": 75}");
        Map<String, Object> page = Api.page(RANGE);
        assertThat(page).containsEntry("tz", "America/New_York");
        assertThat(created(page)).containsExactly(tuple("2026-11-01", 1L));
        // an explicit tz still wins
        Map<String, Object> utc = Api.page(RANGE + "&tz=UTC");
        assertThat(utc).containsEntry("tz", "UTC");
        assertThat(created(utc)).containsExactly(tuple("2026-11-02", 1L));
        // another tenant keeps its own default
        assertThat(Api.page(READ_B, RANGE)).containsEntry("tz", "UTC");
    }

    @Test
    void settingsWithoutATimeZoneMeanUtc() {
        KpiRows.settings(TENANT_A, 1, "{\"qa_pass_mark\": 75}");
        assertThat(Api.page(RANGE)).containsEntry("tz", "UTC");
    }

    @Test
    void theDefaultZoneDecidesTodayForTheDefaultRange() {
        ZoneId zone = ZoneId.of("Pacific/Kiritimati"); // +14: "today" there is usually tomorrow in UTC
        KpiRows.settings(TENANT_A, 1, "{\"time_zone\": \"Pacific/Kiritimati\"}");
        LocalDate today = LocalDate.now(zone);
        Map<String, Object> page = Api.page("metrics=tickets_created");
        assumeThat(LocalDate.now(zone)).as("the day changed during the request").isEqualTo(today);
        assertThat(page).containsEntry("tz", "Pacific/Kiritimati")
                .containsEntry("from", today.minusDays(6).toString()).containsEntry("to", today.toString());
    }

    @Test
    void aPartHourDefaultZoneIsRefusedLikeAnExplicitOne() {
        KpiRows.settings(TENANT_A, 1, "{\"time_zone\": \"Asia/Kolkata\"}");
        Api.as(READ_A).get("/v1/kpis?" + RANGE).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("tz"))
                .body("errors[0].reason", containsString("+05:30"))
                .body("errors[0].reason", containsString("tenant's default time zone"));
        assertThat(Api.page(RANGE + "&tz=UTC")).containsEntry("tz", "UTC");
    }

    @Test
    void aDefaultZoneUnknownHereIsA400OnTzNotAnotherZone() {
        KpiRows.settings(TENANT_A, 1, "{\"time_zone\": \"Mars/Olympus\"}");
        Api.as(READ_A).get("/v1/kpis?" + RANGE).then().statusCode(400)
                .body("errors.field", contains("tz"))
                .body("errors[0].reason", containsString("'Mars/Olympus'"));
        assertThat(Api.page(RANGE + "&tz=UTC")).containsEntry("tz", "UTC");
    }

    @Test
    void aCursorIsBoundToTheDefaultZoneItWasMadeIn() {
        row(TENANT_A, "2026-11-02T15:00:00Z").created(2).insert();
        KpiRows.settings(TENANT_A, 1, "{\"time_zone\": \"America/New_York\"}");
        String cursor = (String) Api.page(RANGE + "&limit=1").get("next_cursor");
        assertThat(cursor).isNotNull();
        KpiRows.settings(TENANT_A, 2, "{\"time_zone\": \"Europe/Berlin\"}");
        Api.as(READ_A).get("/v1/kpis?" + RANGE + "&limit=1&cursor=" + cursor).then().statusCode(400)
                .body("errors.field", contains("cursor"));
        // naming the zone it was made in keeps it valid
        assertThat(Api.page(RANGE + "&limit=1&tz=America/New_York&cursor=" + cursor).get("rows")).asList().hasSize(1);
    }

    private static List<Tuple> created(Map<String, Object> page) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("rows");
        return rows.stream().map(r -> tuple(r.get("period"), Api.count(r, "tickets_created"))).toList();
    }
}
