package io.deskpulse.reporting.client;

import static io.deskpulse.reporting.support.KpiRows.row;
import static io.deskpulse.reporting.support.TicketFactRows.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.reporting.client.api.AlertsApi;
import io.deskpulse.reporting.client.api.CustomersApi;
import io.deskpulse.reporting.client.api.KpisApi;
import io.deskpulse.reporting.client.api.LeaderboardsApi;
import io.deskpulse.reporting.client.api.ReportsApi;
import io.deskpulse.reporting.client.api.ScorecardsApi;
import io.deskpulse.reporting.client.api.TicketsApi;
import io.deskpulse.reporting.client.model.AlertRow;
import io.deskpulse.reporting.client.model.AtRiskBacktest;
import io.deskpulse.reporting.client.model.AtRiskBacktestRow;
import io.deskpulse.reporting.client.model.AtRiskRow;
import io.deskpulse.reporting.client.model.ChurnReport;
import io.deskpulse.reporting.client.model.ChurnRow;
import io.deskpulse.reporting.client.model.ContributionPage;
import io.deskpulse.reporting.client.model.KpiPage;
import io.deskpulse.reporting.client.model.KpiRow;
import io.deskpulse.reporting.client.model.LeaderboardPage;
import io.deskpulse.reporting.client.model.PeriodReport;
import io.deskpulse.reporting.client.model.PeriodReportSummary;
import io.deskpulse.reporting.client.model.PeriodReportTeam;
import io.deskpulse.reporting.client.model.ScorecardPage;
import io.deskpulse.reporting.client.model.ScorecardRow;
import io.deskpulse.reporting.client.model.TicketRow;
import io.deskpulse.reporting.support.AlertRows;
import io.deskpulse.reporting.support.KpiRows;
import io.deskpulse.reporting.support.PeriodReportRows;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.ScorecardRows;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TicketFactRows;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java client that openapi-generator makes from the document this build stored (target/openapi/openapi.json)
 * calls every operation of the packaged service and reads real values: the typed answers are what the document
 * promises. An operation added to the document fails {@link #everyOperationOfTheDocumentIsCalledHere} until a test
 * here calls it.
 */
@QuarkusIntegrationTest
@WithTestResource(ReportingClientIT.OwnDatabase.class)
class ReportingClientIT {

    private static final TestTenant TENANT = TestTenant.CLIENT;
    private static final LocalDate DAY = LocalDate.parse("2026-11-02");
    private static final LocalDate MONTH_END = LocalDate.parse("2026-11-30");

    /** This class runs against the packaged service: its own database. */
    public static class OwnDatabase extends ReportingTestDatabase {
        @Override
        protected String name() {
            return "deskpulse_test_reporting_client";
        }
    }

    private static long report;

    @TestHTTPResource
    URL service;
    private ApiClient client;

    @BeforeAll
    static void data() {
        TestData.reset(TENANT);
        String t = TENANT.id();
        row(t, "2026-11-02T09:00:00Z").team("t-1").agent("a-1").channel("chat").created(3).csat(5, 4)
                .firstResponses(60_000, 120_000).insert();
        row(t, "2026-11-02T10:00:00Z").team("t-1").agent("a-2").channel("email").created(1).csat(2).insert();
        ticket(t, "T-1").created("2026-11-02T09:00:00Z").set("channel", "chat").set("status", "solved")
                .set("customer_id", "c-1").set("first_response_ms", 95_000L).set("csat_score", (short) 5)
                .set("tags", List.of("vip")).insert();
        // T-1's first response as scoring keeps it, behind the KPI cell (a-1, 2026-11-02)
        KpiRows.execute("INSERT INTO kpi_contributions (tenant_id, generation, item_type, item_id, at, team_id, agent_id,"
                + " channel, kind, parts, n) VALUES ('" + t + "', 0, 'ticket', 'T-1', '2026-11-02T09:01:35Z', 't-1', 'a-1',"
                + " 'chat', 'first_response', '{\"first_response_count\": 1, \"first_response_sum_ms\": 95000,"
                + " \"first_response_hist\": 95000}', 1)");
        ticket(t, "T-2").created("2026-11-10T09:00:00Z").set("customer_id", "c-1").set("tags", List.of("complaint"))
                .insert();
        ticket(t, "T-3").created("2026-11-20T09:00:00Z").set("customer_id", "c-1").insert();
        // c-1 leaves on Nov 25: the list flagged it with 20 points (3 tickets) from Nov 20
        TicketFactRows.lifecycle(t, "c-1", 1, "2026-11-25T12:00:00Z", "churned");
        ScorecardRows.models(t, 1, ScorecardRows.oneRole("solo", "csat_avg", 4.5, 100));
        AlertRows.alert(t, 3, "t-1", "2026-11-02T10:25:00Z", null);
        report = PeriodReportRows.report(t, "week", "2026-11-02", "2026-11-08", 1, "[]");
        PeriodReportRows.row(report, "t-1", "chat", 0).set("csat_count", 2).set("csat_sum", 9).insert();
        PeriodReportRows.row(report, "", "", 0).set("tickets_created", 3).insert();
    }

    @BeforeEach
    void client() {
        client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TENANT.readKey()));
    }

    @AfterAll
    static void cleanUp() {
        TestData.reset(TENANT);
    }

    @Test
    void listKpis() throws ApiException {
        KpiPage page = new KpisApi(client).listKpis("agent", null, null, null, DAY, DAY, null, null,
                List.of("tickets_created", "csat_avg", "first_response_avg_s"), null, null, null, null);
        assertThat(page.getDimension()).hasToString("agent");
        assertThat(page.getNextCursor()).isNull();
        assertThat(page.getRows()).extracting(KpiRow::getId, KpiRow::getTicketsCreated, KpiRow::getCsatAvg,
                KpiRow::getFirstResponseAvgS).containsExactly(tuple("a-1", 3L, 4.5, 90.0), tuple("a-2", 1L, 2.0, null));
    }

    @Test
    void listTickets() throws ApiException {
        List<TicketRow> rows = new TicketsApi(client).listTickets(DAY, DAY, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null).getRows();
        assertThat(rows).singleElement().satisfies(t -> {
            assertThat(t.getTicketId()).isEqualTo("T-1");
            assertThat(t.getChannel()).hasToString("chat");
            assertThat(t.getCreatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-02T09:00:00Z"));
            assertThat(t.getFirstResponseS()).isEqualTo(95.0);
            assertThat(t.getCsatScore()).isEqualTo(5);
            assertThat(t.getTags()).containsExactly("vip");
            assertThat(t.getFcr()).isNull();
        });
    }

    @Test
    void listKpiContributions() throws ApiException {
        ContributionPage page = new KpisApi(client).listKpiContributions("first_response_avg_s", DAY, "agent", "a-1",
                null, null, "day", null, null, null, null, null, null, null);
        assertThat(page.getRows()).singleElement().satisfies(item -> {
            assertThat(item.getItemType()).isEqualTo("ticket");
            assertThat(item.getItemId()).isEqualTo("T-1");
            assertThat(item.getAgentId()).isEqualTo("a-1");
            assertThat(item.getValue()).isEqualByComparingTo("95");
            assertThat(item.getDenominator()).isEqualTo(1L);
        });
    }

    @Test
    void getLeaderboard() throws ApiException {
        LeaderboardPage board = new LeaderboardsApi(client).getLeaderboard("csat_avg", "agent", null, null, DAY, DAY,
                null, 1, null, null, null, null);
        assertThat(board.getVolumeMetric()).isEqualTo("csat_count");
        assertThat(board.getRows()).extracting(r -> r.getRank(), r -> r.getId(), r -> r.getValue().doubleValue(),
                r -> r.getEligible()).containsExactly(tuple(1, "a-1", 4.5, true), tuple(2, "a-2", 2.0, true));
    }

    @Test
    void listCustomersAtRisk() throws ApiException {
        List<AtRiskRow> rows = new CustomersApi(client).listCustomersAtRisk(MONTH_END, "UTC", null, null, null, null, null)
                .getRows();
        // three tickets in the window (20 points) and one tagged complaint (25)
        assertThat(rows).extracting(AtRiskRow::getCustomerId, AtRiskRow::getScore, AtRiskRow::getSignals)
                .containsExactly(tuple("c-1", 45, List.of("repeat_contacts", "complaints")));
    }

    @Test
    void backtestCustomersAtRisk() throws ApiException {
        AtRiskBacktest backtest = new CustomersApi(client).backtestCustomersAtRisk(LocalDate.parse("2026-11-01"),
                MONTH_END, 30, "20,25", "UTC", null, null, null, null);
        assertThat(backtest.getListFrom()).isEqualTo(LocalDate.parse("2026-10-02"));
        assertThat(backtest.getRows()).extracting(AtRiskBacktestRow::getThreshold, AtRiskBacktestRow::getChurnedCustomers,
                AtRiskBacktestRow::getCaught, r -> r.getRecall() == null ? null : r.getRecall().doubleValue())
                .containsExactly(tuple(20, 1L, 1L, 1.0), tuple(25, 1L, 0L, 0.0));
    }

    @Test
    void listChurn() throws ApiException {
        ChurnReport churn = new CustomersApi(client).listChurn(LocalDate.parse("2026-11-01"), MONTH_END, null, "UTC",
                null, null, null, null);
        assertThat(churn.getRows()).extracting(ChurnRow::getChurnedCustomers, ChurnRow::getActiveCustomers,
                r -> r.getChurnRate().doubleValue()).containsExactly(tuple(1L, 1L, 1.0));
    }

    @Test
    void listScorecards() throws ApiException {
        ScorecardPage page = new ScorecardsApi(client).listScorecards("agent", null, null, DAY, DAY, null, null, 1, null,
                null, null, null);
        assertThat(page.getRows()).extracting(ScorecardRow::getId, ScorecardRow::getRole).containsExactly(
                tuple("a-1", "solo"), tuple("a-2", "solo"));
        assertThat(page.getRows().get(0).getScore()).isEqualTo(100.0);
        assertThat(page.getRows().get(1).getScore()).isCloseTo(2.0 / 4.5 * 100, within(1e-9));
        assertThat(page.getRows().get(1).getKpis()).singleElement().satisfies(k -> {
            assertThat(k.getKpi()).isEqualTo("csat_avg");
            assertThat(k.getActual()).isEqualTo(2.0);
            assertThat(k.getVolume()).isEqualTo(1L);
        });
    }

    @Test
    void listAlerts() throws ApiException {
        List<AlertRow> rows = new AlertsApi(client).listAlerts("raised", List.of(3L), null, null, null, null, null)
                .getRows();
        assertThat(rows).singleElement().satisfies(a -> {
            assertThat(a.getMember()).isEqualTo("t-1");
            assertThat(a.getThreshold()).isEqualByComparingTo(new BigDecimal("120.5"));
            assertThat(a.getRaisedValue()).isEqualTo(135.0);
            assertThat(a.getRaisedAt()).isEqualTo(OffsetDateTime.parse("2026-11-02T10:25:00Z"));
            assertThat(a.getResolvedAt()).isNull();
        });
    }

    @Test
    void listReports() throws ApiException {
        List<PeriodReportSummary> rows = new ReportsApi(client).listReports("week", null, null, null, null, null, null)
                .getRows();
        assertThat(rows).extracting(PeriodReportSummary::getId, PeriodReportSummary::getPeriod,
                PeriodReportSummary::getTeams).containsExactly(tuple(report, DAY, 2));
    }

    @Test
    void getStreakCurrentLeaderboard() throws ApiException {
        LeaderboardPage board = new LeaderboardsApi(client).getStreakCurrentLeaderboard("team", "week", null, null, null,
                null, null);
        assertThat(board.getVolumeMetric()).isEqualTo("score");
        assertThat(board.getReportId()).isEqualTo(report);
        assertThat(board.getRows()).extracting(r -> r.getRank(), r -> r.getId(), r -> r.getValue().intValue())
                .containsExactly(tuple(1, "t-1", 1));
    }

    @Test
    void getStreakBestLeaderboard() throws ApiException {
        LeaderboardPage board = new LeaderboardsApi(client).getStreakBestLeaderboard("team", "week", LocalDate.parse(
                "2026-11-02"), null, null, null, null);
        assertThat(board.getGranularity()).hasToString("week");
        assertThat(board.getRows()).extracting(r -> r.getId(), r -> r.getValue().intValue(), r -> r.getVolume().doubleValue())
                .containsExactly(tuple("t-1", 1, 100.0));
        assertThatThrownBy(() -> new LeaderboardsApi(client).getStreakBestLeaderboard("team", "week",
                LocalDate.parse("2026-11-09"), null, null, null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void getReport() throws ApiException {
        PeriodReport kept = new ReportsApi(client).getReport(report, null, null, null, null, null);
        assertThat(kept.getModelVersion()).isEqualTo(1);
        assertThat(kept.getRows()).extracting(PeriodReportTeam::getId).containsExactly(null, "t-1");
        assertThat(kept.getRows().get(0).getKpis().getTicketsCreated()).isEqualTo(3L);
        assertThat(kept.getRows().get(0).getScorecard()).isNull();
        assertThat(kept.getRows().get(1).getKpis().getCsatAvg()).isEqualTo(4.5);
        assertThat(kept.getRows().get(1).getScorecard().getScore()).isEqualTo(100.0);
        assertThat(kept.getStreakMinScore()).isEqualTo(80.0);
        assertThat(kept.getRows().get(1).getStreakCurrent()).isEqualTo(1);
        assertThat(kept.getRows().get(1).getStreakBest()).isEqualTo(1);
        assertThat(kept.getRows().get(0).getStreakCurrent()).isNull();
        assertThatThrownBy(() -> new ReportsApi(client).getReport(999_999L, null, null, null, null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("There is no period report 999999");
                });
    }

    @Test
    void listReportScorecards() throws ApiException {
        ScorecardPage page = new ReportsApi(client).listReportScorecards(report, null, null, null, null, null);
        assertThat(page.getDimension()).hasToString("team");
        assertThat(page.getRows()).extracting(ScorecardRow::getId, ScorecardRow::getScore)
                .containsExactly(tuple("t-1", 100.0));
    }

    @Test
    void aBadParameterIsTheDocumentedProblem() {
        assertThatThrownBy(() -> new KpisApi(client).listKpis("teams", null, null, null, DAY, DAY, null, null, null, null,
                null, null, null)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getResponseBody()).contains("\"field\":\"dimension\"");
                });
    }

    /** The operations of the document are the ones the tests above call, one test each. */
    @Test
    void everyOperationOfTheDocumentIsCalledHere() throws IOException {
        JsonNode document = new ObjectMapper().readTree(Path.of("target", "openapi", "openapi.json").toFile());
        Set<String> operations = new HashSet<>();
        document.path("paths").forEach(path -> path.forEach(operation -> operations.add(operation.path("operationId")
                .asText())));
        assertThat(operations).containsExactlyInAnyOrder("listKpis", "listKpiContributions", "listTickets", "getLeaderboard",
                "listCustomersAtRisk", "backtestCustomersAtRisk", "listChurn", "listScorecards", "listAlerts", "listReports", "getReport", "listReportScorecards",
                "getStreakCurrentLeaderboard", "getStreakBestLeaderboard");
    }
}
