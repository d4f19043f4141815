package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.TicketFactRows.lifecycle;
import static io.deskpulse.reporting.support.TicketFactRows.npsResponse;
import static io.deskpulse.reporting.support.TicketFactRows.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Measured churn (GET /v1/customers/churn) and the at-risk back-test (GET /v1/customers/at-risk/backtest) on a
 * generated dataset where churn is planted (docs/kpis.md): groups of customers whose signals, churns and the times of
 * both are chosen so that recall and precision per threshold are known exactly, including a group whose signals
 * arrive only after it churned (a back-test on today's facts would count it as caught) and one flagged too long
 * before it churned.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class ChurnAndBacktestTest {

    private static final String TENANT = TestTenant.CUSTOMERS_CHURN.id();
    private static final String KEY = TestTenant.CUSTOMERS_CHURN.readKey();
    private static final String OTHER = TestTenant.CUSTOMERS_CHURN_OTHER.id();
    private static final String OTHER_KEY = TestTenant.CUSTOMERS_CHURN_OTHER.readKey();
    private static final String NOVEMBER = "from=2026-11-01&to=2026-11-30&horizon_days=30&thresholds=75,25,50";
    private static final AtomicLong IDS = new AtomicLong();

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.CUSTOMERS_CHURN, TestTenant.CUSTOMERS_CHURN_OTHER);
        // A, loud churners (10): on Oct 20 a complaint with negative sentiment and a CSAT of 2 (25 + 15 + 20 = 60);
        // churn on Nov 10, flagged on the 30 days before: caught at 25 and 50, not flagged at 75
        for (int i = 0; i < 10; i++) {
            loud("a-" + i, "2026-10-20");
            lifecycle(TENANT, "a-" + i, IDS.incrementAndGet(), "2026-11-10T12:00:00Z", "churned");
        }
        // the same churn sent again under another id, two days later: one churned customer
        lifecycle(TENANT, "a-0", IDS.incrementAndGet(), "2026-11-12T12:00:00Z", "churned");
        // B, loud stayers (5): as A, but they renew: flagged at 25 and 50, never churned
        for (int i = 0; i < 5; i++) {
            loud("b-" + i, "2026-10-20");
            lifecycle(TENANT, "b-" + i, IDS.incrementAndGet(), "2026-11-03T12:00:00Z", "renewed");
        }
        // C, silent churners (4): a quiet ticket, a churn on Nov 15: missed at every threshold
        for (int i = 0; i < 4; i++) {
            ticket(TENANT, "c-" + i + "-1").created("2026-11-01T09:00:00Z").set("customer_id", "c-" + i).insert();
            lifecycle(TENANT, "c-" + i, IDS.incrementAndGet(), "2026-11-15T12:00:00Z", "churned");
        }
        // D, very loud churners (3): 4 tickets on Nov 1 (25), two complaints (50), then NPS 2 on Nov 2 (25): 75 from
        // Nov 1, 100 from Nov 2; churn on Nov 20: caught at every threshold
        for (int i = 0; i < 3; i++) {
            String customer = "d-" + i;
            for (int t = 1; t <= 4; t++) {
                ticket(TENANT, customer + "-" + t).created("2026-11-01T09:0" + t + ":00Z").set("customer_id", customer)
                        .riskHistory(t <= 2 ? "[[" + ms("2026-11-01T10:00:00Z") + ",1,0,0,0]]" : "[]").insert();
            }
            npsResponse(TENANT, "", IDS.incrementAndGet(), customer, "2026-11-02T10:00:00Z", 2);
            lifecycle(TENANT, customer, IDS.incrementAndGet(), "2026-11-20T12:00:00Z", "churned");
        }
        // E, too late (2): a ticket of Oct 25 whose complaint and CSAT of 1 came on Nov 12 (45), after the churn of
        // Nov 5: flagged at 25 (after they left), never before the churn: not caught
        for (int i = 0; i < 2; i++) {
            ticket(TENANT, "e-" + i + "-1").created("2026-10-25T09:00:00Z").set("customer_id", "e-" + i)
                    .set("tags", List.of("complaint")).set("csat_score", (short) 1)
                    .riskHistory("[[" + ms("2026-11-12T10:00:00Z") + ",1,1,0,0]]").insert();
            lifecycle(TENANT, "e-" + i, IDS.incrementAndGet(), "2026-11-05T12:00:00Z", "churned");
        }
        // F, flagged too early (3): loud on Sep 5, which the windows of Oct 2 to Oct 4 still see; churn on Nov 28,
        // whose 30 days before begin on Oct 29: flagged at 25 and 50, not caught
        for (int i = 0; i < 3; i++) {
            loud("f-" + i, "2026-09-05");
            lifecycle(TENANT, "f-" + i, IDS.incrementAndGet(), "2026-11-28T12:00:00Z", "churned");
        }
        // H: churns at 23:30 UTC on Oct 31, which is Nov 1 in Berlin; silent
        lifecycle(TENANT, "h-0", IDS.incrementAndGet(), "2026-10-31T23:30:00Z", "churned");
        // another tenant's loud churner is never seen
        ticket(OTHER, "x-1").created("2026-10-20T09:00:00Z").set("customer_id", "a-0")
                .riskHistory("[[" + ms("2026-10-20T10:00:00Z") + ",1,1,3,1]]").insert();
        lifecycle(OTHER, "zz", IDS.incrementAndGet(), "2026-11-10T12:00:00Z", "churned");
    }

    /** Two tickets on {@code day}: a complaint with negative sentiment, and a CSAT of 2: 60 points. */
    private static void loud(String customer, String day) {
        ticket(TENANT, customer + "-1").created(day + "T09:00:00Z").set("customer_id", customer)
                .set("tags", List.of("complaint")).riskHistory("[[" + ms(day + "T10:00:00Z") + ",1,0,0,1]]").insert();
        ticket(TENANT, customer + "-2").created(day + "T09:30:00Z").set("customer_id", customer)
                .set("csat_score", (short) 2).riskHistory("[[" + ms(day + "T11:00:00Z") + ",0,1,0,0]]").insert();
    }

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(String key, String path) {
        Response response = Api.as(key).get(path);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return Api.parse(response.asString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("rows");
    }

    private static double decimal(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    private static long count(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    @Test
    void recallAndPrecisionPerThresholdAreThePlantedOnes() {
        Map<String, Object> body = body(KEY, "/v1/customers/at-risk/backtest?" + NOVEMBER + "&tz=UTC");
        assertThat(body).containsEntry("list_from", "2026-10-02").containsEntry("list_to", "2026-11-29")
                .containsEntry("window_days", 30).containsEntry("horizon_days", 30);
        List<Map<String, Object>> rows = rows(body);
        assertThat(rows).extracting(r -> r.get("threshold")).containsExactly(25, 50, 75);
        // churned: A 10 + C 4 + D 3 + E 2 + F 3 = 22 (H churned on Oct 31 in UTC)
        assertThat(rows).allSatisfy(r -> assertThat(count(r, "churned_customers")).isEqualTo(22));
        // 25: flagged A, B, D, E, F = 23; caught A and D = 13
        assertThat(count(rows.get(0), "flagged_customers")).isEqualTo(23);
        assertThat(count(rows.get(0), "caught")).isEqualTo(13);
        assertThat(decimal(rows.get(0), "recall")).isEqualTo(13.0 / 22);
        assertThat(decimal(rows.get(0), "precision")).isEqualTo(13.0 / 23);
        // 50: E's 45 is not flagged: 21 flagged, 13 caught
        assertThat(count(rows.get(1), "flagged_customers")).isEqualTo(21);
        assertThat(decimal(rows.get(1), "recall")).isEqualTo(13.0 / 22);
        assertThat(decimal(rows.get(1), "precision")).isEqualTo(13.0 / 21);
        // 75: only D
        assertThat(count(rows.get(2), "flagged_customers")).isEqualTo(3);
        assertThat(decimal(rows.get(2), "recall")).isEqualTo(3.0 / 22);
        assertThat(decimal(rows.get(2), "precision")).isEqualTo(1.0);
    }

    @Test
    void theDaysAreTheZonesDays() {
        // in Berlin H's churn falls on Nov 1: 23 churned, H missed; everything else falls on the same local days
        List<Map<String, Object>> rows = rows(body(KEY, "/v1/customers/at-risk/backtest?" + NOVEMBER
                + "&tz=Europe/Berlin"));
        assertThat(rows).allSatisfy(r -> assertThat(count(r, "churned_customers")).isEqualTo(23));
        assertThat(decimal(rows.get(0), "recall")).isEqualTo(13.0 / 23);
        assertThat(decimal(rows.get(0), "precision")).isEqualTo(13.0 / 23);
        assertThat(decimal(rows.get(2), "precision")).isEqualTo(1.0);
    }

    @Test
    void aShorterHorizonMissesWhatWasFlaggedEarlier() {
        // 5 days: A (flagged from Oct 20 to Nov 9, churn Nov 10) is still caught; D (flagged from Nov 1) too
        List<Map<String, Object>> rows = rows(body(KEY, "/v1/customers/at-risk/backtest?from=2026-11-01&to=2026-11-30"
                + "&horizon_days=5&thresholds=50&tz=UTC"));
        assertThat(count(rows.get(0), "caught")).isEqualTo(13);
        // but the list is replayed from Oct 27 only: F's flags of early October are out of it
        assertThat(count(rows.get(0), "flagged_customers")).isEqualTo(18);
    }

    @Test
    void pagesOfThresholdsFollowTheLink() {
        Response first = Api.as(KEY).get("/v1/customers/at-risk/backtest?" + NOVEMBER + "&tz=UTC&limit=2");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(rows(Api.parse(first.asString()))).extracting(r -> r.get("threshold")).containsExactly(25, 50);
        String link = first.header("Link");
        Map<String, Object> second = body(KEY, link.substring(link.indexOf("/v1/"), link.indexOf('>')));
        assertThat(rows(second)).extracting(r -> r.get("threshold")).containsExactly(75);
        assertThat(second.get("next_cursor")).isNull();
        Response stale = Api.as(KEY).get("/v1/customers/at-risk/backtest?" + NOVEMBER + "&tz=Europe/Berlin&cursor="
                + Api.parse(first.asString()).get("next_cursor"));
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.asString()).contains("\"cursor\"");
    }

    @Test
    void backtestAsCsv() {
        String csv = Api.as(KEY).get("/v1/customers/at-risk/backtest?" + NOVEMBER + "&tz=UTC&format=csv").asString();
        assertThat(csv.split("\r\n")[0]).isEqualTo("threshold,churned_customers,flagged_customers,caught,recall,precision");
        assertThat(csv.split("\r\n")[3]).isEqualTo("75,22,3,3," + (3.0 / 22) + ",1.0");
    }

    @Test
    void churnKpisPerMonthAndInTotal() {
        List<Map<String, Object>> months = rows(body(KEY, "/v1/customers/churn?from=2026-10-01&to=2026-11-30&tz=UTC"));
        assertThat(months).extracting(r -> r.get("period")).containsExactly("2026-10-01", "2026-11-01");
        // October: A, B (tickets of Oct 20), E (Oct 25) and H's churn: 18 active, 1 churned
        assertThat(count(months.get(0), "active_customers")).isEqualTo(18);
        assertThat(count(months.get(0), "churned_customers")).isEqualTo(1);
        assertThat(decimal(months.get(0), "churn_rate")).isEqualTo(1.0 / 18);
        // November: 22 churned (a-0 once), 5 renewed; active: those 27 (C's and D's tickets are theirs too)
        Map<String, Object> november = months.get(1);
        assertThat(count(november, "churned_customers")).isEqualTo(22);
        assertThat(count(november, "renewed_customers")).isEqualTo(5);
        assertThat(count(november, "active_customers")).isEqualTo(27);
        assertThat(decimal(november, "churn_rate")).isEqualTo(22.0 / 27);
        // in total: 23 churned of 28 active
        Map<String, Object> total = rows(body(KEY, "/v1/customers/churn?from=2026-10-01&to=2026-11-30&tz=UTC"
                + "&granularity=total")).get(0);
        assertThat(total).containsEntry("period", "2026-10-01");
        assertThat(count(total, "churned_customers")).isEqualTo(23);
        assertThat(count(total, "active_customers")).isEqualTo(28);
        // as CSV
        String csv = Api.as(KEY).get("/v1/customers/churn?from=2026-11-01&to=2026-11-30&tz=UTC&format=csv").asString();
        assertThat(csv).isEqualTo("period,churned_customers,renewed_customers,active_customers,churn_rate,"
                + "churned_revenue,renewed_revenue,revenue_currency\r\n"
                + "2026-11-01,22,5,27," + (22.0 / 27) + ",,,\r\n");
        // no event named a revenue: null, not 0
        assertThat(november).containsEntry("churned_revenue", null).containsEntry("renewed_revenue", null)
                .containsEntry("revenue_currency", null);
    }

    @Test
    void aPeriodWithoutActivityHasNoRowAndAnotherTenantSeesOnlyItsOwn() {
        assertThat(rows(body(KEY, "/v1/customers/churn?from=2026-12-01&to=2026-12-31&tz=UTC"))).isEmpty();
        List<Map<String, Object>> other = rows(body(OTHER_KEY, "/v1/customers/churn?from=2026-11-01&to=2026-11-30&tz=UTC"));
        assertThat(other).hasSize(1);
        assertThat(count(other.get(0), "churned_customers")).isEqualTo(1);
        List<Map<String, Object>> backtest = rows(body(OTHER_KEY, "/v1/customers/at-risk/backtest?" + NOVEMBER + "&tz=UTC"));
        // its one churn (zz) was never flagged: its loud ticket is its own a-0's, who did not churn there
        assertThat(count(backtest.get(0), "churned_customers")).isEqualTo(1);
        assertThat(count(backtest.get(0), "caught")).isZero();
    }

    @Test
    void badParametersAreOneProblemNamingEach() {
        Response bad = Api.as(KEY).get("/v1/customers/at-risk/backtest?from=2026-11-30&to=2026-11-01&horizon_days=0"
                + "&thresholds=10,x&colour=red");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.asString()).contains("\"from\"").contains("\"horizon_days\"").contains("\"thresholds\"")
                .contains("\"colour\"");
        Response tooMany = Api.as(KEY).get("/v1/customers/at-risk/backtest?thresholds="
                + String.join(",", java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(Integer::toString).toList()));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.asString()).contains("at most 20");
        Response churn = Api.as(KEY).get("/v1/customers/churn?granularity=year&from=2025-01-01&to=2026-11-30");
        assertThat(churn.statusCode()).isEqualTo(400);
        assertThat(churn.asString()).contains("\"granularity\"").contains("at most 366");
        assertThat(io.restassured.RestAssured.given().get("/v1/customers/churn").statusCode()).isEqualTo(401);
        assertThat(Api.as(TestTenant.INGEST_ONLY_KEY).get("/v1/customers/at-risk/backtest").statusCode()).isEqualTo(403);
    }
}
