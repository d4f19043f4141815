package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.ReportingDatabaseException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.deskpulse.reporting.domain.scorecard.Exemption;
import io.deskpulse.reporting.domain.scorecard.ModelKpi;
import io.deskpulse.reporting.domain.scorecard.RoleModel;
import io.deskpulse.reporting.domain.scorecard.ScoringModels;
import io.deskpulse.storage.ExemptionDocument;
import io.deskpulse.storage.ScoringModelsDocument;
import io.deskpulse.storage.StoredJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What scorecards read besides the aggregates, in the report's snapshot: a version of the tenant's scoring
 * models ({@code scoring_model_versions}) and its exemptions ({@code exemptions}). Their JSON is read as the storage
 * contract's documents, the types scoring-service writes them with; version 0 of the models is the contract's
 * catalog models.
 */
@ApplicationScoped
public class ScorecardRepository {

    static final ScoringModels DEFAULTS = models(0, ScoringModelsDocument.DEFAULTS);
    private static final TypeReference<List<ExemptionDocument>> EXEMPTIONS = new TypeReference<>() {
    };

    private final int timeoutSeconds;

    public ScorecardRepository(ReportingConfig config) {
        this.timeoutSeconds = ReportSnapshots.timeoutSeconds(config);
    }

    /**
     * The models of {@code version}, or the latest when it is null (version 0, the catalog's, when the tenant
     * never saved any); empty when the tenant has no such version.
     */
    public Optional<ScoringModels> models(ReportSnapshot snapshot, String tenant, Integer version) {
        if (version != null && version == 0) {
            return Optional.of(DEFAULTS);
        }
        String sql = "SELECT version, document::text FROM scoring_model_versions WHERE tenant_id = ?"
                + (version == null ? " ORDER BY version DESC LIMIT 1" : " AND version = ?");
        try (PreparedStatement s = snapshot.connection().prepareStatement(sql)) {
            s.setQueryTimeout(timeoutSeconds);
            s.setString(1, tenant);
            if (version != null) {
                s.setInt(2, version);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return Optional.of(models(rs.getInt(1), ScoringModelsDocument.fromStored(rs.getString(2))));
                }
            }
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
        return version == null ? Optional.of(DEFAULTS) : Optional.empty();
    }

    /** The tenant's exemptions that share a day with {@code from..to}, in id order. */
    public List<Exemption> exemptions(ReportSnapshot snapshot, String tenant, LocalDate from, LocalDate to) {
        List<Exemption> exemptions = new ArrayList<>();
        try (PreparedStatement s = snapshot.connection().prepareStatement("SELECT id, teams, from_date, to_date, reason,"
                + " relaxed_targets::text, left_out FROM exemptions WHERE tenant_id = ? AND from_date <= ? AND to_date >= ?"
                + " ORDER BY id")) {
            s.setQueryTimeout(timeoutSeconds);
            s.setString(1, tenant);
            s.setObject(2, to);
            s.setObject(3, from);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Array teams = rs.getArray(2);
                    exemptions.add(new Exemption(rs.getLong(1), teams == null ? null : List.of((String[]) teams.getArray()),
                            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5),
                            doubles(StoredJson.relaxedTargets(rs.getString(6))), Set.of((String[]) rs.getArray(7).getArray())));
                }
            }
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
        return exemptions;
    }

    /** A stored scoring models document (canonical: every direction written out) as the scorecards' model. */
    static ScoringModels models(int version, ScoringModelsDocument document) {
        Map<String, RoleModel> roles = new TreeMap<>();
        document.roles().forEach((name, role) -> roles.put(name, new RoleModel(role.kpis().stream()
                .map(k -> new ModelKpi(k.metric(), k.channel(), k.group(), "higher".equals(k.direction()),
                        k.target().doubleValue(), k.weight().doubleValue())).toList(),
                role.peerReview() == null ? null : role.peerReview().share().doubleValue(),
                role.peerReview() == null ? null : role.peerReview().target().doubleValue())));
        return new ScoringModels(version, Map.copyOf(roles), document.defaultRoles().agent(),
                document.defaultRoles().team(), Map.copyOf(document.agentRoles()), Map.copyOf(document.teamRoles()));
    }

    /** Exemptions as a period report keeps those in force: a JSON array of scoring-service's exemption documents. */
    static List<Exemption> exemptions(String array) {
        return StoredJson.read(array, EXEMPTIONS).stream().map(e -> new Exemption(e.id(), e.teams(),
                LocalDate.parse(e.from()), LocalDate.parse(e.to()), e.reason(), doubles(e.relaxedTargets()),
                Set.copyOf(e.leftOut()))).toList();
    }

    private static Map<String, Double> doubles(Map<String, java.math.BigDecimal> targets) {
        Map<String, Double> doubles = new TreeMap<>();
        targets.forEach((metric, target) -> doubles.put(metric, target.doubleValue()));
        return Map.copyOf(doubles);
    }
}
