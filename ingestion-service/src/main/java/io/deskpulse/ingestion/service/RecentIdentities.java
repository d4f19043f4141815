package io.deskpulse.ingestion.service;

import io.deskpulse.ingestion.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Identities of events this instance recently wrote to Kafka and saw acknowledged, so that a helpdesk
 * resending them is answered "duplicate" without writing them again. Best effort per instance (bounded,
 * lost on restart, not shared between replicas): scoring-service deduplicates authoritatively.
 */
@ApplicationScoped
public class RecentIdentities {

    private final IdentityWindow window;

    @Inject
    public RecentIdentities(IngestConfig config) {
        this(config.recentIdentities());
    }

    RecentIdentities(int capacity) {
        this.window = new IdentityWindow(Math.max(0, capacity));
    }

    public synchronized boolean contains(EventIdentity identity) {
        return window.contains(identity);
    }

    /** Remembers a request's identities; call only once Kafka acknowledged every record of the request. */
    public synchronized void rememberAll(IdentityWindow acknowledged) {
        acknowledged.addAllTo(window);
    }

    public synchronized int size() {
        return window.size();
    }
}
