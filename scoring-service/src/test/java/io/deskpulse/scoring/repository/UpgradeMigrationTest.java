package io.deskpulse.scoring.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.domain.TicketFact;
import io.deskpulse.scoring.domain.TicketTimeline;
import io.deskpulse.scoring.domain.TimelineEvent;
import io.deskpulse.testsupport.PostgresTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database that holds version 1 data: the migrations keep its timelines and ask for a
 * recomputation of each tenant, so that the metrics added later cover the whole history.
 */
class UpgradeMigrationTest {

    @Test
    void aVersionOneDatabaseGetsARecomputationPerTenant() throws Exception {
        String url = PostgresTestDatabase.recreate("deskpulse_test_upgrade");
        migrate(url, "1");
        try (Connection c = DriverManager.getConnection(url, TestInfrastructure.postgresUser(),
                TestInfrastructure.postgresPassword());
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO ticket_timelines (tenant_id, ticket_id, events, event_count) VALUES (?, ?, ?, 1)")) {
            byte[] timeline = TimelineCodec.encode(new TicketTimeline(List.of(new TimelineEvent(1, 0,
                    new TicketFact.Created("email", "normal", null, "t-1", null)))));
            for (String[] ticket : new String[][] {{"old-a", "T-1"}, {"old-a", "T-2"}, {"old-b", "T-1"}}) {
                insert.setString(1, ticket[0]);
                insert.setString(2, ticket[1]);
                insert.setBytes(3, timeline);
                insert.executeUpdate();
            }
        }

        migrate(url, "latest");

        try (Connection c = DriverManager.getConnection(url, TestInfrastructure.postgresUser(),
                TestInfrastructure.postgresPassword());
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT r.tenant_id, r.status, r.timelines_total, s.building_generation, s.recomputation_id = r.id
                     FROM recomputations r JOIN tenant_state s USING (tenant_id)
                     WHERE r.status = 'running' ORDER BY r.tenant_id""")) {
            assertThat(rs.next()).isTrue();
            // V3 asked for generation 1; V4 (facts and daily rollups) superseded it with generation 2, V24 (reply
            // time) that one with generation 3, V27 (the tickets' churn-risk history) that one with generation 4
            assertThat(List.of(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getBoolean(5)))
                    .containsExactly("old-a", "running", 2L, 4, true);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("old-b");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void versionFiveRollsTheExistingDaysUpByTeam() throws Exception {
        String url = PostgresTestDatabase.recreate("deskpulse_test_upgrade_v5");
        migrate(url, "4");
        insertEach(url, """
                INSERT INTO kpi_daily (tenant_id, generation, day, team_id, agent_id, channel, tickets_created,
                                       first_response_count, first_response_hist, handle_hist)
                VALUES ('acme', 0, '2026-11-02', ?, ?, ?, ?, ?, ?::int[], ?::int[])""", new Object[][] {
                    {"t-1", "a-1", "chat", 2, 3, "{5,2,9,1}", "{}"},
                    {"t-1", "a-1", "email", 1, 2, "{9,1,12,1}", "{3,1}"},
                    {"t-1", "a-2", "chat", 4, 1, "{1,1}", "{}"},
                    {"t-2", "a-3", "chat", 7, 0, "{}", "{}"}});

        migrate(url, "5");

        assertThat(rows(url, """
                SELECT team_id, tickets_created, first_response_count, first_response_hist::text, handle_hist::text
                FROM kpi_team_daily WHERE tenant_id = 'acme' AND day = '2026-11-02' ORDER BY team_id""")).containsExactly(
                List.of("t-1", 7L, 6L, "{1,1,5,2,9,2,12,1}", "{3,1}"),
                List.of("t-2", 7L, 0L, "{}", "{}"));
    }

    @Test
    void version33RollsTheExistingDaysUpByAgentWithEveryMeasureAddedSinceVersionFive() throws Exception {
        String url = PostgresTestDatabase.recreate("deskpulse_test_upgrade_v33");
        migrate(url, "32");
        insertEach(url, """
                INSERT INTO kpi_daily (tenant_id, generation, day, team_id, agent_id, channel, queue_id,
                                       tickets_created, reply_count, ces_sum_milli, first_response_hist, asa_hist)
                VALUES ('acme', ?, '2026-11-02', ?, ?, ?, ?, ?, ?, ?, ?::int[], ?::int[])""", new Object[][] {
                    {3, "t-1", "a-1", "chat", "", 2, 3, 4500L, "{5,2,9,1}", "{}"},
                    {3, "t-1", "a-1", "email", "", 1, 2, 1000L, "{9,1,12,1}", "{3,1}"},
                    {3, "t-1", "a-1", "phone", "q-1", 0, 0, 0L, "{}", "{3,2,4,1}"},
                    {3, "t-1", "a-2", "chat", "", 4, 1, 0L, "{1,1}", "{}"},
                    {3, "t-2", "a-1", "chat", "", 7, 0, 0L, "{}", "{}"},
                    {2, "t-1", "a-1", "chat", "", 9, 9, 9L, "{1,9}", "{}"}});

        migrate(url, "33");

        // one row per generation, team and agent: its channels and queues summed, histograms bin by bin
        assertThat(rows(url, """
                SELECT generation, team_id, agent_id, tickets_created, reply_count, ces_sum_milli,
                       first_response_hist::text, asa_hist::text
                FROM kpi_agent_daily WHERE tenant_id = 'acme' AND day = '2026-11-02'
                ORDER BY generation, team_id, agent_id""")).containsExactly(
                List.of(2, "t-1", "a-1", 9L, 9L, 9L, "{1,9}", "{}"),
                List.of(3, "t-1", "a-1", 3L, 5L, 5500L, "{5,2,9,2,12,1}", "{3,3,4,1}"),
                List.of(3, "t-1", "a-2", 4L, 1L, 0L, "{1,1}", "{}"),
                List.of(3, "t-2", "a-1", 7L, 0L, 0L, "{}", "{}"));
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword());
    }

    /** Runs {@code sql} once per row, binding the row's values in order. */
    private static void insertEach(String url, String sql, Object[][] rows) throws SQLException {
        try (Connection c = connect(url); PreparedStatement insert = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.executeUpdate();
            }
        }
    }

    /** Every row of {@code sql}, each as its columns' values (bigint as Long, int as Integer, text as String). */
    private static List<List<Object>> rows(String url, String sql) throws SQLException {
        List<List<Object>> rows = new java.util.ArrayList<>();
        try (Connection c = connect(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new java.util.ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword())
                .locations("classpath:db/migration").target(target).load().migrate();
    }
}
