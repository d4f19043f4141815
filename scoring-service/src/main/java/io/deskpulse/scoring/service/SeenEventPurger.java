package io.deskpulse.scoring.service;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.repository.SeenEventRepository;
import io.deskpulse.scoring.repository.Transactions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Forgets event identities older than the dedup window, in small chunks so that it never holds
 * locks long. Ticket timelines keep their own identities, so a ticket event resent after the window
 * still changes nothing.
 */
@ApplicationScoped
public class SeenEventPurger {

    private static final Logger LOG = Logger.getLogger(SeenEventPurger.class);
    private static final int CHUNK = 10_000;

    private final DataSource dataSource;
    private final SeenEventRepository seenEvents;
    private final ScoringConfig config;

    public SeenEventPurger(DataSource dataSource, SeenEventRepository seenEvents, ScoringConfig config) {
        this.dataSource = dataSource;
        this.seenEvents = seenEvents;
        this.config = config;
    }

    @Scheduled(every = "${deskpulse.scoring.dedup-purge-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        try {
            purge();
        } catch (SQLException e) {
            LOG.warnf("Purging old event identities failed, will retry: %s", e.getMessage());
        }
    }

    /** Returns how many identities were forgotten. */
    public long purge() throws SQLException {
        long total = 0;
        int deleted;
        do {
            deleted = Transactions.run(dataSource, false, c -> seenEvents.purgeOlderThan(c, config.dedupWindow(), CHUNK));
            total += deleted;
        } while (deleted == CHUNK);
        if (total > 0) {
            LOG.infof("Forgot %d event identities older than %s", total, config.dedupWindow());
        }
        return total;
    }
}
