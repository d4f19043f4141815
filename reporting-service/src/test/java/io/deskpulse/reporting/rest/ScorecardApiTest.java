package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.deskpulse.reporting.support.Api;
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
 * GET /v1/scorecards on the real database: the catalog's model on a hand-computed week, roles, model versions,
 * exemptions relaxing and leaving out, JSON and CSV, paging, ETags, errors, keys and tenants.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class ScorecardApiTest {

    // This class's own tenants (TestTenant): it writes, reads and deletes only their rows.
    private static final String TENANT = TestTenant.SCORECARDS.id();
    private static final String KEY = TestTenant.SCORECARDS.readKey();
    private static final String OTHER = TestTenant.SCORECARDS_OTHER.id();
    private static final String OTHER_KEY = TestTenant.SCORECARDS_OTHER.readKey();

    private static final String WEEK = "from=2026-11-02&to=2026-11-08&granularity=week";

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.SCORECARDS, TestTenant.SCORECARDS_OTHER);
    }

    /** The worked example of docs/scorecards.md for agent a-17, spread over two days and three channels. */
    private static void workedExample() {
        row(TENANT, "2026-11-02T09:00:00Z").team("billing").agent("a-17").channel("chat")
                .firstResponses(20_000, 25_000, 25_000, 30_000).slaMet(4).insert();
        row(TENANT, "2026-11-03T14:00:00Z").team("billing").agent("a-17").channel("phone")
                .firstResponses(30_000, 50_000).slaMet(1).handles(400_000, 400_000, 400_000, 400_000, 400_000).insert();
        row(TENANT, "2026-11-04T11:00:00Z").team("billing").agent("a-17").channel("email")
                .csat(5, 5, 4, 4, 4, 4, 4, 4, 4, 4).firstResolutions(10, 7).insert();
        row(TENANT, "2026-11-04T12:00:00Z").team("billing").agent("a-17").onlineMs(2_500_000).insert();
        // at 24 an hour online and 0.5 a call: 16.667 for the online time, 2.5 for the 5 calls
        row(TENANT, "2026-11-04T13:00:00Z").team("billing").agent("a-17").set("cost_milli", 19_167).insert();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> only(String query) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) scorecards(KEY, query).get("rows");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static Map<String, Object> scorecards(String key, String query) {
        Response response = Api.as(key).get("/v1/scorecards?" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return Api.parse(response.asString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kpi(Map<String, Object> row, String kpi, String channel) {
        return ((List<Map<String, Object>>) row.get("kpis")).stream()
                .filter(k -> k.get("kpi").equals(kpi) && java.util.Objects.equals(k.get("channel"), channel))
                .findFirst().orElseThrow(() -> new AssertionError(kpi + " on " + channel + " not used: " + row));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCatalogsFrontlineModelScoresTheWorkedExample() {
        workedExample();
        Map<String, Object> a17 = only("dimension=agent&" + WEEK);
        assertThat(a17).containsEntry("period", "2026-11-02").containsEntry("id", "a-17")
                .containsEntry("role", "frontline_agent").containsEntry("model_version", 0);
        assertThat(Api.decimal(a17, "score")).isCloseTo(86.78852430869917, within(1e-9));
        Map<String, Object> csat = kpi(a17, "csat_avg", null);
        assertThat(csat).containsEntry("group", "satisfaction_quality").containsEntry("direction", "higher")
                .containsEntry("target", 4.5).containsEntry("effective_target", 4.5).containsEntry("actual", 4.2)
                .containsEntry("volume", 10).containsEntry("weight", 22.0).containsEntry("exemptions", List.of());
        assertThat(Api.decimal(csat, "effective_weight")).isCloseTo(22 / 0.84, within(1e-9));
        assertThat(Api.decimal(csat, "points")).isCloseTo(22 / 0.84 * 4.2 / 4.5, within(1e-9));
        assertThat(kpi(a17, "first_response_avg_s", "chat")).containsEntry("actual", 25.0).containsEntry("attainment", 1.0);
        assertThat(kpi(a17, "first_response_avg_s", "phone")).containsEntry("actual", 40.0).containsEntry("attainment", 0.5);
        assertThat(Api.decimal(kpi(a17, "first_response_sla_rate", null), "actual")).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(kpi(a17, "handle_avg_s", null)).containsEntry("actual", 400.0).containsEntry("attainment", 0.75);
        assertThat(Api.decimal(kpi(a17, "occupancy", null), "actual")).isCloseTo(0.8, within(1e-12));
        Map<String, Object> cost = kpi(a17, "cost_per_contact", null);
        assertThat(cost).containsEntry("group", "cost_efficiency").containsEntry("direction", "lower")
                .containsEntry("target", 3.0).containsEntry("volume", 5);
        assertThat(Api.decimal(cost, "actual")).isCloseTo(3.8334, within(1e-12));
        assertThat(Api.decimal(cost, "attainment")).isCloseTo(3 / 3.8334, within(1e-12));
        List<Map<String, Object>> leftOut = (List<Map<String, Object>>) a17.get("left_out");
        assertThat(leftOut).hasSize(1);
        assertThat(leftOut.get(0)).containsEntry("kpi", "qa_avg").containsEntry("channel", null)
                .containsEntry("status", "no_data").containsEntry("reason", "no data in the period");
        assertThat((List<Object>) a17.get("exemptions")).isEmpty();
        // team billing, scored with the catalog's team_lead model: 15/15/10 | 5/5/10 | 10/10/10/10 over the same sums
        Map<String, Object> billing = only("dimension=team&" + WEEK);
        assertThat(billing).containsEntry("id", "billing").containsEntry("role", "team_lead");
        double used = 80; // qa (10) and cost_per_resolution (10: no solves) have no data
        double expected = (15 * 4.2 / 4.5 + 15 * 0.7 / 0.8 + 5 * 1 + 5 * 0.5 + 10 * (5.0 / 6) / 0.9 + 10 * 0.75
                + 10 * 0.8 / 0.85 + 10 * 3 / 3.8334) / used * 100;
        assertThat(Api.decimal(billing, "score")).isCloseTo(expected, within(1e-9));
    }

    @Test
    void aPeerReviewShareScalesTheWeightsShown() {
        // CSAT weighs 100 before a 20 % peer-review share: 80 after it, and the peer review 20
        ScorecardRows.models(TENANT, 1, ScorecardRows.oneRole("solo", "csat_avg", 4.5, 100)
                .replace("'peer_review': null", "'peer_review': {'share': 20, 'target': 4.0}"));
        row(TENANT, "2026-11-02T10:00:00Z").team("billing").agent("a-1").csat(5, 4).peerReviews(4, 3).insert();
        Map<String, Object> a1 = only("dimension=agent&" + WEEK);
        assertThat(kpi(a1, "csat_avg", null)).containsEntry("weight", 80.0).containsEntry("effective_weight", 80.0)
                .containsEntry("attainment", 1.0).containsEntry("points", 80.0);
        // 3.5 of 4.0 on 20
        Map<String, Object> peer = kpi(a1, "peer_review_avg", null);
        assertThat(peer).containsEntry("group", "peer_review").containsEntry("weight", 20.0).containsEntry("actual", 3.5);
        assertThat(Api.decimal(peer, "points")).isCloseTo(20 * 3.5 / 4.0, within(1e-9));
        assertThat(Api.decimal(a1, "score")).isCloseTo(80 + 20 * 3.5 / 4.0, within(1e-9));
        String[] csv = Api.as(KEY).get("/v1/scorecards?dimension=agent&" + WEEK + "&format=csv").asString().split("\r\n");
        assertThat(csv[1]).startsWith("2026-11-02,a-1,solo,1,97.5,csat_avg,,,higher,used,4.5,4.5,4.5,2,80.0,80.0,1.0,80.0,");
    }

    /** Two agents of billing and sales; a product recall in billing on Nov 3..5 relaxes CSAT and leaves FCR out. */
    private static long recall() {
        ScorecardRows.models(TENANT, 1, ScorecardRows.oneRole("solo", "csat_avg", 4.5, 60, "fcr_rate", 0.8, 40));
        row(TENANT, "2026-11-02T10:00:00Z").team("billing").agent("a-1").csat(5, 5, 4, 4).firstResolutions(10, 9).insert();
        row(TENANT, "2026-11-04T10:00:00Z").team("billing").agent("a-1").csat(4, 4, 3, 4, 4, 3).firstResolutions(10, 2)
                .insert();
        // a-1 helped sales on the recall day: not exempt (the recall is billing's)
        row(TENANT, "2026-11-04T15:00:00Z").team("sales").agent("a-1").csat(5).insert();
        row(TENANT, "2026-11-04T16:00:00Z").team("sales").agent("a-2").csat(4, 4).insert();
        return ScorecardRows.exemption(TENANT, "'{billing}'", "2026-11-03", "2026-11-05", "Product recall R-12",
                "{'csat_avg': 4.0}", "'{fcr_rate}'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExemptionRelaxesTargetsAndLeavesKpisOutForItsDaysAndTeams() {
        long id = recall();
        List<Map<String, Object>> agents = (List<Map<String, Object>>) scorecards(KEY, "dimension=agent&" + WEEK).get("rows");
        assertThat(agents).extracting(r -> r.get("id")).containsExactly("a-1", "a-2");
        Map<String, Object> a1 = agents.get(0);
        assertThat(a1).containsEntry("role", "solo").containsEntry("model_version", 1);
        // 11 ratings summing 45; 6 of them (sum 22) in the recall against 4.0, 5 (sum 23) against 4.5
        Map<String, Object> csat = kpi(a1, "csat_avg", null);
        assertThat(Api.decimal(csat, "actual")).isCloseTo(45.0 / 11, within(1e-12));
        assertThat(Api.decimal(csat, "effective_target")).isCloseTo((5 * 4.5 + 6 * 4.0) / 11, within(1e-12));
        assertThat(csat).containsEntry("target", 4.5).containsEntry("volume", 11).containsEntry("exemptions", List.of((int) id));
        // the recall day's 10 first solves (2 on first contact) are left out: 9 of 10
        assertThat(kpi(a1, "fcr_rate", null)).containsEntry("actual", 0.9).containsEntry("volume", 10)
                .containsEntry("attainment", 1.0).containsEntry("exemptions", List.of((int) id));
        assertThat(Api.decimal(a1, "score")).isCloseTo(60 * (45.0 / 11) / (46.5 / 11) + 40, within(1e-9));
        List<Map<String, Object>> applied = (List<Map<String, Object>>) a1.get("exemptions");
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0)).containsEntry("id", (int) id).containsEntry("reason", "Product recall R-12")
                .containsEntry("teams", List.of("billing")).containsEntry("from", "2026-11-03")
                .containsEntry("relaxed_targets", Map.of("csat_avg", 4.0)).containsEntry("left_out", List.of("fcr_rate"));

        // a-2 worked for sales only: no exemption, no FCR data
        Map<String, Object> a2 = agents.get(1);
        assertThat(Api.decimal(a2, "score")).isCloseTo(100 * 4.0 / 4.5, within(1e-9));
        assertThat((List<Object>) a2.get("exemptions")).isEmpty();

        // agents' contributions credited with billing only: a-1's sales rating is not in it
        Map<String, Object> billingOnly = only("dimension=agent&team=billing&" + WEEK);
        assertThat(Api.decimal(kpi(billingOnly, "csat_avg", null), "actual")).isCloseTo(4.0, within(1e-12));
        assertThat(Api.decimal(kpi(billingOnly, "csat_avg", null), "effective_target")).isCloseTo(4.2, within(1e-12));

        // teams: billing's recall applies to the team as a whole
        List<Map<String, Object>> teams = (List<Map<String, Object>>) scorecards(KEY, "dimension=team&" + WEEK).get("rows");
        assertThat(teams).extracting(r -> r.get("id")).containsExactly("billing", "sales");
        assertThat(Api.decimal(teams.get(0), "score")).isCloseTo(60 * 4.0 / 4.2 + 40, within(1e-9));
        assertThat(Api.decimal(teams.get(1), "score")).isCloseTo(100 * (13.0 / 3) / 4.5, within(1e-9));

        // a day of the recall only: FCR is exempted, CSAT alone scores
        Map<String, Object> recallDay = only("dimension=team&id=billing&from=2026-11-04&to=2026-11-04");
        List<Map<String, Object>> leftOut = (List<Map<String, Object>>) recallDay.get("left_out");
        assertThat(leftOut).hasSize(1);
        assertThat(leftOut.get(0)).containsEntry("kpi", "fcr_rate").containsEntry("status", "exempted")
                .containsEntry("reason", "left out by exemption " + id + " (Product recall R-12)");
        assertThat(Api.decimal(recallDay, "score")).isCloseTo(100 * (22.0 / 6) / 4.0, within(1e-9));
    }

    @Test
    void modelVersionsChooseTheModelAndAChangeNeedsNoRecomputation() {
        recall();
        ScorecardRows.models(TENANT, 2, ScorecardRows.oneRole("solo", "csat_avg", 4.0, 100));
        // the latest (2) by default; 1 on request; 0 is the catalog's
        Map<String, Object> latest = only("dimension=team&id=sales&" + WEEK);
        assertThat(latest).containsEntry("model_version", 2);
        assertThat(Api.decimal(latest, "score")).isCloseTo(100.0, within(1e-9));
        assertThat(only("dimension=team&id=sales&model_version=1&" + WEEK)).containsEntry("model_version", 1);
        assertThat(only("dimension=team&id=sales&model_version=0&" + WEEK)).containsEntry("role", "team_lead")
                .containsEntry("model_version", 0);
        Api.as(KEY).get("/v1/scorecards?model_version=9&" + WEEK).then().statusCode(400)
                .body("errors.field", contains("model_version"))
                .body("errors[0].reason", containsString("no scoring models version 9"));
    }

    @Test
    void csvHasOneRecordPerMemberPeriodAndKpi() {
        long id = recall();
        Response response = Api.as(KEY).get("/v1/scorecards?dimension=team&id=billing&" + WEEK + "&format=csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/csv; charset=UTF-8; header=present");
        String score = String.valueOf(60 * 4.0 / 4.2 + 40);
        assertThat(response.asString().split("\r\n")).containsExactly("period,id,role,model_version,score,kpi,channel,group,direction,status,target,"
                + "effective_target,actual,volume,weight,effective_weight,attainment,points,exemptions,note",
                "2026-11-02,billing,solo,1," + score + ",csat_avg,,,higher,used,4.5,4.2,4.0,10,60.0,60.0,"
                        + (4.0 / 4.2) + "," + (60 * 4.0 / 4.2) + "," + id + ",target relaxed by exemption " + id
                        + " (Product recall R-12)",
                "2026-11-02,billing,solo,1," + score + ",fcr_rate,,,higher,used,0.8,0.8,0.9,10,40.0,40.0,1.0,40.0," + id
                        + ",contributions left out by exemption " + id + " (Product recall R-12)");
    }

    @Test
    void pagesLinksAndETags() {
        for (String agent : List.of("a-1", "a-2", "a-3")) {
            for (String day : List.of("2026-11-02", "2026-11-03")) {
                row(TENANT, day + "T10:00:00Z").agent(agent).csat(4).insert();
            }
        }
        row(TENANT, "2026-11-02T11:00:00Z").csat(1).insert(); // credited to no agent: nobody's scorecard
        String query = "dimension=agent&from=2026-11-02&to=2026-11-03&limit=2";
        Response first = Api.as(KEY).get("/v1/scorecards?" + query);
        assertThat(first.statusCode()).isEqualTo(200);
        // the page's two groups are the no-agent row and a-1 on Nov 2: one scorecard
        Map<String, Object> page = Api.parse(first.asString());
        assertThat((List<?>) page.get("rows")).hasSize(1);
        assertThat(first.header("Link")).contains("cursor=" + page.get("next_cursor"));
        int seen = ((List<?>) page.get("rows")).size();
        String cursor = (String) page.get("next_cursor");
        while (cursor != null) {
            Map<String, Object> next = scorecards(KEY, query + "&cursor=" + cursor);
            seen += ((List<?>) next.get("rows")).size();
            cursor = (String) next.get("next_cursor");
        }
        assertThat(seen).isEqualTo(6);

        String etag = first.header("ETag");
        Api.as(KEY).header("If-None-Match", etag).get("/v1/scorecards?" + query).then().statusCode(304)
                .header("ETag", etag);
        row(TENANT, "2026-11-02T12:00:00Z").agent("a-1").csat(5).insert();
        Api.as(KEY).header("If-None-Match", etag).get("/v1/scorecards?" + query).then().statusCode(200);
    }

    @Test
    void badParametersAre400AllAtOnce() {
        Api.as(KEY).get("/v1/scorecards?dimension=tenant&model_version=latest&tz=Mars/Base&channel=chat&metrics=nps")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/invalid-parameters"))
                .body("errors.field", contains("dimension", "tz", "model_version", "channel", "metrics"));
        Api.as(KEY).get("/v1/scorecards?dimension=team&team=billing").then().statusCode(400)
                .body("errors.field", contains("team"));
        Api.as(KEY).get("/v1/scorecards?limit=0&granularity=year").then().statusCode(400)
                .body("errors.field", contains("granularity", "limit"));
        Api.as(KEY).get("/v1/scorecards?cursor=bm90IG91cnM").then().statusCode(400).body("errors.field", contains("cursor"));
        Api.as(KEY).header("Accept", "application/xml").get("/v1/scorecards").then().statusCode(406);
    }

    @Test
    void keysAndTenants() {
        workedExample();
        Api.as(KEY).get("/v1/scorecards?" + WEEK).then().statusCode(200);
        assertThat((List<?>) scorecards(OTHER_KEY, "dimension=agent&" + WEEK).get("rows")).isEmpty();
        // one tenant's models and exemptions are not the other's
        ScorecardRows.models(TENANT, 1, ScorecardRows.oneRole("solo", "csat_avg", 4.0, 100));
        row(OTHER, "2026-11-02T10:00:00Z").agent("b-1").csat(4).insert();
        Map<String, Object> b1 = (Map<String, Object>) ((List<?>) scorecards(OTHER_KEY, "dimension=agent&" + WEEK).get("rows")).get(0);
        assertThat(b1).containsEntry("role", "frontline_agent").containsEntry("model_version", 0);
        Api.as(TestTenant.INGEST_ONLY_KEY).get("/v1/scorecards").then().statusCode(403);
        io.restassured.RestAssured.given().get("/v1/scorecards").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
    }
}
