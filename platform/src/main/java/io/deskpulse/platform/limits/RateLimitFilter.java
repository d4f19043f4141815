package io.deskpulse.platform.limits;

import io.deskpulse.platform.limits.TokenBuckets.Decision;
import io.deskpulse.platform.rest.Problem;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.ScopedResources;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts each authenticated request against its tenant's bucket, after the scope check (so the tenant is known and
 * refused keys cost no token) and before the body is read. A refusal is a 429 problem with {@code Retry-After}; every
 * counted answer carries the RateLimit header fields of draft-ietf-httpapi-ratelimit-headers (policy
 * {@code "default"}: quota = burst, window = the seconds an empty bucket takes to refill).
 */
public class RateLimitFilter {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String HEADER = "RateLimit";
    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final RateLimiter limiter;
    private final Caller caller;

    public RateLimitFilter(RateLimiter limiter, Caller caller) {
        this.limiter = limiter;
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100)
    public Response limit(ContainerRequestContext request, ResourceInfo resource) {
        if (!limiter.enabled() || ScopedResources.requiredScope(resource) == null) {
            return null;
        }
        Decision decision = limiter.take(caller.tenant());
        request.setProperty(DECISION, decision);
        if (decision.allowed()) {
            return null;
        }
        Response.ResponseBuilder refusal = Response.fromResponse(tooManyRequests(decision.retryAfterSeconds()).toResponse())
                .header("Retry-After", decision.retryAfterSeconds());
        return refusal.build();
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Decision decision) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle(POLICY_HEADER, policy(decision));
            headers.putSingle(HEADER, "\"default\";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
            if (!decision.allowed()) {
                headers.putSingle("Retry-After", decision.retryAfterSeconds());
            }
        }
    }

    static String policy(Decision decision) {
        return "\"default\";q=" + decision.policy().burst() + ";w=" + decision.policy().windowSeconds();
    }

    /** The refusal; the OpenAPI documents take their examples from here. */
    public static Problem tooManyRequests(long retryAfterSeconds) {
        return Problem.of(Response.Status.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "This tenant sent more requests than its rate limit allows; retry after " + retryAfterSeconds
                        + " s (Retry-After).");
    }
}
