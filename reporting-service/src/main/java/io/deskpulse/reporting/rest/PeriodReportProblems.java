package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.domain.report.UnknownReportException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A period report the tenant does not have: a 404 problem that says which. */
public class PeriodReportProblems {

    @ServerExceptionMapper
    public Response unknownReport(UnknownReportException e) {
        return Problem.of(Response.Status.NOT_FOUND, "not-found", "Not found", e.getMessage()).toResponse();
    }
}
