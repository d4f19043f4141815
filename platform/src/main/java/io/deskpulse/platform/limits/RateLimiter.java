package io.deskpulse.platform.limits;

import io.deskpulse.platform.limits.TokenBuckets.Decision;
import io.deskpulse.platform.limits.TokenBuckets.Policy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The service's token buckets, one per tenant, with the configured policies. Built at startup so that a nonsensical
 * limit stops the service with a message naming it.
 */
@Startup
@ApplicationScoped
public class RateLimiter {

    private final boolean enabled;
    private final TokenBuckets buckets;

    public RateLimiter(RateLimitConfig config, Clock clock) {
        this.enabled = config.enabled();
        Policy defaults = policy("default", config.defaults().requestsPerSecond(), config.defaults().burst());
        Map<String, Policy> tenants = new HashMap<>();
        config.tenants().forEach((tenant, limit) -> tenants.put(tenant, policy("tenants.\"" + tenant + "\"",
                limit.requestsPerSecond().orElse(defaults.perSecond()), limit.burst().orElse(defaults.burst()))));
        this.buckets = new TokenBuckets(clock, tenant -> tenants.getOrDefault(tenant, defaults),
                config.sweepInterval().toMillis());
    }

    private static Policy policy(String name, double perSecond, long burst) {
        try {
            return new Policy(perSecond, burst);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("deskpulse.rate-limit." + name + ": " + e.getMessage(), e);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public Decision take(String tenant) {
        return buckets.take(tenant);
    }
}
