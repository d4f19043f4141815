package io.deskpulse.scoring.rest;

import io.deskpulse.platform.rest.Problem;
import io.deskpulse.scoring.service.InactiveKeyException;
import io.deskpulse.scoring.service.TenantExistsException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The refusals of the tenant and key API that are its own. */
public class KeyProblemMappers {

    @ServerExceptionMapper
    public Response tenantExists(TenantExistsException e) {
        return Problem.of(Response.Status.CONFLICT, "tenant-exists", "Tenant exists", e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response inactiveKey(InactiveKeyException e) {
        return Problem.of(Response.Status.CONFLICT, "key-inactive", "Key inactive", e.getMessage()).toResponse();
    }
}
