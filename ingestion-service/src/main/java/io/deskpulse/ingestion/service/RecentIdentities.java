package io.deskpulse.ingestion.service;

import io.deskpulse.ingestion.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.locks.StampedLock;

/**
 * Identities of events this instance recently wrote to Kafka and saw acknowledged, so that a helpdesk
 * resending them is answered "duplicate" without writing them again. Best effort per instance (bounded,
 * lost on restart, not shared between replicas): scoring-service deduplicates authoritatively.
 */
@ApplicationScoped
public class RecentIdentities {

    private final IdentityWindow window;
    // Every event of every request looks here, from many request threads at once; writes come once a request.
    // A StampedLock's read lock is one compare-and-set, without the per-thread hold counts of a ReadWriteLock.
    private final StampedLock lock = new StampedLock();

    @Inject
    public RecentIdentities(IngestConfig config) {
        this(config.recentIdentities());
    }

    RecentIdentities(int capacity) {
        this.window = new IdentityWindow(Math.max(0, capacity));
    }

    public boolean contains(EventIdentity identity) {
        long stamp = lock.readLock();
        try {
            return window.contains(identity);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Remembers a request's identities; call only once Kafka acknowledged every record of the request. */
    public void rememberAll(IdentityWindow acknowledged) {
        long stamp = lock.writeLock();
        try {
            acknowledged.addAllTo(window);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    public int size() {
        long stamp = lock.readLock();
        try {
            return window.size();
        } finally {
            lock.unlockRead(stamp);
        }
    }
}
