package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.ReportingDatabaseException;
import io.deskpulse.reporting.domain.TenantReporting;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Opens the {@link ReportSnapshot} every report is read in: a read-only REPEATABLE READ transaction whose
 * first read is the tenant's row of the {@code tenant_reporting} view (none: generation 0, UTC). The services
 * read each page in one ({@link #read}); nothing above them sees it.
 */
@ApplicationScoped
public class ReportSnapshots {

    private final DataSource dataSource;
    private final int timeoutSeconds;

    public ReportSnapshots(DataSource dataSource, ReportingConfig config) {
        this.dataSource = dataSource;
        this.timeoutSeconds = timeoutSeconds(config);
    }

    static int timeoutSeconds(ReportingConfig config) {
        return (int) Math.max(1, config.queryTimeout().toSeconds());
    }

    /** Opens a snapshot, does {@code work} in it and closes it (the connection goes back to the pool). */
    public <T> T read(String tenant, Function<ReportSnapshot, T> work) {
        try (ReportSnapshot snapshot = open(tenant)) {
            return work.apply(snapshot);
        }
    }

    ReportSnapshot open(String tenant) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(timeoutSeconds);
                // Inside the transaction pgjdbc has just begun, before its first query: no session state changes.
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            TenantReporting state = TenantReporting.DEFAULTS;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT generation, time_zone, daily_time_zone, keeps_contributions FROM tenant_reporting"
                            + " WHERE tenant_id = ?")) {
                statement.setQueryTimeout(timeoutSeconds);
                statement.setString(1, tenant);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next()) {
                        state = new TenantReporting(rs.getInt("generation"), rs.getString("time_zone"),
                                rs.getString("daily_time_zone"), rs.getBoolean("keeps_contributions"));
                    }
                }
            }
            return new ReportSnapshot(connection, state);
        } catch (SQLException e) {
            if (connection != null) {
                new ReportSnapshot(connection, TenantReporting.DEFAULTS).close();
            }
            throw new ReportingDatabaseException(e);
        }
    }
}
