package io.deskpulse.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.KpiRows;
import io.deskpulse.reporting.support.PeriodReportRows;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.ScorecardRows;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /v1/reports, /v1/reports/{id} and /v1/reports/{id}/scorecards: kept reports listed and read with their teams'
 * KPIs and scorecards from the kept sums, models version and exemptions — the same whatever changed since.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class PeriodReportApiTest {

    // This class's own tenants (TestTenant): it writes, reads and deletes only their rows.
    private static final String TENANT = TestTenant.PERIOD_REPORTS.id();
    private static final String KEY = TestTenant.PERIOD_REPORTS.readKey();
    private static final String OTHER = TestTenant.PERIOD_REPORTS_OTHER.id();
    private static final String OTHER_KEY = TestTenant.PERIOD_REPORTS_OTHER.readKey();

    long week;
    long day3;
    long day4;

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.PERIOD_REPORTS, TestTenant.PERIOD_REPORTS_OTHER);
        ScorecardRows.models(TENANT, 1, ScorecardRows.oneRole("solo", "csat_avg", 4.5, 50, "fcr_rate", 0.8, 50));
        day3 = PeriodReportRows.report(TENANT, "day", "2026-11-03", "2026-11-03", 0, "[]");
        day4 = PeriodReportRows.report(TENANT, "day", "2026-11-04", "2026-11-04", 0, "[]");
        week = PeriodReportRows.report(TENANT, "week", "2026-11-02", "2026-11-08", 1, "[{'id': 4, 'version': 1,"
                + " 'teams': ['billing'], 'from': '2026-11-04', 'to': '2026-11-05', 'reason': 'Recall',"
                + " 'relaxed_targets': {'csat_avg': 4.0}, 'left_out': [], 'created_at': '2026-11-01T00:00:00Z',"
                + " 'created_by': 'x', 'updated_at': '2026-11-01T00:00:00Z', 'updated_by': 'x'}]");
        PeriodReportRows.report(OTHER, "week", "2026-11-02", "2026-11-08", 0, "[]");
        // billing: 2 ratings (sum 9) on ordinary days, 2 (sum 7) in the recall; 10 first solves, 8 on first contact
        PeriodReportRows.row(week, "billing", "chat", 0).set("csat_count", 2).set("csat_sum", 9)
                .set("first_resolutions", 10).set("fcr_count", 8).firstResponses(20_000, 30_000).insert();
        PeriodReportRows.row(week, "billing", "chat", 4).set("csat_count", 2).set("csat_sum", 7).insert();
        PeriodReportRows.row(week, "sales", "email", 0).set("csat_count", 1).set("csat_sum", 3).insert();
        PeriodReportRows.row(week, "", "", 0).set("tickets_created", 3).insert();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(String key, String query) {
        Response response = Api.as(key).get("/v1/reports" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return (List<Map<String, Object>>) Api.parse(response.asString()).get("rows");
    }

    static Map<String, Object> get(String path) {
        Response response = Api.as(KEY).get(path);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return Api.parse(response.asString());
    }

    @Test
    void theListNewestPeriodFirstWithFilters() {
        List<Map<String, Object>> all = list(KEY, "");
        assertThat(all).extracting(r -> Api.count(r, "id")).containsExactly(day4, day3, week);
        assertThat(all.get(2)).containsEntry("granularity", "week").containsEntry("period", "2026-11-02")
                .containsEntry("period_end", "2026-11-08").containsEntry("tz", "UTC").containsEntry("model_version", 1)
                .containsEntry("teams", 3).containsEntry("created_at", "2026-11-09T00:30:00Z");
        assertThat(list(KEY, "?granularity=week")).extracting(r -> Api.count(r, "id")).containsExactly(week);
        assertThat(list(KEY, "?from=2026-11-03&to=2026-11-03")).extracting(r -> Api.count(r, "id")).containsExactly(day3);

        Map<String, Object> first = Api.parse(Api.as(KEY).get("/v1/reports?limit=2").asString());
        assertThat((List<?>) first.get("rows")).hasSize(2);
        assertThat(list(KEY, "?limit=2&cursor=" + first.get("next_cursor"))).extracting(r -> Api.count(r, "id"))
                .containsExactly(week);
        Api.as(KEY).get("/v1/reports?granularity=day&cursor=" + first.get("next_cursor")).then().statusCode(400)
                .body("errors.field", contains("cursor"));

        Response csv = Api.as(KEY).get("/v1/reports?granularity=week&format=csv");
        assertThat(csv.asString()).isEqualTo("id,granularity,period,period_end,tz,generation,model_version,teams,created_at,"
                + "streak_min_score\r\n" + week + ",week,2026-11-02,2026-11-08,UTC,0,1,3,2026-11-09T00:30:00Z,80.0\r\n");
        assertThat(list(OTHER_KEY, "")).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReportsTeamsWithKpisAndScorecardsFromWhatWasKept() {
        Map<String, Object> report = get("/v1/reports/" + week);
        assertThat(report).containsEntry("id", (int) week).containsEntry("model_version", 1);
        assertThat((List<Map<String, Object>>) report.get("exemptions")).extracting(e -> e.get("reason"))
                .containsExactly("Recall");
        List<Map<String, Object>> teams = (List<Map<String, Object>>) report.get("rows");
        assertThat(teams).extracting(t -> t.get("id")).containsExactly(null, "billing", "sales");
        assertThat(teams.get(0).get("scorecard")).isNull();
        assertThat(((Map<String, Object>) teams.get(0).get("kpis"))).containsEntry("tickets_created", 3);

        Map<String, Object> billingKpis = (Map<String, Object>) teams.get(1).get("kpis");
        assertThat(billingKpis).containsEntry("csat_count", 4).containsEntry("csat_avg", 4.0)
                .containsEntry("first_response_count", 2).containsEntry("first_response_avg_s", 25.0)
                .containsEntry("first_response_p90_s", 30.04).containsEntry("fcr_rate", 0.8);
        Map<String, Object> card = (Map<String, Object>) teams.get(1).get("scorecard");
        // models version 1 as kept; CSAT 16/4 = 4.0 against (2 x 4.5 + 2 x 4.0) / 4 = 4.25; FCR 0.8 of 0.8
        assertThat(card).containsEntry("role", "solo").containsEntry("model_version", 1);
        assertThat(Api.decimal(card, "score")).isCloseTo(50 * 4.0 / 4.25 + 50, within(1e-9));
        Map<String, Object> csat = ((List<Map<String, Object>>) card.get("kpis")).get(0);
        assertThat(csat).containsEntry("effective_target", 4.25).containsEntry("exemptions", List.of(4));
        // sales has no first solves: FCR is left out and CSAT weighs it all
        assertThat(Api.decimal((Map<String, Object>) teams.get(2).get("scorecard"), "score"))
                .isCloseTo(100 * 3.0 / 4.5, within(1e-9));

        // a newer models version, and late events for the same week, change nothing in the kept report
        String etag = Api.as(KEY).get("/v1/reports/" + week).header("ETag");
        ScorecardRows.models(TENANT, 2, ScorecardRows.oneRole("solo", "csat_avg", 3.0, 100));
        KpiRows.row(TENANT, "2026-11-03T10:00:00Z").team("billing").agent("a-1").csat(1, 1, 1).insert();
        Api.as(KEY).header("If-None-Match", etag).get("/v1/reports/" + week).then().statusCode(304);
        // while the live scorecard moves on
        Map<String, Object> live = ((List<Map<String, Object>>) Api.parse(Api.as(KEY).get("/v1/scorecards?dimension=team"
                + "&from=2026-11-02&to=2026-11-08&granularity=week").asString()).get("rows")).get(0);
        assertThat(live).containsEntry("id", "billing").containsEntry("model_version", 2);
        assertThat(Api.decimal(live, "score")).isCloseTo(100 * 1.0 / 3.0, within(1e-9));
    }

    @Test
    void teamsArePagedAndTheCsvHasOneRowPerTeam() {
        Map<String, Object> first = get("/v1/reports/" + week + "?limit=2");
        assertThat((List<?>) first.get("rows")).hasSize(2);
        Map<String, Object> second = get("/v1/reports/" + week + "?limit=2&cursor=" + first.get("next_cursor"));
        assertThat(((List<Map<String, Object>>) (List<?>) second.get("rows"))).extracting(t -> t.get("id"))
                .containsExactly("sales");
        assertThat(second.get("next_cursor")).isNull();

        String[] csv = Api.as(KEY).get("/v1/reports/" + week + "?format=csv").asString().split("\r\n");
        assertThat(csv[0]).isEqualTo("report_id,granularity,period,period_end,tz,id,role,model_version,score,"
                + "streak_current,streak_best," + String.join(",", MetricCatalog.names()));
        assertThat(csv).hasSize(4);
        assertThat(csv[1]).startsWith(week + ",week,2026-11-02,2026-11-08,UTC,,,,,,,3,");
        // billing's score is at or above 80: its first week at or above the threshold
        assertThat(csv[2]).startsWith(week + ",week,2026-11-02,2026-11-08,UTC,billing,solo,1," + (50 * 4.0 / 4.25 + 50)
                + ",1,1,0,0,2,25.0,");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReportsScorecardsInTheShapeOfScorecards() {
        Map<String, Object> page = get("/v1/reports/" + week + "/scorecards");
        assertThat(page).containsEntry("dimension", "team").containsEntry("granularity", "week")
                .containsEntry("from", "2026-11-02").containsEntry("to", "2026-11-08").containsEntry("tz", "UTC");
        assertThat((List<Map<String, Object>>) page.get("rows")).extracting(r -> r.get("id")).containsExactly("billing", "sales");
        String[] csv = Api.as(KEY).get("/v1/reports/" + week + "/scorecards?format=csv").asString().split("\r\n");
        assertThat(csv[0]).isEqualTo("period,id,role,model_version,score,kpi,channel,group,direction,status,target,"
                + "effective_target,actual,volume,weight,effective_weight,attainment,points,exemptions,note");
        assertThat(csv).hasSize(5); // two teams, two KPIs each
    }

    @Test
    void errorsAndTenants() {
        Api.as(KEY).get("/v1/reports/999999").then().statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("/not-found")).body("detail", containsString("no period report 999999"));
        Api.as(KEY).get("/v1/reports/abc/scorecards").then().statusCode(404);
        Api.as(OTHER_KEY).get("/v1/reports/" + week).then().statusCode(404);
        Api.as(KEY).get("/v1/reports?granularity=quarter&from=2026-13-01&team=x").then().statusCode(400)
                .body("errors.field", contains("granularity", "from", "team"));
        Api.as(KEY).get("/v1/reports/" + week + "?limit=0&id=3").then().statusCode(400)
                .body("errors.field", contains("limit", "id"));
        Api.as(KEY).get("/v1/reports/" + week + "?cursor=eHl6").then().statusCode(400).body("errors.field", contains("cursor"));
        Api.as(TestTenant.INGEST_ONLY_KEY).get("/v1/reports").then().statusCode(403);
        io.restassured.RestAssured.given().get("/v1/reports/" + week).then().statusCode(401);
    }
}
