package io.deskpulse.scoring.service;

import io.deskpulse.scoring.repository.RecomputationRepository;
import io.deskpulse.scoring.repository.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Recomputation> running = recomputations.running(c, tenant);
                Recomputation recomputation = running.isPresent() ? running.get()
                        : requests.request(c, tenant,
                                settings.latest(c, tenant).map(SettingsVersion::version).orElse(0),
                                "rebuild requested", requestedBy);
                c.commit();
                return recomputation;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    public Optional<Recomputation> find(String tenant, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return recomputations.find(c, tenant, id);
        }
    }

    public List<Recomputation> list(String tenant) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return recomputations.list(c, tenant, 100);
        }
    }
}
