package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API keys decide access and tenant; a tenant never sees another's rows. */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiSecurityTest {

    // This class's own tenants (TestTenant): it writes, reads and deletes only their rows.
    private static final String TENANT = TestTenant.KPI_SECURITY.id();
    private static final String KEY = TestTenant.KPI_SECURITY.readKey();
    private static final String OTHER = TestTenant.KPI_SECURITY_OTHER.id();
    private static final String OTHER_KEY = TestTenant.KPI_SECURITY_OTHER.readKey();

    private static final String DAY = "from=2026-11-02&to=2026-11-02&metrics=tickets_created";

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.KPI_SECURITY, TestTenant.KPI_SECURITY_OTHER);
        row(TENANT, "2026-11-02T09:00:00Z").team("t-1").agent("a-1").channel("chat").created(5).insert();
        row(OTHER, "2026-11-02T09:00:00Z").team("t-9").agent("b-1").channel("chat").created(3).insert();
    }

    @Test
    void noKeyIs401WithChallenge() {
        RestAssured.given().get("/v1/kpis").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").header("Cache-Control", "private, no-store").contentType("application/problem+json")
                .body("type", equalTo("https://deskpulse.io/problems/unauthorized"));
    }

    @Test
    void unknownKeyIs401WithChallenge() {
        Api.as("not-a-key-of-anyone-1234").get("/v1/kpis").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        RestAssured.given().header("Authorization", "Basic dXNlcjpwYXNz").get("/v1/kpis").then().statusCode(401);
    }

    @Test
    void ingestOnlyKeyIs403() {
        Api.as(TestTenant.INGEST_ONLY_KEY).get("/v1/kpis").then().statusCode(403).contentType("application/problem+json")
                .header("Cache-Control", "private, no-store")
                .body("type", equalTo("https://deskpulse.io/problems/forbidden"));
    }

    @Test
    void authenticationComesBeforeValidation() {
        RestAssured.given().get("/v1/kpis?dimension=nonsense").then().statusCode(401);
    }

    @Test
    void eachTenantSeesOnlyItsOwnRows() {
        Api.as(KEY).get("/v1/kpis?" + DAY).then().statusCode(200).header("Cache-Control", "private, no-store");
        List<Map<String, Object>> a = Api.rows(KEY, DAY);
        assertThat(a).extracting(r -> r.get("id"), r -> Api.count(r, "tickets_created"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TENANT, 5L));
        List<Map<String, Object>> b = Api.rows(OTHER_KEY, "dimension=agent&" + DAY);
        assertThat(b).extracting(r -> r.get("id"), r -> Api.count(r, "tickets_created"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b-1", 3L));
        assertThat(Api.rows(OTHER_KEY, "dimension=agent&id=a-1&" + DAY)).isEmpty();
        assertThat(Api.rows(OTHER_KEY, "dimension=agent&team=t-1&" + DAY)).isEmpty();
        assertThat(Api.rows(OTHER_KEY, "dimension=team&" + DAY)).extracting(r -> r.get("id")).containsExactly("t-9");
    }

    @Test
    void aCursorCannotCrossTenants() {
        row(TENANT, "2026-11-02T10:00:00Z").agent("a-2").created(1).insert();
        String cursor = (String) Api.page(KEY, "dimension=agent&limit=1&" + DAY).get("next_cursor");
        Api.as(OTHER_KEY).get("/v1/kpis?dimension=agent&limit=1&" + DAY + "&cursor=" + cursor).then().statusCode(400);
    }
}
