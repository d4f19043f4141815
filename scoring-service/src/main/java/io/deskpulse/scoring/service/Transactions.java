package io.deskpulse.scoring.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/** One unit of work of the admin API in one transaction on a connection of its own. */
final class Transactions {

    /** Deadlock and serialization failure: the transaction was rolled back and can simply run again. */
    private static final Set<String> RETRYABLE_SQL_STATES = Set.of("40P01", "40001");

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    /** Runs {@code work} and commits, or rolls back on any failure. A read-only run reads one snapshot. */
    static <T> T run(DataSource dataSource, boolean readOnly, Work<T> work) throws SQLException {
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
    static <T> T retryingDeadlocks(DataSource dataSource, Work<T> work) throws SQLException {
        try {
            return run(dataSource, false, work);
        } catch (SQLException e) {
            if (!RETRYABLE_SQL_STATES.contains(e.getSQLState())) {
                throw e;
            }
            return run(dataSource, false, work);
        }
    }
}
