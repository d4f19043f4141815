package io.deskpulse.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces {@link RequiresScope}: the request's security identity (authenticated on demand, from the bearer key) must
 * have the scope as a role. Runs before the body is read, so a refused request costs no parsing; the answers are
 * the problems of {@link SecurityProblems}.
 */
public class ScopeFilter {

    private final CurrentIdentityAssociation identities;
    private final Caller caller;

    public ScopeFilter(CurrentIdentityAssociation identities, Caller caller) {
        this.identities = identities;
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> authorize(ResourceInfo resource) {
        RequiresScope required = requiredScope(resource);
        if (required == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .map(identity -> check(identity, required.value()))
                .onFailure(AuthenticationFailedException.class)
                .recoverWithItem(() -> SecurityProblems.toResponse(SecurityProblems.invalidKey()));
    }

    private Response check(SecurityIdentity identity, Scope required) {
        if (identity.isAnonymous()) {
            return SecurityProblems.toResponse(SecurityProblems.missingKey());
        }
        if (!identity.hasRole(required.label())) {
            return SecurityProblems.toResponse(SecurityProblems.lacksScope(required.label()));
        }
        identities.setIdentity(identity);
        caller.authenticate(identity);
        return null;
    }

    private static RequiresScope requiredScope(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        RequiresScope onMethod = resource.getResourceMethod().getAnnotation(RequiresScope.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RequiresScope.class);
    }
}
