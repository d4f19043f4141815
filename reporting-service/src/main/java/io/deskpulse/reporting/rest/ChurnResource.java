package io.deskpulse.reporting.rest;

import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.reporting.rest.body.ChurnBody;
import io.deskpulse.reporting.rest.request.ChurnRequestParser;
import io.deskpulse.reporting.service.ChurnService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/customers/churn}: churned, renewed and active customers per period, and the churn rate. */
@Path("/v1/customers/churn")
@Tag(name = "customers", description = "Churn risk per customer")
@SecurityRequirement(name = KpiResource.SECURITY_SCHEME)
public class ChurnResource {

    private final ChurnRequestParser parser;
    private final ChurnService service;
    private final Caller caller;

    public ChurnResource(ChurnRequestParser parser, ChurnService service, Caller caller) {
        this.parser = parser;
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RequiresScope(Scope.READ)
    @Operation(operationId = "listChurn", summary = "Churned customers and the churn rate per period",
            description = "From customer.churned and customer.renewed events and the tickets' customers: per period, "
                    + "distinct customers who churned, who renewed, and who were active (a ticket created, a renewal or "
                    + "a churn in the period); churn_rate = churned_customers / active_customers; and the revenue the "
                    + "churns and renewals named, in one currency (null, and revenue_currency 'mixed', when they name "
                    + "several). Periods without activity are left out. See docs/kpis.md, Churn.")
    @Parameters({
        @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day, in tz; default to minus 89 days",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-09-01"),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, in tz; default today; at most 366 days",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-30"),
        @Parameter(name = "granularity", in = ParameterIn.QUERY, description = "The periods",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"day", "week", "month", "total"},
                        defaultValue = "month"),
                example = "month"),
        @Parameter(name = "tz", in = ParameterIn.QUERY, description = "IANA zone of the days; default the tenant's",
                schema = @Schema(type = SchemaType.STRING), example = "Europe/Berlin")
    })
    @APIResponse(responseCode = "200", description = "One row per period with any customer activity.",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = ChurnBody.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response churn(@Context UriInfo uri, @Context HttpHeaders headers) {
        String tenant = caller.tenant();
        return ReportResponses.serve(uri, headers, negotiation -> ChurnBody.of(service.periods(tenant,
                state -> negotiation.query(parser.churn(tenant, state, uri.getQueryParameters())))));
    }
}
