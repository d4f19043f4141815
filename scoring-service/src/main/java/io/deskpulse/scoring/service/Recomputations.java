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
 * its latest settings), and report progress. Asking while one runs returns the running one, so the
 * request is idempotent; a rebuild with unchanged settings yields the same numbers.
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

    public Recomputation rebuild(String tenant, String requestedBy) throws SQLException {
        return Transactions.run(dataSource, false, c -> {
            Optional<Recomputation> running = recomputations.running(c, tenant);
            return running.isPresent() ? running.get()
                    : requests.request(c, tenant, settings.latest(c, tenant).map(DocumentVersion::version).orElse(0),
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
