package io.deskpulse.scoring.service;

import io.deskpulse.scoring.messaging.DeadLetterPublisher;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells failures that pass (database or broker unreachable, deadlock, serialization conflict) from
 * failures that a record causes and that no retry cures. The first kind is retried forever; the
 * second sends the record that causes it to the dead-letter topic.
 */
public final class Failures {

    /** A lock wait ran into lock_timeout: someone else held the rows for long, not a fault of the data. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /**
     * The server ended the session for sitting idle inside a transaction (idle_in_transaction_session_timeout): the
     * connection stalled (a partition, a long pause), not the data.
     */
    private static final String IDLE_IN_TRANSACTION_TIMEOUT = "25P03";

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof RetriableException
                    || t instanceof DeadLetterPublisher.DeadLetterException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // No SQLState: the pool or driver could not say; retrying is safer than dead-lettering data.
                if (state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57") || state.startsWith("58") || state.equals(LOCK_NOT_AVAILABLE)
                        || state.equals(IDLE_IN_TRANSACTION_TIMEOUT)) {
                    return true;
                }
            }
        }
        return false;
    }
}
