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
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/leaderboards/{metric}: ranks, ties, the minimum-volume guard, direction, paging, CSV, errors, tenants. */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class LeaderboardTest {

    // This class's own tenants (TestTenant): it writes, reads and deletes only their rows.
    private static final String TENANT = TestTenant.LEADERBOARDS.id();
    private static final String KEY = TestTenant.LEADERBOARDS.readKey();
    private static final String OTHER_KEY = TestTenant.LEADERBOARDS_OTHER.readKey();

    private static final String DAYS = "from=2026-11-02&to=2026-11-03";

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.LEADERBOARDS, TestTenant.LEADERBOARDS_OTHER);
        row(TENANT, "2026-11-02T09:00:00Z").team("t-1").agent("a-1").channel("chat").csat(5, 5, 4, 4, 5)
                .firstResponses(60_000, 60_000, 60_000, 60_000, 60_000, 60_000, 60_000, 60_000, 60_000, 60_000).insert();
        row(TENANT, "2026-11-02T10:00:00Z").team("t-1").agent("a-2").channel("chat").csat(5, 4, 5, 4, 5)
                .firstResponses(30_000, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000).insert();
        row(TENANT, "2026-11-02T11:00:00Z").team("t-3").agent("a-3").channel("email").csat(5).insert();
        row(TENANT, "2026-11-02T12:00:00Z").team("t-2").agent("a-4").channel("email").csat(3, 3, 4, 4, 5, 5)
                .firstResponses(10_000, 10_000, 10_000).insert();
        row(TENANT, "2026-11-02T13:00:00Z").team("t-2").agent("a-5").channel("email").csat(2, 2, 2).insert();
        row(TENANT, "2026-11-03T13:00:00Z").team("t-2").agent("a-5").channel("email").csat(2, 2).insert();
        row(TENANT, "2026-11-02T14:00:00Z").team("t-2").agent("a-6").channel("email").created(4).insert();
        // credited to no agent and no team: never on a board
        row(TENANT, "2026-11-02T15:00:00Z").csat(1, 1, 1, 1, 1, 1, 1, 1, 1, 1).insert();
        // outside the period
        row(TENANT, "2026-11-04T09:00:00Z").team("t-1").agent("a-1").csat(1, 1, 1, 1, 1).insert();
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> board(String key, String metric, String query) {
        Response response = Api.as(key).get("/v1/leaderboards/" + metric + "?" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) Api.parse(response.asString()).get("rows")) {
            assertThat(r.keySet()).containsExactlyElementsOf(List.of("rank", "id", "value", "volume", "eligible"));
            Object volume = r.get("volume") instanceof Number n ? n.longValue() : null;
            rows.add(Arrays.asList(r.get("rank"), r.get("id"), r.get("value"), volume, r.get("eligible")));
        }
        return rows;
    }

    private static List<Object> rank(Integer rank, String id, Double value, long volume, boolean eligible) {
        return Arrays.asList(rank, id, value, volume, eligible);
    }

    @Test
    void higherIsBetterTiesShareARankAndLowVolumeIsListedApart() {
        assertThat(board(KEY, "csat_avg", DAYS)).containsExactly(
                rank(1, "a-1", 4.6, 5, true),
                rank(1, "a-2", 4.6, 5, true),
                rank(3, "a-4", 4.0, 6, true),
                rank(4, "a-5", 2.0, 5, true),
                rank(null, "a-3", 5.0, 1, false),
                rank(null, "a-6", null, 0, false));
        Map<String, Object> page = Api.parse(Api.as(KEY).get("/v1/leaderboards/csat_avg?" + DAYS).asString());
        assertThat(page).containsEntry("metric", "csat_avg").containsEntry("direction", "higher_is_better")
                .containsEntry("volume_metric", "csat_count").containsEntry("min_volume", 5)
                .containsEntry("dimension", "agent").containsEntry("tz", "UTC").containsEntry("from", "2026-11-02")
                .containsEntry("to", "2026-11-03").containsEntry("next_cursor", null);
    }

    @Test
    void theGuardCanBeLowered() {
        assertThat(board(KEY, "csat_avg", DAYS + "&min_volume=1")).containsExactly(
                rank(1, "a-3", 5.0, 1, true),
                rank(2, "a-1", 4.6, 5, true),
                rank(2, "a-2", 4.6, 5, true),
                rank(4, "a-4", 4.0, 6, true),
                rank(5, "a-5", 2.0, 5, true),
                rank(null, "a-6", null, 0, false));
    }

    @Test
    void durationsRankLowestFirst() {
        assertThat(board(KEY, "first_response_avg_s", DAYS)).containsExactly(
                rank(1, "a-2", 30.0, 10, true),
                rank(2, "a-1", 60.0, 10, true),
                rank(null, "a-3", null, 0, false),
                rank(null, "a-4", 10.0, 3, false),
                rank(null, "a-5", null, 0, false),
                rank(null, "a-6", null, 0, false));
        assertThat(board(KEY, "first_response_avg_s", DAYS + "&min_volume=3").subList(0, 3)).containsExactly(
                rank(1, "a-4", 10.0, 3, true),
                rank(2, "a-2", 30.0, 10, true),
                rank(3, "a-1", 60.0, 10, true));
    }

    @Test
    void teamsAndFilters() {
        // t-1: 46 / 10; t-2: (24 + 10) / 11; t-3 has one rating
        assertThat(board(KEY, "csat_avg", DAYS + "&dimension=team")).containsExactly(
                rank(1, "t-1", 4.6, 10, true),
                rank(2, "t-2", 34.0 / 11, 11, true),
                rank(null, "t-3", 5.0, 1, false));
        assertThat(board(KEY, "csat_avg", DAYS + "&team=t-2")).containsExactly(
                rank(1, "a-4", 4.0, 6, true),
                rank(2, "a-5", 2.0, 5, true),
                rank(null, "a-6", null, 0, false));
        assertThat(board(KEY, "csat_avg", DAYS + "&channel=chat")).extracting(r -> r.get(1)).containsExactly("a-1", "a-2");
        assertThat(board(KEY, "csat_avg", "from=2026-11-03&to=2026-11-03&min_volume=2"))
                .containsExactly(rank(1, "a-5", 2.0, 2, true));
    }

    @Test
    void pagesKeepTheirRanks() {
        List<List<Object>> all = new ArrayList<>();
        String url = "/v1/leaderboards/csat_avg?" + DAYS + "&limit=4";
        int pages = 0;
        while (url != null) {
            Response response = Api.as(KEY).get(url);
            Map<String, Object> page = Api.parse(response.asString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("rows");
            rows.forEach(r -> all.add(Arrays.asList(r.get("rank"), r.get("id"))));
            String link = response.header("Link");
            url = link == null ? null : link.substring(link.indexOf("/v1/"), link.indexOf('>'));
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(all).containsExactly(Arrays.asList(1, "a-1"), Arrays.asList(1, "a-2"), Arrays.asList(3, "a-4"),
                Arrays.asList(4, "a-5"), Arrays.asList(null, "a-3"), Arrays.asList(null, "a-6"));
    }

    @Test
    void csvAndEtag() {
        String csv = Api.as(KEY).get("/v1/leaderboards/csat_avg?" + DAYS + "&format=csv").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8; header=present").extract().asString();
        assertThat(csv).isEqualTo("rank,id,value,volume,eligible\r\n1,a-1,4.6,5,true\r\n1,a-2,4.6,5,true\r\n"
                + "3,a-4,4.0,6,true\r\n4,a-5,2.0,5,true\r\n,a-3,5.0,1,false\r\n,a-6,,0,false\r\n");
        String etag = Api.as(KEY).get("/v1/leaderboards/csat_avg?" + DAYS).header("ETag");
        Api.as(KEY).header("If-None-Match", etag).get("/v1/leaderboards/csat_avg?" + DAYS).then().statusCode(304);
    }

    @Test
    void everyBadParameterIsListed() {
        Api.as(KEY).get("/v1/leaderboards/tickets_created?dimension=tenant&min_volume=0&tz=Asia/Kolkata&metric=x"
                        + "&from=2026-11-02&to=2026-11-03&shoe=1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("metric", "metric", "dimension", "tz", "min_volume", "shoe")));
        Api.as(KEY).get("/v1/leaderboards/csat_avg?dimension=team&team=t-1").then().statusCode(400)
                .body("errors[0].field", equalTo("team"));
        String cursor = (String) Api.parse(Api.as(KEY).get("/v1/leaderboards/csat_avg?limit=1&" + DAYS).asString())
                .get("next_cursor");
        Api.as(KEY).get("/v1/leaderboards/nps?limit=1&" + DAYS + "&cursor=" + cursor).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        Api.as(OTHER_KEY).get("/v1/leaderboards/csat_avg?limit=1&" + DAYS + "&cursor=" + cursor).then().statusCode(400);
    }

    @Test
    void anotherTenantSeesNothingOfThis() {
        assertThat(board(OTHER_KEY, "csat_avg", DAYS)).isEmpty();
    }
}
