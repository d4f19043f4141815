package io.deskpulse.platform.limits;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One token bucket per tenant: a request takes a token; tokens come back at the tenant's rate up to its burst. Pure
 * Java on the given clock, so that tests move time themselves.
 *
 * <p>Memory stays bounded by the tenants active in the last while: a bucket that has refilled to its burst is the
 * same as a new one, so a sweep (at most once per {@code sweepIntervalMillis}) drops every full bucket without
 * changing any answer.
 */
public final class TokenBuckets {

    /** {@code perSecond} tokens come back each second, up to {@code burst}. */
    public record Policy(double perSecond, long burst) {

        public Policy {
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("requests-per-second must be a positive number, not " + perSecond);
            }
            if (burst < 1) {
                throw new IllegalArgumentException("burst must be at least 1, not " + burst);
            }
        }

        /** Seconds an empty bucket takes to refill: the window the quota ({@code burst}) is advertised over. */
        public long windowSeconds() {
            return Math.max(1, (long) Math.ceil(burst / perSecond));
        }
    }

    /**
     * One request's outcome: {@code remaining} tokens after it, {@code resetSeconds} until the bucket is full again,
     * and when refused, {@code retryAfterSeconds} until the next token (at least 1).
     */
    public record Decision(boolean allowed, Policy policy, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private static final class Bucket {
        private final Policy policy;
        private double tokens;
        private long updatedMillis;

        Bucket(Policy policy, long now) {
            this.policy = policy;
            this.tokens = policy.burst();
            this.updatedMillis = now;
        }

        double tokensAt(long now) {
            long elapsed = Math.max(0, now - updatedMillis);
            return Math.min(policy.burst(), tokens + elapsed * policy.perSecond() / 1000.0);
        }

        Decision take(long now) {
            tokens = tokensAt(now);
            updatedMillis = Math.max(updatedMillis, now);
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / policy.perSecond()));
            long reset = (long) Math.ceil((policy.burst() - tokens) / policy.perSecond());
            return new Decision(allowed, policy, (long) Math.floor(tokens), reset, retryAfter);
        }
    }

    private final Clock clock;
    private final Function<String, Policy> policies;
    private final long sweepIntervalMillis;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweepMillis;

    public TokenBuckets(Clock clock, Function<String, Policy> policies, long sweepIntervalMillis) {
        this.clock = Objects.requireNonNull(clock);
        this.policies = Objects.requireNonNull(policies);
        this.sweepIntervalMillis = sweepIntervalMillis;
        this.lastSweepMillis = clock.millis();
    }

    /** Takes a token of the tenant's bucket, if one is left. */
    public Decision take(String tenant) {
        long now = clock.millis();
        if (now - lastSweepMillis >= sweepIntervalMillis) {
            sweep(now);
        }
        Decision[] decision = new Decision[1];
        // compute() holds the key's bin: two requests of one tenant never take the same token.
        buckets.compute(tenant, (key, bucket) -> {
            Bucket current = bucket != null ? bucket : new Bucket(policies.apply(key), now);
            decision[0] = current.take(now);
            return current;
        });
        return decision[0];
    }

    /** Buckets held: tenants that made a request and have not refilled to their burst since the last sweep. */
    public int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        lastSweepMillis = now;
        for (String tenant : buckets.keySet()) {
            buckets.computeIfPresent(tenant, (key, bucket) -> bucket.tokensAt(now) >= bucket.policy.burst() ? null : bucket);
        }
    }
}
