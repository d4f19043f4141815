package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.domain.InvalidParametersException;
import io.deskpulse.reporting.domain.ReportingDatabaseException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as an RFC 9457 problem (docs/architecture.md), never a bare 500 for bad input. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidParameters(InvalidParametersException e) {
        List<Problem.FieldError> errors = e.errors().stream()
                .map(error -> new Problem.FieldError(null, error.field(), error.reason()))
                .toList();
        return Problem.of(400, "invalid-parameters", "Invalid parameters",
                errors.size() + (errors.size() == 1 ? " parameter is" : " parameters are") + " invalid", errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return Problem.of(Response.Status.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "Cannot answer 'Accept: " + e.getMessage() + "'; this endpoint serves application/json and "
                        + "text/csv (or add ?format=csv)").toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.of(Response.Status.NOT_FOUND, "not-found", "Not found",
                "No such resource; the reporting API serves GET /v1/kpis").toResponse();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Response.fromResponse(Problem.of(405, "method-not-allowed", "Method not allowed",
                "The reporting API is read-only: use GET", null).toResponse())
                // Every resource of this service is GET-only (HEAD comes with GET in JAX-RS).
                .header(HttpHeaders.ALLOW, "GET, HEAD").build();
    }

    @ServerExceptionMapper
    public Response database(ReportingDatabaseException e) {
        if (e.transientFailure()) {
            LOG.warnf("Database unavailable or too slow: %s", e.getMessage());
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                    "The report could not be read in time; try again later").toResponse();
        }
        LOG.error("Report query failed", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The report could not be computed; the error is logged").toResponse();
    }
}
