package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.AdminApi.STARK_ADMIN;
import static io.deskpulse.scoring.support.AdminApi.json;
import static io.deskpulse.scoring.support.AdminApi.post;
import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskpulse.scoring.service.PeriodReportProducer;
import io.deskpulse.scoring.support.AdjustableClock;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Period reports made from real aggregates: the closed days and week after the grace time, each team's sums
 * per channel and exemption, once however often and however concurrently asked, unchanged by late events, and
 * in the tenant's zone when the daily rollups are in another one.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class PeriodReportTest {

    static final String TENANT = "stark";

    @Inject
    DataSource dataSource;
    @Inject
    PeriodReportProducer producer;
    @Inject
    AdjustableClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    static void ticket(String id, String team, String channel, String created, int replySeconds) {
        Instant at = Instant.parse(created);
        EventTopic.sendTicketEvents(TENANT, id, List.of(
                event(TENANT, id + "-c", "ticket.created", created,
                        "{\"ticket_id\":\"" + id + "\",\"channel\":\"" + channel + "\",\"team_id\":\"" + team + "\",\"agent_id\":\"s-" + team + "\"}"),
                event(TENANT, id + "-r", "ticket.message", at.plusSeconds(replySeconds).toString(),
                        "{\"ticket_id\":\"" + id + "\",\"author\":\"agent\",\"agent_id\":\"s-" + team + "\",\"public\":true}")));
    }

    @Test
    void closedPeriodsAreKeptOnceAndStayAsTheyWere() throws Exception {
        Aggregates aggregates = new Aggregates(dataSource);
        ticket("PR-1", "billing", "chat", "2026-11-02T10:00:00Z", 40);
        ticket("PR-2", "billing", "chat", "2026-11-04T10:00:00Z", 80);
        ticket("PR-3", "sales", "email", "2026-11-04T09:00:00Z", 600);
        ticket("PR-4", "billing", "chat", "2026-11-09T10:00:00Z", 30);
        await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.scalar(
                "SELECT coalesce(sum(first_response_count), 0) FROM kpi_daily WHERE tenant_id = 'stark'") == 4);
        // billing's Nov 4 falls in an exemption; sales' does not
        int exemption = post(STARK_ADMIN, "/v1/settings/exemptions", json("{'teams': ['billing'], 'from': '2026-11-04',"
                + " 'to': '2026-11-05', 'reason': 'Outage', 'left_out': ['first_response_avg_s']}"))
                .then().statusCode(201).extract().path("id");

        // Nov 10, 00:45 UTC: with 30 min of grace, Nov 9 has closed; so has the week of Nov 2
        clock.set(Instant.parse("2026-11-10T00:45:00Z"));
        producer.produce();
        assertThat(reports()).containsExactly("day 2026-11-03", "day 2026-11-04", "day 2026-11-05", "day 2026-11-06",
                "day 2026-11-07", "day 2026-11-08", "day 2026-11-09", "week 2026-11-02");
        producer.produce();
        assertThat(reports()).hasSize(8);

        long week = scalar("SELECT id FROM period_reports WHERE tenant_id = 'stark' AND granularity = 'week'");
        // billing: 40 s on Nov 2 (no exemption) and 80 s on Nov 4 (exemption); sales: 600 s on email
        assertThat(rows(week)).containsExactly(
                "billing/chat/0: 1 first responses, 40000 ms, 1 created",
                "billing/chat/" + exemption + ": 1 first responses, 80000 ms, 1 created",
                "sales/email/0: 1 first responses, 600000 ms, 1 created");
        assertThat(scalar("SELECT cardinality(first_response_hist) FROM period_report_rows WHERE report_id = " + week
                + " AND team_id = 'sales'")).isEqualTo(2);
        assertThat(text("SELECT exemptions->0->>'reason' FROM period_reports WHERE id = " + week)).isEqualTo("Outage");
        assertThat(text("SELECT time_zone || ' ' || period_end || ' ' || model_version FROM period_reports WHERE id = "
                + week)).isEqualTo("UTC 2026-11-08 0");
        // the agents' sums too, per agent, team, channel and exemption (for their scorecards and streaks), and the
        // streak threshold of the models in force: the catalog's default
        assertThat(agentRows(week)).containsExactly(
                "s-billing/billing/chat/0: 1 first responses, 40000 ms, 1 created",
                "s-billing/billing/chat/" + exemption + ": 1 first responses, 80000 ms, 1 created",
                "s-sales/sales/email/0: 1 first responses, 600000 ms, 1 created");
        assertThat(scalar("SELECT cardinality(first_response_hist) FROM period_report_agent_rows WHERE report_id = " + week
                + " AND agent_id = 's-sales'")).isEqualTo(2);
        assertThat(text("SELECT streak_min_score FROM period_reports WHERE id = " + week)).isEqualTo("80.000");

        // a late first reply on Nov 3 restates the live aggregates, not the kept week
        ticket("PR-5", "sales", "email", "2026-11-03T09:00:00Z", 60);
        await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.scalar(
                "SELECT coalesce(sum(first_response_count), 0) FROM kpi_daily WHERE tenant_id = 'stark'") == 5);
        assertThat(rows(week)).contains("sales/email/0: 1 first responses, 600000 ms, 1 created");

        // several instances at once: the next day is made exactly once
        clock.set(Instant.parse("2026-11-11T00:45:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> calls = List.of(producer::produce, producer::produce, producer::produce);
            for (Future<Integer> done : pool.invokeAll(calls)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(scalar("SELECT count(*) FROM period_reports WHERE tenant_id = 'stark' AND period_start = '2026-11-10'"))
                .isEqualTo(1);
    }

    @Test
    void aReportIsInTheTenantsZoneWhenTheDailyRollupsAreNot() throws Exception {
        // A tenant whose settings moved to Berlin while its daily rollups are still in UTC (recomputation pending)
        execute("INSERT INTO tenant_state (tenant_id) VALUES ('stark-berlin')");
        execute("INSERT INTO tenant_settings_versions (tenant_id, version, settings, changed_by, changed_fields)"
                + " VALUES ('stark-berlin', 1, '{\"time_zone\": \"Europe/Berlin\"}', 'test', '{time_zone}')");
        // 23:30 UTC on Nov 2 is 00:30 on Nov 3 in Berlin
        execute("INSERT INTO kpi_hourly (tenant_id, generation, bucket, team_id, agent_id, channel, tickets_created)"
                + " VALUES ('stark-berlin', 0, '2026-11-02T23:00:00Z', 'b', '', 'web', 3),"
                + " ('stark-berlin', 0, '2026-11-02T22:00:00Z', 'b', '', 'web', 5)");
        execute("INSERT INTO kpi_daily (tenant_id, generation, day, team_id, agent_id, channel, tickets_created)"
                + " VALUES ('stark-berlin', 0, '2026-11-02', 'b', '', 'web', 8)");
        clock.set(Instant.parse("2026-11-04T00:00:00Z"));
        producer.produce();
        long nov3 = scalar("SELECT id FROM period_reports WHERE tenant_id = 'stark-berlin' AND granularity = 'day'"
                + " AND period_start = '2026-11-03'");
        assertThat(text("SELECT time_zone FROM period_reports WHERE id = " + nov3)).isEqualTo("Europe/Berlin");
        assertThat(scalar("SELECT tickets_created FROM period_report_rows WHERE report_id = " + nov3)).isEqualTo(3);
        long nov2 = scalar("SELECT id FROM period_reports WHERE tenant_id = 'stark-berlin' AND granularity = 'day'"
                + " AND period_start = '2026-11-02'");
        assertThat(scalar("SELECT tickets_created FROM period_report_rows WHERE report_id = " + nov2)).isEqualTo(5);
    }

    @Test
    void aReportKeepsTheStreakThresholdInForceAndALaterChangeLeavesItAsItWas() throws Exception {
        execute("INSERT INTO tenant_state (tenant_id) VALUES ('stark-streaks')");
        execute("INSERT INTO kpi_daily (tenant_id, generation, day, team_id, agent_id, channel, tickets_created)"
                + " VALUES ('stark-streaks', 0, '2026-11-02', 'b', 'a-1', 'web', 2), ('stark-streaks', 0, '2026-11-02', 'b', '', 'web', 1),"
                + " ('stark-streaks', 0, '2026-11-03', 'b', 'a-1', 'web', 4)");
        execute("INSERT INTO scoring_model_versions (tenant_id, version, document, changed_by, changed_fields)"
                + " VALUES ('stark-streaks', 1, '{\"streaks\": {\"min_score\": 92.5}}', 'test', '{streaks}')");
        clock.set(Instant.parse("2026-11-03T00:45:00Z"));
        producer.produce();
        long nov2 = scalar("SELECT id FROM period_reports WHERE tenant_id = 'stark-streaks' AND period_start = '2026-11-02'"
                + " AND granularity = 'day'");
        assertThat(text("SELECT model_version || ' ' || streak_min_score FROM period_reports WHERE id = " + nov2))
                .isEqualTo("1 92.500");
        // the agent row has the agent's 2; the 1 credited to no agent is in the team's row only
        assertThat(scalar("SELECT tickets_created FROM period_report_agent_rows WHERE report_id = " + nov2)).isEqualTo(2);
        assertThat(scalar("SELECT count(*) FROM period_report_agent_rows WHERE report_id = " + nov2)).isEqualTo(1);
        assertThat(scalar("SELECT tickets_created FROM period_report_rows WHERE report_id = " + nov2)).isEqualTo(3);

        // a version without streaks (saved before they existed) means the default, from the next report on
        execute("INSERT INTO scoring_model_versions (tenant_id, version, document, changed_by, changed_fields)"
                + " VALUES ('stark-streaks', 2, '{}', 'test', '{roles}')");
        clock.set(Instant.parse("2026-11-04T00:45:00Z"));
        producer.produce();
        assertThat(text("SELECT model_version || ' ' || streak_min_score FROM period_reports WHERE tenant_id = "
                + "'stark-streaks' AND granularity = 'day' AND period_start = '2026-11-03'")).isEqualTo("2 80.000");
        assertThat(text("SELECT model_version || ' ' || streak_min_score FROM period_reports WHERE id = " + nov2))
                .isEqualTo("1 92.500");
    }

    private List<String> agentRows(long report) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT agent_id, team_id,"
                + " channel, exemption_id, first_response_count, first_response_sum_ms, tickets_created"
                + " FROM period_report_agent_rows WHERE report_id = ? ORDER BY agent_id, team_id, channel, exemption_id")) {
            s.setLong(1, report);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getLong(4) + ": "
                            + rs.getLong(5) + " first responses, " + rs.getLong(6) + " ms, " + rs.getLong(7) + " created");
                }
            }
        }
        return rows;
    }

    private List<String> reports() throws Exception {
        List<String> reports = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT granularity,"
                + " period_start FROM period_reports WHERE tenant_id = 'stark' ORDER BY granularity, period_start");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                reports.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return reports;
    }

    private List<String> rows(long report) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT team_id, channel,"
                + " exemption_id, first_response_count, first_response_sum_ms, tickets_created FROM period_report_rows"
                + " WHERE report_id = ? ORDER BY team_id, channel, exemption_id")) {
            s.setLong(1, report);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getLong(3) + ": " + rs.getLong(4)
                            + " first responses, " + rs.getLong(5) + " ms, " + rs.getLong(6) + " created");
                }
            }
        }
        return rows;
    }

    private long scalar(String sql) {
        return new Aggregates(dataSource).scalar(sql);
    }

    private String text(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void execute(String sql) {
        new Aggregates(dataSource).execute(sql);
    }
}
