package io.deskpulse.reporting.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when scoring-service's schema is there: reporting reads kpi_hourly, kpi_daily, kpi_team_daily
 * (V5) and the view tenant_reporting (V2: generations and tenant settings) but never migrates (scoring owns the
 * schema), so a database that answers but has not been migrated yet would turn every report into an
 * error. The datasource check itself is Agroal's.
 */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements HealthCheck {

    private static final String SQL = "SELECT to_regclass('kpi_hourly') IS NOT NULL"
            + " AND to_regclass('kpi_team_daily') IS NOT NULL"
            + " AND to_regclass('tenant_reporting') IS NOT NULL AND to_regclass('kpi_daily') IS NOT NULL"
            // V10 and V11: the export position of ticket_facts and the NPS responses per customer
            + " AND to_regclass('customer_nps_responses') IS NOT NULL"
            + " AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('ticket_facts') AND attname = 'txid')"
            // V24: reply time and queue KPIs, the queue key of the daily rows
            + " AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('kpi_daily') AND attname = 'queue_id')"
            // V27: effort and sentiment, the tickets' churn-risk history, customers' churns and renewals
            + " AND to_regclass('customer_lifecycle_events') IS NOT NULL"
            // V33: the agent-day rollup
            + " AND to_regclass('kpi_agent_daily') IS NOT NULL";

    private final DataSource dataSource;

    public SchemaReadinessCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            try (ResultSet rs = statement.executeQuery(SQL)) {
                boolean present = rs.next() && rs.getBoolean(1);
                return HealthCheckResponse.named("kpi schema").status(present)
                        .withData("kpi_hourly", present ? "present"
                                : "missing (kpi_hourly, kpi_daily, kpi_team_daily, tenant_reporting, ticket_facts.txid, kpi_daily.queue_id, customer_lifecycle_events, "
                                        + "customer_nps_responses or kpi_agent_daily): has scoring-service migrated?")
                        .build();
            }
        } catch (SQLException e) {
            return HealthCheckResponse.named("kpi schema").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
