package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.Api.count;
import static io.deskpulse.reporting.support.Api.decimal;
import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

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
 * Reply time and the queue KPIs of issue 16 (docs/kpis.md) against hand-computed values: per day, by queue, by
 * agent, in CSV, on leaderboards; and which queue rates are null.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiQueueAndReplyTest {

    private static final String TENANT = TestTenant.KPI_QUEUES.id();
    private static final String KEY = TestTenant.KPI_QUEUES.readKey();
    private static final String DAY = "from=2026-11-02&to=2026-11-02";
    private static final String QUEUE_METRICS = "offered,answered,abandoned,short_abandoned,answer_rate,abandon_rate,"
            + "asa_s,asa_p50_s,asa_p90_s,service_level_met,service_level_rate";

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.KPI_QUEUES);
        // replies of a chat ticket: 60, 120 and 120 s; in business hours 60, 0 and 120 s
        row(TENANT, "2026-11-02T09:00:00Z").team("t-1").agent("a-1").channel("chat")
                .replies(60_000, 120_000, 120_000).repliesBh(60_000, 0, 120_000).insert();
        // queue billing (phone): 5 offered, 1 abandoned, 1 short abandon; answered by a-1 after 12 and 25 s (one
        // within 20 s) and by a-2 after 18 s (within)
        row(TENANT, "2026-11-02T09:00:00Z").team("t-1").channel("phone").queue("billing").queueOutcomes(5, 1, 1, 0)
                .insert();
        row(TENANT, "2026-11-02T09:00:00Z").team("t-1").agent("a-1").channel("phone").queue("billing")
                .answeredAfter(12_000, 25_000).set("service_level_met", 1).insert();
        row(TENANT, "2026-11-02T09:00:00Z").team("t-1").agent("a-2").channel("phone").queue("billing")
                .answeredAfter(18_000).set("service_level_met", 1).insert();
        // queue sales (chat): 2 offered, one answered by a-3 after 40 s, one still waiting
        row(TENANT, "2026-11-02T10:00:00Z").team("t-2").channel("chat").queue("sales").queueOutcomes(2, 0, 0, 0).insert();
        row(TENANT, "2026-11-02T10:00:00Z").team("t-2").agent("a-3").channel("chat").queue("sales")
                .answeredAfter(40_000).insert();
    }

    @Test
    void replyTimeOfADay() {
        Map<String, Object> day = Api.rows(KEY, DAY).get(0);
        assertThat(count(day, "reply_count")).isEqualTo(3);
        assertThat(decimal(day, "reply_avg_s")).isEqualTo(100.0);
        // sorted 60, 120, 120: p50 is rank 2, p90 rank 3
        assertThat(decimal(day, "reply_p50_s")).isCloseTo(120.0, withinPercentage(1));
        assertThat(decimal(day, "reply_p90_s")).isCloseTo(120.0, withinPercentage(1));
        assertThat(decimal(day, "reply_bh_avg_s")).isEqualTo(60.0);
        // sorted 0, 60, 120
        assertThat(decimal(day, "reply_bh_p50_s")).isCloseTo(60.0, withinPercentage(1));
        assertThat(decimal(day, "reply_bh_p90_s")).isCloseTo(120.0, withinPercentage(1));
    }

    @Test
    void queueKpisOfTheTenant() {
        Map<String, Object> day = Api.rows(KEY, DAY + "&metrics=" + QUEUE_METRICS).get(0);
        assertThat(count(day, "offered")).isEqualTo(7);
        assertThat(count(day, "answered")).isEqualTo(4);
        assertThat(count(day, "abandoned")).isEqualTo(1);
        assertThat(count(day, "short_abandoned")).isEqualTo(1);
        // rates over offered less short abandons: 4 / 6 and 1 / 6
        assertThat(decimal(day, "answer_rate")).isEqualTo(4.0 / 6);
        assertThat(decimal(day, "abandon_rate")).isEqualTo(1.0 / 6);
        // (12 + 25 + 18 + 40) / 4 = 23.75 s; sorted 12, 18, 25, 40
        assertThat(decimal(day, "asa_s")).isEqualTo(23.75);
        assertThat(decimal(day, "asa_p50_s")).isCloseTo(18.0, withinPercentage(1));
        assertThat(decimal(day, "asa_p90_s")).isCloseTo(40.0, withinPercentage(1));
        // met over answered plus (long) abandons: 2 / (4 + 1)
        assertThat(count(day, "service_level_met")).isEqualTo(2);
        assertThat(decimal(day, "service_level_rate")).isEqualTo(0.4);
    }

    @Test
    void byQueueEachQueueHasItsRowAndTicketsAreInTheRowOfNoQueue() {
        List<Map<String, Object>> rows = Api.rows(KEY, "dimension=queue&" + DAY + "&metrics=reply_count," + QUEUE_METRICS);
        // the id of "no queue" is null, as for "no agent" and "no team"
        assertThat(rows).extracting(r -> r.get("id")).containsExactly(null, "billing", "sales");
        assertThat(count(rows.get(0), "reply_count")).isEqualTo(3);
        assertThat(count(rows.get(0), "offered")).isZero();
        assertThat(rows.get(0)).containsEntry("answer_rate", null).containsEntry("service_level_rate", null);
        Map<String, Object> billing = rows.get(1);
        assertThat(count(billing, "offered")).isEqualTo(5);
        assertThat(decimal(billing, "answer_rate")).isEqualTo(0.75);
        assertThat(decimal(billing, "abandon_rate")).isEqualTo(0.25);
        assertThat(decimal(billing, "service_level_rate")).isEqualTo(0.5);
        assertThat(decimal(billing, "asa_s")).isEqualTo(18.333);
        Map<String, Object> sales = rows.get(2);
        assertThat(decimal(sales, "answer_rate")).isEqualTo(0.5);
        assertThat(decimal(sales, "abandon_rate")).isEqualTo(0.0);
        assertThat(decimal(sales, "service_level_rate")).isEqualTo(0.0);
        // one queue by id, on one channel
        assertThat(Api.rows(KEY, "dimension=queue&id=sales&channel=chat&" + DAY + "&metrics=offered"))
                .extracting(r -> r.get("id"), r -> count(r, "offered"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sales", 2L));
    }

    @Test
    void agentsHaveWhatTheyAnsweredButNoAnswerRate() {
        List<Map<String, Object>> rows = Api.rows(KEY, "dimension=agent&" + DAY + "&metrics=" + QUEUE_METRICS);
        Map<String, Object> a1 = rows.stream().filter(r -> "a-1".equals(r.get("id"))).findFirst().orElseThrow();
        assertThat(count(a1, "answered")).isEqualTo(2);
        assertThat(count(a1, "offered")).isZero();
        assertThat(a1).containsEntry("answer_rate", null).containsEntry("abandon_rate", null);
        assertThat(decimal(a1, "asa_s")).isEqualTo(18.5);
        assertThat(decimal(a1, "service_level_rate")).isEqualTo(0.5);
        // by team: t-1 holds billing, t-2 sales
        assertThat(Api.rows(KEY, "dimension=team&" + DAY + "&metrics=offered,answer_rate"))
                .extracting(r -> r.get("id"), r -> decimal(r, "answer_rate"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t-1", 0.75),
                        org.assertj.core.groups.Tuple.tuple("t-2", 0.5));
    }

    @Test
    void csvHasTheNewColumns() {
        String csv = Api.as(KEY).get("/v1/kpis?dimension=queue&id=billing&" + DAY
                + "&metrics=reply_count,offered,answered,abandoned,short_abandoned,answer_rate,abandon_rate,asa_s,"
                + "service_level_met,service_level_rate&format=csv").asString();
        assertThat(csv).isEqualTo("period,id,reply_count,offered,answered,abandoned,short_abandoned,answer_rate,"
                + "abandon_rate,asa_s,service_level_met,service_level_rate\r\n"
                + "2026-11-02,billing,0,5,3,1,1,0.75,0.25,18.333,2,0.5\r\n");
    }

    @Test
    void leaderboardsRankByAsaAndAnswerRate() {
        Response asa = Api.as(KEY).get("/v1/leaderboards/asa_s?" + DAY + "&min_volume=1");
        assertThat(asa.statusCode()).as(asa.asString()).isEqualTo(200);
        assertThat(Api.parse(asa.asString())).containsEntry("direction", "lower_is_better")
                .containsEntry("volume_metric", "answered");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) Api.parse(asa.asString()).get("rows");
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("a-2", "a-1", "a-3");
        Response rate = Api.as(KEY).get("/v1/leaderboards/answer_rate?dimension=team&" + DAY + "&min_volume=1");
        assertThat(rate.statusCode()).as(rate.asString()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> teams = (List<Map<String, Object>>) Api.parse(rate.asString()).get("rows");
        assertThat(teams).extracting(r -> r.get("id")).containsExactly("t-1", "t-2");
    }

    @Test
    void queueIsNoDimensionOfScorecardsOrLeaderboards() {
        Response board = Api.as(KEY).get("/v1/leaderboards/asa_s?dimension=queue&" + DAY);
        assertThat(board.statusCode()).isEqualTo(400);
        assertThat(board.asString()).contains("dimension");
        Response cards = Api.as(KEY).get("/v1/scorecards?dimension=queue&" + DAY);
        assertThat(cards.statusCode()).isEqualTo(400);
        assertThat(cards.asString()).contains("dimension");
    }
}
