package io.deskpulse.ingestion.rest;

import io.deskpulse.ingestion.service.UploadRefusedException;
import io.deskpulse.platform.rest.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The refusals of the NDJSON upload caps. The tenant's own uploads are its to wait for (429); the instance's count
 * and spool budget are the server's (503: another instance, or this one a little later, takes the upload). Both say
 * when to resend; nothing of a refused upload was accepted.
 */
public class UploadProblemMappers {

    @ServerExceptionMapper
    public Response refused(UploadRefusedException e) {
        Problem problem = e.perTenant()
                ? Problem.of(Response.Status.TOO_MANY_REQUESTS, "too-many-uploads", "Too many uploads", e.getMessage())
                : Problem.of(Response.Status.SERVICE_UNAVAILABLE, "uploads-busy", "Uploads busy", e.getMessage());
        // The body is not read to its end (or not at all): closing spares the client sending the rest.
        return Response.fromResponse(problem.toResponse()).header("Retry-After", e.retryAfterSeconds())
                .header("Connection", "close").build();
    }
}
