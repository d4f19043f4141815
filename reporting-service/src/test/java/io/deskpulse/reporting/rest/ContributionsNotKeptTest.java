package io.deskpulse.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.KpiRows;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant whose active numbers were computed with keep_contributions false (docs/settings.md): its KPIs are served as
 * always, the drill-down answers 409 instead of an empty page that would say a cell has no items, and the ticket
 * filters that read the contribution rows are refused naming them.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class ContributionsNotKeptTest {

    private static final TestTenant TENANT = TestTenant.KPI_CONTRIBUTIONS_NOT_KEPT;

    @BeforeAll
    static void data() {
        TestData.reset(TENANT);
        KpiRows.activeGeneration(TENANT.id(), 3);
        KpiRows.execute("UPDATE tenant_state SET active_settings_version = 1 WHERE tenant_id = '" + TENANT.id() + "'");
        KpiRows.settings(TENANT.id(), 1, "{\"time_zone\": \"UTC\", \"keep_contributions\": false}");
        KpiRows.row(TENANT.id(), "2026-11-02T09:00:00Z").generation(3).team("t-1").agent("a-1").channel("email")
                .set("tickets_created", 2).insert();
    }

    @Test
    void theKpisAreServedAndTheirItemsAreAConflictThatSaysWhy() {
        Map<String, Object> kpis = Api.parse(Api.as(TENANT.readKey())
                .get("/v1/kpis?metrics=tickets_created&from=2026-11-02&to=2026-11-02").then().statusCode(200)
                .extract().asString());
        assertThat(kpis.toString()).contains("tickets_created=2");

        Response items = Api.as(TENANT.readKey())
                .get("/v1/kpis/contributions?metric=tickets_created&period=2026-11-02");
        assertThat(items.statusCode()).isEqualTo(409);
        assertThat(items.contentType()).isEqualTo("application/problem+json");
        Map<String, Object> problem = Api.parse(items.asString());
        assertThat(problem.get("type")).isEqualTo("https://deskpulse.io/problems/contributions-not-kept");
        assertThat((String) problem.get("detail")).contains("keep_contributions: false");
    }

    @Test
    void badParametersAreStillNamedFirst() {
        Api.assertOneInvalidParameter(Api.as(TENANT.readKey())
                .get("/v1/kpis/contributions?metric=tickets_created&period=2026-11-02&channel=fax"), "channel",
                "must be one of");
    }

    @Test
    void theTicketFiltersThatReadContributionRowsAreRefusedNamingThem() {
        Api.assertOneInvalidParameter(Api.as(TENANT.readKey()).get("/v1/tickets?solver=a-1"), "solver",
                "needs the contribution rows");
        Api.assertOneInvalidParameter(Api.as(TENANT.readKey()).get("/v1/tickets?sla_breached=true"), "sla_breached",
                "keep_contributions: false");
        Api.as(TENANT.readKey()).get("/v1/tickets?first_responder=a-1").then().statusCode(200);
    }
}
