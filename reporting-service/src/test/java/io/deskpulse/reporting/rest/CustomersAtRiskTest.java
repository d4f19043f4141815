package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.TicketFactRows.npsResponse;
import static io.deskpulse.reporting.support.TicketFactRows.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.KpiRows;
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

/**
 * GET /v1/customers/at-risk with hand-computed scores (docs/kpis.md, Churn risk): repeat contacts 20 (+5
 * per ticket beyond 3, at most 30), complaints 25 each (at most 50), low CSAT 20 each (at most 40), NPS
 * detractor 25, reopens 10 each (at most 30); at most 100. The window: the 30 days ending as_of.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class CustomersAtRiskTest {

    // This class's own tenants (TestTenant): it writes, reads and deletes only their rows.
    private static final String TENANT = TestTenant.CUSTOMERS_AT_RISK.id();
    private static final String KEY = TestTenant.CUSTOMERS_AT_RISK.readKey();
    private static final String OTHER = TestTenant.CUSTOMERS_AT_RISK_OTHER.id();
    private static final String OTHER_KEY = TestTenant.CUSTOMERS_AT_RISK_OTHER.readKey();

    private static final List<String> COLUMNS = List.of("customer_id", "score", "signals", "tickets",
            "repeat_contacts_points", "complaints", "complaints_points", "low_csat", "low_csat_points", "nps_score",
            "nps_at", "nps_detractor_points", "reopens", "reopens_points", "negative_sentiment",
            "negative_sentiment_points");


    private static final String NOVEMBER = "as_of=2026-11-30";

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.CUSTOMERS_AT_RISK, TestTenant.CUSTOMERS_AT_RISK_OTHER);
        // c-1: 4 tickets (25), a complaint (25), a CSAT of 2 (20), 2 reopens (20), NPS 3 on T-1 (25): 115 -> 100
        ticket(TENANT, "T-1").created("2026-11-03T09:00:00Z").set("customer_id", "c-1")
                .set("tags", List.of("vip", "Complaint")).insert();
        ticket(TENANT, "T-2").created("2026-11-10T09:00:00Z").set("customer_id", "c-1").set("csat_score", (short) 2)
                .insert();
        ticket(TENANT, "T-3").created("2026-11-12T09:00:00Z").set("customer_id", "c-1").set("reopens", 2).insert();
        ticket(TENANT, "T-4").created("2026-11-30T23:59:00Z").set("customer_id", "c-1").set("csat_score", (short) 4)
                .insert();
        npsResponse(TENANT, "T-1", 1, "", "2026-11-20T10:00:00Z", 3); // the ticket's customer
        // c-2: 3 tickets (20), a reopen (10), NPS 9 (0): 30
        ticket(TENANT, "T-5").created("2026-11-01T00:00:00Z").set("customer_id", "c-2").set("reopens", 1).insert();
        ticket(TENANT, "T-6").created("2026-11-02T09:00:00Z").set("customer_id", "c-2").insert();
        ticket(TENANT, "T-7").created("2026-11-03T09:00:00Z").set("customer_id", "c-2").insert();
        npsResponse(TENANT, "", 2, "c-2", "2026-11-28T08:00:00Z", 9);
        // c-3: an October ticket (outside), one in November with CSAT 1 (20), NPS 2 (25): 45
        ticket(TENANT, "T-8").created("2026-10-31T23:59:59Z").set("customer_id", "c-3").set("reopens", 3).insert();
        ticket(TENANT, "T-9").created("2026-11-15T09:00:00Z").set("customer_id", "c-3").set("csat_score", (short) 1)
                .insert();
        npsResponse(TENANT, "", 3, "c-3", "2026-11-05T08:00:00Z", 2);
        // c-4: one quiet ticket: 0, listed only with min_score=0
        ticket(TENANT, "T-10").created("2026-11-15T09:00:00Z").set("customer_id", "c-4").insert();
        // no customer: never listed
        ticket(TENANT, "T-11").created("2026-11-15T09:00:00Z").set("tags", List.of("complaint")).insert();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(String key, String query) {
        Response response = Api.as(key).get("/v1/customers/at-risk?" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return (List<Map<String, Object>>) Api.parse(response.asString()).get("rows");
    }

    private static List<String> scores(String key, String query) {
        List<String> scores = new ArrayList<>();
        rows(key, query).forEach(r -> scores.add(r.get("customer_id") + ":" + r.get("score")));
        return scores;
    }

    @Test
    void everySignalWithItsCountAndPoints() {
        List<Map<String, Object>> rows = rows(KEY, NOVEMBER);
        assertThat(rows).extracting(r -> r.get("customer_id")).containsExactly("c-1", "c-3", "c-2");
        Map<String, Object> c1 = rows.get(0);
        assertThat(c1.keySet()).containsExactlyElementsOf(COLUMNS);
        assertThat(c1).containsEntry("score", 100)
                .containsEntry("signals", List.of("repeat_contacts", "complaints", "low_csat", "nps_detractor", "reopens"))
                .containsEntry("tickets", 4).containsEntry("repeat_contacts_points", 25)
                .containsEntry("complaints", 1).containsEntry("complaints_points", 25)
                .containsEntry("low_csat", 1).containsEntry("low_csat_points", 20)
                .containsEntry("nps_score", 3).containsEntry("nps_at", "2026-11-20T10:00:00Z")
                .containsEntry("nps_detractor_points", 25).containsEntry("reopens", 2).containsEntry("reopens_points", 20);
        assertThat(rows.get(1)).containsEntry("score", 45).containsEntry("signals", List.of("low_csat", "nps_detractor"))
                .containsEntry("tickets", 1).containsEntry("reopens", 0);
        assertThat(rows.get(2)).containsEntry("score", 30).containsEntry("signals", List.of("repeat_contacts", "reopens"))
                .containsEntry("nps_score", 9).containsEntry("nps_detractor_points", 0);
        Map<String, Object> page = Api.parse(Api.as(KEY).get("/v1/customers/at-risk?" + NOVEMBER).asString());
        assertThat(page).containsEntry("as_of", "2026-11-30").containsEntry("window_from", "2026-11-01")
                .containsEntry("window_to", "2026-11-30").containsEntry("complaint_tag", "complaint")
                .containsEntry("min_score", 1).containsEntry("tz", "UTC");
    }

    @Test
    void aLateOrChangedNpsAnswerRestatesTheScore() {
        // c-2 answers 4 on Nov 29 (a detractor now): 30 + 25; an older answer arriving late changes nothing for c-1
        npsResponse(TENANT, "", 4, "c-2", "2026-11-29T08:00:00Z", 4);
        npsResponse(TENANT, "", 5, "c-1", "2026-11-02T08:00:00Z", 10);
        // c-3 changes its mind: 10 on Nov 25 is its latest answer, no longer a detractor: 20
        npsResponse(TENANT, "T-9", 6, "", "2026-11-25T08:00:00Z", 10);
        assertThat(scores(KEY, NOVEMBER)).containsExactly("c-1:100", "c-2:55", "c-3:20");
        // as of Nov 28 (Oct 30 to Nov 28): c-2's latest answer is the 9 again; c-3's October ticket and its
        // 3 reopens are in (30), its CSAT of 1 (20), its latest answer the 10
        assertThat(scores(KEY, "as_of=2026-11-28")).containsExactly("c-1:100", "c-3:50", "c-2:30");
    }

    @Test
    void negativeSentimentOfTheWindowsTicketsGivesPoints() {
        // c-4's quiet ticket turns out negative (15); a second one too (25, the cap); one outside the window never counts
        ticket(TENANT, "T-10").created("2026-11-15T09:00:00Z").set("customer_id", "c-4").set("negative_sentiment", true)
                .insert();
        assertThat(scores(KEY, NOVEMBER + "&min_score=0")).containsExactly("c-1:100", "c-3:45", "c-2:30", "c-4:15");
        ticket(TENANT, "T-12").created("2026-11-16T09:00:00Z").set("customer_id", "c-4").set("negative_sentiment", true)
                .insert();
        ticket(TENANT, "T-13").created("2026-10-01T09:00:00Z").set("customer_id", "c-4").set("negative_sentiment", true)
                .insert();
        Map<String, Object> c4 = rows(KEY, NOVEMBER + "&min_score=0").stream()
                .filter(r -> r.get("customer_id").equals("c-4")).findFirst().orElseThrow();
        assertThat(c4).containsEntry("score", 25).containsEntry("signals", List.of("negative_sentiment"))
                .containsEntry("negative_sentiment", 2).containsEntry("negative_sentiment_points", 25);
    }

    @Test
    void theWindowIsInTheZone() {
        // in Berlin T-8 (Oct 31 23:59:59 UTC) is on Nov 1: c-3 gains its 3 reopens (30 + 20 + 25)
        assertThat(scores(KEY, NOVEMBER + "&tz=Europe/Berlin")).containsExactly("c-1:100", "c-3:75", "c-2:30");
        // in New York T-5 (Nov 1 00:00 UTC) is on Oct 31: c-2 has 2 tickets and no reopen left, 0
        assertThat(scores(KEY, NOVEMBER + "&tz=America/New_York")).containsExactly("c-1:100", "c-3:45");
    }

    @Test
    void minScoreAndPaging() {
        assertThat(scores(KEY, NOVEMBER + "&min_score=0")).containsExactly("c-1:100", "c-3:45", "c-2:30", "c-4:0");
        assertThat(scores(KEY, NOVEMBER + "&min_score=31")).containsExactly("c-1:100", "c-3:45");
        List<String> seen = new ArrayList<>();
        String url = "/v1/customers/at-risk?" + NOVEMBER + "&min_score=0&limit=3";
        while (url != null) {
            Response response = Api.as(KEY).get(url);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) Api.parse(response.asString()).get("rows");
            rows.forEach(r -> seen.add((String) r.get("customer_id")));
            String link = response.header("Link");
            url = link == null ? null : link.substring(link.indexOf("/v1/"), link.indexOf('>'));
        }
        assertThat(seen).containsExactly("c-1", "c-3", "c-2", "c-4");
    }

    @Test
    void csvAndEtag() {
        String csv = Api.as(KEY).header("Accept", "text/csv").get("/v1/customers/at-risk?" + NOVEMBER + "&min_score=31")
                .then().statusCode(200).extract().asString();
        assertThat(csv).isEqualTo(String.join(",", COLUMNS) + "\r\n"
                + "c-1,100,\"[\"\"repeat_contacts\"\",\"\"complaints\"\",\"\"low_csat\"\",\"\"nps_detractor\"\",\"\"reopens\"\"]\","
                + "4,25,1,25,1,20,3,2026-11-20T10:00:00Z,25,2,20,0,0\r\n"
                + "c-3,45,\"[\"\"low_csat\"\",\"\"nps_detractor\"\"]\",1,0,0,0,1,20,2,2026-11-05T08:00:00Z,25,0,0,0,0\r\n");
        String etag = Api.as(KEY).get("/v1/customers/at-risk?" + NOVEMBER).header("ETag");
        Api.as(KEY).header("If-None-Match", etag).get("/v1/customers/at-risk?" + NOVEMBER).then().statusCode(304);
    }

    @Test
    void theTenantsComplaintTagCountsAndTenantsAreApart() {
        KpiRows.execute("INSERT INTO tenant_settings_versions (tenant_id, version, settings, changed_by, changed_fields)"
                + " VALUES ('" + OTHER + "', 1, '{\"complaint_tag\": \"angry\"}', 'test', '{complaint_tag}')");
        KpiRows.execute("INSERT INTO tenant_state (tenant_id, active_generation, active_settings_version)"
                + " VALUES ('" + OTHER + "', 0, 1)");
        ticket(OTHER, "T-1").created("2026-11-03T09:00:00Z").set("customer_id", "c-9").set("tags", List.of("ANGRY"))
                .insert();
        ticket(OTHER, "T-2").created("2026-11-03T09:00:00Z").set("customer_id", "c-9").set("tags", List.of("complaint"))
                .insert();
        List<Map<String, Object>> rows = rows(OTHER_KEY, NOVEMBER);
        assertThat(rows).extracting(r -> r.get("customer_id") + ":" + r.get("complaints") + ":" + r.get("score"))
                .containsExactly("c-9:1:25");
        assertThat(Api.parse(Api.as(OTHER_KEY).get("/v1/customers/at-risk?" + NOVEMBER).asString()))
                .containsEntry("complaint_tag", "angry");
    }

    @Test
    void everyBadParameterIsListed() {
        Api.as(KEY).get("/v1/customers/at-risk?as_of=2026-11-31&tz=Nowhere&min_score=101&limit=x&format=pdf&q=1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("as_of", "tz", "min_score", "limit", "format", "q")));
        String cursor = (String) Api.parse(Api.as(KEY).get("/v1/customers/at-risk?limit=1&" + NOVEMBER).asString())
                .get("next_cursor");
        Api.as(KEY).get("/v1/customers/at-risk?limit=1&as_of=2026-11-29&cursor=" + cursor).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }
}
