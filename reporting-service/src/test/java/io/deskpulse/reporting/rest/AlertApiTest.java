package io.deskpulse.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.deskpulse.reporting.support.AlertRows;
import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/alerts: columns, filters, paging, CSV, ETags, errors, keys and tenants. */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class AlertApiTest {

    // This class's own tenants (TestTenant): it writes, reads and deletes only their rows.
    private static final String TENANT = TestTenant.ALERTS.id();
    private static final String KEY = TestTenant.ALERTS.readKey();
    private static final String OTHER = TestTenant.ALERTS_OTHER.id();
    private static final String OTHER_KEY = TestTenant.ALERTS_OTHER.readKey();

    private static final List<String> COLUMNS = List.of("id", "state", "rule_id", "rule_version", "rule_name", "metric",
            "dimension", "member", "channel", "window_minutes", "comparison", "threshold", "min_volume", "raised_at",
            "raised_value", "raised_volume", "window_start", "window_end", "resolved_at", "resolved_value",
            "resolved_volume", "resolved_reason");


    long open;
    long closed;
    long tenantWide;

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.ALERTS, TestTenant.ALERTS_OTHER);
        closed = AlertRows.alert(TENANT, 3, "billing", "2026-11-02T10:25:00Z", "2026-11-02T11:30:00Z");
        open = AlertRows.alert(TENANT, 3, "sales", "2026-11-02T12:05:00Z", null);
        tenantWide = AlertRows.alert(TENANT, 7, "", "2026-11-03T08:00:00Z", null);
        AlertRows.alert(OTHER, 9, "billing", "2026-11-02T10:25:00Z", null);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(String key, String query) {
        Response response = Api.as(key).get("/v1/alerts" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return (List<Map<String, Object>>) Api.parse(response.asString()).get("rows");
    }

    @Test
    void everyColumnNewestFirst() {
        List<Map<String, Object>> rows = rows(KEY, "");
        assertThat(rows).extracting(r -> Api.count(r, "id")).containsExactly(tenantWide, open, closed);
        assertThat(rows.get(0).get("member")).isNull();
        assertThat(rows.get(0).get("dimension")).isEqualTo("tenant");
        Map<String, Object> resolved = rows.get(2);
        assertThat(new ArrayList<>(resolved.keySet())).isEqualTo(COLUMNS);
        assertThat(resolved).containsEntry("state", "resolved").containsEntry("rule_id", 3).containsEntry("rule_version", 2)
                .containsEntry("rule_name", "Chat, first response").containsEntry("metric", "first_response_avg_s")
                .containsEntry("member", "billing").containsEntry("channel", "chat").containsEntry("window_minutes", 60)
                .containsEntry("comparison", ">").containsEntry("threshold", 120.5).containsEntry("min_volume", 3)
                .containsEntry("raised_at", "2026-11-02T10:25:00Z").containsEntry("raised_value", 135.0)
                .containsEntry("raised_volume", 4).containsEntry("window_start", "2026-11-02T09:00:00Z")
                .containsEntry("window_end", "2026-11-02T10:25:00Z").containsEntry("resolved_at", "2026-11-02T11:30:00Z")
                .containsEntry("resolved_value", 90.0).containsEntry("resolved_volume", 5)
                .containsEntry("resolved_reason", "the value is back within the threshold");
        assertThat(rows.get(1)).containsEntry("resolved_at", null).containsEntry("resolved_value", null);
    }

    @Test
    void filters() {
        assertThat(rows(KEY, "?state=raised")).extracting(r -> Api.count(r, "id")).containsExactly(tenantWide, open);
        assertThat(rows(KEY, "?state=resolved")).extracting(r -> Api.count(r, "id")).containsExactly(closed);
        assertThat(rows(KEY, "?rule=3")).extracting(r -> Api.count(r, "id")).containsExactly(open, closed);
        assertThat(rows(KEY, "?rule=3&rule=7&state=raised")).extracting(r -> Api.count(r, "id"))
                .containsExactly(tenantWide, open);
        // raised or resolved since 11:00: the one resolved at 11:30, the ones raised after
        assertThat(rows(KEY, "?since=2026-11-02T11:00:00Z")).extracting(r -> Api.count(r, "id"))
                .containsExactly(tenantWide, open, closed);
        // 13:00+01:00 is 12:00Z: the one raised at 12:05Z and the next day's
        assertThat(rows(KEY, "?since=2026-11-02T13:00:00%2B01:00")).extracting(r -> Api.count(r, "id"))
                .containsExactly(tenantWide, open);
        assertThat(rows(KEY, "?since=2026-11-02T13:10:00%2B01:00")).extracting(r -> Api.count(r, "id"))
                .containsExactly(tenantWide);
    }

    @Test
    void pagesCsvAndETags() {
        Response first = Api.as(KEY).get("/v1/alerts?limit=2");
        Map<String, Object> page = Api.parse(first.asString());
        assertThat((List<?>) page.get("rows")).hasSize(2);
        String cursor = (String) page.get("next_cursor");
        assertThat(first.header("Link")).startsWith("<http://").endsWith("/v1/alerts?limit=2&cursor=" + cursor + ">; rel=\"next\"");
        List<Map<String, Object>> second = rows(KEY, "?limit=2&cursor=" + cursor);
        assertThat(second).extracting(r -> Api.count(r, "id")).containsExactly(closed);
        Api.as(KEY).get("/v1/alerts?state=raised&limit=2&cursor=" + cursor).then().statusCode(400)
                .body("errors.field", contains("cursor")).body("errors[0].reason", containsString("different query"));

        Response csv = Api.as(KEY).get("/v1/alerts?state=resolved&format=csv");
        assertThat(csv.contentType()).isEqualTo("text/csv; charset=UTF-8; header=present");
        assertThat(csv.asString().split("\r\n")).containsExactly(String.join(",", COLUMNS),
                closed + ",resolved,3,2,\"Chat, first response\",first_response_avg_s,team,billing,chat,60,>,120.5,3,"
                        + "2026-11-02T10:25:00Z,135.0,4,2026-11-02T09:00:00Z,2026-11-02T10:25:00Z,2026-11-02T11:30:00Z,90.0,5,"
                        + "the value is back within the threshold");

        String etag = Api.as(KEY).get("/v1/alerts").header("ETag");
        Api.as(KEY).header("If-None-Match", etag).get("/v1/alerts").then().statusCode(304).header("ETag", etag);
        AlertRows.alert(TENANT, 3, "ops", "2026-11-04T09:00:00Z", null);
        Api.as(KEY).header("If-None-Match", etag).get("/v1/alerts").then().statusCode(200);
    }

    @Test
    void badParametersAre400AllAtOnce() {
        Api.as(KEY).get("/v1/alerts?state=open&rule=x&since=yesterday&limit=0&format=xml&member=a").then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("/invalid-parameters"))
                .body("errors.field", contains("state", "rule", "since", "limit", "format", "member"));
        Api.as(KEY).get("/v1/alerts?state=raised&state=resolved").then().statusCode(400)
                .body("errors.field", contains("state"));
        Api.as(KEY).get("/v1/alerts?cursor=bm9wZQ").then().statusCode(400).body("errors.field", contains("cursor"));
        Api.as(KEY).header("Accept", "application/xml").get("/v1/alerts").then().statusCode(406);
    }

    @Test
    void keysAndTenants() {
        assertThat(rows(OTHER_KEY, "")).extracting(r -> r.get("rule_id")).containsExactly(9);
        Api.as(TestTenant.INGEST_ONLY_KEY).get("/v1/alerts").then().statusCode(403);
        io.restassured.RestAssured.given().get("/v1/alerts").then().statusCode(401);
    }
}
