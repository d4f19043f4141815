package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.rest.body.AtRiskBody;
import io.deskpulse.reporting.rest.request.AtRiskRequestParser;
import io.deskpulse.platform.security.Caller;
import io.deskpulse.platform.security.RequiresScope;
import io.deskpulse.platform.security.Scope;
import io.deskpulse.reporting.service.AtRiskService;
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

/** {@code GET /v1/customers/at-risk}: customers by churn-risk score over the last 30 days, with the signals behind it. */
@Path("/v1/customers/at-risk")
@Tag(name = "customers", description = "Churn risk per customer")
@SecurityRequirement(name = KpiResource.SECURITY_SCHEME)
public class AtRiskResource {

    private final AtRiskRequestParser parser;
    private final AtRiskService service;
    private final Caller caller;

    public AtRiskResource(AtRiskRequestParser parser, AtRiskService service, Caller caller) {
        this.parser = parser;
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RequiresScope(Scope.READ)
    @Operation(operationId = "listCustomersAtRisk", summary = "Customers at risk of churning, highest score first",
            description = "Per customer, from the tickets created in the 30 days ending as_of and their latest NPS "
                    + "response in those days: repeat contacts (3+ tickets), complaints, low CSAT (1-2), NPS detractor "
                    + "(0-6), reopens. Each signal gives points (see the AtRiskRow columns); the score is their sum, at "
                    + "most 100. Ties by customer_id. See docs/kpis.md, Churn risk.")
    @Parameters({
        @Parameter(name = "as_of", in = ParameterIn.QUERY, description = "The window's last day, in tz; default today",
                schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-30"),
        @Parameter(name = "tz", in = ParameterIn.QUERY, description = "IANA zone of the days; default the tenant's",
                schema = @Schema(type = SchemaType.STRING), example = "Europe/Berlin"),
        @Parameter(name = "min_score", in = ParameterIn.QUERY, description = "Only customers scoring at least this; "
                + "0 lists every customer with a ticket or NPS response in the window",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100", defaultValue = "1"), example = "50")
    })
    @APIResponse(responseCode = "200", description = "A page of customers, highest score first.",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = AtRiskBody.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response atRisk(@Context UriInfo uri, @Context HttpHeaders headers) {
        String tenant = caller.tenant();
        return ReportResponses.serve(uri, headers, negotiation -> AtRiskBody.of(service.page(tenant,
                state -> negotiation.query(parser.parse(tenant, state, uri.getQueryParameters())))));
    }
}
