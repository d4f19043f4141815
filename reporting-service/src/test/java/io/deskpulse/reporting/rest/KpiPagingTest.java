package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keyset paging after aggregation: every row exactly once, through next_cursor and through Link. */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiPagingTest {

    // This class's own tenant (TestTenant): it writes, reads and deletes only its rows.
    private static final String TENANT = TestTenant.KPI_PAGING.id();
    private static final String KEY = TestTenant.KPI_PAGING.readKey();

    private static final String QUERY = "dimension=agent&from=2026-11-01&to=2026-11-03";
    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.KPI_PAGING);
        // 3 days x 4 members (no agent, a-1, a-2, a-3) = 12 rows, each with its own values and histograms
        int n = 1;
        for (String day : List.of("2026-11-01", "2026-11-02", "2026-11-03")) {
            for (String agent : List.of("", "a-1", "a-2", "a-3")) {
                row(TENANT, day + "T10:00:00Z").agent(agent).created(n)
                        .firstResponses(1000L * n, 5000L * n, 9000L * n).resolutions(60_000L * n).insert();
                row(TENANT, day + "T20:00:00Z").agent(agent).firstResponses(100_000L * n).insert();
                n++;
            }
        }
    }

    @Test
    void limitTwoWalksEveryRowOnceByNextCursor() {
        List<Map<String, Object>> all = Api.rows(KEY, QUERY);
        assertThat(all).hasSize(12);
        List<Map<String, Object>> walked = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            Map<String, Object> page = Api.page(KEY, QUERY + "&limit=2&cursor=" + cursor);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("rows");
            assertThat(rows).hasSizeLessThanOrEqualTo(2);
            walked.addAll(rows);
            cursor = (String) page.get("next_cursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(6);
        // same rows, same order, same values (percentiles of each page's own groups included)
        assertThat(walked).isEqualTo(all);
    }

    @Test
    void linkHeaderLeadsToTheNextPageAndIsAbsentOnTheLast() {
        List<Object> ids = new ArrayList<>();
        String url = "/v1/kpis?" + QUERY + "&limit=5&metrics=tickets_created";
        int pages = 0;
        while (url != null) {
            Response response = Api.as(KEY).get(url);
            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> page = Api.parse(response.asString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("rows");
            rows.forEach(r -> ids.add(r.get("period") + "/" + r.get("id")));
            String link = response.header("Link");
            if (page.get("next_cursor") == null) {
                assertThat(link).isNull();
                url = null;
            } else {
                Matcher matcher = LINK.matcher(link);
                assertThat(matcher.matches()).as(link).isTrue();
                url = matcher.group(1);
                assertThat(url).contains(QUERY).contains("limit=5").endsWith("cursor=" + page.get("next_cursor"));
            }
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(ids).doesNotHaveDuplicates().hasSize(12)
                .startsWith("2026-11-01/null", "2026-11-01/a-1").endsWith("2026-11-03/a-3");
    }

    @Test
    void csvPagesCarryTheLinkToo() {
        Response response = Api.as(KEY).get("/v1/kpis?" + QUERY + "&limit=2&format=csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Link")).contains("format=csv").contains("cursor=");
        assertThat(response.asString().split("\r\n")).hasSize(3);
    }

    @Test
    void badCursorIs400() {
        Api.as(KEY).get("/v1/kpis?" + QUERY + "&cursor=bm90IG91cnM").then().statusCode(400)
                .body("type", org.hamcrest.Matchers.endsWith("/invalid-parameters"))
                .body("errors.field", contains("cursor"));
        Api.as(KEY).get("/v1/kpis?" + QUERY + "&cursor=%25%25%25").then().statusCode(400)
                .body("errors.field", contains("cursor"));
    }

    @Test
    void cursorOfAnotherQueryIs400() {
        String cursor = (String) Api.page(KEY, QUERY + "&limit=2").get("next_cursor");
        Api.as(KEY).get("/v1/kpis?dimension=team&from=2026-11-01&to=2026-11-03&cursor=" + cursor).then()
                .statusCode(400).body("errors.field", contains("cursor"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("different query"));
        // metrics and limit may change between pages
        assertThat(Api.page(KEY, QUERY + "&limit=3&metrics=tickets_created&cursor=" + cursor).get("rows")).asList().hasSize(3);
    }
}
