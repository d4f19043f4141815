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

/**
 * The metrics of the full catalog (FCR, transfers, AHT, NPS, QA, SLA, occupancy, sales, peer reviews,
 * complaints, business-hours durations) against hand-computed values, and which rows have data.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiCatalogMetricsTest {

    // This class's own tenant (TestTenant): it writes, reads and deletes only its rows.
    private static final String TENANT = TestTenant.KPI_CATALOG_METRICS.id();
    private static final String KEY = TestTenant.KPI_CATALOG_METRICS.readKey();

    private static final String DAY = "from=2026-11-02&to=2026-11-02";
    private static final long[] HANDLES = {240_000, 300_000, 420_000, 600_000};
    private static final long[] FIRST_RESPONSES_BH = {20_000, 40_000, 60_000, 0};
    private static final long[] RESOLUTIONS_BH = {600_000, 1_800_000, 0};

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.KPI_CATALOG_METRICS);
        row(TENANT, "2026-11-02T09:00:00Z").team("t-1").agent("a-1").channel("chat")
                .firstResponses(20_000, 40_000, 300_000).firstResponsesBh(20_000, 40_000, 60_000)
                .resolutions(600_000, 7_200_000).resolutionsBh(600_000, 1_800_000)
                .firstResolutions(2, 1).transfers(1)
                .handles(240_000, 300_000, 420_000)
                .nps(10, 9, 8)
                .qa(90, 72.5)
                .slaMet(2)
                .onlineMs(3_600_000)
                .sales(19_990, 5_000)
                .peerReviews(4, 5)
                .complaints(1)
                .insert();
        // Outside business hours altogether: 0 s in business hours.
        row(TENANT, "2026-11-02T15:00:00Z").team("t-1").agent("a-2").channel("email")
                .firstResponses(90_000).firstResponsesBh(0)
                .resolutions(3_600_000).resolutionsBh(0)
                .firstResolutions(1, 1)
                .handles(600_000)
                .nps(9, 3, 6)
                .qa(85)
                .onlineMs(9_000_000)
                .sales(100_000)
                .peerReviews(3)
                .insert();
        // An agent who was only online: a row of its own (occupancy 0).
        row(TENANT, "2026-11-02T20:00:00Z").team("t-2").agent("a-3").channel("").onlineMs(1_800_000).insert();
        // Everything zero (all contributions retracted): no row.
        row(TENANT, "2026-11-02T21:00:00Z").team("t-2").agent("a-4").channel("").insert();
        // Only customer messages: every new count 0, every new average, percentile and rate null.
        row(TENANT, "2026-11-03T10:00:00Z").customerMessages(2).insert();
    }

    @Test
    void everyNewMetricOfADay() {
        Map<String, Object> day = Api.rows(KEY, DAY).get(0);
        // first contact resolution: 3 first solves, 2 of them on first contact
        assertThat(count(day, "first_resolutions")).isEqualTo(3);
        assertThat(count(day, "fcr_count")).isEqualTo(2);
        assertThat(decimal(day, "fcr_rate")).isEqualTo(2.0 / 3);
        assertThat(count(day, "transfers")).isEqualTo(1);
        // AHT: (240 + 300 + 420 + 600) s / 4; sorted, p50 is rank 2 (300 s), p90 rank 4 (600 s)
        assertThat(count(day, "handle_count")).isEqualTo(4);
        assertThat(decimal(day, "handle_avg_s")).isEqualTo(390.0);
        assertThat(decimal(day, "handle_p50_s")).isCloseTo(300.0, withinPercentage(1));
        assertThat(decimal(day, "handle_p90_s")).isCloseTo(600.0, withinPercentage(1));
        assertThat(decimal(day, "handle_total_s")).isEqualTo(1560.0);
        // NPS: promoters 10, 9, 9; passive 8; detractors 3, 6 -> (3 - 2) / 6 * 100 = 16.667
        assertThat(count(day, "nps_count")).isEqualTo(6);
        assertThat(decimal(day, "nps")).isEqualTo(100.0 / 6).isCloseTo(16.667, org.assertj.core.api.Assertions.within(0.001));
        // QA: (90 + 72.5 + 85) / 3; 90 and 85 pass the default mark of 80
        assertThat(count(day, "qa_count")).isEqualTo(3);
        assertThat(decimal(day, "qa_avg")).isEqualTo(82.5);
        assertThat(decimal(day, "qa_pass_rate")).isEqualTo(2.0 / 3);
        // SLA: 2 of 4 first responses within target
        assertThat(count(day, "first_response_sla_met")).isEqualTo(2);
        assertThat(decimal(day, "first_response_sla_rate")).isEqualTo(0.5);
        // online 1 h + 2.5 h + 0.5 h = 14400 s; occupancy = 1560 s handled / 14400 s online
        assertThat(decimal(day, "online_s")).isEqualTo(14_400.0);
        assertThat(decimal(day, "occupancy")).isEqualTo(1_560_000.0 / 14_400_000);
        // sales: 19.99 + 5.00 + 100.00; 3 conversions over 4 tickets first replied to
        assertThat(count(day, "conversions")).isEqualTo(3);
        assertThat(decimal(day, "conversion_rate")).isEqualTo(0.75);
        assertThat(decimal(day, "sales_amount")).isEqualTo(124.99);
        // peer reviews (4 + 5 + 3) / 3
        assertThat(count(day, "peer_review_count")).isEqualTo(3);
        assertThat(decimal(day, "peer_review_avg")).isEqualTo(4.0);
        assertThat(count(day, "complaints")).isEqualTo(1);
        // business hours: (20 + 40 + 60 + 0) s / 4 first responses; sorted 0, 20, 40, 60
        assertThat(decimal(day, "first_response_bh_avg_s")).isEqualTo(30.0);
        assertThat(decimal(day, "first_response_bh_p50_s")).isCloseTo(20.0, withinPercentage(1));
        assertThat(decimal(day, "first_response_bh_p90_s")).isCloseTo(60.0, withinPercentage(1));
        // (600 + 1800 + 0) s / 3 resolutions with a known creation; sorted 0, 600, 1800
        assertThat(decimal(day, "resolution_bh_avg_s")).isEqualTo(800.0);
        assertThat(decimal(day, "resolution_bh_p50_s")).isCloseTo(600.0, withinPercentage(1));
        assertThat(decimal(day, "resolution_bh_p90_s")).isCloseTo(1800.0, withinPercentage(1));
    }

    @Test
    void newPercentilesMatchTheHandComputedNearestRank() {
        Map<String, Object> day = Api.rows(KEY, DAY + "&metrics=handle_p50_s,handle_p90_s,first_response_bh_p50_s,"
                + "first_response_bh_p90_s,resolution_bh_p50_s,resolution_bh_p90_s").get(0);
        for (int p : new int[] {50, 90}) {
            assertThat(decimal(day, "handle_p" + p + "_s")).isCloseTo(NearestRank.seconds(p, HANDLES), withinPercentage(1));
            assertThat(decimal(day, "first_response_bh_p" + p + "_s"))
                    .isCloseTo(NearestRank.seconds(p, FIRST_RESPONSES_BH), withinPercentage(1));
            assertThat(decimal(day, "resolution_bh_p" + p + "_s"))
                    .isCloseTo(NearestRank.seconds(p, RESOLUTIONS_BH), withinPercentage(1));
        }
    }

    @Test
    void agentRowsIncludeTheAgentWhoWasOnlyOnline() {
        List<Map<String, Object>> rows = Api.rows(KEY, "dimension=agent&" + DAY);
        // a-4's row is all zeros: skipped
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("a-1", "a-2", "a-3");
        Map<String, Object> a1 = rows.get(0);
        assertThat(decimal(a1, "occupancy")).isEqualTo(960_000.0 / 3_600_000);
        assertThat(decimal(a1, "nps")).isEqualTo(200.0 / 3); // 2 promoters, 1 passive
        assertThat(decimal(a1, "sales_amount")).isEqualTo(24.99);
        Map<String, Object> a2 = rows.get(1);
        assertThat(decimal(a2, "nps")).isEqualTo(-100.0 / 3); // 1 promoter, 2 detractors
        assertThat(decimal(a2, "first_response_sla_rate")).isEqualTo(0.0);
        assertThat(decimal(a2, "first_response_bh_p50_s")).isEqualTo(0.0);
        Map<String, Object> a3 = rows.get(2);
        assertThat(decimal(a3, "online_s")).isEqualTo(1800.0);
        assertThat(decimal(a3, "occupancy")).isEqualTo(0.0);
        assertThat(decimal(a3, "handle_total_s")).isEqualTo(0.0);
        assertThat(a3).containsEntry("handle_avg_s", null).containsEntry("nps", null).containsEntry("fcr_rate", null);
        assertThat(count(a3, "tickets_created")).isZero();
        // the team of the online-only agent has a row too; the zero row's team adds nothing
        assertThat(Api.rows(KEY, "dimension=team&" + DAY + "&metrics=online_s,occupancy"))
                .extracting(r -> r.get("id"), r -> decimal(r, "online_s"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t-1", 12_600.0),
                        org.assertj.core.groups.Tuple.tuple("t-2", 1800.0));
    }

    @Test
    void aRowWithOnlyASumHasData() {
        TestData.reset(TestTenant.KPI_CATALOG_METRICS);
        row(TENANT, "2026-11-05T10:00:00Z").agent("a-5").set("sales_amount_milli", 1_500).insert();
        row(TENANT, "2026-11-05T11:00:00Z").agent("a-6").insert();
        List<Map<String, Object>> rows = Api.rows(KEY, "dimension=agent&from=2026-11-05&to=2026-11-05&metrics=sales_amount");
        assertThat(rows).extracting(r -> r.get("id"), r -> decimal(r, "sales_amount"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a-5", 1.5));
    }

    @Test
    void emptyGroupsGiveZeroCountsAndTotalsAndNullRatios() {
        Map<String, Object> day = Api.rows(KEY, "from=2026-11-03&to=2026-11-03").get(0);
        assertThat(count(day, "customer_messages")).isEqualTo(2);
        for (String countColumn : List.of("first_resolutions", "fcr_count", "transfers", "handle_count", "nps_count",
                "qa_count", "first_response_sla_met", "conversions", "peer_review_count", "complaints")) {
            assertThat(count(day, countColumn)).as(countColumn).isZero();
        }
        for (String total : List.of("handle_total_s", "online_s", "sales_amount")) {
            assertThat(decimal(day, total)).as(total).isEqualTo(0.0);
        }
        for (String nullable : List.of("fcr_rate", "handle_avg_s", "handle_p50_s", "handle_p90_s", "nps", "qa_avg",
                "qa_pass_rate", "first_response_sla_rate", "occupancy", "conversion_rate", "peer_review_avg",
                "first_response_bh_avg_s", "first_response_bh_p50_s", "first_response_bh_p90_s", "resolution_bh_avg_s",
                "resolution_bh_p50_s", "resolution_bh_p90_s")) {
            assertThat(day).as(nullable).containsEntry(nullable, null);
        }
    }

    @Test
    void newDurationsAreRoundedToTheMillisecond() {
        TestData.reset(TestTenant.KPI_CATALOG_METRICS);
        // 1.5 ms -> 0.002 s (half up); (1000 + 1001 + 1001) / 3 ms -> 1.001 s
        row(TENANT, "2026-11-05T10:00:00Z").handles(1, 2).firstResponses(5, 5).firstResponsesBh(1, 2)
                .resolutions(5_000, 5_000, 5_000).resolutionsBh(1000, 1001, 1001).onlineMs(1).insert();
        Map<String, Object> day = Api.rows(KEY, "from=2026-11-05&to=2026-11-05").get(0);
        assertThat(decimal(day, "handle_avg_s")).isEqualTo(0.002);
        assertThat(decimal(day, "handle_total_s")).isEqualTo(0.003);
        assertThat(decimal(day, "online_s")).isEqualTo(0.001);
        assertThat(decimal(day, "occupancy")).isEqualTo(3.0);
        assertThat(decimal(day, "first_response_bh_avg_s")).isEqualTo(0.002);
        assertThat(decimal(day, "resolution_bh_avg_s")).isEqualTo(1.001);
    }

    @Test
    void npsRangesFromMinusToPlusHundred() {
        TestData.reset(TestTenant.KPI_CATALOG_METRICS);
        row(TENANT, "2026-11-05T10:00:00Z").agent("all-detractors").nps(0, 6, 5).insert();
        row(TENANT, "2026-11-05T10:00:00Z").agent("all-promoters").nps(9, 10).insert();
        row(TENANT, "2026-11-05T10:00:00Z").agent("all-passives").nps(7, 8).insert();
        List<Map<String, Object>> rows = Api.rows(KEY, "dimension=agent&from=2026-11-05&to=2026-11-05&metrics=nps");
        assertThat(rows).extracting(r -> r.get("id"), r -> decimal(r, "nps")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("all-detractors", -100.0),
                org.assertj.core.groups.Tuple.tuple("all-passives", 0.0),
                org.assertj.core.groups.Tuple.tuple("all-promoters", 100.0));
    }

    @Test
    void csvWritesTheNewDecimalsPlainly() {
        String csv = Api.as(KEY)
                .get("/v1/kpis?" + DAY + "&metrics=nps,sales_amount,online_s,occupancy,handle_count&format=csv").asString();
        assertThat(csv).isEqualTo("period,id,nps,sales_amount,online_s,occupancy,handle_count\r\n"
                + "2026-11-02," + TENANT + "," + (100.0 / 6) + ",124.99,14400.0," + (1_560_000.0 / 14_400_000) + ",4\r\n");
    }
}
