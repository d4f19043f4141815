package io.deskpulse.platform.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Per-tenant request rates of the {@code /v1} APIs, per service instance: see docs/security.md#limits. The defaults
 * are well above what the benchmark drives for one tenant (docs/performance.md), so only a runaway client meets
 * them.
 */
@ConfigMapping(prefix = "deskpulse.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** The limit of every tenant not listed under {@code tenants}. */
    @WithName("default")
    Limit defaults();

    /** Limits of particular tenants ({@code deskpulse.rate-limit.tenants."<tenant>".burst}); unset values default. */
    Map<String, TenantLimit> tenants();

    /** How often buckets that have refilled (idle tenants) are dropped. */
    @WithDefault("60s")
    Duration sweepInterval();

    interface Limit {
        /** Sustained requests per second (a decimal: 0.5 is one request every two seconds). */
        @WithDefault("5000")
        double requestsPerSecond();

        /** Requests that may come at once, after a quiet while; the bucket's size. */
        @WithDefault("10000")
        long burst();
    }

    interface TenantLimit {
        OptionalDouble requestsPerSecond();

        OptionalLong burst();
    }
}
