package io.deskpulse.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code scoring_model_versions}: every version of every tenant's scoring models, never updated. */
@ApplicationScoped
public class ScoringModelRepository extends DocumentVersions {

    public ScoringModelRepository() {
        super("scoring_model_versions", "document", TenantLocks.SCORING_MODELS);
    }
}
