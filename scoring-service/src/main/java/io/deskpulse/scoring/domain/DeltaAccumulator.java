package io.deskpulse.scoring.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the difference between what tickets contributed before a batch and what they contribute
 * after it, per aggregate row. Retracting the old contributions and adding the new ones is all it
 * takes: equal items cancel, so only what changed reaches the database.
 */
public final class DeltaAccumulator {

    private final Map<AggregateKey, KpiDelta> deltas = new HashMap<>();

    public void add(Target target, Collection<Contribution> contributions) {
        apply(target, contributions, 1);
    }

    public void retract(Target target, Collection<Contribution> contributions) {
        apply(target, contributions, -1);
    }

    private void apply(Target target, Collection<Contribution> contributions, int sign) {
        for (Contribution contribution : contributions) {
            KpiDelta delta = deltas.computeIfAbsent(AggregateKey.of(target.tenantId(), target.generation(), contribution),
                    k -> new KpiDelta());
            contribution.observation().addTo(delta, sign);
        }
    }

    /** The rows that really change, in the global row order (see {@link AggregateKey}). */
    public TreeMap<AggregateKey, KpiDelta> changes() {
        TreeMap<AggregateKey, KpiDelta> changes = new TreeMap<>();
        deltas.forEach((key, delta) -> {
            if (!delta.isZero()) {
                changes.put(key, delta);
            }
        });
        return changes;
    }
}
