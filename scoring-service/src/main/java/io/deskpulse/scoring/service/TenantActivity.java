package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenants whose aggregates this instance changed since the alert evaluator last looked: recorded in
 * memory after a batch commits, so that alerting never adds work to the batch transaction. An instance that
 * dies forgets its list; the evaluator's periodic refresh covers those tenants soon after.
 */
@ApplicationScoped
public class TenantActivity {

    private final Set<String> touched = ConcurrentHashMap.newKeySet();

    /** After a committed batch. */
    public void touched(List<IncomingEvent> events) {
        for (IncomingEvent event : events) {
            touched.add(event.tenantId());
        }
    }

    /** The tenants touched since the last call, in order; they are forgotten. */
    public List<String> drain() {
        Set<String> drained = new TreeSet<>();
        for (String tenant : touched) {
            if (touched.remove(tenant)) {
                drained.add(tenant);
            }
        }
        return List.copyOf(drained);
    }
}
