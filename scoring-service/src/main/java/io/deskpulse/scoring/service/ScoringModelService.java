package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.DocumentVersion;
import io.deskpulse.scoring.repository.ScoringModelRepository;
import io.deskpulse.scoring.repository.Transactions;
import io.deskpulse.storage.ScoringModelsDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads and changes a tenant's scoring models (docs/scorecards.md). A change is a new version with who
 * changed which fields, when. Scorecards are computed when read, from the additive aggregates, so a change
 * never recomputes anything: the next scorecard read simply uses it.
 */
@ApplicationScoped
public class ScoringModelService {

    public static final String RESOURCE = "/v1/settings/scoring-models";

    /** A version and its effective document. */
    public record State(DocumentVersion version, ScoringModelsDocument document) {
    }

    /** The outcome of a PUT: the models now, and whether it made a new version. */
    public record Saved(State state, boolean newVersion) {
    }

    private final DataSource dataSource;
    private final ScoringModelRepository repository;

    public ScoringModelService(DataSource dataSource, ScoringModelRepository repository) {
        this.dataSource = dataSource;
        this.repository = repository;
    }

    public State current(String tenant) throws SQLException {
        return Transactions.run(dataSource, true, c -> state(repository.latest(c, tenant).orElse(DocumentVersion.NONE)));
    }

    public Optional<State> version(String tenant, int version) throws SQLException {
        if (version == 0) {
            return Optional.of(state(DocumentVersion.NONE));
        }
        return Transactions.run(dataSource, true, c -> repository.find(c, tenant, version).map(this::state));
    }

    public List<DocumentVersion> history(String tenant) throws SQLException {
        return Transactions.run(dataSource, true, c -> repository.history(c, tenant));
    }

    /**
     * Saves {@code wanted} (canonical) as the next version unless it changes nothing. Changes of one tenant are serialised
     * by a lock; a version taken meanwhile by a writer that bypasses it is retried once, then 409.
     */
    public Saved save(String tenant, ScoringModelsDocument wanted, Precondition precondition, String changedBy)
            throws SQLException {
        for (int attempt = 1; attempt <= 2; attempt++) {
            Optional<Saved> saved = Transactions.retryingDeadlocks(dataSource,
                    c -> saveIn(c, tenant, wanted, precondition, changedBy));
            if (saved.isPresent()) {
                return saved.get();
            }
        }
        throw new ConcurrentSettingsUpdateException(tenant, RESOURCE);
    }

    private Optional<Saved> saveIn(Connection c, String tenant, ScoringModelsDocument wanted, Precondition precondition,
            String changedBy) throws SQLException {
        repository.lockTenant(c, tenant);
        DocumentVersion latest = repository.latest(c, tenant).orElse(DocumentVersion.NONE);
        if (!precondition.holds(latest.version())) {
            throw new VersionConflictException(precondition.header(), latest.version(), RESOURCE);
        }
        State current = state(latest);
        List<String> changed = ScoringModelsDocument.changedFields(current.document(), wanted);
        if (changed.isEmpty()) {
            return Optional.of(new Saved(current, false));
        }
        return repository.insert(c, tenant, latest.version() + 1, wanted.toStored(), changedBy, changed)
                .map(inserted -> new Saved(new State(inserted, wanted), true));
    }

    private State state(DocumentVersion version) {
        return new State(version, version.version() == 0 ? ScoringModelsDocument.DEFAULTS
                : ScoringModelsDocument.fromStored(version.document()));
    }
}
