package io.deskpulse.reporting.rest;

import io.deskpulse.platform.rest.Problem;
import io.deskpulse.reporting.domain.InvalidParametersException;
import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.ReportingDatabaseException;
import io.deskpulse.reporting.domain.contribution.ContributionsNotKeptException;
import io.deskpulse.reporting.domain.report.UnknownReportException;
import io.deskpulse.reporting.rest.request.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error as an RFC 9457 problem (docs/architecture.md), never a bare 500 for bad input. The problems are built
 * by static methods that {@link StandardResponsesFilter} also calls for the examples of the OpenAPI document.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidParameters(InvalidParametersException e) {
        return invalidParameters(e.errors()).toResponse();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return notAcceptable(e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownReport(UnknownReportException e) {
        return unknownReport(e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response contributionsNotKept(ContributionsNotKeptException e) {
        return contributionsNotKept().toResponse();
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
            return databaseUnavailable().toResponse();
        }
        LOG.error("Report query failed", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The report could not be computed; the error is logged").toResponse();
    }

    static Problem invalidParameters(List<ParameterError> parameterErrors) {
        List<Problem.FieldError> errors = parameterErrors.stream()
                .map(error -> new Problem.FieldError(null, error.field(), error.reason()))
                .toList();
        return Problem.of(400, "invalid-parameters", "Invalid parameters",
                errors.size() + (errors.size() == 1 ? " parameter is" : " parameters are") + " invalid", errors);
    }

    static Problem notAcceptable(String accept) {
        return Problem.of(Response.Status.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "Cannot answer 'Accept: " + accept + "'; this endpoint serves application/json and "
                        + "text/csv (or add ?format=csv)");
    }

    /** A period report the tenant does not have: a 404 that says which. */
    static Problem contributionsNotKept() {
        return Problem.of(Response.Status.CONFLICT, "contributions-not-kept", "Contributions not kept",
                ContributionsNotKeptException.DETAIL);
    }

    static Problem unknownReport(String detail) {
        return Problem.of(Response.Status.NOT_FOUND, "not-found", "Not found", detail);
    }

    static Problem databaseUnavailable() {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "The report could not be read in time; try again later");
    }
}
