package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.Api.count;
import static io.deskpulse.reporting.support.Api.decimal;
import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.NearestRank;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every metric formula of storage.md against hand-computed values, nulls for empty groups included. */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiMetricsTest {

    // This class's own tenant (TestTenant): it writes, reads and deletes only its rows.
    private static final String TENANT = TestTenant.KPI_METRICS.id();
    private static final String KEY = TestTenant.KPI_METRICS.readKey();

    private static final long[] FIRST_RESPONSES_1 = {30_000, 90_000};
    private static final long[] FIRST_RESPONSES_2 = {45_000, 150_000, 600_000};
    private static final long[] RESOLUTIONS_1 = {60_000, 120_000, 3_600_000};
    private static final long[] RESOLUTIONS_2 = {7_200_000};

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.KPI_METRICS);
        row(TENANT, "2026-11-02T09:00:00Z").team("t-1").agent("a-1").channel("chat")
                .created(3).resolutions(RESOLUTIONS_1).reopened(1).firstResponses(FIRST_RESPONSES_1)
                .agentReplies(4).customerMessages(6).csat(5, 4, 2).insert();
        row(TENANT, "2026-11-02T15:00:00Z").team("t-1").agent("a-2").channel("email")
                .created(1).resolutions(RESOLUTIONS_2).resolvedWithoutDuration(1).firstResponses(FIRST_RESPONSES_2)
                .agentReplies(2).customerMessages(1).csat(3).insert();
        // Only customer messages: every average, percentile and rate of this day is null.
        row(TENANT, "2026-11-03T10:00:00Z").customerMessages(3).insert();
        // A row whose contributions were all retracted: a day without any row.
        row(TENANT, "2026-11-04T10:00:00Z").insert();
    }

    @Test
    void everyMetricOfADay() {
        List<Map<String, Object>> rows = Api.rows(KEY, "from=2026-11-02&to=2026-11-04");
        assertThat(rows).extracting(r -> r.get("period")).containsExactly("2026-11-02", "2026-11-03");
        Map<String, Object> day = rows.get(0);
        assertThat(day.get("id")).isEqualTo(TENANT);
        assertThat(count(day, "tickets_created")).isEqualTo(4);
        assertThat(count(day, "tickets_resolved")).isEqualTo(5);
        assertThat(count(day, "first_response_count")).isEqualTo(5);
        // (30 + 90 + 45 + 150 + 600) s / 5
        assertThat(decimal(day, "first_response_avg_s")).isEqualTo(183.0);
        // sorted 30, 45, 90, 150, 600: p50 is rank 3 (90 s), p90 rank 5 (600 s)
        assertThat(decimal(day, "first_response_p50_s")).isCloseTo(90.0, withinPercentage(1));
        assertThat(decimal(day, "first_response_p90_s")).isCloseTo(600.0, withinPercentage(1));
        // (60 + 120 + 3600 + 7200) s / 4: the solve without a known creation has no duration
        assertThat(decimal(day, "resolution_avg_s")).isEqualTo(2745.0);
        // sorted 60, 120, 3600, 7200: p50 is rank 2 (120 s), p90 rank 4 (7200 s)
        assertThat(decimal(day, "resolution_p50_s")).isCloseTo(120.0, withinPercentage(1));
        assertThat(decimal(day, "resolution_p90_s")).isCloseTo(7200.0, withinPercentage(1));
        assertThat(count(day, "reopened_resolutions")).isEqualTo(1);
        assertThat(decimal(day, "reopen_rate")).isEqualTo(1.0 / 5);
        assertThat(count(day, "agent_replies")).isEqualTo(6);
        assertThat(count(day, "customer_messages")).isEqualTo(7);
        assertThat(count(day, "csat_count")).isEqualTo(4);
        assertThat(decimal(day, "csat_avg")).isEqualTo(14.0 / 4);
        assertThat(decimal(day, "csat_satisfied_rate")).isEqualTo(2.0 / 4);
    }

    @Test
    void percentilesMatchTheHandComputedNearestRank() {
        long[] all = {30_000, 90_000, 45_000, 150_000, 600_000};
        Map<String, Object> day = Api.rows(KEY, "from=2026-11-02&to=2026-11-02").get(0);
        assertThat(decimal(day, "first_response_p50_s")).isCloseTo(NearestRank.seconds(50, all), withinPercentage(1));
        assertThat(decimal(day, "first_response_p90_s")).isCloseTo(NearestRank.seconds(90, all), withinPercentage(1));
    }

    @Test
    void emptyGroupsGiveZeroCountsAndNullRatios() {
        Map<String, Object> day = Api.rows(KEY, "from=2026-11-03&to=2026-11-03").get(0);
        assertThat(count(day, "customer_messages")).isEqualTo(3);
        for (String countColumn : List.of("tickets_created", "tickets_resolved", "first_response_count",
                "reopened_resolutions", "agent_replies", "csat_count")) {
            assertThat(count(day, countColumn)).as(countColumn).isZero();
        }
        for (String nullable : List.of("first_response_avg_s", "first_response_p50_s", "first_response_p90_s",
                "resolution_avg_s", "resolution_p50_s", "resolution_p90_s", "reopen_rate", "csat_avg",
                "csat_satisfied_rate")) {
            assertThat(day).as(nullable).containsEntry(nullable, null);
        }
    }

    @Test
    void allColumnsInCatalogOrder() {
        Map<String, Object> day = Api.rows(KEY, "from=2026-11-02&to=2026-11-02").get(0);
        // the first sixteen as they always were, then the rest of the catalog in its order
        assertThat(day.keySet()).containsExactly("period", "id", "tickets_created", "tickets_resolved",
                "first_response_count", "first_response_avg_s", "first_response_p50_s", "first_response_p90_s",
                "resolution_avg_s", "resolution_p50_s", "resolution_p90_s", "reopened_resolutions", "reopen_rate",
                "agent_replies", "customer_messages", "csat_count", "csat_avg", "csat_satisfied_rate",
                "first_resolutions", "fcr_count", "fcr_rate", "transfers",
                "handle_count", "handle_avg_s", "handle_p50_s", "handle_p90_s", "handle_total_s",
                "nps_count", "nps", "qa_count", "qa_avg", "qa_pass_rate",
                "first_response_sla_met", "first_response_sla_rate", "online_s", "occupancy",
                "conversions", "conversion_rate", "sales_amount", "peer_review_count", "peer_review_avg", "complaints",
                "first_response_bh_avg_s", "first_response_bh_p50_s", "first_response_bh_p90_s",
                "resolution_bh_avg_s", "resolution_bh_p50_s", "resolution_bh_p90_s",
                "reply_count", "reply_avg_s", "reply_p50_s", "reply_p90_s", "reply_bh_avg_s", "reply_bh_p50_s",
                "reply_bh_p90_s", "offered", "answered", "abandoned", "short_abandoned", "answer_rate", "abandon_rate",
                "asa_s", "asa_p50_s", "asa_p90_s", "service_level_met", "service_level_rate",
                "ces_count", "ces_avg", "ces_easy_rate", "sentiment_count", "sentiment_avg", "negative_share",
                "cost_total", "cost_per_contact", "cost_per_resolution");
    }

    @Test
    void metricsSubsetInTheOrderAsked() {
        Map<String, Object> day = Api.rows(KEY, "from=2026-11-02&to=2026-11-02&metrics=csat_avg,%20tickets_created,csat_avg")
                .get(0);
        assertThat(day.keySet()).containsExactly("period", "id", "csat_avg", "tickets_created");
        assertThat(decimal(day, "csat_avg")).isEqualTo(3.5);
        assertThat(count(day, "tickets_created")).isEqualTo(4);
    }

    @Test
    void durationsAreRoundedToTheMillisecond() {
        TestData.reset(TestTenant.KPI_METRICS);
        // averages 1.5 ms -> 0.002 s (half up) and 1000.667 ms -> 1.001 s
        row(TENANT, "2026-11-05T10:00:00Z").firstResponses(1, 2).resolutions(1000, 1001, 1001).insert();
        Map<String, Object> day = Api.rows(KEY, "from=2026-11-05&to=2026-11-05").get(0);
        assertThat(decimal(day, "first_response_avg_s")).isEqualTo(0.002);
        assertThat(decimal(day, "resolution_avg_s")).isEqualTo(1.001);
        // a percentile is the bin's representative value, in seconds with three decimals
        double p50 = decimal(day, "resolution_p50_s");
        assertThat(p50 * 1000).isCloseTo(Math.rint(p50 * 1000), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(p50).isCloseTo(1.001, withinPercentage(1));
    }

    @Test
    void zeroDurationsArePercentilesOfZero() {
        TestData.reset(TestTenant.KPI_METRICS);
        row(TENANT, "2026-11-05T10:00:00Z").firstResponses(0, 0, 5_000).insert();
        Map<String, Object> day = Api.rows(KEY, "from=2026-11-05&to=2026-11-05").get(0);
        assertThat(decimal(day, "first_response_p50_s")).isEqualTo(0.0);
        assertThat(decimal(day, "first_response_p90_s")).isCloseTo(5.0, withinPercentage(1));
    }
}
