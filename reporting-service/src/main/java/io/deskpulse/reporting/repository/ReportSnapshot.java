package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.domain.TenantReporting;
import java.sql.Connection;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * One report's view of the database: a read-only REPEATABLE READ transaction on one connection, in
 * which the tenant's active generation is looked up and the page's groups and histograms are read.
 * So a page is read from one snapshot: it cannot mix two generations, and it cannot see a generation
 * that a recomputation has just replaced being deleted, whatever happens between its queries.
 * Close it (try-with-resources) as soon as the queries are done: it holds a pooled connection.
 */
public final class ReportSnapshot implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReportSnapshot.class);

    private final Connection connection;
    private final TenantReporting tenant;

    ReportSnapshot(Connection connection, TenantReporting tenant) {
        this.connection = connection;
        this.tenant = tenant;
    }

    /** The tenant's active generation and default time zone, as of this snapshot. */
    public TenantReporting tenant() {
        return tenant;
    }

    Connection connection() {
        return connection;
    }

    /** Ends the transaction (it wrote nothing: a rollback is all it needs) and returns the connection. */
    @Override
    public void close() {
        try (connection) {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // The answer is already read; a connection that cannot be reset is the pool's to discard.
            LOG.debugf("Closing a report snapshot: %s", e.getMessage());
        }
    }
}
