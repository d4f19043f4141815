package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.DocumentVersion;
import io.deskpulse.scoring.domain.Recomputation;
import io.deskpulse.scoring.repository.RecomputationRepository;
import io.deskpulse.scoring.repository.SettingsRepository;
import io.deskpulse.scoring.repository.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The admin side of recomputations: rebuild a tenant's aggregates from its timelines on request (with
 * its latest settings), and report progress. A tenant has at most one running: asking while one runs is refused
 * (409 naming it); a rebuild with unchanged settings yields the same numbers.
 */
@ApplicationScoped
public class Recomputations {

    private final DataSource dataSource;
    private final RecomputationRequests requests;
    private final RecomputationRepository recomputations;
    private final SettingsRepository settings;

    public Recomputations(DataSource dataSource, RecomputationRequests requests, RecomputationRepository recomputations,
            SettingsRepository settings) {
        this.dataSource = dataSource;
        this.requests = requests;
        this.recomputations = recomputations;
        this.settings = settings;
    }

    /** @throws JobRunningException when the tenant has a recomputation running (a settings change's included) */
    public Recomputation rebuild(String tenant, String requestedBy) throws SQLException {
        return Transactions.run(dataSource, false, c -> {
            // Two requests at once: the second waits here for the first to commit, then finds it running.
            recomputations.lockRequests(c, tenant);
            Optional<Recomputation> running = recomputations.running(c, tenant);
            if (running.isPresent()) {
                throw new JobRunningException(JobRunningException.Kind.RECOMPUTATION, running.get().id());
            }
            return requests.request(c, tenant, settings.latest(c, tenant).map(DocumentVersion::version).orElse(0),
                    "rebuild requested", requestedBy);
        });
    }

    public Optional<Recomputation> find(String tenant, UUID id) throws SQLException {
        return Transactions.autoCommit(dataSource, c -> recomputations.find(c, tenant, id));
    }

    public List<Recomputation> list(String tenant) throws SQLException {
        return Transactions.autoCommit(dataSource, c -> recomputations.list(c, tenant, 100));
    }
}
