package io.deskpulse.scoring.service;

import io.deskpulse.scoring.repository.AggregateRepository;
import io.deskpulse.scoring.repository.Transactions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Deletes the rows of generations no report reads any more (replaced by a recomputation, or abandoned
 * by a superseded one), a chunk per statement so that it never holds many locks for long.
 */
@ApplicationScoped
public class GenerationCleaner {

    private static final Logger LOG = Logger.getLogger(GenerationCleaner.class);
    private static final int CHUNK = 10_000;

    private final DataSource dataSource;
    private final AggregateRepository aggregates;

    public GenerationCleaner(DataSource dataSource, AggregateRepository aggregates) {
        this.dataSource = dataSource;
        this.aggregates = aggregates;
    }

    @Scheduled(every = "${deskpulse.scoring.generation-cleanup-interval:60s}",
            delayed = "${deskpulse.scoring.generation-cleanup-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            clean();
        } catch (SQLException e) {
            LOG.warnf("Deleting retired aggregate generations failed, will retry: %s", e.getMessage());
        }
    }

    /** Returns how many rows were deleted, from every aggregate table. */
    public long clean() throws SQLException {
        long total = Transactions.autoCommit(dataSource, c -> aggregates.deleteRetiredGenerations(c, CHUNK));
        if (total > 0) {
            LOG.infof("Deleted %d aggregate rows of retired generations", total);
        }
        return total;
    }
}
