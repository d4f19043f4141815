package io.deskpulse.platform.security;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Cache-Control: private, no-store} on every answer of a resource that requires a scope, refusals included:
 * each is one tenant's data (or says something about a key), and a shared cache or proxy between client and
 * service must neither keep it nor hand it to another caller.
 */
public class CacheControlFilter {

    public static final String VALUE = "private, no-store";

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response, ResourceInfo resource) {
        if (ScopedResources.requiredScope(resource) != null) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, VALUE);
        }
    }
}
