package io.deskpulse.reporting.security;

import io.deskpulse.reporting.rest.Problem;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Authenticates {@code Authorization: Bearer <key>} for every resource marked {@link RequiresScope}. */
public class ApiKeyFilter {

    private static final String BEARER = "bearer ";

    private final ApiKeyRegistry registry;
    private final Caller caller;

    public ApiKeyFilter(ApiKeyRegistry registry, Caller caller) {
        this.registry = registry;
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request, ResourceInfo resource) {
        RequiresScope required = requiredScope(resource);
        if (required == null) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized("Send the API key as 'Authorization: Bearer <key>'.");
        }
        ApiKey key = registry.find(header.substring(BEARER.length()).trim()).orElse(null);
        if (key == null) {
            return unauthorized("The API key is not valid.");
        }
        if (!key.allows(required.value())) {
            return Problem.of(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
                    "This API key lacks the '" + required.value().label() + "' scope.").toResponse();
        }
        caller.authenticate(key);
        return null;
    }

    private static RequiresScope requiredScope(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        RequiresScope onMethod = resource.getResourceMethod().getAnnotation(RequiresScope.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RequiresScope.class);
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized", detail)
                .toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
