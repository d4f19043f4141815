package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.KpiRows.row;
import static io.deskpulse.reporting.support.TestKeys.INGEST_C;
import static io.deskpulse.reporting.support.TestKeys.READ_B;
import static io.deskpulse.reporting.support.TestKeys.TENANT_A;
import static io.deskpulse.reporting.support.TestKeys.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.KpiRows;
import io.deskpulse.reporting.support.ReportingTestDatabase;
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

    private static final String DAY = "from=2026-11-02&to=2026-11-02&metrics=tickets_created";

    @BeforeEach
    void data() {
        KpiRows.clear();
        row(TENANT_A, "2026-11-02T09:00:00Z").team("t-1").agent("a-1").channel("chat").created(5).insert();
        row(TENANT_B, "2026-11-02T09:00:00Z").team("t-9").agent("b-1").channel("chat").created(3).insert();
    }

    @Test
    void noKeyIs401WithChallenge() {
        RestAssured.given().get("/v1/kpis").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType("application/problem+json")
                .body("type", equalTo("https://deskpulse.io/problems/unauthorized"));
    }

    @Test
    void unknownKeyIs401WithChallenge() {
        Api.as("not-a-key-of-anyone-1234").get("/v1/kpis").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        RestAssured.given().header("Authorization", "Basic dXNlcjpwYXNz").get("/v1/kpis").then().statusCode(401);
    }

    @Test
    void ingestOnlyKeyIs403() {
        Api.as(INGEST_C).get("/v1/kpis").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://deskpulse.io/problems/forbidden"));
    }

    @Test
    void authenticationComesBeforeValidation() {
        RestAssured.given().get("/v1/kpis?dimension=nonsense").then().statusCode(401);
    }

    @Test
    void eachTenantSeesOnlyItsOwnRows() {
        List<Map<String, Object>> a = Api.rows(DAY);
        assertThat(a).extracting(r -> r.get("id"), r -> Api.count(r, "tickets_created"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TENANT_A, 5L));
        List<Map<String, Object>> b = Api.rows(READ_B, "dimension=agent&" + DAY);
        assertThat(b).extracting(r -> r.get("id"), r -> Api.count(r, "tickets_created"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b-1", 3L));
        assertThat(Api.rows(READ_B, "dimension=agent&id=a-1&" + DAY)).isEmpty();
        assertThat(Api.rows(READ_B, "dimension=agent&team=t-1&" + DAY)).isEmpty();
        assertThat(Api.rows(READ_B, "dimension=team&" + DAY)).extracting(r -> r.get("id")).containsExactly("t-9");
    }

    @Test
    void aCursorCannotCrossTenants() {
        row(TENANT_A, "2026-11-02T10:00:00Z").agent("a-2").created(1).insert();
        String cursor = (String) Api.page("dimension=agent&limit=1&" + DAY).get("next_cursor");
        Api.as(READ_B).get("/v1/kpis?dimension=agent&limit=1&" + DAY + "&cursor=" + cursor).then().statusCode(400);
    }
}
