package io.deskpulse.scoring.service;

import io.deskpulse.scoring.repository.AggregateRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
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

    public GenerationCleaner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(every = "${deskpulse.scoring.generation-cleanup-interval:60s}", delayed = "30s",
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
        long total = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (String table : AggregateRepository.tables()) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE ctid = ANY(ARRAY("
                        + "SELECT k.ctid FROM retired_generations r JOIN " + table
                        + " k ON k.tenant_id = r.tenant_id AND k.generation = r.generation LIMIT ?))")) {
                    delete.setInt(1, CHUNK);
                    int deleted;
                    do {
                        deleted = delete.executeUpdate();
                        total += deleted;
                    } while (deleted == CHUNK);
                }
            }
        }
        if (total > 0) {
            LOG.infof("Deleted %d aggregate rows of retired generations", total);
        }
        return total;
    }
}
