package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
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
 * Customer effort and sentiment of issue 16 (docs/kpis.md) against hand-computed values: by tenant, agent and team,
 * in CSV, on a leaderboard; and the nulls of an empty group.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiEffortAndSentimentTest {

    private static final String TENANT = TestTenant.KPI_EFFORT.id();
    private static final String KEY = TestTenant.KPI_EFFORT.readKey();
    private static final String DAY = "from=2026-11-02&to=2026-11-02";
    private static final String METRICS = "metrics=ces_count,ces_avg,ces_easy_rate,sentiment_count,sentiment_avg,"
            + "negative_share";

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.KPI_EFFORT);
        // a-1 of t-1: effort 7 and 4 (one easy), sentiments -0.6 and 0.2 (one negative)
        row(TENANT, "2026-11-02T09:00:00Z").team("t-1").agent("a-1").channel("chat").set("ces_count", 2)
                .set("ces_sum_milli", 11_000).set("ces_easy", 1).set("sentiment_count", 2)
                .set("sentiment_sum_milli", -400).set("sentiment_negative", 1).insert();
        // a-2 of t-2: effort 5.5 (a 4 of 1..5), sentiment -0.25 (negative)
        row(TENANT, "2026-11-02T10:00:00Z").team("t-2").agent("a-2").channel("email").set("ces_count", 1)
                .set("ces_sum_milli", 5_500).set("ces_easy", 1).set("sentiment_count", 1)
                .set("sentiment_sum_milli", -250).set("sentiment_negative", 1).insert();
        // a-3 only replied: no effort, no sentiment
        row(TENANT, "2026-11-02T11:00:00Z").team("t-2").agent("a-3").channel("email").set("agent_replies", 3).insert();
    }

    @Test
    void theTenantsDay() {
        Map<String, Object> day = Api.rows(KEY, DAY + "&" + METRICS).get(0);
        assertThat(day).containsEntry("ces_count", 3).containsEntry("sentiment_count", 3);
        // (7 + 4 + 5.5) / 3 = 5.5; 2 of 3 easy; (-0.6 + 0.2 - 0.25) / 3; 2 of 3 negative
        assertThat(day.get("ces_avg")).isEqualTo(5.5);
        assertThat(day.get("ces_easy_rate")).isEqualTo(2.0 / 3);
        assertThat(day.get("sentiment_avg")).isEqualTo(-650 / 3000.0);
        assertThat(day.get("negative_share")).isEqualTo(2.0 / 3);
    }

    @Test
    void byAgentAnEmptyGroupIsNull() {
        List<Map<String, Object>> rows = Api.rows(KEY, "dimension=agent&" + DAY + "&" + METRICS);
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("a-1", "a-2", "a-3");
        assertThat(rows.get(0)).containsEntry("ces_avg", 5.5).containsEntry("ces_easy_rate", 0.5)
                .containsEntry("sentiment_avg", -0.2).containsEntry("negative_share", 0.5);
        assertThat(rows.get(2)).containsEntry("ces_count", 0).containsEntry("ces_avg", null)
                .containsEntry("sentiment_avg", null).containsEntry("negative_share", null);
        List<Map<String, Object>> teams = Api.rows(KEY, "dimension=team&" + DAY + "&" + METRICS);
        assertThat(teams).extracting(r -> r.get("id"), r -> r.get("negative_share"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t-1", 0.5),
                        org.assertj.core.groups.Tuple.tuple("t-2", 1.0));
    }

    @Test
    void csvHasTheNewColumns() {
        String csv = Api.as(KEY).get("/v1/kpis?dimension=agent&id=a-2&" + DAY + "&" + METRICS + "&format=csv").asString();
        assertThat(csv).isEqualTo("period,id,ces_count,ces_avg,ces_easy_rate,sentiment_count,sentiment_avg,"
                + "negative_share\r\n2026-11-02,a-2,1,5.5,1.0,1,-0.25,1.0\r\n");
    }

    @Test
    void leaderboardsRankByEffortAndNegativeShare() {
        Response board = Api.as(KEY).get("/v1/leaderboards/negative_share?" + DAY + "&min_volume=1");
        assertThat(board.statusCode()).as(board.asString()).isEqualTo(200);
        assertThat(Api.parse(board.asString())).containsEntry("direction", "lower_is_better")
                .containsEntry("volume_metric", "sentiment_count");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) Api.parse(board.asString()).get("rows");
        // a-3 has no sentiment: listed apart, unranked
        assertThat(rows).extracting(r -> r.get("id"), r -> r.get("rank")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a-1", 1), org.assertj.core.groups.Tuple.tuple("a-2", 2),
                org.assertj.core.groups.Tuple.tuple("a-3", null));
        Response ces = Api.as(KEY).get("/v1/leaderboards/ces_avg?" + DAY + "&min_volume=1");
        assertThat(ces.statusCode()).as(ces.asString()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> byEffort = (List<Map<String, Object>>) Api.parse(ces.asString()).get("rows");
        // a tie at 5.5 shares the rank, listed by id
        assertThat(byEffort).extracting(r -> r.get("id"), r -> r.get("rank")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a-1", 1), org.assertj.core.groups.Tuple.tuple("a-2", 1),
                org.assertj.core.groups.Tuple.tuple("a-3", null));
    }
}
