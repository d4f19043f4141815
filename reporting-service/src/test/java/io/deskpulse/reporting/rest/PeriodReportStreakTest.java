package io.deskpulse.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.PeriodReportRows;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.ScorecardRows;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streaks (docs/scorecards.md#streaks) on kept reports in the database, read over HTTP: each team's and agent's
 * current and best run of consecutive kept periods scored at or above the threshold kept with each report, days, weeks
 * and months apart; the threshold of a later report does not re-mark an earlier one; the streak leaderboards.
 *
 * <p>The model scores one KPI, csat_avg against a target of 5 with all the weight, so a period's score is its CSAT
 * average × 20: 4.0 is exactly 80, the default threshold.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class PeriodReportStreakTest {

    private static final String TENANT = TestTenant.STREAKS.id();
    private static final String KEY = TestTenant.STREAKS.readKey();
    private static final String OTHER_KEY = TestTenant.STREAKS_OTHER.readKey();
    private static final LocalDate FIRST_WEEK = LocalDate.parse("2026-10-05");

    /** Week reports W1..W6 (Oct 5 to Nov 9) by index 1..6. */
    final Map<Integer, Long> weeks = new LinkedHashMap<>();
    long lateWeek;

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.STREAKS, TestTenant.STREAKS_OTHER);
        ScorecardRows.models(TENANT, 1, ScorecardRows.oneRole("solo", "csat_avg", 5, 100));
        // scores per week W1..W6 (null: no row; "none": a row without ratings, so no score)
        Object[] billing = {90, 80, 60, 90, 90, 90};     // a tie at 80 counts; 60 breaks: at W6 current 3, best 3
        Object[] sales = {90, 90, 90, 90, 50, 85};       // at W6 current 1, best 4
        Object[] support = {null, null, null, null, null, 70}; // at W6 current 0, best 0
        Object[] a1 = {90, 90, 90, null, 90, 90};        // missing from W4: at W6 current 2, best 3
        Object[] a2 = {100, 100, 100, 100, "none", 100}; // no score in W5: at W6 current 1, best 4
        Object[] a3 = {null, null, null, null, null, 100}; // at W6 current 1, best 1
        for (int w = 1; w <= 6; w++) {
            LocalDate start = FIRST_WEEK.plusWeeks(w - 1);
            long id = PeriodReportRows.report(TENANT, "week", start.toString(), start.plusDays(6).toString(), 1, "[]");
            weeks.put(w, id);
            team(id, "billing", billing[w - 1]);
            team(id, "sales", sales[w - 1]);
            team(id, "support", support[w - 1]);
            agent(id, "a-1", "billing", a1[w - 1]);
            agent(id, "a-2", "sales", a2[w - 1]);
            agent(id, "a-3", "support", a3[w - 1]);
            PeriodReportRows.row(id, "", "", 0).set("tickets_created", 1).insert();
        }
        // The week before W1, kept after all of them (its first data came late): counted by no earlier-kept report.
        lateWeek = PeriodReportRows.report(TENANT, "week", "2026-09-28", "2026-10-04", 1, "[]");
        team(lateWeek, "billing", 90);
        PeriodReportRows.report(TestTenant.STREAKS_OTHER.id(), "week", "2026-11-09", "2026-11-15", 0, "[]");
    }

    /** A team's kept row whose score is {@code score} (a multiple of 5), "none" no score, null no row. */
    private static void team(long report, String team, Object score) {
        if (score != null) {
            ratings(PeriodReportRows.row(report, team, "chat", 0), score).insert();
        }
    }

    private static void agent(long report, String agent, String team, Object score) {
        if (score != null) {
            ratings(PeriodReportRows.agentRow(report, agent, team, "chat", 0), score).insert();
        }
    }

    /** Four ratings averaging score / 20 (90: summing 18), or none ("none": one ticket, no rating). */
    private static PeriodReportRows.Row ratings(PeriodReportRows.Row row, Object score) {
        if (score.equals("none")) {
            return row.set("tickets_created", 1);
        }
        int points = (Integer) score;
        return row.set("csat_count", 4).set("csat_sum", points / 5);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Object>> streaks(String path) {
        Response response = Api.as(KEY).get(path);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        Map<String, List<Object>> byId = new LinkedHashMap<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) Api.parse(response.asString()).get("rows")) {
            Map<String, Object> card = (Map<String, Object>) row.get("scorecard");
            byId.put(String.valueOf(row.get("id")), List.of(String.valueOf(card == null ? null : card.get("score")),
                    String.valueOf(row.get("streak_current")), String.valueOf(row.get("streak_best"))));
        }
        return byId;
    }

    @Test
    void teamsAndAgentsHaveTheirExactCurrentAndBestStreaks() {
        Map<String, List<Object>> teams = streaks("/v1/reports/" + weeks.get(6));
        assertThat(teams).containsExactly(
                Map.entry("null", List.of("null", "null", "null")),
                Map.entry("billing", List.of("90.0", "3", "3")),
                Map.entry("sales", List.of("85.0", "1", "4")),
                Map.entry("support", List.of("70.0", "0", "0")));
        assertThat(streaks("/v1/reports/" + weeks.get(6) + "?dimension=agent")).containsExactly(
                Map.entry("a-1", List.of("90.0", "2", "3")),
                Map.entry("a-2", List.of("100.0", "1", "4")),
                Map.entry("a-3", List.of("100.0", "1", "1")));
        // a report's streaks end with it: W2 (80 is at the threshold), W3 (60 breaks), W5 (a-2 has no score)
        assertThat(streaks("/v1/reports/" + weeks.get(2))).containsEntry("billing", List.of("80.0", "2", "2"))
                .containsEntry("sales", List.of("90.0", "2", "2"));
        assertThat(streaks("/v1/reports/" + weeks.get(3))).containsEntry("billing", List.of("60.0", "0", "2"));
        assertThat(streaks("/v1/reports/" + weeks.get(4) + "?dimension=agent"))
                .containsEntry("a-2", List.of("100.0", "4", "4")).doesNotContainKey("a-1");
        assertThat(streaks("/v1/reports/" + weeks.get(5) + "?dimension=agent"))
                .containsEntry("a-1", List.of("90.0", "1", "3")).containsEntry("a-2", List.of("null", "0", "4"));
        // the week before W1 was kept last: W1 does not count it (so W1 reads as it did), while it counts for itself
        assertThat(streaks("/v1/reports/" + weeks.get(1))).containsEntry("billing", List.of("90.0", "1", "1"));
        assertThat(streaks("/v1/reports/" + lateWeek)).containsEntry("billing", List.of("90.0", "1", "1"));
    }

    @Test
    void aThresholdChangeAppliesToReportsKeptAfterItOnly() {
        // days: 90, 90 under 80; then the threshold went up to 92.5: 95 counts, 90 does not
        long[] days = new long[4];
        int[] scores = {90, 90, 95, 90};
        for (int d = 0; d < 4; d++) {
            String day = LocalDate.parse("2026-11-02").plusDays(d).toString();
            days[d] = PeriodReportRows.report(TENANT, "day", day, day, 1, "[]");
            ratings(PeriodReportRows.row(days[d], "billing", "chat", 0), scores[d]).insert();
        }
        PeriodReportRows.streakMinScore(days[2], "92.5");
        PeriodReportRows.streakMinScore(days[3], "92.5");

        assertThat(streaks("/v1/reports/" + days[1])).containsEntry("billing", List.of("90.0", "2", "2"));
        assertThat(streaks("/v1/reports/" + days[2])).containsEntry("billing", List.of("95.0", "3", "3"));
        assertThat(streaks("/v1/reports/" + days[3])).containsEntry("billing", List.of("90.0", "0", "3"));
        Map<String, Object> report = Api.parse(Api.as(KEY).get("/v1/reports/" + days[3]).asString());
        assertThat(report).containsEntry("streak_min_score", 92.5).containsEntry("dimension", "team");
        assertThat(Api.parse(Api.as(KEY).get("/v1/reports/" + days[1]).asString())).containsEntry("streak_min_score", 80.0);
        // days and weeks are apart: the week reports' streaks are the same as without these days
        assertThat(streaks("/v1/reports/" + weeks.get(6))).containsEntry("billing", List.of("90.0", "3", "3"));
    }

    @Test
    void aMissingMonthReportBreaksTheStreak() {
        // September and October kept, November missing (scoring down past its backfill), December kept
        for (String month : List.of("2026-09-01", "2026-10-01", "2026-12-01")) {
            LocalDate start = LocalDate.parse(month);
            long id = PeriodReportRows.report(TENANT, "month", month, start.plusMonths(1).minusDays(1).toString(), 1, "[]");
            team(id, "billing", 90);
        }
        long december = Api.count(PeriodReportApiTest.list(KEY, "?granularity=month&from=2026-12-01").get(0), "id");
        assertThat(streaks("/v1/reports/" + december)).containsEntry("billing", List.of("90.0", "1", "2"));
    }

    @Test
    void theCsvHasTheStreaksAfterTheScore() {
        String[] csv = Api.as(KEY).get("/v1/reports/" + weeks.get(6) + "?dimension=agent&format=csv").asString()
                .split("\r\n");
        assertThat(csv[0]).isEqualTo("report_id,granularity,period,period_end,tz,id,role,model_version,score,"
                + "streak_current,streak_best," + String.join(",", MetricCatalog.names()));
        assertThat(csv).hasSize(4);
        assertThat(csv[1]).startsWith(weeks.get(6) + ",week,2026-11-09,2026-11-15,UTC,a-1,solo,1,90.0,2,3,");
        String[] teams = Api.as(KEY).get("/v1/reports/" + weeks.get(6) + "?format=csv").asString().split("\r\n");
        assertThat(teams[1]).startsWith(weeks.get(6) + ",week,2026-11-09,2026-11-15,UTC,,,,,,,");
        assertThat(teams[3]).startsWith(weeks.get(6) + ",week,2026-11-09,2026-11-15,UTC,sales,solo,1,85.0,1,4,");
        // the report's agents' scorecards in the shape of /v1/scorecards
        Map<String, Object> cards = Api.parse(Api.as(KEY).get("/v1/reports/" + weeks.get(6)
                + "/scorecards?dimension=agent").asString());
        assertThat(cards).containsEntry("dimension", "agent");
        assertThat(Api.parse(Api.as(KEY).get("/v1/reports/" + weeks.get(6) + "/scorecards?dimension=agent&limit=2")
                .asString()).get("next_cursor")).isNotNull();
    }

    @SuppressWarnings("unchecked")
    private static List<String> board(String query) {
        Response response = Api.as(KEY).get("/v1/leaderboards/" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) Api.parse(response.asString()).get("rows")) {
            rows.add(row.get("rank") + " " + row.get("id") + " " + row.get("value") + " " + row.get("volume"));
        }
        return rows;
    }

    @Test
    void leaderboardsRankTheMembersOfAKeptReportByStreak() {
        // the latest week by default: W6 (the week kept last is an earlier one)
        assertThat(board("streak_current?dimension=team")).containsExactly(
                "1 billing 3 90.0", "2 sales 1 85.0", "3 support 0 70.0");
        assertThat(board("streak_best?dimension=team&granularity=week")).containsExactly(
                "1 sales 4 85.0", "2 billing 3 90.0", "3 support 0 70.0");
        // agents by default; equal streaks share a rank and are listed by id
        assertThat(board("streak_current")).containsExactly("1 a-1 2 90.0", "2 a-2 1 100.0", "2 a-3 1 100.0");
        // a given week
        assertThat(board("streak_current?dimension=team&period=2026-10-12")).containsExactly(
                "1 billing 2 80.0", "1 sales 2 90.0");

        Map<String, Object> page = Api.parse(Api.as(KEY).get("/v1/leaderboards/streak_best?limit=2").asString());
        assertThat(page).containsEntry("metric", "streak_best").containsEntry("direction", "higher_is_better")
                .containsEntry("volume_metric", "score").containsEntry("min_volume", 0).containsEntry("dimension", "agent")
                .containsEntry("granularity", "week").containsEntry("report_id", weeks.get(6).intValue())
                .containsEntry("from", "2026-11-09").containsEntry("to", "2026-11-15").containsEntry("tz", "UTC");
        // the next page reads the same report, however many are kept meanwhile
        PeriodReportRows.report(TENANT, "week", "2026-11-16", "2026-11-22", 1, "[]");
        assertThat(board("streak_best?limit=2&cursor=" + page.get("next_cursor"))).containsExactly("3 a-3 1 100.0");

        String csv = Api.as(KEY).get("/v1/leaderboards/streak_current?dimension=team&period=2026-11-09&format=csv")
                .asString();
        assertThat(csv).isEqualTo("rank,id,value,volume,eligible\r\n1,billing,3,90.0,true\r\n2,sales,1,85.0,true\r\n"
                + "3,support,0,70.0,true\r\n");
        // the ordinary leaderboards have neither field
        assertThat(Api.parse(Api.as(KEY).get("/v1/leaderboards/csat_avg").asString()))
                .doesNotContainKeys("granularity", "report_id");
    }

    @Test
    void badParametersAreProblems() {
        Api.as(KEY).get("/v1/leaderboards/streak_current?granularity=year&dimension=queue&period=2026-11-10&limit=0")
                .then().statusCode(400).contentType("application/problem+json").body("type", endsWith("/invalid-parameters"))
                .body("errors.field", contains("dimension", "granularity", "limit"));
        Api.as(KEY).get("/v1/leaderboards/streak_current?period=2026-11-10").then().statusCode(400)
                .body("errors.field", contains("period")).body("errors[0].reason", containsString("a Monday"));
        Api.as(KEY).get("/v1/leaderboards/streak_best?granularity=month&period=2026-11-02").then().statusCode(400)
                .body("errors.field", contains("period"));
        Api.as(KEY).get("/v1/leaderboards/streak_best?period=2026-13-01").then().statusCode(400)
                .body("errors.field", contains("period"));
        // the parameters of the live boards are not parameters of a kept report's board, and the other way round
        Api.as(KEY).get("/v1/leaderboards/streak_current?channel=chat&from=2026-11-01&min_volume=3&team=billing").then()
                .statusCode(400).body("errors.field", contains("channel", "from", "min_volume", "team"))
                .body("errors[0].reason", containsString("is not a parameter of this endpoint (known: dimension, "
                        + "granularity, period, limit, cursor, format)"));
        Api.as(KEY).get("/v1/leaderboards/csat_avg?granularity=week&period=2026-11-09").then().statusCode(400)
                .body("errors.field", contains("granularity", "period"));
        Api.as(KEY).get("/v1/leaderboards/streak_current?cursor=eHl6").then().statusCode(400)
                .body("errors.field", contains("cursor"));
        Api.as(KEY).get("/v1/leaderboards/streak_longest").then().statusCode(400)
                .body("errors[0].reason", containsString("/v1/leaderboards/streak_current and /v1/leaderboards/streak_best"));
        Api.as(KEY).get("/v1/reports/" + weeks.get(6) + "?dimension=queue").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("dimension"));
        // no report of that period, or of that length: a 404 saying so
        Api.as(KEY).get("/v1/leaderboards/streak_current?period=2026-11-02&granularity=day").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("day starting 2026-11-02"));
        Api.as(KEY).get("/v1/leaderboards/streak_current?granularity=month").then().statusCode(404)
                .body("detail", containsString("of granularity month"));
        // another tenant's reports are not this one's
        Api.as(OTHER_KEY).get("/v1/leaderboards/streak_current?dimension=team").then().statusCode(200)
                .body("rows", org.hamcrest.Matchers.hasSize(0));
    }

}
