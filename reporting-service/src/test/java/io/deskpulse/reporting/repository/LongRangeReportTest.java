package io.deskpulse.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A report's memory follows its page, not its range: ten years of 30 agents' days (109,560 daily rows) answer a page
 * of five rows from the rows streamed until the page is complete, reading at most one chunk of them whole. Before,
 * every daily row of the ten years was loaded and added up in memory, then all but the page thrown away.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class LongRangeReportTest {

    private static final String TENANT = TestTenant.KPI_LONG_RANGE.id();
    private static final String KEY = TestTenant.KPI_LONG_RANGE.readKey();
    private static final String TEN_YEARS = "from=2016-11-01&to=2026-10-31&metrics=tickets_created";
    private static final int AGENTS = 30;

    @Inject
    AggregateRowCache cache;

    @BeforeAll
    static void tenYearsOfDays() throws SQLException {
        TestData.reset(TestTenant.KPI_LONG_RANGE);
        // tickets_created of a day: 1 + (day of year mod 5) + agent number mod 2, so every group's value is known.
        String sql = "INSERT INTO kpi_daily (tenant_id, generation, day, team_id, agent_id, channel, tickets_created) "
                + "SELECT ?, 0, d::date, 't-' || (a % 3), 'a-' || lpad(a::text, 2, '0'), 'chat', "
                + "1 + (extract(doy FROM d)::int % 5) + a % 2 "
                + "FROM generate_series(date '2016-11-01', date '2026-10-31', interval '1 day') d, "
                + "generate_series(0, " + (AGENTS - 1) + ") a";
        try (Connection connection = TestData.connect(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, TENANT);
            assertThat(insert.executeUpdate()).isEqualTo(3652 * AGENTS);
        }
        // and the team-day rollup, which reports by team read (as scoring keeps it: the sum of its agents' days)
        try (Connection connection = TestData.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO kpi_team_daily (tenant_id, generation, day, team_id, tickets_created) "
                        + "SELECT tenant_id, generation, day, team_id, sum(tickets_created) FROM kpi_daily "
                        + "WHERE tenant_id = ? GROUP BY 1, 2, 3, 4")) {
            insert.setString(1, TENANT);
            assertThat(insert.executeUpdate()).isEqualTo(3652 * 3);
        }
        // and the agent-day rollup, which reports by agent read (one channel each: the same rows)
        try (Connection connection = TestData.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO kpi_agent_daily (tenant_id, generation, day, team_id, agent_id, tickets_created) "
                        + "SELECT tenant_id, generation, day, team_id, agent_id, sum(tickets_created) FROM kpi_daily "
                        + "WHERE tenant_id = ? GROUP BY 1, 2, 3, 4, 5")) {
            insert.setString(1, TENANT);
            assertThat(insert.executeUpdate()).isEqualTo(3652 * AGENTS);
        }
    }

    @Test
    void aPageOfATenYearReportReadsItsPageNotItsRange() {
        long cachedBefore = cache.sizeBytes();

        JsonPath first = Api.as(KEY).get("/v1/kpis?dimension=agent&limit=5&" + TEN_YEARS).then().statusCode(200)
                .extract().jsonPath();

        // 2016-11-01 is day 306 of its year: 1 + 306 % 5 = 2, plus 1 for odd agents
        assertThat(first.getList("rows", Map.class)).containsExactly(
                Map.of("period", "2016-11-01", "id", "a-00", "tickets_created", 2),
                Map.of("period", "2016-11-01", "id", "a-01", "tickets_created", 3),
                Map.of("period", "2016-11-01", "id", "a-02", "tickets_created", 2),
                Map.of("period", "2016-11-01", "id", "a-03", "tickets_created", 3),
                Map.of("period", "2016-11-01", "id", "a-04", "tickets_created", 2));
        assertThat(first.getString("next_cursor")).isNotEmpty();
        long rowBytes = new AggregateRowCache.Row(0, new long[io.deskpulse.reporting.domain.kpi.MetricCatalog
                .SUMMED_COLUMNS.size()], emptyHistograms()).bytes();
        assertThat((cache.sizeBytes() - cachedBefore) / rowBytes).as("daily rows read whole")
                .isBetween(5L, (long) DailyRows.CHUNK);
    }

    @Test
    void theLastPageAndWholePeriodsAddUpOverTheWholeRange() {
        JsonPath months = Api.as(KEY).get("/v1/kpis?dimension=team&granularity=month&limit=2&" + TEN_YEARS).then()
                .statusCode(200).extract().jsonPath();
        // November 2016, team t-0 (agents 0, 3, ..., 27: five even, five odd): 10 agents x 30 days x (1 + doy % 5)
        // over days 306..335, plus 30 for each odd agent
        long perAgent = 0;
        for (int doy = 306; doy <= 335; doy++) {
            perAgent += 1 + doy % 5;
        }
        assertThat(months.getList("rows", Map.class)).containsExactly(
                Map.of("period", "2016-11-01", "id", "t-0", "tickets_created", (int) (10 * perAgent + 5 * 30)),
                Map.of("period", "2016-11-01", "id", "t-1", "tickets_created", (int) (10 * perAgent + 5 * 30)));

        List<Map<String, Object>> total = Api.as(KEY).get("/v1/kpis?dimension=agent&granularity=total&limit=2&"
                + TEN_YEARS + "&id=a-29").then().statusCode(200).extract().jsonPath().getList("rows");
        assertThat(total).hasSize(1);
        long expected = 0;
        for (java.time.LocalDate d = java.time.LocalDate.parse("2016-11-01");
                !d.isAfter(java.time.LocalDate.parse("2026-10-31")); d = d.plusDays(1)) {
            expected += 1 + d.getDayOfYear() % 5 + 1;
        }
        assertThat(((Number) total.get(0).get("tickets_created")).longValue()).isEqualTo(expected);
    }

    private static io.deskpulse.reporting.domain.kpi.Histogram[] emptyHistograms() {
        io.deskpulse.reporting.domain.kpi.Histogram[] histograms = new io.deskpulse.reporting.domain.kpi.Histogram[
                io.deskpulse.reporting.domain.kpi.MetricCatalog.HISTOGRAM_COLUMNS.size()];
        java.util.Arrays.fill(histograms, io.deskpulse.reporting.domain.kpi.Histogram.EMPTY);
        return histograms;
    }
}
