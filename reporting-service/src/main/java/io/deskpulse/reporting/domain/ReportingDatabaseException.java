package io.deskpulse.reporting.domain;

import java.sql.SQLException;

/**
 * A failed database call. {@link #transientFailure()} tells a database that is down, overloaded or
 * too slow (the client may retry: 503) from a fault of ours (500).
 */
public class ReportingDatabaseException extends RuntimeException {

    public ReportingDatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public boolean transientFailure() {
        String state = ((SQLException) getCause()).getSQLState();
        // No state: the pool could not hand out a connection in time. 08: connection exceptions;
        // 53: insufficient resources; 57: operator intervention, incl. 57014 statement timeout.
        return state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57");
    }
}
