package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.TicketFactRows.lifecycle;
import static io.deskpulse.reporting.support.TicketFactRows.ticket;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The revenue of churns and renewals in {@code GET /v1/customers/churn} (docs/kpis.md, Churn): per customer its latest
 * event of the period that names a revenue, added up, in one currency; null where none names one, and null with
 * {@code revenue_currency} "mixed" where the period's revenues are in several currencies. From the rows scoring stores
 * (customer_lifecycle_events), through the HTTP API, as JSON and CSV.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class ChurnRevenueTest {

    private static final String TENANT = TestTenant.CUSTOMERS_CHURN_REVENUE.id();
    private static final String KEY = TestTenant.CUSTOMERS_CHURN_REVENUE.readKey();
    private static final AtomicLong IDS = new AtomicLong();

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.CUSTOMERS_CHURN_REVENUE);
        // 2 November: c-1's churn of 1,200 sent twice (another id, an hour later) counts once; c-2's latest churn names
        // no revenue, its earlier one 99.5 does; c-3 names none; c-4 renewed twice, the latest (650) counts
        churn("c-1", "2026-11-02T10:00:00Z", 1_200_000L, "EUR");
        churn("c-1", "2026-11-02T11:00:00Z", 1_200_000L, "EUR");
        churn("c-2", "2026-11-02T12:00:00Z", 99_500L, "EUR");
        churn("c-2", "2026-11-02T13:00:00Z", null, null);
        churn("c-3", "2026-11-02T14:00:00Z", null, null);
        lifecycle(TENANT, "c-4", IDS.incrementAndGet(), "2026-11-02T09:00:00Z", "renewed", 500_000L, "EUR");
        lifecycle(TENANT, "c-4", IDS.incrementAndGet(), "2026-11-02T18:00:00Z", "renewed", 650_000L, "EUR");
        // 3 November: EUR and USD: never added up
        churn("c-5", "2026-11-03T10:00:00Z", 300_000L, "EUR");
        churn("c-6", "2026-11-03T10:00:00Z", 200_000L, "USD");
        lifecycle(TENANT, "c-7", IDS.incrementAndGet(), "2026-11-03T11:00:00Z", "renewed", 100_000L, "EUR");
        // 4 November: a revenue without a currency; 5 November: no revenue, and a ticket's customer
        churn("c-8", "2026-11-04T10:00:00Z", 80_000L, null);
        churn("c-9", "2026-11-05T10:00:00Z", null, null);
        ticket(TENANT, "T-10").created("2026-11-05T09:00:00Z").set("customer_id", "c-10").insert();
    }

    private static void churn(String customer, String at, Long revenueMilli, String currency) {
        lifecycle(TENANT, customer, IDS.incrementAndGet(), at, "churned", revenueMilli, currency);
    }

    @Test
    void perDayTheRevenueOfEachCustomersLatestEventInOneCurrency() {
        List<Map<String, Object>> days = rows("/v1/customers/churn?from=2026-11-01&to=2026-11-30&tz=UTC&granularity=day");

        assertThat(days).extracting(r -> r.get("period"))
                .containsExactly("2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05");
        assertThat(days.get(0)).containsEntry("churned_customers", 3).containsEntry("renewed_customers", 1)
                .containsEntry("churned_revenue", 1_299.5).containsEntry("renewed_revenue", 650.0)
                .containsEntry("revenue_currency", "EUR");
        assertThat(days.get(1)).containsEntry("churned_customers", 2).containsEntry("renewed_customers", 1)
                .containsEntry("churned_revenue", null).containsEntry("renewed_revenue", null)
                .containsEntry("revenue_currency", "mixed");
        assertThat(days.get(2)).containsEntry("churned_revenue", 80.0).containsEntry("renewed_revenue", null)
                .containsEntry("revenue_currency", null);
        assertThat(days.get(3)).containsEntry("churned_customers", 1).containsEntry("active_customers", 2)
                .containsEntry("churned_revenue", null).containsEntry("renewed_revenue", null)
                .containsEntry("revenue_currency", null);
    }

    @Test
    void aMonthWithSeveralCurrenciesHasNoRevenueButAWeekOfOneHas() {
        Map<String, Object> november = rows("/v1/customers/churn?from=2026-11-01&to=2026-11-30&tz=UTC").get(0);
        assertThat(november).containsEntry("churned_customers", 7).containsEntry("churned_revenue", null)
                .containsEntry("renewed_revenue", null).containsEntry("revenue_currency", "mixed");

        // in Tokyo, 2 November 18:00 UTC is already the 3rd: c-4's latest renewal (650) moves there, and the 2nd keeps
        // its earlier one (500)
        List<Map<String, Object>> tokyo = rows("/v1/customers/churn?from=2026-11-02&to=2026-11-02&tz=Asia/Tokyo"
                + "&granularity=day");
        assertThat(tokyo.get(0)).containsEntry("renewed_revenue", 500.0).containsEntry("churned_revenue", 1_299.5)
                .containsEntry("revenue_currency", "EUR");
    }

    @Test
    void theRevenueColumnsInCsv() {
        Response csv = Api.as(KEY).get("/v1/customers/churn?from=2026-11-02&to=2026-11-04&tz=UTC&granularity=day"
                + "&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.asString()).isEqualTo("period,churned_customers,renewed_customers,active_customers,churn_rate,"
                + "churned_revenue,renewed_revenue,revenue_currency\r\n"
                + "2026-11-02,3,1,4,0.75,1299.5,650.0,EUR\r\n"
                + "2026-11-03,2,1,3," + (2.0 / 3) + ",,,mixed\r\n"
                + "2026-11-04,1,0,1,1.0,80.0,,\r\n");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(String path) {
        Response response = Api.as(KEY).get(path);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return (List<Map<String, Object>>) Api.parse(response.asString()).get("rows");
    }
}
