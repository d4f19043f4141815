package io.deskpulse.scoring.rest;

import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.ScopedResources;
import io.deskpulse.scoring.service.AdminAudit;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes the audit row of every accepted change (a 2xx answer to a method other than GET or HEAD) to a resource that
 * requires a scope: the key's id beside whatever actor the caller named, so a shared admin key cannot hide behind a
 * made-up name (issue 13). One place for every admin resource, present and future.
 */
public class AdminAuditFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AdminAudit audit;
    private final Caller caller;

    public AdminAuditFilter(AdminAudit audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        int status = response.getStatus();
        if (READS.contains(request.getMethod()) || status < 200 || status >= 300
                || ScopedResources.requiredScope(resource) == null) {
            return;
        }
        String tenant = caller.tenant();
        String keyId = caller.keyId();
        String actor = actor(request.getHeaderString(Actor.HEADER));
        String method = request.getMethod();
        String path = request.getUriInfo().getPath();
        Runnable write = () -> audit.record(tenant, keyId, actor, method, path, status);
        if (BlockingOperationControl.isBlockingAllowed()) {
            write.run();
        } else {
            Infrastructure.getDefaultWorkerPool().execute(write);
        }
    }

    private static String actor(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String trimmed = header.trim();
        return trimmed.length() <= Actor.MAX_LENGTH ? trimmed : trimmed.substring(0, Actor.MAX_LENGTH);
    }
}
