package io.deskpulse.scoring.repository;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/** The one way the service runs database work: one transaction on a connection of its own, or auto-commit. */
public final class Transactions {

    /** Deadlock and serialization failure: the transaction was rolled back and can simply run again. */
    private static final Set<String> RETRYABLE_SQL_STATES = Set.of("40P01", "40001");

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    /** Runs {@code work} and commits, or rolls back on any failure. A read-only run reads one snapshot. */
    public static <T> T run(DataSource dataSource, boolean readOnly, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (readOnly) {
                    try (var s = c.createStatement()) {
                        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    }
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** A writing run, run once more from the start when PostgreSQL rolled it back for a deadlock. */
    public static <T> T retryingDeadlocks(DataSource dataSource, Work<T> work) throws SQLException {
        try {
            return run(dataSource, false, work);
        } catch (SQLException e) {
            if (!RETRYABLE_SQL_STATES.contains(e.getSQLState())) {
                throw e;
            }
            return run(dataSource, false, work);
        }
    }

    /** Runs {@code work} statement by statement, each committed on its own. */
    public static <T> T autoCommit(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        }
    }
}
