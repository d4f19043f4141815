package io.deskpulse.reporting.support;

import io.deskpulse.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The rows a test class owns: those of its tenants, in every table reporting reads. Other classes' rows stay, which
 * is what keeps the classes apart: never a TRUNCATE of a table they share.
 */
public final class TestData {

    private static final List<String> TABLES = List.of("period_reports", "kpi_hourly", "kpi_daily", "kpi_team_daily",
            "kpi_agent_daily", "tenant_state", "tenant_settings_versions", "ticket_facts", "customer_nps_responses",
            "scoring_model_versions", "exemptions", "alerts", "kpi_contributions", "customer_lifecycle_events");

    private TestData() {
    }

    /** Deletes every row of these tenants (a period report's rows go with it). */
    public static void reset(TestTenant... tenants) {
        String[] ids = java.util.Arrays.stream(tenants).map(TestTenant::id).toArray(String[]::new);
        try (Connection connection = connect()) {
            for (String table : TABLES) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                        + " WHERE tenant_id = ANY (?)")) {
                    delete.setArray(1, connection.createArrayOf("text", ids));
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A read-write connection to the database of the service under test (the service's own pool is read-only). */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(ReportingTestDatabase.jdbcUrl(), TestInfrastructure.postgresUser(),
                TestInfrastructure.postgresPassword());
    }
}
