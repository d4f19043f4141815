package io.deskpulse.ingestion.service;

import io.deskpulse.ingestion.config.UploadConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The instance's running NDJSON uploads, per tenant and in all, and the spool disk they use: an upload starts only
 * under both counts, and charges every spooled byte to a budget shared by all, so concurrent backfills cannot fill
 * the spool volume (and get the pod evicted).
 */
@ApplicationScoped
public class UploadLimits {

    private final UploadConfig config;
    private final ConcurrentHashMap<String, Integer> perTenant = new ConcurrentHashMap<>();
    private final AtomicLong spooled = new AtomicLong();
    private int running;

    public UploadLimits(UploadConfig config) {
        this.config = config;
    }

    /** Starts an upload of the tenant, or refuses it; close the upload when it ends, whatever happened. */
    public Upload begin(String tenant) {
        synchronized (this) {
            int ofTenant = perTenant.getOrDefault(tenant, 0);
            if (ofTenant >= config.maxConcurrentPerTenant()) {
                throw new UploadRefusedException("This tenant already has " + ofTenant + " NDJSON uploads running "
                        + "(deskpulse.uploads.max-concurrent-per-tenant); send the next one when one has finished.",
                        true, retryAfterSeconds());
            }
            if (running >= config.maxConcurrent()) {
                throw new UploadRefusedException("This instance is running its " + running + " NDJSON uploads "
                        + "(deskpulse.uploads.max-concurrent); resend after Retry-After seconds.", false,
                        retryAfterSeconds());
            }
            running++;
            perTenant.put(tenant, ofTenant + 1);
        }
        return new Upload(tenant);
    }

    /** Spool bytes charged by the running uploads. */
    public long spooled() {
        return spooled.get();
    }

    public synchronized int running() {
        return running;
    }

    private synchronized void end(String tenant) {
        running--;
        perTenant.computeIfPresent(tenant, (key, count) -> count > 1 ? count - 1 : null);
    }

    private long retryAfterSeconds() {
        return Math.max(1, (config.retryAfter().toMillis() + 999) / 1000);
    }

    /** One running upload: its spool charge, returned when it is closed. */
    public final class Upload implements AutoCloseable {

        private final String tenant;
        private long charged;
        private boolean closed;

        private Upload(String tenant) {
            this.tenant = tenant;
        }

        /** Charges spooled bytes to the budget, or refuses the upload when they would go beyond it. */
        public void charge(long bytes) {
            long budget = config.spoolBudget().asLongValue();
            long total = spooled.addAndGet(bytes);
            charged += bytes;
            if (total > budget) {
                throw new UploadRefusedException("The NDJSON uploads running at this instance would spool more than "
                        + budget + " bytes (deskpulse.uploads.spool-budget); nothing of this upload was accepted. "
                        + "Resend it after Retry-After seconds, or in smaller parts.", false, retryAfterSeconds());
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                spooled.addAndGet(-charged);
                end(tenant);
            }
        }
    }
}
