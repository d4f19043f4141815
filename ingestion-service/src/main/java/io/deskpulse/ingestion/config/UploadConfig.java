package io.deskpulse.ingestion.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Caps on NDJSON uploads, which hold a worker thread and spool disk for as long as they stream: see
 * docs/security.md#limits.
 */
@ConfigMapping(prefix = "deskpulse.uploads")
public interface UploadConfig {

    /** NDJSON uploads one tenant may have running at one instance; one more is a 429. */
    @WithDefault("2")
    int maxConcurrentPerTenant();

    /** NDJSON uploads one instance runs at once, all tenants together; one more is a 503. */
    @WithDefault("4")
    int maxConcurrent();

    /**
     * Spool disk all running uploads of the instance may use together; an upload that would go beyond it is refused
     * (503) and its spool file deleted. Keep it below the spool volume's size (8Gi in Kubernetes).
     */
    @WithDefault("6G")
    MemorySize spoolBudget();

    /** {@code Retry-After} of these refusals: about the time an upload takes to finish. */
    @WithDefault("30s")
    Duration retryAfter();
}
