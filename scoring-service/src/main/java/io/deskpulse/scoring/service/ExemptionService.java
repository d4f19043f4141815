package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.Exemption;
import io.deskpulse.scoring.repository.ExemptionRepository;
import io.deskpulse.scoring.repository.Transactions;
import io.deskpulse.storage.ExemptionDocument;
import io.deskpulse.storage.ScoringModelsDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A tenant's exemption periods (docs/scorecards.md#exemptions). Changes of one tenant are serialised, so that
 * no two exemptions ever overlap. Like the scoring models, they are applied when scorecards are read: a
 * change recomputes nothing.
 */
@ApplicationScoped
public class ExemptionService {

    public static final String RESOURCE = "/v1/settings/exemptions";

    private final DataSource dataSource;
    private final ExemptionRepository repository;

    public ExemptionService(DataSource dataSource, ExemptionRepository repository) {
        this.dataSource = dataSource;
        this.repository = repository;
    }

    /** The exemption as the API answers it and period reports keep it. */
    public static ExemptionDocument document(Exemption e) {
        Map<String, BigDecimal> relaxed = new TreeMap<>();
        // written plainly, 450 and not 4.5E+2, whichever mapper writes it
        e.relaxedTargets().forEach((metric, target) -> relaxed.put(metric,
                new BigDecimal(ScoringModelsDocument.plain(target).toString())));
        return new ExemptionDocument(e.id(), e.version(), e.teams(), e.from().toString(), e.to().toString(), e.reason(),
                relaxed, e.leftOut(), e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy());
    }

    public List<Exemption> list(String tenant) throws SQLException {
        return Transactions.run(dataSource, true, c -> repository.list(c, tenant));
    }

    public Exemption find(String tenant, long id) throws SQLException {
        return Transactions.run(dataSource, true, c -> existing(c, tenant, id));
    }

    public Exemption create(String tenant, Exemption.Draft draft, String actor) throws SQLException {
        return Transactions.retryingDeadlocks(dataSource, c -> {
            repository.lockTenant(c, tenant);
            refuseOverlaps(c, tenant, draft, 0);
            return repository.insert(c, tenant, draft, actor);
        });
    }

    public Exemption replace(String tenant, long id, Exemption.Draft draft, Precondition precondition, String actor)
            throws SQLException {
        return Transactions.retryingDeadlocks(dataSource, c -> {
            repository.lockTenant(c, tenant);
            checkPrecondition(existing(c, tenant, id), precondition);
            refuseOverlaps(c, tenant, draft, id);
            return repository.update(c, tenant, id, draft, actor);
        });
    }

    public void delete(String tenant, long id, Precondition precondition) throws SQLException {
        Transactions.retryingDeadlocks(dataSource, c -> {
            repository.lockTenant(c, tenant);
            checkPrecondition(existing(c, tenant, id), precondition);
            repository.delete(c, tenant, id);
            return null;
        });
    }

    private Exemption existing(Connection c, String tenant, long id) throws SQLException {
        return repository.find(c, tenant, id).orElseThrow(() -> new UnknownResourceException(
                "There is no exemption " + id + " (GET " + RESOURCE + " lists them)"));
    }

    private static void checkPrecondition(Exemption current, Precondition precondition) {
        if (!precondition.holds(current.version())) {
            throw new VersionConflictException(precondition.header(), current.version(), RESOURCE + "/" + current.id());
        }
    }

    private void refuseOverlaps(Connection c, String tenant, Exemption.Draft draft, long self) throws SQLException {
        for (Exemption other : repository.overlapping(c, tenant, draft.from(), draft.to())) {
            if (other.id() != self && draft.overlaps(other)) {
                throw new OverlappingExemptionException(other);
            }
        }
    }
}
