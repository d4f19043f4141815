package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.DocumentVersion;
import io.deskpulse.scoring.domain.Recomputation;
import io.deskpulse.scoring.domain.TenantSettings;
import io.deskpulse.scoring.repository.RecomputationRepository;
import io.deskpulse.scoring.repository.SettingsRepository;
import io.deskpulse.scoring.repository.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads and changes a tenant's settings (docs/settings.md). A change is a new version, written in one
 * transaction with the recomputation it needs, so that there is never a version whose numbers nobody
 * will compute.
 */
@ApplicationScoped
public class SettingsService {

    /** A tenant's settings at some version, and the recomputation that is building a newer one, if any. */
    public record State(DocumentVersion version, TenantSettings settings, Recomputation pending) {
    }

    /** The outcome of a PUT: the settings now, and the recomputation it started (null when none). */
    public record Saved(State state, Recomputation started, boolean newVersion) {
    }

    /** A change is tried at most this often: once, and once more after a conflict that a retry resolves. */
    private static final int ATTEMPTS = 2;
    /** Deadlock and serialization failure: the transaction was rolled back and can simply run again. */
    private static final Set<String> RETRYABLE_SQL_STATES = Set.of("40P01", "40001");

    private final DataSource dataSource;
    private final SettingsRepository repository;
    private final RecomputationRepository recomputations;
    private final RecomputationRequests recomputationRequests;
    private final SettingsCache cache;

    public SettingsService(DataSource dataSource, SettingsRepository repository, RecomputationRepository recomputations,
            RecomputationRequests recomputationRequests, SettingsCache cache) {
        this.dataSource = dataSource;
        this.repository = repository;
        this.recomputations = recomputations;
        this.recomputationRequests = recomputationRequests;
        this.cache = cache;
    }

    public State current(String tenant) throws SQLException {
        return Transactions.run(dataSource, true, c -> {
            DocumentVersion latest = repository.latest(c, tenant).orElse(DocumentVersion.NONE);
            return new State(latest, cache.of(tenant, latest), pending(c, tenant));
        });
    }

    /**
     * Saves {@code wanted} as the tenant's next version, unless it changes nothing (then the current version
     * is the answer, and nothing is written). PUTs of one tenant are serialised by a lock; should a writer that
     * bypasses it take the next version first, or the transaction lose a deadlock (e.g. against a
     * recomputation step), the whole change is tried once more from the start.
     *
     * @throws VersionConflictException when the precondition does not hold for the current version
     * @throws ConcurrentSettingsUpdateException when the next version was taken twice
     */
    public Saved save(String tenant, TenantSettings wanted, Precondition precondition, String changedBy)
            throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Optional<Saved> saved;
            try {
                saved = Transactions.run(dataSource, false, c -> saveIn(c, tenant, wanted, precondition, changedBy));
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && RETRYABLE_SQL_STATES.contains(e.getSQLState())) {
                    continue;
                }
                throw e;
            }
            if (saved.isPresent()) {
                return saved.get();
            }
            if (attempt == ATTEMPTS) {
                throw new ConcurrentSettingsUpdateException(tenant);
            }
        }
    }

    public List<DocumentVersion> history(String tenant) throws SQLException {
        return Transactions.run(dataSource, true, c -> repository.history(c, tenant));
    }

    /** A saved version (or version 0, the defaults). */
    public Optional<State> version(String tenant, int version) throws SQLException {
        if (version == 0) {
            return Optional.of(new State(DocumentVersion.NONE, TenantSettings.DEFAULTS, null));
        }
        return Transactions.run(dataSource, true, c -> repository.find(c, tenant, version)
                .map(row -> new State(row, cache.of(tenant, row), null)));
    }

    private Optional<Saved> saveIn(Connection c, String tenant, TenantSettings wanted, Precondition precondition,
            String changedBy) throws SQLException {
        repository.lockTenant(c, tenant);
        DocumentVersion latest = repository.latest(c, tenant).orElse(DocumentVersion.NONE);
        if (!precondition.holds(latest.version())) {
            throw new VersionConflictException(precondition.header(), latest.version());
        }
        TenantSettings previous = cache.of(tenant, latest);
        SettingsChange change = SettingsChange.between(previous, wanted);
        if (change.isEmpty()) {
            return Optional.of(new Saved(new State(latest, previous, pending(c, tenant)), null, false));
        }
        int next = latest.version() + 1;
        Optional<DocumentVersion> inserted = repository.insert(c, tenant, next, SettingsDocument.toStored(wanted), changedBy,
                change.changedFields());
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        Recomputation started = !change.recomputes() ? null : recomputationRequests.request(c, tenant, next,
                "settings changed: " + String.join(", ", change.changedFields()), changedBy);
        // Not cached here: the transaction may still roll back, and version N+1 would then be someone else's.
        return Optional.of(new Saved(new State(inserted.get(), wanted, pending(c, tenant)), started, true));
    }

    /** The running recomputation, when it builds settings that reports do not show yet. */
    private Recomputation pending(Connection c, String tenant) throws SQLException {
        Optional<Recomputation> running = recomputations.running(c, tenant);
        if (running.isEmpty() || running.get().settingsVersion() == repository.activeSettingsVersion(c, tenant)) {
            return null;
        }
        return running.get();
    }
}
